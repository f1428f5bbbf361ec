"""Writing a build's files into outputs/<tỉnh>/<năm>/: all of them or none.

Every file is first written in full (and flushed to disk) to a staging folder beside the target
folder; only when all are written are they renamed into place, so an error or a kill while
writing leaves the previous outputs as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ncnsc_reports.errors import OutputError


def write_outputs(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write {file name: bytes} into `folder` all or nothing; return the written paths."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".dang-ghi-", dir=folder.parent))
    except OSError as err:
        raise OutputError(f"không tạo được thư mục kết quả “{folder}”: {err.strerror}") from err
    try:
        for name, data in files.items():
            _write_synced(stage / name, data)
        return [_move(stage / name, folder / name) for name in files]
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _write_synced(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as err:
        raise OutputError(f"không ghi được “{path.name}”: {err.strerror}. Hãy kiểm tra chỗ "
                          "trống trên đĩa rồi chạy lại.") from err


def _move(staged: Path, target: Path) -> Path:
    try:
        os.replace(staged, target)
    except OSError as err:
        raise OutputError(f"không ghi được “{target}”: {err.strerror}. Nếu tệp đang mở trong "
                          "Word hoặc Excel, hãy đóng lại rồi chạy lại.") from err
    return target
