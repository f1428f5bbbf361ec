"""One writer per output folder at a time, on Windows as on Linux: an exclusive lock file.

Two builds of the same year writing at once could each read the manifest before the other
recorded its files, leaving a manifest that does not cover the file on disk (and a spurious
"-sua-tay-" copy next time). The lock is a file created with O_EXCL beside the folder
(`.ncnsc-lock-<năm>`), holding the writer's process id and start time; a second build waits
for it, and a lock left by a killed build (its process gone, or older than any write) is
taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.inputs.regular import read_regular

WAIT_SECONDS = 120.0  # writing a year's outputs takes seconds; a longer wait is a stuck build
STALE_SECONDS = 900.0


def lock_path(folder: Path) -> Path:
    return folder.parent / f".ncnsc-lock-{folder.name}"


@contextlib.contextmanager
def locked(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of `folder` for the duration; wait for another holder, then fail."""
    path = lock_path(folder)
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while not _acquire(path):
        if _stale(path):
            _remove(path)
            continue
        if time.monotonic() > deadline:
            raise OutputError(f"một lần tạo báo cáo khác đang ghi vào “{folder}”{_since(path)}; "
                              "hãy đợi lần đó xong rồi chạy lại (nếu chắc không còn lần nào "
                              f"đang chạy, hãy xóa tệp “{path}”)")
        time.sleep(0.05)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _acquire(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    except OSError as err:
        raise OutputError(f"không tạo được tệp khóa “{path}”: {err.strerror}") from err
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(f"{os.getpid()} {time.time():.0f}\n")
    except BaseException as err:  # a full disk, Ctrl-C: an empty lock would block builds 15 min
        with contextlib.suppress(OSError):
            path.unlink()
        if not isinstance(err, OSError):
            raise
        raise OutputError(f"không ghi được tệp khóa “{path}”: {err.strerror}; chưa ghi gì vào "
                          f"“{path.parent / path.name.removeprefix('.ncnsc-lock-')}”, các tệp "
                          "trong đó (kể cả bản đã sửa tay) vẫn nguyên") from err
    return True


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def _holder(path: Path) -> tuple[int, float] | None:
    try:
        pid, started = read_regular(path).decode("ascii").split()
        return int(pid), float(started)
    except (OSError, ValueError):
        return None


def _stale(path: Path) -> bool:
    """Whether the lock was left by a build that no longer runs."""
    holder = _holder(path)
    if holder is None:  # being written this instant, or damaged: judge by the file's age
        try:
            found = os.lstat(path)
        except OSError:
            return False
        # a pipe or a folder is no lock a build writes (and reading a pipe would never end)
        return not stat.S_ISREG(found.st_mode) or time.time() - found.st_mtime > STALE_SECONDS
    pid, started = holder
    if time.time() - started > STALE_SECONDS:
        return True
    return os.name != "nt" and not _alive(pid)  # os.kill(pid, 0) would end it on Windows


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _since(path: Path) -> str:
    holder = _holder(path)
    if holder is None:
        return ""
    return f" (từ {dt.datetime.fromtimestamp(holder[1]).strftime('%H:%M:%S')})"
