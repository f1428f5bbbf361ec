"""The workbooks written beside a period summary: its indicators, budget and chart figures.

`tong-ket-chi-tieu.xlsx` holds the summary's table (numbers stored as numbers), the budget by
year, and a sheet “Biểu đồ” with every series the charts plot and the pictures themselves, so
the figures can be checked, reused or redrawn. Dates come from the report, not the clock.
"""

from __future__ import annotations

import io
from dataclasses import replace

from ncnsc_reports.formatting import format_number
from ncnsc_reports.outputs.xlsx_save import save_dated
from ncnsc_reports.render.context import ILLUSTRATIVE_NOTE
from ncnsc_reports.reproducible import normalise_zip

INDICATOR_SHEET, BUDGET_SHEET, CHART_SHEET, NOTE_SHEET, TOTAL_SHEET = (
    "Chỉ tiêu", "Kinh phí", "Biểu đồ", "Ghi chú", "Toàn tỉnh")
SERIES_HEADER = ("Biểu đồ", "Mã", "Chỉ tiêu", "Đơn vị tính", "Dãy số liệu")


def summary_workbook(period, results, charts, when, finish=None) -> bytes:
    """Return tong-ket-chi-tieu.xlsx of a period summary (`finish`: see `dated_bytes`)."""
    from openpyxl import Workbook

    wb = Workbook()
    _indicators(wb.active, results)
    for n, part in enumerate(results.former, start=2):  # a merged province (issue 22 item 2)
        _indicators(wb.create_sheet(), part.results, f"{INDICATOR_SHEET} {n}",
                    f"Địa bàn {part.former.words}")
    if results.total:
        _indicators(wb.create_sheet(), replace(results, indicators=results.total),
                    TOTAL_SHEET, "Toàn tỉnh, mỗi doanh nghiệp tính một lần")
    _budget(wb.create_sheet(BUDGET_SHEET), results)
    _charts(wb.create_sheet(CHART_SHEET), charts)
    note = wb.create_sheet(NOTE_SHEET)
    first, last = period.period.start, period.period.end
    note.append([f"Báo cáo {period.kind} giai đoạn {first}-{last} – {period.agency.place}. Kết "
                 "quả từng năm tính từ số liệu của từng năm như báo cáo năm; lũy kế và tỷ lệ đạt "
                 f"như báo cáo năm {last}; tỷ lệ đạt = lũy kế / chỉ tiêu giai đoạn."])
    if period.illustrative:
        note.append([ILLUSTRATIVE_NOTE])
        wb.properties.title = "DỮ LIỆU MINH HỌA"
    return dated_bytes(wb, when, finish)


def _bold_header(ws, header, widths) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append(list(header))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _indicators(ws, results, title: str = INDICATOR_SHEET, where: str = "") -> None:
    """One row per indicator; a sheet of another territory says which on its first row."""
    ws.title = title
    if where:
        ws.append([where])
    years = [str(y) for y in results.phase_years]
    _bold_header(ws, ("Mã", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giai đoạn", *years, "Lũy kế",
                      "Tỷ lệ đạt (%)", "Đánh giá"),
                 (10, 60, 14, 16, *[10] * len(years), 10, 12, 12))
    for i in results.indicators:
        rate = float(i.completion) if i.completion is not None else None
        met = None if i.met is None else ("Đạt" if i.met else "Chưa đạt")
        ws.append([i.code, i.name, i.unit, i.period_target, *i.results, i.cumulative, rate, met])


def _budget(ws, results) -> None:
    _bold_header(ws, ("Năm", "Dự toán theo Kế hoạch (đồng)", "Đã sử dụng (đồng)",
                      "Tỷ lệ sử dụng (%)"), (10, 28, 22, 18))
    for b in results.budget:
        ws.append([b.year, b.planned, b.spent, float(b.rate) if b.rate is not None else None])
    rate = float(results.budget_completion) if results.budget_completion is not None else None
    ws.append(["Cộng", results.planned_total, results.spent_total, rate])


def _charts(ws, charts) -> None:
    """Every plotted series, one row each, then the pictures below the table."""
    from openpyxl.drawing.image import Image

    years = max((c.data.years for c in charts), key=len, default=())
    _bold_header(ws, (*SERIES_HEADER, *[str(y) for y in years]), (10, 8, 50, 14, 22))
    for number, chart in enumerate(charts, start=1):
        for panel in chart.data.panels:
            for series in panel.series:
                by_year = dict(zip(chart.data.years, series.values, strict=True))
                ws.append([number, panel.code, panel.title, panel.unit, series.label,
                           *[by_year.get(y) for y in years]])
    row = ws.max_row + 2
    for chart in charts:
        ws.cell(row, 1, chart.data.caption)
        picture = Image(io.BytesIO(chart.png))
        picture.width, picture.height = picture.width * 0.35, picture.height * 0.35
        ws.add_image(picture, f"A{row + 1}")
        row += int(picture.height / 20) + 4


def dated_bytes(wb, when, finish=None) -> bytes:
    """Save a workbook with `when` as its dates and zip entries: reproducible bytes
    (openpyxl's save() would stamp `modified` with the clock). `finish` (e.g.
    `fingerprint.fingerprinted`) changes its parts as they are zipped."""
    return normalise_zip(save_dated(wb, when), when, finish)


def plan_workbook(period, plan, when, finish=None) -> bytes:
    """Return du-thao-chi-tieu.xlsx: every figure of the draft plan beside the rule it follows."""
    from openpyxl import Workbook

    span = period.period.label
    nxt = f"{plan.phase[0]}-{plan.phase[1]}"
    wb = Workbook()
    ws = wb.active
    ws.title = f"Chỉ tiêu {nxt}"
    _bold_header(ws, ("Mã", "Chỉ tiêu", "Đơn vị tính", f"Chỉ tiêu {span}", f"Kết quả {span}",
                      "Cách tính", "Căn cứ", "Tỷ lệ (%)", "Căn cứ × tỷ lệ", f"Chỉ tiêu {nxt}",
                      "Diễn giải", "Địa bàn giai đoạn trước"),
                 (10, 50, 14, 14, 14, 44, 10, 10, 14, 14, 40, 70))
    for t in plan.targets:
        ws.append([t.code, t.name, t.unit, t.previous_target, t.previous_result, plan.rule,
                   t.base, t.percent, float(t.exact), t.target,
                   f"{format_number(t.base)} × {t.percent}% = {format_number(t.exact, 2)}, "
                   f"làm tròn lên {format_number(t.target)}",
                   t.trace or "toàn tỉnh"])
    budget = wb.create_sheet(f"Kinh phí {nxt}")
    _bold_header(budget, ("Năm", "Dự kiến kinh phí (đồng)", "Diễn giải"), (10, 24, 90))
    for b in plan.budget:
        how = (f"{format_number(plan.average_spent, 0)} đồng (đã sử dụng bình quân năm {span}) "
               f"× {plan.percent}%, làm tròn lên triệu đồng" if b.from_rule
               else "theo trang “Kinh phí giai đoạn sau” của sổ tổng kết")
        budget.append([b.year, b.amount, how])
    budget.append(["Cộng", plan.budget_total, ""])
    note = wb.create_sheet(NOTE_SHEET)
    note.append([f"Dự thảo Kế hoạch giai đoạn {nxt}: chỉ tiêu = căn cứ ({plan.rule.lower()}) × "
                 f"{plan.percent}%, làm tròn lên số nguyên; số liệu giai đoạn {span} từ báo cáo "
                 f"{period.kind}."])
    if period.illustrative:
        note.append([ILLUSTRATIVE_NOTE])
        wb.properties.title = "DỮ LIỆU MINH HỌA"
    return dated_bytes(wb, when, finish)
