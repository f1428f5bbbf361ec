"""Text of a .docx as a reader sees it: body paragraphs and table cells, in document order.

Shared by the golden test and `python tests/golden/regenerate.py`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def paragraph_text(p) -> str:
    """Return a w:p's text with tabs and line breaks kept as \\t and \\n."""
    parts = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag == qn("w:t"):
            parts.append(el.text or "")
        else:
            parts.append("\t" if el.tag == qn("w:tab") else "\n")
    return "".join(parts)


def docx_lines(path: Path) -> list[str]:
    """Return one line per non-empty paragraph; table cells' paragraphs are prefixed "| "."""
    body = Document(str(path)).element.body
    lines = []
    for el in body:
        if el.tag == qn("w:p"):
            text = paragraph_text(el)
            if text.strip():
                lines.append(text)
        elif el.tag == qn("w:tbl"):
            for tc in el.iter(qn("w:tc")):
                lines.extend("| " + paragraph_text(p) for p in tc.iter(qn("w:p"))
                             if paragraph_text(p).strip())
    return lines
