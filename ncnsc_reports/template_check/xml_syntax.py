"""A template part that is not well-formed XML: said where it is and what is wrong.

Word never writes such a part; a template edited by another tool (or by hand, unzipped) may
hold an entity Word does not know (“&nbsp;”, from HTML) or tags that do not match. lxml refuses
the part with an English message (“Entity 'nbsp' not defined, line 2, column 1220”), which
reached the clerk as “Lỗi không mong đợi” from both `build` and `check-template` (issue 25).
Here it becomes an error naming the part as an editor knows it, the line and column, the text
just before the fault (to find it in Word), what is wrong, and the way out: open the template
in Word and save it again, which rewrites every part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ncnsc_reports.template_check.parts import Place, TemplateProblem

_PART_LABELS = {"word/document.xml": "thân văn bản", "word/styles.xml": "kiểu định dạng",
                "word/footnotes.xml": "chú thích cuối trang", "word/settings.xml": "thiết lập",
                "word/numbering.xml": "đánh số"}
_KINDS = (("word/header", "đầu trang"), ("word/footer", "chân trang"))
_KNOWN_ENTITIES = "&amp; &lt; &gt; &quot; &apos;"
FIX = ("hãy mở bằng Word và lưu lại (Word viết lại phần này đúng chuẩn; nếu Word báo tệp có lỗi, "
       "chọn khôi phục nội dung), rồi kiểm tra lại")


@dataclass(frozen=True)
class BrokenPart(Place):
    """The place of a part that cannot be parsed: nothing inside it can be checked."""


def xml_problem(name: str, data: bytes) -> TemplateProblem | None:
    """Return the error of a part that is not well-formed XML, or None when it parses."""
    from lxml import etree

    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=False))
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (err.lineno or 0, 0)
        where = f"{part_label(name)}, dòng {line}, cột {column}"
        return TemplateProblem(BrokenPart(where, excerpt=_text_before(data, line, column)),
                               f"{_what(err)}; {FIX}")
    return None


def part_label(name: str) -> str:
    """“thân văn bản (word/document.xml)”, “đầu trang (word/header1.xml)”, or the name."""
    label = _PART_LABELS.get(name) or next(
        (text for prefix, text in _KINDS if name.startswith(prefix)), None)
    return f"{label} ({name})" if label else f"phần “{name}”"


def _what(err) -> str:
    """What is wrong, in Vietnamese, from lxml's error (its English text kept in brackets)."""
    message = str(err.msg or err).split(", line ")[0]
    if entity := re.match(r"Entity '([^']+)' not defined", message):
        return (f"ký hiệu “&{entity[1]};” không có trong XML của Word (chỉ dùng được "
                f"{_KNOWN_ENTITIES}); thường do dán từ trang web hay sửa bằng công cụ khác")
    if tags := re.match(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)", message):
        return (f"thẻ XML mở và đóng không khớp nhau: thẻ <{tags[1]}> mở ở dòng {tags[2]} lại "
                f"được đóng bằng </{tags[3]}>")
    return f"phần XML sai cú pháp ({message})"


def _text_before(data: bytes, line: int, column: int) -> str:
    """The document's own words just before the fault (tags removed), to find it in Word."""
    lines = data.decode("utf-8", "replace").split("\n")
    if not 0 < line <= len(lines):
        return ""
    before = "\n".join(lines[:line - 1] + [lines[line - 1][:max(column - 1, 0)]])[-4000:]
    words = " ".join(re.sub(r"<[^>]*>", " ", before).split())
    return f"…{words[-50:].partition(' ')[2]}" if len(words) > 50 else words
