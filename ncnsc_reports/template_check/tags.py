"""Finding the Jinja tags in the paragraphs of a template part, and Jinja's words for them.

Owns `scan` (tags never closed or spread over paragraphs are reported as they are found),
the tag's body as Jinja parses it, docxtpl's own cell tags, and Jinja's syntax messages in
Vietnamese.
"""

from __future__ import annotations

import bisect
import re

from ncnsc_reports.problems import Severity
from ncnsc_reports.template_check.parts import (
    OPEN,
    SMART_QUOTES,
    Para,
    Part,
    Tag,
    excerpt,
    problem_at,
)

_NESTED = re.compile(r"\{[{%]")
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PREFIX, _SPACED = re.compile(r"(tr|tc|p|r) "), re.compile(r"-?\s+(tr|tc|p|r)\s")
CELL_TAGS = ("cellbg", "colspan", "vm", "hm")  # docxtpl's own, rewritten before Jinja runs
JINJA_WORDS = [  # Jinja's syntax messages, in Vietnamese
    (r"unexpected end of template.*", "thẻ dừng giữa chừng, thiếu phần sau"),
    (r"unexpected char (.+?) at \d+", r"ký tự \1 không dùng được ở đây"),
    (r"expected token '(.+?)', got '(.+?)'", r"cần “\1”, nhưng gặp “\2”"),
    (r"Expected an expression, got '(.+?)'", r"cần một giá trị (tên trường, số, chữ), nhưng "
                                             r"gặp “\1”"),
    (r"unexpected '(.+?)'", r"gặp “\1” không đúng chỗ"),
    (r"Encountered unknown tag '(.+?)'.*", r"không có lệnh “\1”"),
]
TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "name": "một tên",
          "end of template": "hết thẻ", "in": "in"}


# --- Finding the tags ------------------------------------------------------------------------

def scan(part: Part, problems: list) -> list[Tag]:
    """Return the tags of a part; report tags never closed or spread over paragraphs."""
    full = "\n".join(p.text for p in part.paras)
    starts = list(_starts(part.paras))
    tags, i = [], 0
    while m := OPEN.search(full, i):
        close = full.find(_CLOSE[m.group()], m.end())
        nested = _NESTED.search(full, m.end()) if m.group() != "{#" else None
        k = bisect.bisect_right(starts, m.start()) - 1
        para, offset = part.paras[k], m.start() - starts[k]
        if close < 0 or (nested and nested.start() < close):
            shown = full[m.start():nested.start() if nested else None].split("\n")[0]
            problems.append(problem_at(para, f"thẻ «{excerpt(shown, 40)}» mở bằng “{m.group()}” "
                                     f"nhưng không đóng bằng “{_CLOSE[m.group()]}”"))
            if nested is None:
                break
            i = nested.start()
            continue
        raw = full[m.start():close + 2]
        if "\n" in raw:  # docxtpl joins the paragraphs: the text survives, their format not
            problems.append(problem_at(para, f"thẻ «{excerpt(raw)}» bắt đầu ở đoạn này nhưng kết "
                                       "thúc ở đoạn sau; cần cả thẻ nằm trong một đoạn (khi tạo "
                                       "báo cáo các đoạn bị gộp làm một, mất định dạng của đoạn "
                                       "sau)", Severity.WARNING))
        tags.append(_tag(raw, para, offset))
        i = close + 2
    return tags


def _starts(paras):
    offset = 0
    for p in paras:
        yield offset
        offset += len(p.text) + 1


def _tag(raw: str, para: Para, start: int) -> Tag:
    kind, inner = raw[:2], raw[2:-2]
    plain = _PREFIX.match(inner)
    spaced = None if plain or kind != "{%" else _SPACED.match(inner)
    prefix = plain or spaced
    body = inner[prefix.end():] if prefix else inner
    # Whitespace control ({%- … -%}, {%+ …) sits right beside the delimiters only.
    body = body[1:] if not prefix and body[:1] in ("-", "+") else body
    body = body[:-1] if body[-1:] in ("-", "+") else body
    return Tag(raw, kind, prefix.group(1) if prefix else "", body.strip(), para, start,
               spaced=bool(spaced))


def jinja_words(message: str) -> str:
    """Return Jinja's syntax message in Vietnamese (the original when it is not known)."""
    for pattern, words in JINJA_WORDS:
        if re.fullmatch(pattern, message, re.S):
            text = re.sub(pattern, words, message, flags=re.S)
            for token, shown in TOKENS.items():
                text = text.replace(f"“{token}”", f"“{shown}”")
            return text
    return f"Jinja báo: {message}"


def jinja_source(tag: Tag) -> str:
    """Return the tag's body as Jinja parses it; smart quotes are reported on their own."""
    return tag.body.translate(SMART_QUOTES)
