"""Reading workbooks into rows of typed values, each tagged with file › sheet › row › column.

Owns opening an .xlsx, matching Vietnamese headers and what a sheet can hide from a reader:
merged cells (an error naming the range), formulas (their value as Excel last calculated it;
an error if Excel never did, or if the result is an error such as #DIV/0!), hidden rows and
sheets (read like any other, with a warning), and rows repeated word for word (a warning
naming both rows). One cell's value is `cells`' business. It never raises per cell: every
problem goes into a `Problems` list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ncnsc_reports.inputs import xlsx
from ncnsc_reports.inputs.cells import blank as _blank
from ncnsc_reports.inputs.cells import clean_text as clean_text
from ncnsc_reports.inputs.cells import normalise as normalise
from ncnsc_reports.inputs.cells import parse_cell as parse_cell
from ncnsc_reports.inputs.display import Typed, shown
from ncnsc_reports.inputs.regular import is_input_name
from ncnsc_reports.inputs.schema import OTHER_WORKBOOKS, RECORD_SHEETS, Setting, SheetSpec
from ncnsc_reports.inputs.sheet_names import check_sheet_names
from ncnsc_reports.inputs.sheet_xml import DAMAGED, SheetData, read_sheet_data
from ncnsc_reports.inputs.xlsx_book import Book, open_book
from ncnsc_reports.problems import Location, Problems, command


@dataclass
class Row:
    """One filled row of a sheet: typed values by column key, and where it came from."""

    values: dict[str, Any]
    where: Location
    unit: str = ""  # the unit whose contribution form holds the row; "" for the year book
    raw: dict[str, Any] = field(default_factory=dict)  # cells as read, before typing

    def __getitem__(self, key: str) -> Any:
        """Return the value of column `key` (None when its cell is empty). A key that no column
        of the sheet has is a misspelling in the code: KeyError, never a silent None."""
        try:
            return self.values[key]
        except KeyError:
            raise KeyError(f"no column {key!r} in this row (columns: {', '.join(self.values)})"
                           ) from None


@dataclass(frozen=True)
class Unusable:
    """A cell whose content cannot be used; `message` is recorded where its column is known.

    A cell covered by a merged range has no message: the range is reported once, as a whole.
    """

    message: str | None = None


def open_workbook(path: Path, problems: Problems, label: str | None = None) -> Book | None:
    """Open an .xlsx for reading (formulas give the value Excel last calculated); on failure
    record why and return None. Close the book when done."""
    reason = xlsx.unreadable_reason(path)
    if reason:
        problems.error(Location(label or path.name), reason)
        return None
    try:
        return open_book(path)
    except Exception as err:  # zipfile, lxml, expat and the parts' own checks raise many kinds
        _damaged(Location(label or path.name), err, problems)
        return None


def _damaged(where: Location, err: Exception, problems: Problems) -> None:
    kind = type(err).__name__  # for whoever the clerk asks for help
    if kind == "error":  # zlib.error, expat's error: name the module too
        kind = f"{type(err).__module__}.error"
    problems.error(where, f"sổ Excel bị hỏng, không đọc được ({kind}); hãy mở bằng Excel, lưu "
                          "lại rồi chạy lại")


def read_sheet(book: Book, spec: SheetSpec, file: str, problems: Problems) -> list[Row]:
    """Return the filled rows of one sheet, typed by the spec; record every problem."""
    where = Location(file, spec.name)
    if spec.name not in book.sheetnames:
        if spec.required:
            problems.error(Location(file), f"thiếu trang “{spec.name}” ({spec.help})")
        return []
    try:
        ws = read_sheet_data(book, spec.name)
    except DAMAGED as err:
        _damaged(where, err, problems)
        return []
    if ws.unreadable:
        row, col = ws.unreadable
        problems.error(where.at(row, xlsx.column_letter(max(col, 1))),
                       f"{ws.unreadable_what}; hãy xóa hoặc gõ lại ô này")
        return []
    if ws.state != "visible":
        problems.warning(where, "trang đang bị ẩn trong Excel nhưng vẫn được đọc và đưa vào báo "
                                "cáo; nếu không cần, hãy xóa nội dung của trang")
    grid = _grid(ws, ws.formulas)
    if not grid.get(1):
        if spec.required:
            problems.error(where, "trang trống, cần dòng tiêu đề ở dòng 1")
        return []
    header = [grid[1].get(c) for c in range(1, max(grid[1]) + 1)]
    _report_merged(ws, header, where, problems)
    columns = _match_headers([None if isinstance(h, Unusable) else h for h in header],
                             spec, where, problems)
    if columns is None:
        return []
    _report_unheaded(grid, header, where, problems)
    rows = [_read_row(grid[number], number, columns, where, problems)
            for number in sorted(grid) if number > 1
            and not all(_nothing(c) for c in grid[number].values())]
    _report_hidden_rows(ws, rows, where, problems)
    if not any(c.key == "label" for c in spec.columns):  # key/value sheets: see validation
        _report_repeated_rows(rows, problems)
    return rows


def _grid(ws: SheetData, formulas: dict[tuple[int, int], str]) -> dict[int, dict[int, Any]]:
    """Return {row: {column: value}} of the cells that hold something, as Excel shows them.

    Only the cells stored with a value (or a formula) are visited, whatever the sheet's declared
    size: a cell formatted at XFD1048576 (a whole column or row formatted) costs nothing.
    """
    covered = _covered(ws)
    grid: dict[int, dict[int, Any]] = {}
    for at in formulas:
        grid.setdefault(at[0], {})[at[1]] = _cell_value(at, None, "n", covered, formulas)
    for at, (value, data_type, fmt) in ws.cells.items():
        value = _cell_value(at, value, data_type, covered, formulas)
        if not isinstance(value, str | Unusable):  # a number, date, time or TRUE as Excel showed it
            value = Typed(value, shown(value, fmt), fmt, ws.date1904)
        grid.setdefault(at[0], {})[at[1]] = value
    for row, col in _covered_cells(ws, grid):  # a covered cell is part of a reported range
        grid[row][col] = Unusable()
    return grid


def _covered(ws):
    """Return whether a (row, column) lies in a merged range, other than its top-left cell."""
    bounds = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged]
    return lambda at: any(r0 <= at[0] <= r1 and c0 <= at[1] <= c1 and at != (r0, c0)
                          for r0, c0, r1, c1 in bounds)


def _covered_cells(ws, grid: dict):
    """Yield the covered cells of merged ranges in rows that hold something (a range as big as
    the sheet costs no more than its filled rows)."""
    for r in ws.merged:
        for row in (n for n in grid if r.min_row <= n <= r.max_row):
            for col in range(r.min_col, min(r.max_col, 16384) + 1):
                if (row, col) != (r.min_row, r.min_col) and grid[row].get(col) is None:
                    yield row, col


def _report_unheaded(grid: dict, header: list, where: Location, problems: Problems) -> None:
    """Record every filled cell in a column with no header: its content would be dropped."""
    for number in sorted(n for n in grid if n > 1):
        for col, value in sorted(grid[number].items()):
            if _nothing(value) or (col <= len(header) and not _blank(header[col - 1])):
                continue
            letter = xlsx.column_letter(col)
            problems.error(where.at(number, letter), f"ô {letter}{number} có nội dung "
                           f"“{_short(value)}” nhưng cột {letter} không có tiêu đề ở dòng 1 nên "
                           "nội dung sẽ bị bỏ sót; hãy chuyển nội dung sang đúng cột, hoặc xóa "
                           "nếu không cần")


def _short(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:40] + "…"


def _nothing(value: Any) -> bool:
    return _blank(value) or value == Unusable()


def _cell_value(at: tuple[int, int], value: Any, data_type: str, covered,
                formulas: dict[tuple[int, int], str]) -> Any:
    if covered(at):
        return Unusable()
    if at in formulas:
        return Unusable(f"cần giá trị của công thức “{formulas[at]}”, nhưng ô chưa được tính "
                        "(sổ chưa từng được lưu bằng Excel); hãy mở sổ bằng Excel, lưu lại "
                        "(Ctrl+S) rồi chạy lại")
    if data_type == "e":
        return Unusable(f"cần một giá trị, nhưng gặp lỗi công thức “{value}”; hãy sửa "
                        "công thức trong Excel hoặc ghi thẳng giá trị")
    return value  # text: Excel's escapes already decoded, once, by the reader (sheet_xml)


def _report_merged(ws, header: list, where: Location, problems: Problems) -> None:
    """Record every merged range holding a value: it belongs to one row and one column only."""
    for r in sorted(ws.merged, key=lambda r: (r.min_row, r.min_col)):
        if _blank(ws.value(r.min_row, r.min_col)):
            continue  # nothing in it, nothing to misplace
        name = header[r.min_col - 1] if r.min_col <= len(header) else None
        column = str(name) if not _blank(name) and not isinstance(name, Unusable) else None
        problems.error(where.at(r.min_row, column), f"cần mỗi ô một giá trị riêng, nhưng các ô "
                       f"{r.coord} đang được gộp (Merge); hãy bỏ gộp ô (Home › Merge & Center) "
                       "và ghi giá trị vào từng ô")


def _report_hidden_rows(ws, rows: list[Row], where: Location, problems: Problems) -> None:
    hidden = [row.where.row for row in rows if row.where.row in ws.hidden_rows]
    if hidden:
        problems.warning(where, f"dòng {', '.join(map(str, hidden))} đang bị ẩn trong Excel "
                                "nhưng vẫn được đưa vào báo cáo; muốn bỏ dòng nào thì xóa hẳn "
                                "dòng đó")


def _report_repeated_rows(rows: list[Row], problems: Problems) -> None:
    """Warn about a row equal, cell for cell, to an earlier one (usually pasted twice)."""
    first: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row.values.values())
        if all(v is None for v in key):
            continue
        if key in first:
            problems.warning(row.where, f"trùng hoàn toàn với dòng {first[key]} nên sẽ được "
                                        "tính, in hai lần; nếu không cố ý, hãy xóa một dòng")
        else:
            first[key] = row.where.row


def _match_headers(header, spec: SheetSpec, where: Location, problems: Problems):
    """Map each spec column to its index in the header row; None if a column is missing."""
    found = {normalise(str(h)): i for i, h in enumerate(header) if not _blank(h)}
    known = {normalise(c.header) for c in spec.columns}
    for i, h in enumerate(header):
        if not _blank(h) and normalise(str(h)) not in known:
            problems.warning(where.at(1, str(h)), f"cột không dùng đến, bỏ qua (cột thứ {i + 1})")
    columns, missing = {}, []
    for col in spec.columns:
        index = found.get(normalise(col.header))
        if index is None and not col.may_be_absent:
            missing.append(col.header)
        columns[col] = index
    wanted = ", ".join(f"“{c.header}”" for c in spec.columns if not c.may_be_absent)
    for name in missing:
        problems.error(where.at(1), f"thiếu cột “{name}” ở dòng tiêu đề; các cột cần có: {wanted}")
    return None if missing else columns


def _read_row(cells: dict[int, Any], number: int, columns: dict, where: Location,
              problems: Problems) -> Row:
    values, raws = {}, {}
    settings = any(c.key == "label" for c in columns)
    for col, index in columns.items():
        raw = raws[col.key] = cells.get(index + 1) if index is not None else None
        cell = where.at(number, col.header)
        if isinstance(raw, Unusable):
            if raw.message:
                problems.error(cell, raw.message)
            values[col.key] = None
        elif settings and col.key == "value" and isinstance(raw, Typed):
            values[col.key] = str(raw)  # typed by the kind of its “Mục” (read_settings)
        else:
            values[col.key] = parse_cell(raw, col, cell, problems)
    return Row(values, where.at(number), raw=raws)


def read_settings(rows: list[Row], settings: tuple[Setting, ...],
                  problems: Problems) -> list[tuple[Setting, Any, Row]]:
    """Type the “Giá trị” of key/value rows (“Mục” | “Giá trị”) by the kind of their “Mục”."""
    by_label = {s.label: s for s in settings}
    sheet = (rows[0].where.file, rows[0].where.sheet) if rows else None
    reported = {p.where.row for p in problems.errors
                if (p.where.file, p.where.sheet) == sheet}
    typed = []
    for row in rows:
        setting = by_label.get(row["label"])
        if setting is None:  # an unknown label was already reported by the choice parser
            continue
        # messages name the item; the cells as read go along (a date stays a date)
        row = Row(row.values, row.where.at(item=setting.label), row.unit, row.raw)
        if row["value"] is None and row.where.row in reported:
            typed.append((setting, None, row))  # its cell was reported when it was read
            continue
        cell = row.where.at(column="Giá trị")
        raw = row.raw.get("value", row["value"])  # a date stays a date, not its display
        typed.append((setting, parse_cell(raw, setting, cell, problems), row))
    return typed


def read_workbook(path: Path, specs: tuple[SheetSpec, ...], problems: Problems,
                  ignored: tuple[str, ...] = (), label: str | None = None
                  ) -> dict[str, list[Row]]:
    """Return {sheet name: rows} for every spec; unknown sheets are warnings (to confirm when
    they look like a known one, as a missing data sheet is: inputs.sheet_names). `label` names
    the file in messages (default: its name; an earlier year's is “2022/<name>”)."""
    label = label or path.name
    book = open_workbook(path, problems, label)
    if book is None:
        return {spec.name: [] for spec in specs}
    # a renamed or missing data sheet changes the figures: to be confirmed (issue 23, item 3)
    check_sheet_names(label, list(book.sheetnames), specs, ignored,
                      tuple(s.name for s in RECORD_SHEETS), problems)
    _report_twin_sheets(book.sheetnames, label, problems)
    with book:
        return {spec.name: read_sheet(book, spec, label, problems) for spec in specs}


def _report_twin_sheets(names: list[str], label: str, problems: Problems) -> None:
    """Two sheets whose names read the same once normalised (NFC, as cell text): Excel keeps
    them apart (one name typed decomposed, NFD), the program reads only the first."""
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        problems.error(Location(label, name), f"có {names.count(name)} trang tên “{name}”: "
                       "tên trông giống nhau nhưng được viết khác nhau (một tên gõ bằng chữ tổ "
                       "hợp, NFD), chương trình chỉ đọc trang đầu; hãy chuyển nội dung sang một "
                       "trang và xóa trang kia")


def find_year_workbook(year_dir: Path, problems: Problems) -> Path | None:
    """Return the one .xlsx of a year folder (Excel's “~$” lock files and hidden files aside,
    as the source record leaves them out: `regular.is_input_name`), or record why not.

    Other Excel files (.xlsm, .xls) are never read; they are named, so a clerk who saved the
    year's data in one of them is not left wondering why the report is empty.
    """
    books = sorted(p for p in year_dir.glob("*.xlsx") if is_input_name(p.name))
    if not _other_workbooks(year_dir, bool(books), problems):
        return None
    if len(books) == 1:
        return books[0]
    if not books:
        problems.error(Location(str(year_dir)), "không có sổ Excel (.xlsx) nào trong thư mục năm"
                       f"{_hidden_books(year_dir)}; tạo sổ mới bằng lệnh: "
                       + command("ncnsc-report", "new-year", year_dir))
    else:
        names = ", ".join(p.name for p in books)
        problems.error(Location(str(year_dir)), f"cần đúng một sổ Excel, nhưng có {len(books)}: "
                       f"{names}; hãy chuyển các bản cũ ra khỏi thư mục")
    return None


def _hidden_books(year_dir: Path) -> str:
    """Name the hidden workbooks (“.bao-cao-2023.xlsx”) of a year folder, which are not read."""
    hidden = sorted(p.name for p in year_dir.glob(".*.xlsx") if not p.name.startswith("._"))
    if not hidden:
        return ""
    return (f" (tệp ẩn {', '.join(f'“{n}”' for n in hidden)} không được đọc vì tên bắt đầu "
            "bằng dấu chấm; nếu đó là sổ của năm, hãy bỏ dấu chấm ở đầu tên)")


def _other_workbooks(year_dir: Path, has_xlsx: bool, problems: Problems) -> bool:
    """Name the first .xlsm/.xls of a year folder: a warning beside an .xlsx, else an error.
    Return False when that is an error."""
    others = sorted(p.name for pattern in OTHER_WORKBOOKS for p in year_dir.glob(pattern)
                    if is_input_name(p.name))
    if not others:
        return True
    message = (f"sổ “{others[0]}” không được đọc (chương trình chỉ đọc sổ .xlsx): nếu số liệu "
               "của năm nằm trong sổ đó, hãy mở bằng Excel, chọn Tệp › Lưu thành › “Excel "
               "Workbook (*.xlsx)”, rồi chuyển bản cũ ra khỏi thư mục")
    (problems.warning if has_xlsx else problems.error)(Location(str(year_dir)), message)
    return has_xlsx
