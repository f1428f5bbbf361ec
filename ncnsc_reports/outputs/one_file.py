"""Writing one file whole or not at all: the one-file counterpart of `write.write_outputs`.

`write_outputs` writes a build's whole set of files into a folder (and removes the earlier
outputs no longer made), so it cannot add one unit's form to don-vi/, one workbook uploaded
on the page, or one record to the page's `.ncnsc-web/`. `write_file` does that by the same
rules: the bytes written in full and flushed to a hidden staging file beside the target, renamed
into place (a rename within a folder is atomic), under the folder's lock (lock.py, the lock a
build of that folder takes), so a reader sees the old file or the new one, never half a file.
Keeping the file it replaces, when that matters, is the caller's (the page keeps dated copies).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from ncnsc_reports.errors import OutputError, os_reason
from ncnsc_reports.outputs.journal import sync_folder
from ncnsc_reports.outputs.lock import locked

STAGED_PREFIX = ".dang-ghi-"  # hidden: never listed, read or recorded (inputs.regular)


def _flushed(path: Path, data: bytes) -> None:
    """Write `data` to `path` and flush it to the disk (raises OSError)."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_file(path: Path, data: bytes, wait: float | None = None) -> Path:
    """Write `data` to `path` atomically, holding the lock of its folder (waiting `wait`
    seconds at most, lock.py's default when None); return `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"không tạo được thư mục “{path.parent}”: "
                          f"{os_reason(err, path.parent)}") from err
    with locked(path.parent, wait):
        _replace(path, data)
    return path


def _replace(path: Path, data: bytes) -> None:
    staged = path.with_name(f"{STAGED_PREFIX}{secrets.token_hex(6)}-{path.name}")
    try:
        _flushed(staged, data)
        os.replace(staged, path)
        sync_folder(path.parent)  # the rename itself on disk, not only the bytes
    except OSError as err:
        raise OutputError(f"không ghi được “{path}”: {os_reason(err, path)}. Nếu tệp đang mở "
                          "trong Word hoặc Excel, hãy đóng lại rồi thử lại.") from err
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()
