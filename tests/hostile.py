"""Hostile inputs, made on the fly from the sample workbooks: each carries one defect.

Each maker copies a sample workbook and rewrites one part of its zip, so a case is a few lines
of text here rather than a binary in the repository (the 1 GB ones could not be stored anyway).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

SHEET_DATA_END = "</sheetData>"


def rewrite(book: Path, part: str, change: Callable[[str], str]) -> None:
    """Rewrite one text part of an .xlsx (or .docx) in place."""
    with zipfile.ZipFile(book) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            z.writestr(info.filename, data)


def add_part(book: Path, part: str, data: bytes | Callable, size: int | None = None) -> None:
    """Add a part; with `size`, stream `size` bytes of `data` (bytes repeated) into it."""
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as z:
        if size is None:
            z.writestr(part, data)
            return
        with z.open(part, "w", force_zip64=True) as out:
            chunk = data * (1 << 20 // len(data))
            for _ in range(size // len(chunk)):
                out.write(chunk)


def sheet_part(book: Path, sheet: str) -> str:
    from ncnsc_reports.inputs.xlsx import sheet_parts

    with zipfile.ZipFile(book) as z:
        return sheet_parts(z)[sheet]


def append_xml_rows(book: Path, sheet: str, rows: str) -> None:
    """Append raw <row> XML at the end of a sheet's data."""
    rewrite(book, sheet_part(book, sheet),
            lambda xml: xml.replace(SHEET_DATA_END, rows + SHEET_DATA_END))


def formatted_blank_cell(book: Path, sheet: str, ref: str) -> None:
    """What Excel leaves after formatting a whole column: a styled cell with no value."""
    row = re.sub(r"\D", "", ref)
    append_xml_rows(book, sheet, f'<row r="{row}"><c r="{ref}" s="1"/></row>')
    rewrite(book, sheet_part(book, sheet),
            lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{ref}"/>', xml))


def formatted_blank_rows(book: Path, sheet: str, first: int, count: int) -> None:
    rows = "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/>'
                   f'</row>' for r in range(first, first + count))
    append_xml_rows(book, sheet, rows)


def inflate_sheet(book: Path, sheet: str, megabytes: int) -> None:
    """Pad a sheet with whitespace inside its XML: megabytes unpacked, a few kB packed."""
    part = sheet_part(book, sheet)
    with zipfile.ZipFile(book) as z:
        xml = z.read(part)
    head, tail = xml.split(b"<sheetData>")
    with zipfile.ZipFile(book) as z:
        items = [(info.filename, z.read(info)) for info in z.infolist() if info.filename != part]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(name, data)
        with z.open(part, "w", force_zip64=True) as out:
            out.write(head + b"<sheetData>")
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                out.write(chunk)
            out.write(tail)


def template_paragraph(template: Path, text: str) -> None:
    """Put a paragraph holding `text` (tags included) at the top of a template's body."""
    from xml.sax.saxutils import escape

    paragraph = f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    rewrite(template, "word/document.xml",
            lambda xml: re.sub(r"(<w:body[^>]*>)", lambda m: m[1] + paragraph, xml, count=1))


def dying_build(year_dir: Path, options):
    """A batch worker that dies like an out-of-memory kill when it builds a 2022 folder."""
    import os
    import signal

    from ncnsc_reports.batch import build_one

    if year_dir.name == "2022":
        os.kill(os.getpid(), signal.SIGKILL)
    return build_one(year_dir, options)
