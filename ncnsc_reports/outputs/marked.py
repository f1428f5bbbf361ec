"""Errors shown on the workbook itself: a marked copy of each workbook a build found fault with.

A clerk lives in Excel, not in the terminal (issue 23, item 2). For every workbook named by the
problems, a copy is written into outputs/<tỉnh>/<thư mục>/loi/<tên sổ>-loi.xlsx: each faulty
cell filled (red for an error, yellow for a warning) and given a comment holding the Vietnamese
message; a problem about a whole row marks the row, one about a column its header. A first
sheet “Lỗi” lists every problem with a link to its cell. The original workbook is only read,
never written; the copies are written all or none (outputs.write), and a copy the clerk edited
is kept, not overwritten.

`mark_workbooks` is the one entry point, for the CLI and the web page alike;
`marked_on_failure` runs a build and, when it fails on the inputs, marks them; `clear_marked`
removes the copies once a build passes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from ncnsc_reports.errors import InputError, NcnscError
from ncnsc_reports.inputs.cells import normalise
from ncnsc_reports.inputs.xlsx import text_stays_text, unreadable_reason
from ncnsc_reports.outputs.write import manifest_path, write_outputs
from ncnsc_reports.outputs.xlsx_save import save_dated
from ncnsc_reports.problems import Location, Problem

MARKED_DIR = "loi"
LIST_SHEET = "Lỗi"
AUTHOR = "ncnsc-report"
# Fill colours as Excel's own “Bad” and “Neutral” cell styles (light red, light yellow).
ERROR_FILL, WARNING_FILL = "FFC7CE", "FFEB9C"
_LETTERS = re.compile(r"[A-Z]{1,3}")
_HEADERS = ("STT", "Mức", "Trang", "Ô", "Nội dung")
_WIDTHS = (6, 10, 24, 10, 100)
# A row is marked up to its last header, at most this far: a sheet formatted to column XFD
# must not get sixteen thousand filled cells.
_MAX_ROW_CELLS = 60


def mark_workbooks(problems: list[Problem], folder: Path, out_dir: Path,
                   include_warnings: bool = False) -> list[Path]:
    """Write a marked copy of each workbook the problems name; return the copies' paths.

    `folder` is the year (or period) folder the problems were found in: a problem's file is
    named relative to it, to its province folder (ho-so-tinh.xlsx, “2022/…”) or to inputs/
    (a predecessor's “tien-giang/2024/…”). `out_dir` is the build's output folder; the copies
    go into its “loi” subfolder. Warnings are marked only with `include_warnings`. Problems
    not in a workbook (a folder, a Word template) and workbooks that cannot be opened are
    left out: the printed list still names them.
    """
    by_file: dict[Path, list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.is_error or include_warnings:
            path = _workbook_of(problem.where, Path(folder))
            if path is not None:
                by_file[path].append(problem)
    files = {}
    for path, found in by_file.items():
        data = _marked_copy(path, found)
        if data is not None:
            files[_copy_name(found[0].where.file)] = data
    if not files:
        return []
    target = Path(out_dir) / MARKED_DIR
    written = write_outputs(target, files)
    return [target / name for name in files] + list(written.kept.values())


def clear_marked(out_dir: Path) -> list[Path]:
    """Remove the marked copies a failed build left in `out_dir`/loi once a build passes (a
    copy of errors already fixed would mislead); a copy the clerk edited is left. Return the
    copies removed."""
    target = Path(out_dir) / MARKED_DIR
    if not target.is_dir():
        return []
    removed = write_outputs(target, {}).removed
    with contextlib.suppress(OSError):  # only when nothing is left: no copy edited by hand
        target.rmdir()
        manifest_path(target).unlink()
    return removed


def marked_on_failure(action, folder: Path, out_dir: Path, include_warnings: bool = False):
    """Return `action()`; when it raises InputError, mark the workbooks it names first (their
    copies in `err.marked`). A copy that cannot be written never hides the errors themselves."""
    try:
        return action()
    except InputError as err:
        try:
            err.marked = mark_workbooks(err.problems, folder, out_dir, include_warnings)
        except (NcnscError, OSError):
            err.marked = []
        raise


def _workbook_of(where: Location, folder: Path) -> Path | None:
    """The workbook a problem's file label names, looked for where labels are relative to."""
    if where.in_template or not where.file.lower().endswith(".xlsx"):
        return None
    for base in (folder, folder.parent, folder.parent.parent):
        candidate = base / where.file
        if candidate.is_file():
            return candidate
    return None


def _copy_name(label: str) -> str:
    """“don-vi/phieu-so-cong-thuong.xlsx” → “don-vi-phieu-so-cong-thuong-loi.xlsx”."""
    stem = label[: -len(".xlsx")].replace("\\", "/").strip("/")
    return "-".join(part for part in stem.split("/") if part not in ("", ".", "..")) + "-loi.xlsx"


def _marked_copy(path: Path, problems: list[Problem]) -> bytes | None:
    """The bytes of the workbook with its problems marked, or None if it cannot be opened."""
    import openpyxl

    if unreadable_reason(path):
        return None
    try:
        wb = openpyxl.load_workbook(path, rich_text=False)
    except Exception:  # a part the reader took but openpyxl refuses: the list still says all
        return None
    marks = [_place(wb, p) for p in problems]
    for problem, cells in zip(problems, marks, strict=True):
        for n, (ws, ref) in enumerate(cells):
            _mark_cell(ws[ref], problem, comment=not n)
    _list_sheet(wb, problems, marks)
    text_stays_text(wb)
    # dated as the original was saved: the same workbook and problems give the same copy
    return save_dated(wb, dt.datetime.fromtimestamp(int(path.stat().st_mtime)))


def _place(wb, problem: Problem) -> list[tuple[object, str]]:
    """The cells that show a problem (the first carries the comment): its cell; its row, up
    to the last header; its column's header. None for a whole sheet or file."""
    from openpyxl.utils import get_column_letter

    where = problem.where
    if where.sheet not in wb.sheetnames or (where.row is None and where.column is None):
        return []
    ws = wb[where.sheet]
    letter = _column_letter(ws, where.column) if where.column else None
    if where.row is not None and letter:
        return [(ws, f"{letter}{where.row}")]
    if where.row is not None:
        return [(ws, f"{get_column_letter(c)}{where.row}") for c in range(1, _last_header(ws) + 1)]
    return [(ws, f"{letter}1")] if letter else []


def _last_header(ws) -> int:
    """The column of the last filled header cell (row 1), at least 1."""
    filled = [c.column for c in next(ws.iter_rows(min_row=1, max_row=1,
                                                   max_col=_MAX_ROW_CELLS), ())
              if c.value not in (None, "")]
    return max(filled, default=1)


def _column_letter(ws, column: str) -> str | None:
    """The letter of the column whose header (row 1) is `column`, or `column` if a letter."""
    from openpyxl.utils import get_column_letter


    wanted = normalise(column)
    for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
        if isinstance(cell.value, str) and normalise(cell.value) == wanted:
            return get_column_letter(cell.column)
    return column if _LETTERS.fullmatch(column) else None


def _mark_cell(cell, problem: Problem, comment: bool = True) -> None:
    """Fill the cell and add the message to its comment (after any earlier one)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    colour = ERROR_FILL if problem.is_error else WARNING_FILL
    if not (cell.fill.fgColor.rgb or "").endswith(ERROR_FILL):  # an error's red stays red
        cell.fill = PatternFill("solid", fgColor=colour)
    if not comment:
        return
    line = f"{problem.severity.value}: {problem.message}"
    old = cell.comment.text if cell.comment is not None else ""
    text = f"{old}\n\n{line}" if old else line
    cell.comment = Comment(text, AUTHOR, width=420, height=min(60 + len(text) // 2, 400))


def _list_sheet(wb, problems: list[Problem], marks: list[list]) -> None:
    """Insert the first sheet “Lỗi”: one row a problem, with a link to its first cell."""
    from openpyxl.styles import Font

    if LIST_SHEET in wb.sheetnames:  # a marked copy marked again: the old list goes
        del wb[LIST_SHEET]
    ws = wb.create_sheet(LIST_SHEET, 0)
    ws.append(_HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for n, (problem, cells) in enumerate(zip(problems, marks, strict=True), start=1):
        sheet = problem.where.sheet
        ref = cells[0][1] if cells else ("A1" if sheet in wb.sheetnames else "")
        ws.append((n, problem.severity.value, sheet or "", ref if cells else "",
                   f"{problem.where}: {problem.message}"))
        if ref:  # a whole sheet's problem links to the sheet
            _link(ws.cell(row=n + 1, column=4 if cells else 3), sheet, ref)
    _layout(ws)
    wb.active = 0
    for sheet in wb.worksheets[1:]:
        sheet.sheet_view.tabSelected = False


def _link(cell, sheet: str, ref: str) -> None:
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    quoted = sheet.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!{ref}")
    cell.font = Font(color="0563C1", underline="single")


def _layout(ws) -> None:
    """Widths, wrapped messages, the header kept in view; printed one page wide."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in range(2, ws.max_row + 1):
        for col in range(1, len(_WIDTHS)):
            ws.cell(row=row, column=col).alignment = Alignment(vertical="top")
        message = ws.cell(row=row, column=len(_WIDTHS))
        message.alignment = Alignment(wrap_text=True, vertical="top")
        # rows are not fitted to wrapped text on opening (LibreOffice): a line per column
        # width of characters, 15 points a line
        ws.row_dimensions[row].height = 15 * (len(message.value) // _WIDTHS[-1] + 1)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
