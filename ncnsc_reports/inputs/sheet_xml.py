"""One worksheet read lean: the cells that hold a value, its merged ranges and hidden rows.

A sheet's XML (ECMA-376 Part 1, 18.3.1.99 worksheet) is streamed once with the standard
library's expat parser, keeping only what the loader needs; nothing is built for a cell with no
value, so a sheet's declared size, blank formatted cells and formatted rows cost only the time
to stream them (a cell formatted at XFD1048576 adds nothing, 100 000 formatted blank rows a
fraction of a second). Values are typed exactly as openpyxl 3.1.5 typed them in data-only mode
(the program's reader before): a formula gives the value Excel last calculated, numbers with no
".", "E" or "e" are int, dates follow the style's number format (see `excel_formats`). Text is
as Excel shows it: its `_xHHHH_` escapes (22.9.2.19) are decoded once, in one pass, in shared
strings (`xlsx_book.read_strings`), inline strings and a formula's text alike — where openpyxl
removed "x005F_" from shared strings only and left the rest escaped.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from ncnsc_reports.inputs import excel_formats
from ncnsc_reports.inputs.xlsx import BadReference, column_index, coordinate, unescape
from ncnsc_reports.inputs.xlsx_book import Book, TextCollector, is_chart, make_parser

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_ROW, _CELL, _VALUE, _INLINE = (_MAIN + tag for tag in ("row", "c", "v", "is"))
_FORMULA, _MERGES = _MAIN + "f", _MAIN + "mergeCells"
_CHUNK = 1 << 20
# A formatted blank cell (Excel writes <c r="B7" s="3"/>, openpyxl <c r="B7" s="3" t="n"></c>:
# no value, no children) when the next cell names its own place or the row ends, and a row
# holding only such cells and not hidden when the next row names its number or the sheet's data
# ends, hold nothing and move no count: they are cut from the XML before parsing, so formatted
# blank rows cost regex time, not a Python call per element.
_BLANK = rb'<(?:\w+:)?c r="[A-Z]{1,3}[0-9]+"(?: s="[0-9]+")?(?: t="n")?(?:/>|></(?:\w+:)?c>)'
_BLANK_ROW = re.compile(rb'<(?:\w+:)?row r="[0-9]+"(?: (?!hidden=)[\w:]+="[^"<]*")*'
                        rb'(?:/>|>(?:' + _BLANK + rb')*</(?:\w+:)?row>)'
                        rb'(?=<(?:\w+:)?row r="|</(?:\w+:)?sheetData>)')
_BLANK_CELL = re.compile(_BLANK + rb'(?=<(?:\w+:)?c r="|</(?:\w+:)?row>)')
_ROW_PLAIN = frozenset(("r", "spans"))
# What a damaged sheet part raises: bad XML, a reference such as "A0", a shared string the table
# lacks, a part the zip names but cannot inflate (bad CRC, truncated, corrupt deflate data)
DAMAGED = (expat.ExpatError, BadReference, IndexError, zipfile.BadZipFile, zlib.error,
           EOFError, OSError)
_RANGE = re.compile(r"^[$]?([A-Za-z]{1,3})[$]?(\d+)(?::[$]?([A-Za-z]{1,3})[$]?(\d+))?$")


@dataclass(frozen=True)
class Merged:
    """A merged range: its bounds and its reference as Excel shows it (e.g. "C5:C6")."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int
    coord: str


@dataclass
class SheetData:
    """What the loader reads of one sheet; `cells` holds only cells with a value."""

    state: str
    # value, data type, number format
    cells: dict[tuple[int, int], tuple[Any, str, str]] = field(default_factory=dict)
    merged: list[Merged] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    date1904: bool = False
    unreadable: tuple[int, int] | None = None  # (row, column) of a cell Python cannot convert
    unreadable_what: str = ""  # what that cell holds, in Vietnamese (see `_unreadable_what`)
    # formulas with no value Excel calculated: a workbook written by another program (openpyxl,
    # some exporters) may hold the formula alone, which reads as an empty cell
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def value(self, row: int, col: int) -> Any:
        return self.cells.get((row, col), (None, "n"))[0]


def read_sheet_data(book: Book, name: str) -> SheetData:
    """Stream the sheet `name` of `book`; one of `DAMAGED` for a damaged sheet part."""
    sheet = book.sheet(name)
    data = SheetData(sheet.state, date1904=book.date1904)
    if is_chart(sheet):
        return data  # a chart, no cells
    reader = _SheetReader(book, data)
    with book.zip.open(sheet.part) as f:
        try:
            tail = b""
            while chunk := f.read(_CHUNK):
                xml = tail + chunk
                cut = xml.rfind(b">") + 1
                xml, tail = _BLANK_ROW.sub(b"", xml[:cut]), xml[cut:]
                reader.parser.Parse(_BLANK_CELL.sub(b"", xml), False)
            reader.parser.Parse(tail, True)
        except ValueError:  # e.g. a number of 5 000 digits: Python will not convert it
            row, col, kind, text = reader.converting or (reader.row, reader.column(), "", "")
            data.unreadable, data.unreadable_what = (row, col), _unreadable_what(kind, text)
            return data
    data.hidden_rows = {row for row, hidden in reader.dimensions.items() if hidden}
    return data


def merged_range(ref: str) -> Merged | None:
    """The merged range of a reference "A1:B2" (or one cell "A1"); None for anything else."""
    match = _RANGE.match(ref or "")
    if not match:
        return None
    last_col, last_row = (match[3], match[4]) if match[3] else (match[1], match[2])
    return Merged(int(match[2]), column_index(match[1]), int(last_row), column_index(last_col),
                  ref)


def _row_number(text: str) -> int:
    """A row's r as openpyxl reads it: an integer, or a float with nothing after the point."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


class _SheetReader:
    """The expat handlers for one sheet: cells are counted and typed as openpyxl's
    WorkSheetParser counts and types them (18.3.1.73 row, 18.3.1.4 c)."""

    def __init__(self, book: Book, data: SheetData) -> None:
        self.book, self.data = book, data
        self.parser = make_parser()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.level = 0  # depth of the element being read
        self.row_level = self.cell_level = self.merge_level = 0
        self.row = 0  # openpyxl's row_counter: the row's r, else one more than the last
        self.col = 0  # its col_counter, or the reference of the last cell (parsed if needed)
        self.converting: tuple[int, int, str, str | None] | None = None
        self.dimensions: dict[int, bool] = {}  # row → hidden, for rows with attributes
        self.inline: TextCollector | None = None  # while inside an inline string
        self.inline_reader = TextCollector(_INLINE, self._inline_found, self.parser)

    def column(self) -> int:
        if isinstance(self.col, str):
            self.col = coordinate(self.col)[1]
        return self.col

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.level += 1
        if self.cell_level:
            self._cell_child(name)
        elif self.row_level:
            if self.level == self.row_level + 1:  # any child of a row is a cell to openpyxl
                self.cell_level, self.cell = self.level, attrs
                self.value = self.inline_text = self.formula = None
        elif name == _ROW:
            self._start_row(attrs)
        elif name == _MERGES:
            self.merge_level = self.level
        elif (self.merge_level and self.level == self.merge_level + 1
              and name.rpartition(" ")[2] == "mergeCell"
              and (merged := merged_range(attrs.get("ref")))):
            self.data.merged.append(merged)

    def _start_row(self, attrs: dict[str, str]) -> None:
        self.row_level = self.level
        if "r" in attrs:
            self.row = _row_number(attrs["r"])
        else:
            self.row += 1
        self.col = 0
        # openpyxl keeps a row's attributes when it has more than r and spans (18.3.1.73)
        extra = attrs.keys() - _ROW_PLAIN
        if extra and any(" " not in key for key in extra):
            self.dimensions[self.row] = attrs.get("hidden") in ("1", "true")

    def _cell_child(self, name: str) -> None:
        if self.inline:
            self.inline.start(name, None)
        elif self.level != self.cell_level + 1:
            return
        elif name == _VALUE and self.value is None:
            self.value = []
            self.parser.CharacterDataHandler = self.value.append
        elif name == _FORMULA and self.formula is None:
            self.formula = []
            self.parser.CharacterDataHandler = self.formula.append
        elif name == _INLINE and self.inline_text is None and self.cell.get("t") == "inlineStr":
            self.inline = self.inline_reader
            self.inline.start(name, None)
            self.parser.CharacterDataHandler = self.inline.chars

    def _inline_found(self, text: str) -> None:
        self.inline_text = text

    def end(self, name: str) -> None:
        level, self.level = self.level, self.level - 1
        if self.inline:
            self.inline.end(name)
            if level == self.cell_level + 1:
                self.inline = None
                self.parser.CharacterDataHandler = None
        elif level == self.cell_level:
            self.cell_level = 0
            self._end_cell()
        elif self.cell_level and level == self.cell_level + 1 and name in (_VALUE, _FORMULA):
            self.parser.CharacterDataHandler = None
            if isinstance(self.value, list):
                self.value = "".join(self.value)
            if isinstance(self.formula, list):
                self.formula = "".join(self.formula)
        elif level == self.row_level:
            self.row_level = 0
        elif level == self.merge_level:
            self.merge_level = 0

    def _end_cell(self) -> None:
        attrs = self.cell
        kind = attrs.get("t", "n")
        text = None if kind == "inlineStr" else (self.value or None)
        # t="str" with an empty <v/> is a formula Excel calculated to "" (=IF(A1="";"";…))
        if self.formula is not None and not self.value and kind != "str" and attrs.get("r"):
            self.data.formulas[coordinate(attrs["r"])] = "=" + self.formula
        if text is None and (kind != "inlineStr" or self.inline_text is None):
            # nothing to keep: only count the column (parsed when a later cell needs it)
            self.col = attrs["r"] if attrs.get("r") else self.column() + 1
            return
        if attrs.get("r"):
            row, col = coordinate(attrs["r"])
        else:
            row, col = self.row, self.column() + 1
        self.col = col
        # where a conversion below fails (ValueError), named before any of them runs
        self.converting = (row, col, "style" if not _whole(attrs.get("s")) else kind, text)
        style = int(attrs["s"]) if attrs.get("s") else 0
        # openpyxl's quirk: s="" is style 0 for the format but never a date
        value, kind = self._typed(text, kind, style if attrs.get("s") != "" else -1)
        fmt = self.book.styles[style][0] if style < len(self.book.styles) else "General"
        self.data.cells[(row, col)] = (value, kind, fmt)
        self.converting = None

    def _typed(self, text: str | None, kind: str, style: int) -> tuple[Any, str]:
        """openpyxl's parse_cell, data-only: (value, data type) of a cell's stored text."""
        if text is None:  # an inline string (18.3.1.53 is)
            return unescape(self.inline_text), "s"
        if kind == "n":
            # openpyxl's _cast_number; a 5 000-digit int raises ValueError (see read_sheet_data)
            value = float(text) if "." in text or "E" in text or "e" in text else int(text)
            styles = self.book.styles
            if style < len(styles) and style >= 0 and styles[style][1]:
                try:
                    return excel_formats.from_serial(value, self.book.date1904,
                                                     styles[style][2]), "d"
                except (OverflowError, ValueError):  # outside Python's dates: an error cell
                    return "#VALUE!", "e"
            return value, "n"
        if kind == "s":
            return self.book.strings[int(text)], "s"
        if kind == "b":
            return bool(int(text)), "b"
        if kind == "str":  # a formula's text result (18.18.11 ST_CellType)
            return unescape(text), "s"
        if kind == "d":
            return excel_formats.from_iso(text), "d"
        return text, kind  # "e": an error such as #DIV/0!, kept as its text


def _whole(text: str | None) -> bool:
    """True when a cell's style index `s` is absent, empty or a whole number."""
    return not text or text.isdigit()


def _unreadable_what(kind: str, text: str | None) -> str:
    """What a cell that could not be converted holds, said for the clerk (ECMA-376 Part 1,
    18.18.11 ST_CellType: n number, d date, b boolean; the style index `s` of 18.3.1.4)."""
    if kind == "n" and text and len(text) > 30 and text.lstrip("-").isdigit():
        return "ô chứa một số dài hàng nghìn chữ số, không phải số liệu thật"
    shown = f" (“{text[:40]}”)" if text else ""
    return {"n": f"ô lưu một số không hợp lệ{shown}",
            "d": f"ô lưu một ngày không hợp lệ{shown}",
            "b": f"ô lưu một giá trị đúng/sai (TRUE/FALSE) không hợp lệ{shown}",
            "style": "định dạng của ô bị hỏng"}.get(kind, f"ô lưu một giá trị không hợp lệ{shown}")
