"""The Excel cell (“D2”) of each problem located by sheet, row and column, for the page.

The readers locate a problem by the column's header (“cột “Ngày ban hành””), which is what a
clerk reads in the workbook; the page adds the cell reference Excel shows in its Name Box, found
by reading the header row of that sheet in the workbook the problem names (labels are relative
to the folder, its province or inputs/, as outputs.marked reads them).
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.problems import Problem


def cell_names(problems: list[Problem], folder: Path) -> dict[Problem, str]:
    """{problem: “D2”} for the problems that name a sheet, a row and a column found there."""
    wanted = [p for p in problems if not p.where.in_template and p.where.sheet
              and p.where.row and p.where.column]
    headers: dict[tuple[str, str], dict[str, str]] = {}
    names = {}
    for problem in wanted:
        where = problem.where
        key = (where.file, where.sheet)
        if key not in headers:
            headers[key] = _header_letters(_workbook(where.file, folder), where.sheet)
        letter = headers[key].get(where.column)
        if letter:
            names[problem] = f"{letter}{where.row}"
    return names


def _workbook(label: str, folder: Path) -> Path | None:
    if not label.lower().endswith(".xlsx"):
        return None
    for base in (folder, folder.parent, folder.parent.parent):
        if (base / label).is_file():
            return base / label
    return None


def _header_letters(book: Path | None, sheet: str) -> dict[str, str]:
    """{header text: column letter} of row 1 of `sheet` ({} when it cannot be read)."""
    if book is None:
        return {}
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        wb = load_workbook(book, read_only=True)
        try:
            row = next(wb[sheet].iter_rows(min_row=1, max_row=1, values_only=True), ())
        finally:
            wb.close()
    except Exception:  # only a help for the eye: the problem is shown all the same
        return {}
    return {str(v).strip(): get_column_letter(i) for i, v in enumerate(row, 1)
            if v is not None}
