"""Keeping the file an upload replaces, as a dated copy, before anything replaces it.

Every single file the page writes goes through `outputs.one_file.write_file` (whole or not at
all, under the folder's lock: the same lock a build of that folder takes); this module adds
the page's own rule on top: a workbook, a unit's form or a template the page replaces is first
copied, whole, into a `ban-cu/` folder under the name `<tên>-<ngày giờ sửa>` (never lose a
value).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from ncnsc_reports.outputs.one_file import write_file


def keep_copy(path: Path, folder: Path) -> Path | None:
    """Copy `path` (if it exists) into `folder` as `<stem>-<ngày giờ sửa><suffix>`; return it.

    The copy is written whole before anything replaces the original (never lose a value)."""
    if not path.is_file():
        return None
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.stem}-{stamp}-{number}{path.suffix}"
    write_file(target, path.read_bytes())
    with contextlib.suppress(OSError):
        shutil.copystat(path, target)  # the copy shows when the original was last changed
    return target
