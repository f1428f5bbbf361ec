"""Reading workbooks into rows of typed values, each tagged with file › sheet › row › column.

Owns: opening an .xlsx, matching Vietnamese headers, turning cells into text, numbers, years,
dates and choices. It never raises per cell: every problem goes into a `Problems` list.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ncnsc_reports.problems import Location, Problems, expected_found
from ncnsc_reports.schema import CHOICE, DATE, INT, TEXT, YEAR, Column, Setting, SheetSpec

# XML 1.0 forbids these characters; Word cannot hold them (they come from pasted text).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DATE_TEXT = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class Row:
    """One filled row of a sheet: typed values by column key, and where it came from."""

    values: dict[str, Any]
    where: Location

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


def normalise(text: str) -> str:
    """Return text in NFC with inner whitespace collapsed, for matching headers and choices."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def open_workbook(path: Path, problems: Problems):
    """Open an .xlsx with cached formula values; on failure record why and return None."""
    import openpyxl  # deferred: heavy, and not needed for `--help`

    where = Location(path.name)
    if not zipfile.is_zipfile(path):
        problems.error(where, "tệp không phải sổ Excel .xlsx (không mở được); hãy mở bằng Excel "
                              "và lưu lại dạng “Excel Workbook (*.xlsx)”")
        return None
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        problems.error(where, f"sổ Excel bị hỏng, không đọc được ({type(err).__name__})")
        return None


def read_sheet(wb, spec: SheetSpec, file: str, problems: Problems) -> list[Row]:
    """Return the filled rows of one sheet, typed by the spec; record every problem."""
    where = Location(file, spec.name)
    if spec.name not in wb.sheetnames:
        if spec.required:
            problems.error(Location(file), f"thiếu trang “{spec.name}” ({spec.help})")
        return []
    ws = wb[spec.name]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    if not grid:
        if spec.required:
            problems.error(where, "trang trống, cần dòng tiêu đề ở dòng 1")
        return []
    columns = _match_headers(grid[0], spec, where, problems)
    if columns is None:
        return []
    rows = []
    for number, cells in enumerate(grid[1:], start=2):
        if all(_blank(c) for c in cells):
            continue
        rows.append(_read_row(cells, number, columns, where, problems))
    return rows


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
        if index is None:
            missing.append(col.header)
        columns[col] = index
    wanted = ", ".join(f"“{c.header}”" for c in spec.columns)
    for name in missing:
        problems.error(where.at(1), f"thiếu cột “{name}” ở dòng tiêu đề; các cột cần có: {wanted}")
    return None if missing else columns


def _read_row(cells, number: int, columns: dict, where: Location, problems: Problems) -> Row:
    values = {}
    for col, index in columns.items():
        raw = cells[index] if index < len(cells) else None
        values[col.key] = parse_cell(raw, col, where.at(number, col.header), problems)
    return Row(values, where.at(number))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_cell(raw: Any, col: Column | Setting, where: Location, problems: Problems) -> Any:
    """Return the cell's value as the column's kind, or None after recording a problem."""
    if _blank(raw):
        if col.required:
            problems.error(where, expected_found(_EXPECTED[col.kind], None))
        return None
    parser = _PARSERS[col.kind]
    value = parser(raw, col, where, problems)
    if value is None:
        return None
    if col.kind in (INT, YEAR) and not _in_range(value, col):
        problems.error(where, expected_found(_range_text(col), raw))
        return None
    return value


def clean_text(raw: Any, where: Location, problems: Problems) -> str:
    """Return the cell as NFC text, without XML-illegal characters (warned) or outer spaces."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = unicodedata.normalize("NFC", str(raw))
    cleaned = _XML_ILLEGAL.sub("", text)
    if cleaned != text:
        problems.warning(where, "đã bỏ ký tự điều khiển không in được (thường do dán từ nơi khác)")
    return cleaned.replace("\r\n", "\n").replace("\r", "\n").strip()


def _parse_text(raw, col, where, problems):
    return clean_text(raw, where, problems) or None


def _parse_int(raw, col, where, problems):
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = str(raw).strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
        return int(text.replace(".", ""))
    problems.error(where, expected_found(_EXPECTED[col.kind], raw))
    return None


def _parse_date(raw, col, where, problems):
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 1 <= raw < 2958466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(raw))
    text = str(raw)
    parts = None
    if m := _DATE_TEXT.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _ISO_DATE.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    try:
        if parts:
            return dt.date(*parts)
    except ValueError:
        pass
    problems.error(where, expected_found(_EXPECTED[DATE], raw))
    return None


def _parse_choice(raw, col, where, problems):
    text = normalise(clean_text(raw, where, problems))
    for choice in col.choices:
        if text in (normalise(choice), normalise(choice.split(" (")[0])):
            return choice
    allowed = "; ".join(f"“{c}”" for c in col.choices)
    problems.error(where, expected_found(f"một trong các giá trị {allowed}", raw))
    return None


def _in_range(value: int, col) -> bool:
    return (col.low is None or value >= col.low) and (col.high is None or value <= col.high)


def _range_text(col) -> str:
    return f"số nguyên từ {col.low} đến {col.high}"


_PARSERS = {TEXT: _parse_text, INT: _parse_int, YEAR: _parse_int, DATE: _parse_date,
            CHOICE: _parse_choice}
_EXPECTED = {
    TEXT: "nội dung (không được để trống)",
    INT: "một số nguyên (ví dụ 12)",
    YEAR: "một năm gồm 4 chữ số (ví dụ 2023)",
    DATE: "một ngày dạng ngày/tháng/năm (ví dụ 11/4/2023)",
    CHOICE: "chọn một giá trị trong danh sách",
}


def read_settings(rows: list[Row], settings: tuple[Setting, ...],
                  problems: Problems) -> list[tuple[Setting, Any, Row]]:
    """Type the “Giá trị” of key/value rows (“Mục” | “Giá trị”) by the kind of their “Mục”."""
    by_label = {s.label: s for s in settings}
    typed = []
    for row in rows:
        setting = by_label.get(row["label"])
        if setting is None:  # an unknown label was already reported by the choice parser
            continue
        cell = row.where.at(column="Giá trị")
        typed.append((setting, parse_cell(row["value"], setting, cell, problems), row))
    return typed


def read_workbook(path: Path, specs: tuple[SheetSpec, ...], problems: Problems,
                  ignored: tuple[str, ...] = ()) -> dict[str, list[Row]]:
    """Return {sheet name: rows} for every spec; unknown sheets are warnings."""
    wb = open_workbook(path, problems)
    if wb is None:
        return {spec.name: [] for spec in specs}
    known = {spec.name for spec in specs} | set(ignored)
    for name in wb.sheetnames:
        if name not in known:
            problems.warning(Location(path.name, name), "trang không dùng đến, bỏ qua")
    return {spec.name: read_sheet(wb, spec, path.name, problems) for spec in specs}


def find_year_workbook(year_dir: Path, problems: Problems) -> Path | None:
    """Return the one .xlsx of a year folder (Excel's “~$” lock files aside), or record why not."""
    books = sorted(p for p in year_dir.glob("*.xlsx") if not p.name.startswith("~$"))
    if len(books) == 1:
        return books[0]
    if not books:
        problems.error(Location(str(year_dir)), "không có sổ Excel (.xlsx) nào trong thư mục năm; "
                       "tạo sổ mới bằng lệnh: ncnsc-report new-year " + str(year_dir))
    else:
        names = ", ".join(p.name for p in books)
        problems.error(Location(str(year_dir)), f"cần đúng một sổ Excel, nhưng có {len(books)}: "
                       f"{names}; hãy chuyển các bản cũ ra khỏi thư mục")
    return None
