"""Small, exact edits of a checked-in template's parts (issue 22, item 6), byte-minimal.

The .docx files in templates/ are the source editors own (template_destination.py); an edit made
by a developer goes through here so that only the parts named change, every other member keeps
its bytes, date and order. Also owns Word hygiene: `word/stylesWithEffects.xml` is python-docx's
stale copy of the styles (Word 2010's part, 28–32 styles behind styles.xml), which nothing reads
and which makes an OOXML validator predict a repair in Word; it goes with its relationship and
content-type override.

    python tools/docx_parts.py --hygiene templates/*.docx
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
