"""An .xlsx workbook opened for reading with the standard library: its sheets and shared parts.

Owns the workbook level of SpreadsheetML (ECMA-376 Part 1): which part is the workbook
([Content_Types].xml, Part 2, 10.1.2.2), its sheets in order with their state and part
(workbook.xml and its relationships, 18.2.19), the date system (18.2.28 date1904), each cell
style's number format (styles.xml, 18.8.10 cellXfs, 18.8.31 numFmts) and the shared strings
(18.4.9). Each sheet is then streamed by `sheet_xml`. What is read, and what a damaged part
does, follows openpyxl 3.1.5 in read-only, data-only mode, which the program used before, so
the reports come out the same; openpyxl itself is no longer imported to read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ncnsc_reports.inputs import excel_formats, xlsx
from ncnsc_reports.inputs.regular import RegularZip

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CONTENT_TYPES = "[Content_Types].xml"
_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_WORKBOOK_TYPES = (  # Part 1, 12.3.23 (workbook part), as openpyxl looks for them, in order
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    f"{_SHEET}.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    f"{_SHEET}.sheet.main+xml",
)
_STRINGS_TYPE = f"{_SHEET}.sharedStrings+xml"
_STYLES = "xl/styles.xml"  # openpyxl reads the styles from this name, whatever the manifest


@dataclass
class Book:
    """A workbook open for reading: close it (or use `with`) when its sheets are read."""

    zip: zipfile.ZipFile
    sheets: list[xlsx.Sheet]  # the sheets openpyxl would list, in the workbook's order
    date1904: bool
    styles: list[tuple[str, bool, bool]]  # per style: (format code, is a date, a duration)
    strings: list[str]

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def sheet(self, name: str) -> xlsx.Sheet:
        return next(sheet for sheet in self.sheets if sheet.name == name)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def open_book(path: Path) -> Book:
    """Open the workbook at `path`. A damaged package raises what its parser raised (zipfile,
    lxml or expat errors, KeyError for a missing part, OSError): the caller names it."""
    z = RegularZip(path)  # a pipe put in its place since it was checked is refused, not waited on
    try:
        overrides, defaults = _content_types(z)
        workbook = _workbook_part(overrides, defaults)
        listed, date1904 = xlsx.workbook_sheets(z, workbook)
        names = set(z.namelist())
        strings_part = overrides.get(_STRINGS_TYPE)
        strings = read_strings(z, strings_part) if strings_part else []
        return Book(z, _readable(listed, names), date1904, _styles(z, names), strings)
    except BaseException:
        z.close()
        raise


def _content_types(z: zipfile.ZipFile) -> tuple[dict[str, str], set[str]]:
    """Return ({content type: part name}, {default content types}); the first part of a
    type wins, as with openpyxl's Manifest.find."""
    from lxml import etree

    root = etree.fromstring(z.read(_CONTENT_TYPES), etree.XMLParser(resolve_entities=False))
    overrides: dict[str, str] = {}
    for el in root.iter("{*}Override"):
        overrides.setdefault(el.get("ContentType"), el.get("PartName", "")[1:])
    return overrides, {el.get("ContentType") for el in root.iter("{*}Default")}


def _workbook_part(overrides: dict[str, str], defaults: set[str]) -> str:
    for kind in _WORKBOOK_TYPES:
        if kind in overrides:
            return overrides[kind]
    if defaults & set(_WORKBOOK_TYPES):  # some writers give application/xml this type
        return "xl/workbook.xml"
    raise OSError("File contains no valid workbook part")


def _readable(listed: list[xlsx.Sheet], names: set[str]) -> list[xlsx.Sheet]:
    """The sheets openpyxl lists: one with no relationship id is dropped, an id the
    relationships do not have is a damaged workbook, one whose part is missing is dropped."""
    sheets = []
    for sheet in listed:
        if not sheet.rel_id:
            continue
        if not sheet.rel_type and sheet.part is None:
            raise KeyError(sheet.rel_id)
        if sheet.part in names:
            sheets.append(sheet)
    return sheets


def is_chart(sheet: xlsx.Sheet) -> bool:
    """A chart sheet holds a chart, no cells (18.3.1.3 chartsheet)."""
    return "chartsheet" in sheet.rel_type


def _styles(z: zipfile.ZipFile, names: set[str]) -> list[tuple[str, bool, bool]]:
    """Each cell style's (format code, date?, duration?). A workbook without styles (or with no
    cellXfs) gets openpyxl's one default style: "General"."""
    if _STYLES not in names:
        return [("General", False, False)]
    from lxml import etree

    root = etree.fromstring(z.read(_STYLES), etree.XMLParser(resolve_entities=False))
    custom = {}
    for fmt in _children(root, "numFmts", "numFmt"):
        custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    xfs = [int(xf.get("numFmtId") or 0) for xf in _children(root, "cellXfs", "xf")]
    return excel_formats.style_formats(xfs, custom) if xfs else [("General", False, False)]


def _children(root, parent: str, tag: str) -> list:
    """The `tag` children of root's first `parent` child, in any namespace (as openpyxl's
    from_tree matches by local name)."""
    for el in root:
        if isinstance(el.tag, str) and el.tag.rpartition("}")[2] == parent:
            return [c for c in el if isinstance(c.tag, str) and c.tag.rpartition("}")[2] == tag]
    return []


def read_strings(z: zipfile.ZipFile, part: str) -> list[str]:
    """The shared strings table (18.4.9 sst), streamed: each item's plain text and rich text
    runs concatenated (18.4.8 si), phonetic runs (rPh) left out, its `_xHHHH_` escapes
    decoded as Excel shows them (`xlsx.unescape`)."""
    strings: list[str] = []
    collector = TextCollector(f"{_MAIN} si", strings.append)
    with z.open(part) as f:
        collector.parser.ParseFile(f)
    # Excel's escapes (22.9.2.19) decoded once, here: openpyxl removed every "x005F_" and
    # left the rest for a second pass, which read a typed "BC_x0041_2023" as "BCA2023"
    return [xlsx.unescape(text) for text in strings]


class TextCollector:
    """Streams an XML part and hands on the text of each `element` (a shared string's si, or
    an inline string's is): its direct <t> (the last one, if several) then each run's <t>, as
    openpyxl's Text.content; children are matched by local name, as openpyxl does."""

    def __init__(self, element: str, found, parser=None) -> None:
        self.element, self.found = element, found
        self.parser = parser or make_parser()
        self.depth = 0  # depth inside the element; 0: outside
        self.plain: str | None = None
        self.runs: list[str] = []
        self.run: str | None = None
        self.text: list[str] | None = None
        self.path: list[str] = []
        if parser is None:
            self.parser.StartElementHandler = self.start
            self.parser.EndElementHandler = self.end
            self.parser.CharacterDataHandler = self.chars

    def start(self, name: str, attrs) -> None:
        if self.depth:
            self.depth += 1
            local = name.rpartition(" ")[2]
            self.path.append(local)
            if local == "t" and self.path[:-1] in ([], ["r"]):
                self.text = []
        elif name == self.element:
            self.depth, self.plain, self.runs, self.path = 1, None, [], []

    def end(self, name: str) -> None:
        if not self.depth:
            return
        self.depth -= 1
        if not self.depth:
            self.found("".join(p for p in [self.plain, *self.runs] if p is not None))
            return
        local = self.path.pop()
        if local == "t" and self.text is not None:
            text, self.text = "".join(self.text), None
            if self.path == ["r"]:
                self.run = text
            elif not self.path:
                self.plain = text
        elif local == "r" and not self.path:
            if self.run is not None:
                self.runs.append(self.run)
            self.run = None

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


def make_parser():
    """An expat parser reporting names as "namespace local" (text joined in large pieces)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    return parser
