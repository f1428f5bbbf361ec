"""The output workbook chi-tieu.xlsx: the indicators' numbers, beside the report.

Owns its layout (one row per indicator, numbers stored as numbers, a note sheet) and saving it
with fixed dates, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io

from ncnsc_reports.formatting import cite_short
from ncnsc_reports.inputs.xlsx import text_stays_text
from ncnsc_reports.outputs.xlsx_save import save_dated
from ncnsc_reports.report.phases import first_year_text
from ncnsc_reports.reproducible import normalise_zip

INDICATOR_BOOK = "chi-tieu.xlsx"
INDICATOR_HEADER = ("Mã", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giai đoạn {}", "Kết quả năm",
                    "Lũy kế", "Tỷ lệ đạt (%)", "Nguồn chỉ tiêu", "Địa bàn của kết quả",
                    "Kết quả năm toàn {kind}", "Lũy kế toàn {kind}")


def target_source(line) -> str:
    """Where a phase target comes from: the document, and the rule when it was derived
    (Tiền Giang 224/KH-UBND §I.2.b: “tăng ít nhất 10%”, rounded up to whole units)."""
    if line.period_target is None:
        return ""
    if not line.rule:
        return cite_short(line.source)
    return (f"{cite_short(line.source)}: {line.rule} ({line.derived_from} → "
            f"{line.period_target}, làm tròn lên)")


def indicator_workbook(results, illustrative: bool, when=None, finish=None,
                       kind: str = "tỉnh") -> bytes:
    """Return chi-tieu.xlsx: one row per indicator, numbers stored as numbers; `kind` is how
    the province names itself (“tỉnh”, or “thành phố” for a centrally-run city: “toàn thành
    phố”, as the report says it, issue 22).

    With `when` (a datetime), its dates and zip entries carry it: the file is reproducible; and
    `finish` (e.g. `fingerprint.fingerprinted`) changes its parts as they are zipped.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([h.format(results.phase.label, kind=kind) for h in INDICATOR_HEADER])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in results.indicators:
        rate = float(r.completion) if r.completion is not None else None
        ws.append([r.code, r.name, r.unit, r.period_target, *_results(r), rate,
                   target_source(r), *_territory(r, f"toàn {kind}")])
    for letter, width in zip("ABCDEFGHIJK", (10, 60, 14, 18, 14, 12, 14, 50, 34, 14, 14),
                             strict=True):
        ws.column_dimensions[letter].width = width
    note = wb.create_sheet("Ghi chú")
    note.append([_note(results)])
    if illustrative:
        note.append(["DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật"])
        wb.properties.title = "DỮ LIỆU MINH HỌA"
    text_stays_text(wb)
    if when is not None:
        return normalise_zip(save_dated(wb, when), when, finish)
    if finish is not None:
        raise ValueError("finish needs when: the parts are changed as the zip is normalised")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _results(line) -> tuple:
    """The year's and cumulative results where the rate is measured; none (blank cells) when
    the records cannot be told apart by territory (domain.md §7: no mixed bases)."""
    placed = getattr(line, "placed", True)
    return (line.year_result, line.cumulative) if placed else (None, None)


def _territory(line, whole_words: str) -> tuple:
    """Where the results of the row lie (`whole_words`: “toàn tỉnh”, “toàn thành phố”), and
    the whole province's when that differs."""
    if not getattr(line, "territory", ""):
        return whole_words, line.year_result, line.cumulative
    if not line.placed:
        return f"{whole_words} (không tách được theo địa bàn)", line.year_result, line.cumulative
    whole = (line.whole_year, line.whole_cumulative) if line.whole_year is not None else (
        line.year_result, line.cumulative)
    return f"địa bàn {line.territory}", *whole


def _note(results) -> str:
    """The note sheet's first line; in a phase's first year the cumulative is that year's
    result, said once (not “lũy kế từ năm 2026 đến hết năm 2026”)."""
    if results.first_year == results.year:
        span = (f"Kết quả năm {results.year} ({first_year_text(results.phase)}); lũy kế bằng "
                "kết quả năm")
    else:
        span = (f"Kết quả năm {results.year}; lũy kế từ năm {results.first_year} đến hết năm "
                f"{results.year}")
    return f"{span}; tỷ lệ đạt = lũy kế / chỉ tiêu giai đoạn."

