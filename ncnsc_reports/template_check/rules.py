"""The rules `check` applies to the tags of one part of a Word template.

Owns what is wrong with a tag and how it is worded for an editor: smart quotes, formatting
split inside a tag, docxtpl's `{%p`/`{%tr`/`{%tc` tags out of place, tracked deletions holding
tags, blocks not closed or closed twice, syntax, and — from the Jinja syntax tree — unknown
fields, attributes, filters and tests (`names`), checked against the `shapes` of the context.
"""

from __future__ import annotations

import difflib
import re

from ncnsc_reports.problems import Severity
from ncnsc_reports.template_check.names import check_expression_names, check_names
from ncnsc_reports.template_check.parts import (
    OPEN,
    SMART_QUOTES,
    UNIT,
    Part,
    Place,
    Tag,
    TemplateProblem,
    W,
    did_you_mean,
    excerpt,
    problem_at,
    said,
)
from ncnsc_reports.template_check.tags import CELL_TAGS, jinja_source, jinja_words

BLOCKS = ("if", "for", "macro", "call", "filter", "with", "set_block", "autoescape")
MIDDLE = {"elif": ("if",), "else": ("if", "for")}
KNOWN = (*BLOCKS, *MIDDLE, *CELL_TAGS, "set", "include", "import", "from", "raw", "endraw",
         *(f"end{b}".replace("_block", "") for b in BLOCKS))
OPENERS = {"if": "{% if true %}", "for": "{% for _ in () %}", "macro": "{% macro _m() %}",
           "call": "{% call _m() %}", "filter": "{% filter upper %}", "with": "{% with %}",
           "set_block": "{% set _s %}", "autoescape": "{% autoescape true %}"}
MOVE_TO = {"p": "đoạn riêng", "tr": "hàng khác", "tc": "ô khác"}
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
# w:lang and w:noProof only steer the spell checker: they do not change how a run looks.
_NOT_LOOKS = re.compile(r"<w:(lang|noProof)\b[^>]*/>")

# --- Single tags ------------------------------------------------------------------------------

def check_tag(tag: Tag, part: Part, problems: list) -> None:
    """Report smart quotes, split formatting and docxtpl prefixes out of place."""
    head = said(tag)
    if tag.kind != "{#" and tag.raw != tag.raw.translate(SMART_QUOTES):
        problems.append(problem_at(tag.para, head + _smart_quotes_message(part.patched),
                                 Severity.WARNING if part.patched else Severity.ERROR))
    formats = looks(tag)
    if len(formats) > 1:
        problems.append(problem_at(tag.para, head + f"Word đã tách thẻ thành {len(formats)} đoạn "
                                 "chữ định dạng khác nhau; báo cáo chỉ giữ định dạng của phần "
                                 "đầu. Cần: cả thẻ một định dạng (chọn cả thẻ rồi định dạng lại, "
                                 "hoặc chạy check-template --fix)", Severity.WARNING))
    if not part.patched and tag.prefix:
        problems.append(problem_at(tag.para, head + f"thẻ {{%{tag.prefix} chỉ dùng trong thân "
                                 "văn bản; ở thuộc tính tệp cần thẻ thường {{{{ … }}}}"))
    elif part.patched:
        message = _prefix_message(tag, part)
        if message:
            problems.append(problem_at(tag.para, head + message))


def _smart_quotes_message(patched: bool) -> str:
    found = "có dấu nháy cong (‘ ’ “ ”) do Word tự đổi; cần nháy thẳng (' hoặc \")"
    if patched:
        return found + ". Khi tạo báo cáo chúng được đổi thành nháy thẳng, kể cả nháy cong " \
                       "trong câu chữ của thẻ; sửa bằng check-template --fix"
    return found + " — ở đây docxtpl không tự đổi nên báo cáo sẽ lỗi; sửa bằng check-template --fix"


def looks(tag: Tag) -> set[bytes]:
    """Return the distinct run formats (w:rPr) the text of a one-paragraph tag is written in."""
    from lxml import etree

    end, looks = tag.start + len(tag.raw), set()
    for t, offset in tag.para.pieces:
        if offset < end and offset + len(t.text or "") > tag.start and t.text:
            rpr = t.getparent().find(W + "rPr")
            xml = etree.tostring(rpr).decode() if rpr is not None else ""
            looks.add(_NOT_LOOKS.sub("", re.sub(r"\sxmlns:\w+=\"[^\"]*\"", "", xml)))
    return looks if "\n" not in tag.raw else set()


def _prefix_message(tag: Tag, part: Part) -> str:
    """Word why docxtpl cannot place a {%p/{%tr/{%tc tag, or return ""."""
    if tag.spaced:
        return f"giữa “{tag.raw[:2]}” và “{tag.prefix}” không được có dấu cách: cần " \
               f"«{tag.raw[:2]}{tag.prefix} {tag.body} {tag.raw[-2:]}»"
    if tag.keyword in ("cellbg", "colspan", "vm", "hm") and not tag.para.cells:
        return f"lệnh “{tag.keyword}” chỉ dùng được trong một ô của bảng"
    if tag.prefix not in UNIT or tag.kind == "{#":
        return ""
    if "%" in tag.body or "}" in tag.body:
        return f"thẻ {tag.raw[:2]}{tag.prefix} không được chứa dấu “%” hay “}}” (docxtpl không " \
               "nhận ra thẻ); hãy đặt giá trị bằng một thẻ {% set … %} thường trước đó"
    if tag.prefix != "p" and not tag.para.cells:
        return f"thẻ {tag.raw[:2]}{tag.prefix} chỉ dùng được trong một {UNIT[tag.prefix]}, " \
               "nhưng đoạn này không nằm trong bảng; ngoài bảng dùng {%p …}"
    rest = _rest(tag, part)
    if rest:
        return f"thẻ {tag.raw[:2]}{tag.prefix} phải đứng một mình trong {UNIT[tag.prefix]}, " \
               f"nhưng {UNIT[tag.prefix]} còn có «{excerpt(rest, 40)}» — phần này sẽ bị xóa " \
               f"khi tạo báo cáo; hãy chuyển nó sang {MOVE_TO[tag.prefix]}"
    return ""


def _rest(tag: Tag, part: Part) -> str:
    """Return the other text of the paragraph, row or cell a prefixed tag replaces."""
    if tag.prefix == "p":
        texts = [tag.para.text.replace(tag.raw, "", 1)]
    else:
        depth = len(tag.para.cells) - 1
        same = (lambda c: c[:2]) if tag.prefix == "tr" else (lambda c: c)
        texts = [p.text for p in part.paras if p is not tag.para and len(p.cells) > depth
                 and p.cells[:depth] == tag.para.cells[:depth]
                 and same(p.cells[depth]) == same(tag.para.cells[depth])]
        texts.append(tag.para.text.replace(tag.raw, "", 1))
    return " ".join(_COMMENT.sub("", t).strip() for t in texts).strip()


def check_deletions(part: Part, problems: list) -> None:
    """Report tracked deletions holding tags: docxtpl renders deleted text too."""
    for para in part.paras:
        if OPEN.search(para.deleted):
            problems.append(problem_at(para, f"đoạn có phần bị xóa khi bật Theo dõi thay đổi "
                                     f"(«{excerpt(para.deleted, 40)}») chưa được chấp nhận, có "
                                     "chứa thẻ; docxtpl vẫn xử lý chữ đã xóa. Cần: Xem lại › "
                                     "Chấp nhận tất cả thay đổi, rồi kiểm tra lại"))


# --- Blocks -----------------------------------------------------------------------------------

def _shown(tag: Tag, body: str, prefix: str | None = None) -> str:
    prefix = tag.prefix if prefix is None else prefix
    return f"«{tag.raw[:2]}{prefix} {body} {tag.raw[-2:]}»"


def _misspelt(tag: Tag, stack: list, problems: list) -> str:
    """Report a keyword Jinja does not know; return what it most likely means ("" if unsure)."""
    close = difflib.get_close_matches(tag.keyword, KNOWN, n=3, cutoff=0.6)
    top = stack[-1] if stack else None
    ending = "end" + top[0].replace("_block", "") if top else ""
    if ending in close:
        problems.append(problem_at(tag.para, said(tag) + f"không có lệnh “{tag.keyword}”; cần "
                                   f"{_shown(tag, ending)} để đóng khối «{excerpt(top[1].raw)}» "
                                   f"(đoạn {top[1].para.place.paragraph})"))
        return ending
    problems.append(problem_at(tag.para, said(tag) + f"không có lệnh “{tag.keyword}”"
                               + did_you_mean(tag.keyword, KNOWN)))
    return close[0] if close else ""


def check_blocks(tags: list[Tag], problems: list) -> list[str]:
    """Report blocks never closed, closed twice or by the wrong kind of tag, and misspelt
    keywords; return each tag's keyword as read (a misspelt one as its likely meaning)."""
    stack: list[tuple[str, Tag]] = []
    keywords = []
    for tag in tags:
        kw = tag.keyword if tag.keyword in ("", *KNOWN) else _misspelt(tag, stack, problems)
        keywords.append(kw)
        want = "set_block" if kw == "endset" else kw[3:] if kw.startswith("end") else ""
        if kw in BLOCKS:
            stack.append((kw, tag))
        elif kw in MIDDLE and stack and stack[-1][0] in MIDDLE[kw]:
            _pair(stack[-1][1], tag, problems)
        elif kw in MIDDLE:
            problems.append(problem_at(tag.para, said(tag) + f"“{kw}” chỉ dùng được "
                                     f"trong một khối “{'” hay “'.join(MIDDLE[kw])}” đang mở, "
                                     "nhưng ở đây không có khối nào như vậy"))
        elif want in BLOCKS and any(k == want for k, _ in stack):
            while stack[-1][0] != want:
                _unclosed(*stack.pop(), problems, closed_by=tag)
            _pair(stack.pop()[1], tag, problems)
        elif want in BLOCKS:
            problems.append(problem_at(tag.para, said(tag) + f"không có khối "
                                     f"“{want.replace('_block', '')}” nào đang mở để đóng; cần "
                                     f"xóa thẻ này hoặc thêm thẻ mở khối phía trước"))
    for kw, tag in reversed(stack):
        _unclosed(kw, tag, problems)
    return keywords


def _unclosed(kw: str, tag: Tag, problems: list, closed_by: Tag | None = None) -> None:
    name = kw.replace("_block", "")
    found = (f"gặp «{closed_by.raw}» ({closed_by.para.place.paragraph and 'đoạn '}"
             f"{closed_by.para.place.paragraph or ''}) đóng khối bên ngoài trước"
             if closed_by else f"đến cuối {tag.para.place.part or 'văn bản'} vẫn không gặp")
    problems.append(problem_at(tag.para, said(tag) + f"khối “{name}” mở ở đây chưa "
                             f"được đóng; cần {_shown(tag, 'end' + name)} sau nội dung của "
                             f"khối, nhưng {found}"))


def _pair(opened: Tag, closing: Tag, problems: list) -> None:
    """Report a middle or end tag whose docxtpl prefix or table place breaks its block."""
    if opened.spaced or closing.spaced:
        return  # already reported: docxtpl does not see the prefix at all
    head = said(closing)
    if opened.prefix != closing.prefix:
        problems.append(problem_at(closing.para, head + f"thuộc khối «{excerpt(opened.raw)}» "
                                 f"(đoạn {opened.para.place.paragraph}) nên phải cùng kiểu: cần "
                                 f"{_shown(closing, closing.body, opened.prefix)}, nhưng gặp "
                                 f"«{closing.raw}»"))
    elif opened.prefix in ("tr", "tc") and opened.para.cells and closing.para.cells:
        a, b = opened.para.cells, closing.para.cells
        same_table = a[:-1] == b[:-1] and a[-1][0] == b[-1][0]
        same_row = same_table and a[-1][1] == b[-1][1]
        if opened.prefix == "tr" and same_row or not same_table or (
                opened.prefix == "tc" and not same_row):
            where = "hàng sau trong cùng bảng" if opened.prefix == "tr" else "cùng hàng"
            problems.append(problem_at(closing.para, head + f"thẻ đóng của khối «{opened.raw}» "
                                     f"phải nằm ở {where}, nhưng lại ở bảng {b[-1][0]} › hàng "
                                     f"{b[-1][1]}"))


# --- Syntax -----------------------------------------------------------------------------------

def check_syntax(tags: list[Tag], keywords: list[str], part: Part, env, problems: list) -> None:
    """Parse every tag on its own, inside a stand-in block: every syntax error, not the first."""
    from jinja2 import TemplateSyntaxError

    for tag, kw in zip(tags, keywords, strict=True):
        body = jinja_source(tag)
        stmt = "{% " + body + " %}"
        if tag.kind == "{#" or kw in CELL_TAGS or kw in ("raw", "endraw") or kw != tag.keyword:
            continue  # not Jinja's, or a misspelt keyword already reported
        if tag.kind == "{{":
            source = "{{ " + body + " }}"
        elif kw in BLOCKS:
            source = stmt + "{% end" + kw.replace("_block", "") + " %}"
        elif kw in MIDDLE:
            source = "{% if true %}" + stmt + "{% endif %}"
        elif kw.startswith("end"):
            source = OPENERS["set_block" if kw == "endset" else kw[3:]] + stmt
        else:
            source = stmt
        try:
            env.parse(source)
        except TemplateSyntaxError as err:
            problems.append(problem_at(tag.para, said(tag) + f"sai cú pháp — "
                                     f"{jinja_words(err.message or str(err))}"))


def check_as_docxtpl(part: Part, env, problems: list) -> None:
    """Parse the part exactly as docxtpl will (its own patch_xml): the last safety net."""
    from jinja2 import TemplateSyntaxError
    from lxml import etree

    from ncnsc_reports.render.docxtpl_engine import patched

    xml = patched(etree.tostring(part.root, encoding="unicode"))
    try:
        env.parse(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))
    except TemplateSyntaxError as err:
        problems.append(TemplateProblem(Place(part.label), "docxtpl không đọc được phần này: "
                                        + jinja_words(err.message or str(err))))


def check_part(part: Part, tags: list[Tag], shapes: dict, env, problems: list) -> None:
    """Apply every rule to one part; `problems` holds the part's own (from `scan`) so far.

    Names are checked in the part's syntax tree once the syntax is sound; after a structural
    error, each expression is checked on its own (names.check_expression_names).
    """
    for tag in tags:
        check_tag(tag, part, problems)
    check_deletions(part, problems)
    keywords = check_blocks(tags, problems)
    check_syntax(tags, keywords, part, env, problems)
    if tags and not any(p.is_error for p in problems):
        check_names(part, tags, shapes, env, problems)
    elif tags:  # names still checked, each expression alone: every problem in one run
        check_expression_names(part, tags, shapes, env, problems)
    if part.root is not None and not any(p.is_error for p in problems):
        check_as_docxtpl(part, env, problems)
