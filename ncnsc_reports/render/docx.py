"""Finding Word templates and rendering them with docxtpl, strictly and safely.

Owns the one Jinja environment (sandboxed, StrictUndefined, autoescaped, our filters), the
template search path, the translation of template failures into editor-readable Vietnamese,
and the check that every XML part of the result parses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.formatting import FILTERS
from ncnsc_reports.inputs.cells import XML_ILLEGAL
from ncnsc_reports.reproducible import normalise_zip

REPORT_TEMPLATE = "bao-cao-nam.docx"
_TAGS = re.compile(r"<[^>]+>")


def search_path(province_dir: Path, project_root: Path) -> list[Path]:
    """Return the template folders in the order they are searched: province first."""
    return [province_dir / "templates", project_root / "templates"]


def find_template(name: str, folders: list[Path]) -> Path:
    """Return the first `name` found in `folders`; the error lists every place searched."""
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    places = "; ".join(str(f / name) for f in folders)
    raise TemplateError(f"không tìm thấy mẫu báo cáo “{name}”. Đã tìm ở: {places}")


def _finalize(value):
    """Make every printed value safe: no None, NFC text, no XML-illegal characters."""
    if hasattr(value, "__html__"):
        return value  # already XML (a macro's paragraphs, a RichText)
    if value is None:
        raise TemplateError("mẫu in ra một giá trị rỗng (None); đây là lỗi của chương trình")
    # the characters the loader already removed from cells (with a warning): a safety net
    return XML_ILLEGAL.sub("", unicodedata.normalize("NFC", str(value)))


@functools.cache
def _is_own_record(cls: type) -> bool:
    """Whether a type is one of this package's dataclasses (fields only, no callables)."""
    return cls.__module__.startswith("ncnsc_reports.") and dataclasses.is_dataclass(cls)


def make_environment():
    """Return the Jinja environment every template is rendered in."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class ReportSandbox(SandboxedEnvironment):
        """The sandbox, with a quick yes for public fields of our own frozen dataclasses."""

        def is_safe_attribute(self, obj, attr, value):
            if _is_own_record(type(obj)) and not attr.startswith("_"):
                return True
            return super().is_safe_attribute(obj, attr, value)

    env = ReportSandbox(undefined=StrictUndefined, autoescape=True, finalize=_finalize)
    env.filters.update(FILTERS)
    return env


def render(template: Path, context: dict, when: dt.datetime | None = None) -> bytes:
    """Render a .docx template with `context` and return the bytes of a checked .docx.

    With `when`, the document's dates and zip entries carry it, so the output is reproducible.
    """
    from jinja2 import TemplateError as JinjaError

    from ncnsc_reports.render.docxtpl_engine import StrictDocxTemplate

    try:
        doc = StrictDocxTemplate(template)
        doc.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise TemplateError(f"mẫu “{template}” không phải tệp Word .docx hợp lệ "
                            f"({type(err).__name__})") from err
    try:
        doc.render(context, make_environment(), autoescape=True)
    except JinjaError as err:
        raise TemplateError(_explain(template, err)) from err
    if when is not None:
        _date_properties(doc.docx.core_properties, when)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue() if when is None else normalise_zip(buffer.getvalue(), when)
    check_docx(data)
    return data


def _date_properties(props, when: dt.datetime) -> None:
    props.created = props.modified = when
    props.revision = 1
    props.last_modified_by = props.author


def _explain(template: Path, err: Exception) -> str:
    """Word a Jinja failure for an editor: what went wrong and the text around it."""
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    what = str(getattr(err, "message", None) or err)
    if isinstance(err, UndefinedError) and "'" in what:
        what = (f"trường “{what.split(chr(39))[1]}” không có trong dữ liệu (xem danh sách "
                "trường: ncnsc-report fields)")
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


def check_docx(data: bytes) -> None:
    """Raise TemplateError unless every XML part of the .docx is well-formed (streamed by expat,
    so a long report is checked without building its tree)."""
    import xml.parsers.expat

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    xml.parsers.expat.ParserCreate().Parse(z.read(name), True)
                except xml.parsers.expat.ExpatError as err:
                    raise TemplateError(f"báo cáo tạo ra bị hỏng ở phần {name}: {err}") from err
