"""Where a template generator writes: never over an editor's template by mistake.

The .docx files in templates/ are the source of truth (issue 11, item 11; issue 21, item 6):
editors change them in Word or LibreOffice, and every report is rendered from them. The
generators beside this file (make_template.py, make_summary_template.py, make_plan_template.py)
are one-off records of how each template was first made, not its source: the checked-in
templates have moved on since (the period templates differ from their drafts). Run plainly, a
generator writes a draft under build/templates/ to compare with the checked-in template;
replacing the checked-in template — which discards every change an editor made since — takes the
flag `--replace-checked-in`, said on purpose, and even then the replaced file is kept as
build/templates/<name>.truoc-khi-thay.docx (a file a user edited is never overwritten without a
kept copy). tests/template_check/test_template_source.py holds all of this.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from tools.docx_parts import drop_styles_with_effects

REPO = Path(__file__).resolve().parent.parent
CHECKED_IN = REPO / "templates"
DRAFTS = REPO / "build" / "templates"
REPLACE_FLAG = "--replace-checked-in"


def destination(name: str, argv: list[str]) -> Path:
    """Return where template `name` goes: the draft folder unless the flag says otherwise."""
    return (CHECKED_IN if REPLACE_FLAG in argv else DRAFTS) / name


def kept_copy(name: str) -> Path:
    """Where the checked-in template `name` is kept when a generator replaces it."""
    return DRAFTS / f"{Path(name).stem}.truoc-khi-thay.docx"


def save(doc, name: str, argv: list[str] | None = None) -> Path:
    """Save `doc` as template `name` where `destination` says, and tell the developer which."""
    argv = sys.argv[1:] if argv is None else argv
    path = destination(name, argv)
    path.parent.mkdir(parents=True, exist_ok=True)
    drop_styles_with_effects(doc)  # Word hygiene (issue 22, item 6): see docx_parts.py
    replacing = path.parent == CHECKED_IN and path.is_file()
    if replacing:
        DRAFTS.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, kept_copy(name))
    partial = path.with_name(f".{path.name}.dang-ghi")
    doc.save(partial)
    os.replace(partial, path)  # whole or not at all
    if path.parent == DRAFTS:
        print(f"{path}\n(bản nháp; mẫu đang dùng là {CHECKED_IN / name}, không bị thay. "
              f"Thêm {REPLACE_FLAG} để thay nó — mọi chỉnh sửa của người biên tập sẽ mất.)")
    else:
        print(f"{path}\n(mẫu cũ được giữ ở {kept_copy(name)})" if replacing else path)
    return path
