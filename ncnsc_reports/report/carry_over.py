"""What `new-year` carries from the previous year's workbook into the new one — the one place.

A report's frame stands from year to year; its results do not. Carried rows are marked
“Chưa xem lại” in the column “Chép từ năm trước” (schema.REVIEW) until the clerk has read them,
and the build warns while any mark remains (see `unreviewed_rows`).

| Sheet            | Carried                                                                  |
|------------------|--------------------------------------------------------------------------|
| Thông tin chung  | “Dữ liệu minh họa” (carried text is as illustrative as it was); the new  |
|                  | year; nothing else (number, date, spending are the year's own)           |
| Nội dung         | sections in CARRIED_SECTIONS: Mở đầu, I.1.a (lead sentence), III.1,      |
|                  | III.2, IV — the basis, the solutions and recommendations                 |
| Văn bản          | I.1.a documents still in force in the new year (`in_force_until`);      |
|                  | I.1.b (the year's own management documents) is not carried              |
| Nơi nhận         | the year's own list of recipients, when it had one                       |
| record sheets    | nothing: support, classes, experts, news and surveys are the year's own |
"""

from __future__ import annotations

import re

from ncnsc_reports.inputs.schema import (
    NOT_REVIEWED,
    RECORD_SHEETS,
    YEAR_CONTENT,
    YEAR_DOCUMENTS,
    YEAR_GENERAL,
    YEAR_RECIPIENTS,
    YEAR_SETTINGS,
    SheetSpec,
)
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.phases import phase_of

CARRIED_SECTIONS = ("Mở đầu", "I.1.a", "III.1", "III.2", "IV")
CARRIED_DOCUMENT_SECTIONS = ("I.1.a",)
CARRIED_SETTINGS = ("illustrative",)
MARKED_SHEETS = (YEAR_CONTENT, YEAR_DOCUMENTS, YEAR_RECIPIENTS)

_RANGE = re.compile(r"(?<!\d)(\d{4})\s*[-–—]\s*(\d{4})(?!\d)")
_YEAR = re.compile(r"\bnăm\s+(\d{4})(?!\d)", re.IGNORECASE)


def in_force_until(row: Row) -> int:
    """Return the last year a document of I.1.a applies to, read from its own words.

    “giai đoạn 2023-2025” ends in 2025, “năm 2023” in 2023, “đến năm 2030” in 2030 (the latest
    year named wins: “năm 2021 và giai đoạn 2024-2026” ends in 2026). A document naming no
    year is taken to last until the end of the programme's phase in which it was issued (QĐ
    1322: 2021-2025, 2026-2030): a 2021-2025 plan is not carried into a 2026 book.
    """
    subject = str(row["subject"] or "")
    years = [int(m[2]) for m in _RANGE.finditer(subject)]
    years += [int(m[1]) for m in _YEAR.finditer(subject)]
    if years:
        return max(years)
    issued = row["issued"]
    return phase_of(issued.year).end if issued else 0


def carried_rows(sheets: dict[str, list[Row]], year: int) -> dict[str, list[tuple]]:
    """Return, by sheet, the rows of last year's `sheets` that start the `year` workbook."""
    kept = {r["label"]: r["value"] for r in sheets.get(YEAR_GENERAL.name, [])
            if r["value"] is not None}
    general = [(s.label, year if s.key == "year" else
                kept.get(s.label) if s.key in CARRIED_SETTINGS else None) for s in YEAR_SETTINGS]
    content = [r for r in sheets.get(YEAR_CONTENT.name, [])
               if r["section"] in CARRIED_SECTIONS and r["text"]]
    documents = [r for r in sheets.get(YEAR_DOCUMENTS.name, [])
                 if r["section"] in CARRIED_DOCUMENT_SECTIONS and in_force_until(r) >= year]
    recipients = [r for r in sheets.get(YEAR_RECIPIENTS.name, []) if r["recipient"]]
    return {YEAR_GENERAL.name: general,
            YEAR_CONTENT.name: _marked(YEAR_CONTENT, content),
            YEAR_DOCUMENTS.name: _marked(YEAR_DOCUMENTS, documents),
            YEAR_RECIPIENTS.name: _marked(YEAR_RECIPIENTS, recipients)}


def _marked(spec: SheetSpec, rows: list[Row]) -> list[tuple]:
    """Return the rows as tuples in the sheet's column order, each marked not reviewed."""
    return [tuple(NOT_REVIEWED if c.key == "review" else row[c.key] for c in spec.columns)
            for row in rows]


def unreviewed_rows(sheets: dict[str, list[Row]], file: str, year: int,
                    problems: Problems) -> int:
    """Warn, per sheet, about the rows still marked “Chưa xem lại”; return how many rows
    of the marked sheets were reviewed or added by the clerk."""
    own = 0
    for spec in MARKED_SHEETS:
        rows = sheets.get(spec.name, [])
        marked = [r for r in rows if r["review"] == NOT_REVIEWED]
        own += len(rows) - len(marked)
        if marked:
            problems.warning(Location(file, spec.name, column="Chép từ năm trước"), (
                f"{len(marked)} dòng chép từ năm trước chưa được xem lại (dòng "
                f"{_row_ranges(marked)}); hãy đọc, sửa cho đúng năm {year} rồi chọn “Đã xem "
                "lại” ở cột này"))
    return own


def _row_ranges(rows: list[Row]) -> str:
    """“2 (Mở đầu), 5–16 (III.2)”: consecutive rows of one section as one range."""
    runs: list[list] = []
    for row in rows:
        section = row.values.get("section")
        if runs and runs[-1][2] == section and runs[-1][1] == row.where.row - 1:
            runs[-1][1] = row.where.row
        else:
            runs.append([row.where.row, row.where.row, section])
    return ", ".join((str(a) if a == b else f"{a}–{b}") + (f" ({s})" if s else "")
                     for a, b, s in runs)


def has_records(sheets: dict[str, list[Row]]) -> bool:
    """Return whether the clerk typed any record (support, class, expert, news, survey)."""
    return any(sheets.get(spec.name) for spec in RECORD_SHEETS)
