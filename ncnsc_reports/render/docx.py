"""Rendering a Word template with docxtpl, strictly and safely.

Owns rendering in the one environment (`environment`), the translation of template failures
into editor-readable Vietnamese, dating a reproducible document, and the check that every XML
part of the result parses.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.parsers.expat
import zipfile
from pathlib import Path

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.render.environment import make_environment
from ncnsc_reports.render.names import template_names
from ncnsc_reports.reproducible import normalise_zip

_TAGS = re.compile(r"<[^>]+>")
BODY = "word/document.xml"


def render(template: Path, context: object, when: dt.datetime | None = None,
           pictures: dict[str, tuple[bytes, float, str]] | None = None, finish=None) -> bytes:
    """Render a .docx template with `context` (typed, made a dict here: `names`) and return
    the bytes of a checked .docx.

    With `when`, the document's dates and zip entries carry it, so the output is reproducible,
    and `finish` (e.g. `outputs.fingerprint.fingerprinted`) changes its parts as they are zipped.
    `pictures` fills fields with images: {field: (PNG bytes, width in cm, alt text)}.
    """
    if finish is not None and when is None:
        raise ValueError("finish needs when: the parts are changed as the zip is normalised")
    from jinja2 import TemplateError as JinjaError

    from ncnsc_reports.render.docxtpl_engine import StrictDocxTemplate

    try:
        doc = StrictDocxTemplate(template)
        doc.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise TemplateError(f"mẫu “{template}” không phải tệp Word .docx hợp lệ "
                            f"({type(err).__name__})") from err
    context = template_names(context)
    if pictures:
        context.update({k: _picture(doc, *v) for k, v in pictures.items()})
    try:
        doc.render(context, make_environment(), autoescape=True)
    except JinjaError as err:
        raise TemplateError(_explain(template, err)) from err
    if when is not None:
        _date_properties(doc.docx.core_properties, when)
    clean_properties(doc.docx, str(context.get("document_company", "")))
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue() if when is None else normalise_zip(buffer.getvalue(), when, finish)
    # The body was checked as it was rendered (StrictDocxTemplate) and written from what was
    # checked: parsing it again would double the work on a long report.
    check_docx(data, checked=(BODY,))
    return data


def _picture(doc, png: bytes, width_cm: float, description: str):
    """An inline picture whose alt text (Word: “Alt Text”) is `description`."""
    from docx.shared import Cm
    from docxtpl import InlineImage

    class DescribedImage(InlineImage):
        def __len__(self):  # what the template's output budget (render.limits) counts
            return len(description) + 1000  # the drawing's XML around its alt text

        def _insert_image(self):
            return super()._insert_image().replace(
                "<wp:docPr ", f"<wp:docPr descr={quoted(description)} ", 1)

    return DescribedImage(doc, io.BytesIO(png), width=Cm(width_cm))


# Extended properties as the report needs them: the company from the profile, nothing the
# template's last editor left (application name, page and word counts of the template).
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
           'schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>{}'
           '</Company></Properties>')


def clean_properties(docx, company: str) -> None:
    """Drop the template's thumbnail (a picture of a blank page) and replace its extended
    properties (“Microsoft Macintosh Word”, Pages=1) by the company alone."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = docx.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.format(escaped(company)).encode("utf-8")


def escaped(text: str) -> str:
    """XML character data: `xml.sax.saxutils.escape`, whose module would load urllib.request,
    http and ssl (some 20 ms of every build's start-up) for three replaces."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoted(text: str) -> str:
    """An XML attribute value with its quotes, as `xml.sax.saxutils.quoteattr` writes it."""
    text = escaped(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    return f"'{text}'" if "'" not in text else '"' + text.replace('"', "&quot;") + '"'


def _date_properties(props, when: dt.datetime) -> None:
    props.created = props.modified = when
    props.revision = 1
    props.last_modified_by = props.author


def _explain(template: Path, err: Exception) -> str:
    """Word a Jinja failure for an editor: what went wrong and the text around it."""
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    from ncnsc_reports.render.limits import TemplateLimit

    what = str(getattr(err, "message", None) or err)
    if isinstance(err, UndefinedError) and "'" in what:
        what = (f"trường “{what.split(chr(39))[1]}” không có trong dữ liệu (xem danh sách "
                "trường: ncnsc-report fields)")
    elif isinstance(err, TemplateLimit):
        what = f"thẻ mẫu vượt giới hạn: {what}"
    elif isinstance(err, SecurityError):
        what = "thẻ mẫu truy cập phần nội bộ của chương trình, không được phép"
    elif isinstance(err, TemplateSyntaxError):
        what = f"lỗi cú pháp thẻ mẫu: {what}"
    else:
        what = f"lỗi khi điền dữ liệu vào mẫu ({type(err).__name__}: {what})"
    excerpt = " ".join(_TAGS.sub("", line).strip()
                       for line in getattr(err, "docx_context", []) or [])
    near = f" — gần đoạn: “{' '.join(excerpt.split())[:200]}”" if excerpt.strip() else ""
    return f"mẫu “{template.name}”: {what}{near}"


def check_docx(data: bytes, checked: tuple[str, ...] = ()) -> None:
    """Raise TemplateError unless every XML part of the .docx, but those `checked` already, is
    well-formed (streamed by expat, so a long report is checked without building its tree)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")) and name not in checked:
                try:
                    xml.parsers.expat.ParserCreate().Parse(z.read(name), True)
                except xml.parsers.expat.ExpatError as err:
                    raise TemplateError(f"báo cáo tạo ra bị hỏng ở phần {name}: {err}") from err
