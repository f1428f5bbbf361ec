"""What an .xlsx file is and what Excel meant: the file-format knowledge around the cells.

Owns telling a workbook from a password-protected one, an old .xls, a truncated copy or another
file named .xlsx; the bounds on how big it may unpack; the sheets a workbook lists (name, state,
part) and its date system; cell references (B12, XFD); rich text runs; and decoding Excel's
`_xHHHH_` escapes (which the reader applies once to every text it reads). The cells themselves
are read by `xlsx_book` and `sheet_xml`.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import NamedTuple

from ncnsc_reports.inputs.regular import NotRegular, RegularZip, open_regular

# [MS-CFB] 2.2: every OLE2 compound file starts so; Excel stores .xls and password-protected
# .xlsx (an encrypted package inside an OLE2 file, [MS-OFFCRYPTO] 2.3.4) this way.
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
# The stream that holds the encryption parameters; its name is stored in UTF-16 in the file.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

SAVE_AS_XLSX = "hãy mở bằng Excel và lưu lại dạng “Excel Workbook (*.xlsx)”"
NOT_XLSX = "tệp không phải sổ Excel .xlsx (không mở được); " + SAVE_AS_XLSX
OLD_XLS = "tệp là sổ Excel dạng cũ (.xls, Excel 97–2003) nhưng đặt tên .xlsx; " + SAVE_AS_XLSX
ENCRYPTED = ("sổ Excel được đặt mật khẩu mở tệp nên chương trình không đọc được; hãy mở bằng "
             "Excel, bỏ mật khẩu (File › Info › Protect Workbook › Encrypt with Password, xóa "
             "trắng ô mật khẩu), lưu lại rồi chạy lại")
TRUNCATED = ("sổ Excel bị cắt cụt hoặc hỏng (thường do chép hay tải về chưa xong); hãy chép lại "
             "tệp từ bản gốc, mở thử bằng Excel rồi chạy lại")
EMPTY = "tệp rỗng (0 byte); hãy chép lại tệp từ bản gốc"
NOT_A_FILE = ("không phải một tệp thông thường (có thể là liên kết tới thiết bị, ống dẫn hay "
              "thư mục); hãy thay bằng sổ Excel thật")
# A year's workbook is well under 10 MB unpacked; beyond these its parts are padding (or a
# "zip bomb") that would take gigabytes of memory to read.
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO, RATIO_FROM = 200, 10 * 1024 * 1024

# ECMA-376 Part 1, 22.9.2.19 (ST_Xstring): a character XML cannot hold is written _xHHHH_,
# and a literal "_x" that would read as an escape is written _x005F_x….
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def unreadable_reason(path: Path) -> str | None:
    """Return why `path` cannot be read as an .xlsx workbook (in Vietnamese), or None."""
    try:
        with open_regular(path) as f:  # a FIFO or /dev/zero would never end: refused at once
            return _package_reason(f)
    except NotRegular:
        return NOT_A_FILE
    except OSError as err:
        return f"không đọc được tệp ({err.strerror})"


def _package_reason(f) -> str | None:
    head = f.read(8)
    if not head:
        return EMPTY
    if head == OLE2_MAGIC:
        return ENCRYPTED if _ENCRYPTION_INFO in head + f.read() else OLD_XLS
    if not zipfile.is_zipfile(f):
        return TRUNCATED if head.startswith(ZIP_MAGIC) else NOT_XLSX
    try:
        with zipfile.ZipFile(f) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError):
        return TRUNCATED
    if not any(i.filename.startswith("xl/") for i in infos):
        return NOT_XLSX
    return oversized(infos)


BLOATED = ("thường do hàng triệu ô, khoảng trắng hay định dạng thừa; hãy mở bằng Excel, xóa "
           "các dòng, cột thừa ở cuối trang, lưu lại rồi chạy lại")


def oversized(infos: list[zipfile.ZipInfo], advice: str = BLOATED) -> str | None:
    """Return why a package unpacks too big to read safely, or None.

    The sizes are those the zip declares; Python's zipfile never inflates a part beyond its
    declared size (a lie ends in a CRC error), so checking them bounds the reading.
    """
    total = sum(i.file_size for i in infos)
    inflated = [i for i in infos if i.file_size > RATIO_FROM
                and i.file_size > MAX_RATIO * max(i.compress_size, 1)]
    if total <= MAX_UNPACKED and not inflated:
        return None
    part = inflated[0] if inflated else max(infos, key=lambda i: i.file_size)
    return (f"tệp khi giải nén lớn bất thường ({_mb(total)} MB, giới hạn {_mb(MAX_UNPACKED)} MB; "
            f"phần “{part.filename}” nén {_mb(part.compress_size, 1)} MB thành "
            f"{_mb(part.file_size)} MB) — {advice}")


def _mb(size: int, digits: int = 0) -> str:
    return f"{size / (1024 * 1024):.{digits}f}".replace(".", ",")


def unescape(text: str) -> str:
    """Return `text` as Excel shows it: every `_xHHHH_` escape decoded (not surrogates), in one
    pass from left to right, so that `_x005F_` (an escaped "_") is read once: a typed
    "BC_x0041_2023", stored "BC_x005F_x0041_2023", reads "BC_x0041_2023", never "BCA2023"."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match) -> str:
    code = int(match[1], 16)
    # A lone surrogate is no character; keep the text as written rather than break the report.
    return match[0] if 0xD800 <= code <= 0xDFFF else chr(code)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFF = ("0", "false", "off")


def rich_strings(path: Path, sheet: str) -> dict[str, tuple[tuple[str, bool, bool], ...]]:
    """Return {text: ((part, bold, italic), …)} of the strings of `sheet` (shared by Excel,
    inline by other writers) with bold or italic typed on part of the cell. The loader reads
    each cell's plain text only, so the runs are read here, streamed, and matched by text."""
    found: dict = {}
    try:
        with RegularZip(path) as z:
            names = z.namelist()
            if "xl/sharedStrings.xml" in names:
                _collect(z, "xl/sharedStrings.xml", f"{_MAIN}si", found)
            part = sheet_parts(z).get(sheet)
            if part in names:
                _collect(z, part, f"{_MAIN}is", found)
    except (KeyError, SyntaxError, zipfile.BadZipFile, OSError):
        return {}
    return found


def _collect(z: zipfile.ZipFile, part: str, tag: str, found: dict) -> None:
    from lxml import etree

    with z.open(part) as f:
        for _, el in etree.iterparse(f, tag=tag):
            runs = tuple(_run(r) for r in el.iterfind(f"{_MAIN}r"))
            if any(b or i for _, b, i in runs):
                found["".join(t for t, _, _ in runs)] = runs
            el.clear()


def _run(r) -> tuple[str, bool, bool]:
    text = "".join(t.text or "" for t in r.iterfind(f"{_MAIN}t"))
    props = r.find(f"{_MAIN}rPr")

    def on(tag: str) -> bool:
        el = props.find(f"{_MAIN}{tag}") if props is not None else None
        return el is not None and el.get("val", "1").lower() not in _OFF
    return unescape(text), on("b"), on("i")


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Return {sheet name: worksheet part} from xl/workbook.xml and its relationships."""
    sheets, _ = workbook_sheets(z)
    return {sheet.name: sheet.part or "xl" for sheet in sheets}


class Sheet(NamedTuple):
    """A sheet as the workbook lists it (ECMA-376 Part 1, 18.2.19 sheet)."""

    name: str
    state: str  # visible, hidden or veryHidden (18.18.68 ST_SheetState)
    rel_id: str | None  # None: the workbook gives it no relationship
    part: str | None  # None: the relationship names no part
    rel_type: str


def workbook_sheets(z: zipfile.ZipFile, workbook: str = "xl/workbook.xml"
                    ) -> tuple[list[Sheet], bool]:
    """Return the sheets of `workbook` in order, and whether it counts dates from 1904
    (18.2.28 workbookPr date1904). Relationship targets are relative to the workbook's folder
    (ECMA-376 Part 2, 9.3); lxml raises XMLSyntaxError for a damaged part, KeyError for a
    missing one."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False)
    book = etree.fromstring(z.read(workbook), parser)
    folder = posixpath.dirname(workbook)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels")
    rels = {r.get("Id"): r for r in etree.fromstring(z.read(rels_part), parser)}
    sheets = []
    for sheet in book.iter("{*}sheet"):
        rel_id = sheet.get(f"{{{_REL_NS}}}id")
        rel = rels.get(rel_id)
        target = rel.get("Target") if rel is not None else None
        part = (None if not target else target.lstrip("/") if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target)))
        # a name typed on a Mac may be decomposed (NFD): read as cell text is, in NFC
        name = sheet.get("name")
        name = unicodedata.normalize("NFC", name) if name is not None else None
        sheets.append(Sheet(name, sheet.get("state") or "visible", rel_id, part,
                            rel.get("Type", "") if rel is not None else ""))
    props = next(book.iter("{*}workbookPr"), None)
    flag = props.get("date1904", "") if props is not None else ""
    # openpyxl's Bool: "false", "f", "0" and "" are false, any other text true
    return sheets, flag not in ("false", "f", "0", "")


# ECMA-376 Part 1, 18.18.62 (ST_CellRef), as openpyxl's COORD_RE reads it ("$" allowed)
_COORD = re.compile(r"^[$]?([A-Za-z]{1,3})[$]?(\d+)$")


class BadReference(Exception):
    """A cell reference no spreadsheet writes (e.g. "A0" or "1A")."""


def column_index(letters: str) -> int:
    """Return the column number of letters such as "A" (1) or "XFD" (16384)."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def column_letter(number: int) -> str:
    """Return the letters of column `number` (1 → "A", 16384 → "XFD")."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def coordinate(ref: str) -> tuple[int, int]:
    """Return (row, column) of a cell reference such as "B12" or "$B$12"."""
    match = _COORD.match(ref)
    if not match or not int(match[2]):
        raise BadReference(f"Invalid cell coordinates ({ref})")
    return int(match[2]), column_index(match[1])


def text_stays_text(wb) -> None:
    """Store every cell openpyxl took for a formula (a text starting with "=") as text.

    The program writes values, never formulas: a name typed '=HYPERLINK(…) in a workbook must
    come out as those characters, not as a live formula in the workbook written from it.
    """
    for ws in wb.worksheets:
        for cell in ws._cells.values():
            if cell.data_type == "f":
                cell.data_type = "s"
