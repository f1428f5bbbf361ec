"""docxtpl, made strict and fast for long tables: `StrictDocxTemplate`.

Changes to docxtpl's `DocxTemplate`, each keeping its output for a sound template:

- The rendered body is checked **strictly**: docxtpl parses it with `recover=True`, which
  silently drops whatever is not well-formed — a broken template would lose text without a word.
- Tabs and line breaks in values (docxtpl's "listing" characters) are resolved only in the
  paragraphs that contain them; docxtpl runs its regular expressions over every paragraph and
  run, which dominated the time of a 10 000-row appendix.
- Paragraph markers are added and removed with plain string replaces.
- Each part's template is cleaned up (`patch_xml`) and compiled once per process and user
  (`render.compiled`), not at every render: both cost about as much as rendering the parts.
- When the template has no cell loops or merges (the only things docxtpl's table fix-up is for),
  the body is never turned into an lxml tree: it is checked by expat as a stream, its picture
  ids renumbered in the text, and the document part written from the text. A 10 000-row table
  is some 700 000 XML nodes; building and moving them cost seconds and hundreds of megabytes.
"""

from __future__ import annotations

import functools
import re
import traceback
import xml.parsers.expat

import docxtpl
import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.render import compiled
from ncnsc_reports.render.limits import TemplateLimit

_LISTING = re.compile("[\t\n\a\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PATCH = f"docxtpl {docxtpl.__version__} patch_xml"  # what `patch_xml` results depend on
# docxtpl tags that change a table's grid, which its fix_tables then repairs on a tree.
_GRID_TAGS = re.compile(r"{%-?\s*(?:tc\b|colspan\b|hm\b|vm\b)|{%tc\b")


class StrictDocxTemplate(DocxTemplate):
    _body_text: str | None = None
    _root = None

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        """docxtpl's, with its per-paragraph regular expressions replaced by plain replaces."""
        src_xml = src_xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")
        # docxtpl's escapes for a literal tag in the template ({_{ prints {{), turned into Jinja
        # before rendering: replacing them in the output would also change values that hold them
        for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            src_xml = src_xml.replace(escaped, "{{ '" + tag + "' }}")
        try:
            self.current_rendering_part = part
            dst_xml = compiled.template(jinja_env, src_xml).render(context)
        except jinja2.TemplateError as exc:
            _locate(exc, getattr(exc, "lineno", None) or _template_line(exc), src_xml)
            raise
        except (RecursionError, MemoryError, OverflowError) as exc:
            limit = TemplateLimit(_EXHAUSTED.get(type(exc), "phép tính cho một số quá lớn"))
            _locate(limit, _template_line(exc), src_xml)
            raise limit from None
        dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        return self.resolve_listing(self.resolve_listing(dst_xml))

    def patch_xml(self, src_xml):
        return patched(src_xml)

    def render_properties(self, context, jinja_env=None):
        """docxtpl's (title, subject… may hold tags), each compiled once (`compiled`)."""
        super().render_properties(context, _CompiledOnce(jinja_env))

    def resolve_listing(self, xml):
        """Resolve tabs and line breaks only where there are some (same result, less work)."""
        if not _LISTING.search(xml):
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

    def fix_tables(self, xml):
        """Check the rendered body strictly; build a tree only if its tables need fixing."""
        opening, closing = _root_tags(self.docx._element)
        document = opening + xml + closing
        if _GRID_TAGS.search(self.get_xml()):
            root = _parse_strictly(document)
            fixed = super().fix_tables(etree.tostring(root.find(_W + "body"), encoding="unicode"))
            root.replace(root.find(_W + "body"), fixed)
            self._root, self._body_text = root, None
            return fixed
        _check_well_formed(document)
        self._body_text, self._root = document, None
        return None

    def fix_docpr_ids(self, tree):
        """Renumber picture ids (docxtpl's fix for copies made by loops), on text or tree."""
        if tree is not None:
            return super().fix_docpr_ids(tree)

        def renumber(m):
            self.docx_ids_index += 1
            return f"{m.group(1)}{self.docx_ids_index}{m.group(3)}"

        self._body_text = _DOCPR_ID.sub(renumber, self._body_text)

    def map_tree(self, tree):
        part = self.docx._part
        if self._body_text is None:
            part._element = self._root
            return
        # The document part keeps its class and gains a blob that is the finished XML; the old
        # tree stays behind for docxtpl's later look-ups (sections, properties) only.
        part.__class__ = _finished(type(part))
        part._finished_blob = self._body_text.encode("utf-8")


def patched(xml: str) -> str:
    """docxtpl's clean-up of a part's XML for Jinja (`DocxTemplate.patch_xml`, some twenty
    regular expressions over the whole part), made once per part and user (`compiled`): it is
    a function of the text alone."""
    return compiled.remembered(_PATCH, xml, lambda text: DocxTemplate.patch_xml(None, text))


class _CompiledOnce:
    """An environment as docxtpl's `render_properties` uses it: `from_string` only."""

    def __init__(self, env) -> None:
        self.env = env

    def from_string(self, source: str):
        return compiled.template(self.env, source)


_EXHAUSTED = {RecursionError: "macro gọi lại chính nó quá nhiều tầng (đệ quy không dừng); "
                              "hãy sửa điều kiện dừng của macro",
              MemoryError: "điền mẫu cần quá nhiều bộ nhớ; hãy xem lại các vòng lặp và phép "
                           "nhân chuỗi"}


def _locate(exc: Exception, lineno: int | None, src_xml: str) -> None:
    """Attach the text of the paragraphs around template line `lineno` (one per line)."""
    if lineno is not None:
        first = max(lineno - 4, 0)
        exc.docx_context = [re.sub(r"<[^>]+>", "", line)
                            for line in src_xml.splitlines()[first:first + 7]]


def _template_line(exc: BaseException) -> int | None:
    """Return the template line a runtime failure happened on (Jinja names its frames so)."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>":
            line = frame.lineno
    return line


@functools.cache
def _finished(cls: type) -> type:
    """A subclass of a part class whose blob is the text it was given, not its tree."""
    return type(f"Finished{cls.__name__}", (cls,),
                {"blob": property(lambda self: self._finished_blob)})


def _root_tags(root) -> tuple[str, str]:
    """Return the document root's start tag (with the XML declaration and anything before the
    body, e.g. a background) and its end tag, as text."""
    shell = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    empty = etree.tostring(shell, encoding="unicode")
    before = "".join(etree.tostring(child, encoding="unicode") for child in root
                     if child.tag != _W + "body")
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return declaration + empty[:-2] + ">" + before, f"</{empty[1:].split()[0]}>"


def _parse_strictly(document: str):
    try:
        return etree.fromstring(document.encode("utf-8"), etree.XMLParser(huge_tree=True))
    except etree.XMLSyntaxError as err:
        raise _broken(err) from err


def _check_well_formed(document: str) -> None:
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(document.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as err:
        raise _broken(err) from err


def _broken(err: Exception) -> TemplateError:
    return TemplateError(f"mẫu tạo ra nội dung Word không hợp lệ ({err}); hãy chạy "
                         "“ncnsc-report check-template” với mẫu này")
