"""A Word template read as an editor sees it: parts, paragraphs with their place, problems.

Owns reading a template's parts (body, headers, footers, footnotes, file properties) into
paragraphs with their place (heading above, table › row › cell), the `Tag` and `Part` records
the checks work on, and the wording helpers every check uses (excerpt, "có phải …?").
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.problems import Location, Problem, Severity
from ncnsc_reports.render.templates import REPORT_TEMPLATE
from ncnsc_reports.resources import DEFAULT_TEMPLATES, shipped

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
SMART_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")
_PART_NAMES = {"header": "đầu trang", "footer": "chân trang", "footnotes": "chú thích cuối trang"}
# docxtpl renders these file properties (DocxTemplate.render_properties), without patch_xml.
PROPERTIES = {"title": "Tiêu đề", "subject": "Chủ đề", "creator": "Tác giả",
              "description": "Chú thích", "identifier": "Mã định danh", "language": "Ngôn ngữ"}
HEADINGS = {"heading 1", "heading 2", "heading 3"}
OPEN = re.compile(r"\{[{%#]")
UNIT = {"p": "đoạn", "tr": "hàng của bảng", "tc": "ô của bảng"}


@dataclass(frozen=True)
class Place(Location):
    """Where an editor finds a problem: part, table cell, paragraph number, heading, excerpt.
    A `Location` in the template: the workbook's file, sheet, row and column stay empty."""

    in_template: ClassVar[bool] = True
    file: str = field(default="", init=False, repr=False)
    sheet: str | None = field(default=None, init=False, repr=False)
    row: int | None = field(default=None, init=False, repr=False)
    column: str | None = field(default=None, init=False, repr=False)
    item: str | None = field(default=None, init=False, repr=False)
    part: str = ""
    paragraph: int = 0
    heading: str | None = None  # nearest Heading 1–3 above; "" before the first; None: no body
    cell: tuple[int, int, int] | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        bits = [self.part] if self.part else []
        if self.cell:
            bits.append("bảng {} › hàng {} › ô {}".format(*self.cell))
        if self.paragraph:
            bits.append(f"đoạn {self.paragraph}")
        text = ", ".join(bits)
        if self.heading is not None:
            text += (f" (sau tiêu đề “{self.heading}”)" if self.heading
                     else " (đầu văn bản, trước tiêu đề đầu tiên)")
        return f"{text} «{self.excerpt}»" if self.excerpt else text


# A template's problem is a Problem whose place is a Place of the template, not a workbook cell
# (its kind, ProblemKind.TEMPLATE, follows from the place).
TemplateProblem = Problem


@dataclass
class Para:
    place: Place
    text: str
    pieces: list = field(default_factory=list)  # (w:t element, its offset in text)
    deleted: str = ""  # text of tracked deletions not yet accepted
    cells: tuple = ()  # table path, outermost first: ((table, row, cell), …)


@dataclass
class Tag:
    raw: str
    kind: str  # "{{", "{%" or "{#"
    prefix: str  # "", "p", "tr", "tc" or "r"
    body: str  # without delimiters, prefix and whitespace control
    para: Para
    start: int  # offset of the tag in para.text
    spaced: bool = False  # "{% p if …": docxtpl does not see the prefix

    @property
    def keyword(self) -> str:
        words = self.body.split()
        if not words or self.kind != "{%":
            return ""
        return "set_block" if words[0] == "set" and "=" not in self.body else words[0]


@dataclass
class Part:
    """A piece of the template docxtpl renders as one Jinja template."""

    name: str
    paras: list[Para]
    patched: bool = True  # run through docxtpl's patch_xml (smart quotes, {%p …)
    root: object = None
    label: str = "thân văn bản"


def excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def did_you_mean(name: str, candidates) -> str:
    """Return " — có phải “x”?" for the names closest to `name`, or ""."""
    close = difflib.get_close_matches(name, sorted(set(candidates)), n=3, cutoff=0.6)
    return " — có phải " + " hay ".join(f"“{c}”" for c in close) + "?" if close else ""


def said(tag: Tag) -> str:
    """Return "thẻ «…»: " to start a message, unless the tag is its paragraph's only text."""
    return "" if tag.raw.strip() == tag.para.text.strip() else f"thẻ «{excerpt(tag.raw)}»: "


def problem_at(para: Para, message: str, severity=Severity.ERROR) -> TemplateProblem:
    return TemplateProblem(para.place, message, severity)


# --- Reading the .docx ----------------------------------------------------------------------

def read_parts(z: zipfile.ZipFile) -> list[Part]:
    """Return the rendered parts of an open .docx: body, headers, footers, footnotes, properties."""
    from lxml import etree

    names = [n for n in z.namelist() if _PARTS.fullmatch(n)]
    names.sort(key=lambda n: (n != "word/document.xml", n))
    styles = _heading_ids(z)
    parts = []
    for name in names:
        root = etree.fromstring(z.read(name))
        kind = re.sub(r"\d+$", "", name[5:-4])
        label = "" if kind == "document" else f"{_PART_NAMES[kind]} ({name[5:-4]})"
        walker = _Walker(label, styles if kind == "document" else None)
        walker.visit(root)
        parts.append(Part(name, walker.paras, root=root, label=label or "thân văn bản"))
    return parts + _property_parts(z)


def _heading_ids(z: zipfile.ZipFile) -> set[str]:
    from lxml import etree

    if "word/styles.xml" not in z.namelist():
        return set()
    root = etree.fromstring(z.read("word/styles.xml"))
    return {s.get(W + "styleId") for s in root.iter(W + "style")
            if (s.find(W + "name") is not None
                and s.find(W + "name").get(W + "val", "").lower() in HEADINGS)}


def _property_parts(z: zipfile.ZipFile) -> list[Part]:
    from lxml import etree

    if "docProps/core.xml" not in z.namelist():
        return []
    root = etree.fromstring(z.read("docProps/core.xml"))
    parts = []
    for el in root:
        label = PROPERTIES.get(etree.QName(el).localname)
        if label and el.text and OPEN.search(el.text):
            place = Place(f"thuộc tính tệp “{label}” (Tệp › Thông tin › Thuộc tính)",
                          excerpt=excerpt(el.text))
            parts.append(Part("docProps/core.xml", [Para(place, el.text)], patched=False,
                              label=place.part))
    return parts


class _Walker:
    """Numbers every paragraph of a part (as Word keeps them, table cells included)."""

    def __init__(self, label: str, heading_ids: set[str] | None):
        self.label, self.heading_ids = label, heading_ids
        self.heading = "" if heading_ids is not None else None
        self.paras: list[Para] = []
        self.tables: list[list[int]] = []
        self.count = self.count_tables = 0

    def visit(self, el) -> None:
        if el.tag == W + "tbl":
            self.count_tables += 1
            self.tables.append([self.count_tables, 0, 0])
        elif el.tag == W + "tr" and self.tables:
            self.tables[-1][1:] = [self.tables[-1][1] + 1, 0]
        elif el.tag == W + "tc" and self.tables:
            self.tables[-1][2] += 1
        elif el.tag == W + "p":
            self.paras.append(self.paragraph(el))
        for child in el:
            if isinstance(child.tag, str):
                self.visit(child)
        if el.tag == W + "tbl":
            self.tables.pop()

    def paragraph(self, p) -> Para:
        self.count += 1
        para = Para(Place(), "", cells=tuple(tuple(t) for t in self.tables))
        for t in p.iter(W + "t", W + "delText"):
            owner = next(a for a in t.iterancestors(W + "p"))
            if owner is not p:
                continue  # a paragraph of a text box inside this one: it is read on its own
            if t.tag == W + "delText" or next(t.iterancestors(W + "del", W + "moveFrom"), None):
                para.deleted += t.text or ""
            else:
                para.pieces.append((t, len(para.text)))
                para.text += t.text or ""
        para.place = Place(self.label, self.count, self.heading,
                           para.cells[-1] if para.cells else None, excerpt(para.text))
        style = p.find(f"{W}pPr/{W}pStyle")
        words = OPEN.sub("", re.sub(r"\{[{%#].*?[}%#]\}", "", para.text))
        if (self.heading_ids and style is not None and style.get(W + "val") in self.heading_ids
                and any(ch.isalpha() for ch in words)):  # one of a loop's headings is no landmark
            self.heading = excerpt(para.text, 80)
        return para


def readable(path: Path) -> Path:
    """Return `path`, or raise TemplateError when there is no such file."""
    if not Path(path).is_file():
        raise TemplateError(_not_found(Path(path)))
    return path


def _not_found(path: Path) -> str:
    """Say where the template was looked for, which .docx files are there, and what to type."""
    where = path.absolute()
    folder = where if path.is_dir() else where.parent
    found = sorted(p.name for p in folder.glob("*.docx")) if folder.is_dir() else []
    close = difflib.get_close_matches(path.name, found, n=1, cutoff=0.6)
    text = (f"“{path}” là một thư mục, chưa phải tệp mẫu (đã tìm: {where}). " if path.is_dir()
            else f"không tìm thấy tệp mẫu “{path}” (đã tìm: {where}). ")
    if close and not path.is_dir():
        text += f"Có phải ý bạn là “{folder / close[0]}”? "
    if found:
        text += f"Các tệp mẫu trong thư mục “{folder}”: {', '.join(found)}. "
    elif not folder.is_dir():
        text += f"Thư mục “{folder}” cũng không có. "
    return text + f"Hãy ghi đúng đường dẫn tới tệp Word .docx, {_example_template()}."


def _example_template() -> str:
    """The project's own yearly template when there is one here, else the shipped copy and
    the command that copies it into templates/ (an installed tool has no checkout)."""
    if Path(DEFAULT_TEMPLATES, REPORT_TEMPLATE).is_file():
        return f"ví dụ: {Path(DEFAULT_TEMPLATES, REPORT_TEMPLATE)}"
    return (f"ví dụ mẫu đi kèm chương trình: {shipped(DEFAULT_TEMPLATES) / REPORT_TEMPLATE} "
            f"(lệnh ncnsc-report new-province chép các mẫu vào thư mục {DEFAULT_TEMPLATES}/ "
            "của dự án)")


def open_parts(path: Path) -> list[Part]:
    """Return the parts of the template at `path`; TemplateError when it is no readable .docx."""
    readable(path)
    try:
        with zipfile.ZipFile(path) as z:
            return read_parts(z)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise TemplateError(f"“{path}” không phải tệp Word .docx đọc được "
                            f"({type(err).__name__})") from err
