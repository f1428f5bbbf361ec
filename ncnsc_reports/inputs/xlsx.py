"""What openpyxl does not say about an .xlsx file: is it a workbook at all, and what Excel meant.

Owns the file-format knowledge the loader needs beside openpyxl: telling a workbook from a
password-protected one, an old .xls, a truncated copy or another file named .xlsx; finding the
formulas Excel never calculated (openpyxl reads them as empty cells); and decoding Excel's
`_xHHHH_` escapes (openpyxl leaves them as text, so a pasted carriage return reads "_x000D_").
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
from pathlib import Path

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
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def unreadable_reason(path: Path) -> str | None:
    """Return why `path` cannot be read as an .xlsx workbook (in Vietnamese), or None."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or /dev/zero would never end
            return NOT_A_FILE
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as err:
        return f"không đọc được tệp ({err.strerror})"
    if not head:
        return EMPTY
    if head == OLE2_MAGIC:
        return ENCRYPTED if _ENCRYPTION_INFO in path.read_bytes() else OLD_XLS
    if not zipfile.is_zipfile(path):
        return TRUNCATED if head.startswith(ZIP_MAGIC) else NOT_XLSX
    try:
        with zipfile.ZipFile(path) as z:
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
    """Return `text` as Excel shows it: every `_xHHHH_` escape decoded (not surrogates)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match) -> str:
    code = int(match[1], 16)
    # A lone surrogate is no character; keep the text as written rather than break the report.
    return match[0] if 0xD800 <= code <= 0xDFFF else chr(code)


def uncalculated_formulas(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Return {sheet: {(row, column): "=formula"}} of formulas with no value Excel calculated.

    Excel saves each formula's last result beside it; a workbook written by another program
    (openpyxl, some exporters) may hold the formula alone, which openpyxl then reads as empty.
    """
    found = {}
    try:
        with zipfile.ZipFile(path) as z:
            for sheet, part in sheet_parts(z).items():
                data = z.read(part) if part in z.namelist() else b""
                if _HAS_FORMULA.search(data):
                    found[sheet] = _formulas_without_value(data)
    except (KeyError, SyntaxError, zipfile.BadZipFile):  # SyntaxError: lxml's XMLSyntaxError
        pass  # openpyxl read the file; without the parts, formulas read as empty cells
    return found


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFF = ("0", "false", "off")


def rich_strings(path: Path, sheet: str) -> dict[str, tuple[tuple[str, bool, bool], ...]]:
    """Return {text: ((part, bold, italic), …)} of the strings of `sheet` (shared by Excel,
    inline by other writers) with bold or italic typed on part of the cell. openpyxl reads rich
    text only outside read-only mode (which the loader needs for large workbooks), so the runs
    are read here, streamed, and matched by text."""
    found: dict = {}
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "xl/sharedStrings.xml" in names:
                _collect(z, "xl/sharedStrings.xml", f"{_MAIN}si", found)
            part = sheet_parts(z).get(sheet)
            if part in names:
                _collect(z, part, f"{_MAIN}is", found)
    except (KeyError, SyntaxError, zipfile.BadZipFile):
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
    from lxml import etree

    book = etree.fromstring(z.read("xl/workbook.xml"))
    rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    parts = {}
    for sheet in book.iter("{*}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id")) or ""
        parts[sheet.get("name")] = (target.lstrip("/") if target.startswith("/")
                                    else posixpath.normpath(posixpath.join("xl", target)))
    return parts


def _formulas_without_value(data: bytes) -> dict[tuple[int, int], str]:
    from lxml import etree
    from openpyxl.utils.cell import coordinate_to_tuple

    cells = {}
    for c in etree.fromstring(data).iter("{*}c"):
        formula, value = c.find("{*}f"), c.find("{*}v")
        # t="str" with an empty <v/> is a formula Excel calculated to "" (e.g. =IF(A1="";"";…)).
        uncalculated = value is None or not value.text
        if formula is not None and c.get("t") != "str" and uncalculated and c.get("r"):
            cells[coordinate_to_tuple(c.get("r"))] = "=" + (formula.text or "")
    return cells


def text_stays_text(wb) -> None:
    """Store every cell openpyxl took for a formula (a text starting with "=") as text.

    The program writes values, never formulas: a name typed '=HYPERLINK(…) in a workbook must
    come out as those characters, not as a live formula in the workbook written from it.
    """
    for ws in wb.worksheets:
        for cell in ws._cells.values():
            if cell.data_type == "f":
                cell.data_type = "s"
