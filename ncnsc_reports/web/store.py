"""Writing one file whole or not at all, and keeping the one it replaces as a dated copy.

`outputs.write.write_outputs` writes a build's whole set of files into a folder (and removes
the files of its earlier set no longer made), so it cannot add one unit's form to don-vi/ or
one record to `.ncnsc-web/`. This is its one-file counterpart, by the same rules: written in
full and flushed to a hidden staging file beside the target, renamed into place, under the
folder's lock (`outputs.lock`), never leaving half a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.lock import locked


def write_file(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically, under the lock of its folder; return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        _replace(path, data)
    return path


def _replace(path: Path, data: bytes) -> None:
    staged = path.with_name(f".dang-ghi-{secrets.token_hex(6)}-{path.name}")
    try:
        with open(staged, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(staged, path)
    except OSError as err:
        raise OutputError(f"không ghi được “{path.name}”: {err.strerror}. Nếu tệp đang mở "
                          "trong Excel, hãy đóng lại rồi thử lại.") from err
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()


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
