"""Small, exact edits of a checked-in template's parts (issue 22, item 6), byte-minimal.

The .docx files in templates/ are the source editors own (template_destination.py); an edit made
by a developer goes through here so that only the parts named change, every other member keeps
its bytes, date and order. Also owns Word hygiene: `word/stylesWithEffects.xml` is python-docx's
stale copy of the styles (Word 2010's part, 28–32 styles behind styles.xml), which nothing reads
and which makes an OOXML validator predict a repair in Word; it goes with its relationship and
content-type override.

    python -m tools.docx_parts --hygiene templates/*.docx
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

STYLES_WITH_EFFECTS = "word/stylesWithEffects.xml"
_REL = re.compile(rb'<Relationship [^>]*Target="stylesWithEffects\.xml"[^>]*/>')
_OVERRIDE = re.compile(rb'<Override PartName="/word/stylesWithEffects\.xml"[^>]*/>')

Edit = Callable[[bytes], bytes] | None  # None: remove the member


def rewrite(path: Path, edits: dict[str, Edit]) -> None:
    """Rewrite the .docx at `path`, applying `edits` by member name; others are copied as is."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename in edits and edits[info.filename] is None:
                continue
            if info.filename in edits:
                data = edits[info.filename](data)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    temporary.replace(path)


HYGIENE: dict[str, Edit] = {
    STYLES_WITH_EFFECTS: None,
    "word/_rels/document.xml.rels": lambda data: _REL.sub(b"", data),
    "[Content_Types].xml": lambda data: _OVERRIDE.sub(b"", data),
}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def retext(xml: bytes, changes: list[tuple[str, str | None]]) -> bytes:
    """Give the first paragraph whose whole text is `old` (in order, each after the previous
    change's paragraph) the text `new` in its first run's format, or remove it when `new` is
    None. A change that finds no paragraph fails: the template is not what the edit expects."""
    from lxml import etree

    root = etree.fromstring(xml)
    paragraphs = list(root.iter(f"{W}p"))
    start = 0
    for old, new in changes:
        at = next((i for i in range(start, len(paragraphs))
                   if paragraph_text(paragraphs[i]) == old), None)
        if at is None:
            raise SystemExit(f"no paragraph “{old[:60]}…” after paragraph {start}")
        start = at + 1
        _set_text(paragraphs[at], new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_text(p, new: str | None) -> None:
    if new is None:
        p.getparent().remove(p)
        return
    runs = [r for r in p if r.tag == f"{W}r"]
    for run in runs[1:]:
        p.remove(run)
    texts = list(runs[0].iter(f"{W}t"))
    for t in texts[1:]:
        t.getparent().remove(t)
    texts[0].text = new
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


# WordprocessingML's order of a row's properties (ECMA-376, CT_TrPr): cantSplit goes before these.
_AFTER_CANT_SPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del",
                     "trPrChange")


def keep_rows_whole(root) -> None:
    """Give every table row `w:cantSplit` (review M15: a row never breaks across pages)."""
    from lxml import etree

    for tr in root.iter(f"{W}tr"):
        props = tr.find(f"{W}trPr")
        if props is None:
            props = etree.Element(f"{W}trPr")
            tr.insert(0 if tr[0].tag != f"{W}tblPrEx" else 1, props)
        if props.find(f"{W}cantSplit") is not None:
            continue
        later = next((i for i, child in enumerate(props)
                      if child.tag.replace(W, "") in _AFTER_CANT_SPLIT), len(props))
        props.insert(later, etree.Element(f"{W}cantSplit"))


def guard_last_row(tbl, condition: str) -> None:
    """Print a table's last row (its “Tổng cộng”) only when `condition` holds: the row goes
    between `{%tr if … %}` and `{%tr endif %}` rows made from the table's `{%tr endfor %}` row
    (review L5: a budget of one year has no total to add)."""
    import copy

    rows = tbl.findall(f"{W}tr")
    endfor = next(r for r in rows if paragraph_text(r).startswith("{%tr endfor"))
    for text, where in ((f"{{%tr if {condition} %}}", rows[-1].addprevious),
                        ("{%tr endif %}", rows[-1].addnext)):
        row = copy.deepcopy(endfor)
        next(row.iter(f"{W}t")).text = text
        where(row)


def drop_styles_with_effects(doc) -> None:
    """Remove the part from a python-docx Document before it is saved (the generators)."""
    part = doc.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)
            part.rels.pop(rel_id, None)


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--hygiene":
        print(__doc__)
        return 2
    for name in argv[1:]:
        rewrite(Path(name), HYGIENE)
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
