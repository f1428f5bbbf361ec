"""The safe repairs of `check-template --fix`: what docxtpl would do anyway, made visible.

Owns rewriting a tag's smart quotes as straight ones and a tag split across differently
formatted runs in its first run's format, in the body and in the file properties, and
writing the repaired copy. Everything else needs the editor's judgement.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ncnsc_reports.template_check.parts import (
    PROPERTIES,
    SMART_QUOTES,
    Tag,
    W,
    excerpt,
    read_parts,
    readable,
)
from ncnsc_reports.template_check.rules import looks
from ncnsc_reports.template_check.tags import scan
from ncnsc_reports.template_check.xml_syntax import xml_problem


def fix_template(path: Path, target: Path) -> list[str]:
    """Write to `target` a copy of the template with the safe repairs made; say what changed.

    Safe: smart quotes inside tags become straight ones (what docxtpl does anyway), and a tag
    split across differently formatted runs is written in its first run's format (the format
    docxtpl gives the printed value). Everything else needs the editor's judgement. Nothing is
    written when there is nothing to repair.
    """
    changes, repaired = [], {}
    with zipfile.ZipFile(readable(path)) as z:
        if any(xml_problem(n, z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))):
            return []  # a part only Word can rewrite (xml_syntax): nothing safe to repair
        for part in read_parts(z):
            # Last tag first: a repair changes its paragraph only after the tags before it.
            done = [(tag, repair_tag(tag)) for tag in reversed(scan(part, []))]
            done = [f"{tag.para.place}: {change}" for tag, change in reversed(done) if change]
            changes += done
            if done:
                repaired[part.name] = part.root
        if changes:
            _write_repaired(z, target, repaired)
    return changes


def _write_repaired(z: zipfile.ZipFile, target: Path, roots: dict) -> None:
    """Copy every entry of `z` to `target`, with the repaired parts in place of the old."""
    from lxml import etree

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename in roots and roots[info.filename] is None:  # file properties
                data = repair_properties(data)
            elif info.filename in roots:
                data = etree.tostring(roots[info.filename], encoding="UTF-8",
                                      xml_declaration=True, standalone=True)
            out.writestr(info, data)


def repair_tag(tag: Tag) -> str:
    """Repair one tag in place (its w:t elements); return what was done, or ""."""
    straight = tag.raw.translate(SMART_QUOTES) if tag.kind != "{#" else tag.raw
    split = len(looks(tag)) > 1
    if straight == tag.raw and not split or "\n" in tag.raw:
        return ""
    done = ["đổi nháy cong thành nháy thẳng"] if straight != tag.raw else []
    done += ["viết cả thẻ bằng định dạng của phần đầu"] if split else []
    if not tag.para.pieces:  # a file property: rewritten whole by repair_properties
        return f"{', '.join(done)} trong thẻ «{excerpt(tag.raw)}»"
    end = tag.start + len(tag.raw)
    hit = [(t, o) for t, o in tag.para.pieces if o < end and o + len(t.text or "") > tag.start]
    (first, at), (last, at_last) = hit[0], hit[-1]
    tail = (last.text or "")[end - at_last:]
    first.text = (first.text or "")[:tag.start - at] + straight + (tail if last is first else "")
    for t, _ in hit[1:]:
        t.text = tail if t is last else ""
    for t, _ in hit:
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run = t.getparent()
        if not t.text and t is not first:  # an emptied run goes, so Word shows no trace
            run.remove(t)
            if all(child.tag == W + "rPr" for child in run):
                run.getparent().remove(run)
    return f"{', '.join(done)} trong thẻ «{excerpt(tag.raw)}»"


def repair_properties(xml: bytes) -> bytes:
    """Return core.xml with straight quotes inside the tags of the rendered properties."""
    from lxml import etree

    root = etree.fromstring(xml)
    for el in root:
        if etree.QName(el).localname in PROPERTIES and el.text:
            el.text = re.sub(r"\{[{%].*?[}%]\}", lambda m: m.group().translate(SMART_QUOTES),
                             el.text, flags=re.S)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
