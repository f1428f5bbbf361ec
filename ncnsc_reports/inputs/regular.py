"""Files a build reads: which names are inputs, and opening them without ever waiting.

Owns two rules every reader follows (issue 25, items 3 and 4):

- **Which names are read.** Excel's lock files (“~$…”, there while a workbook is open) and
  hidden names (“.…”: macOS's “._…” copies and .DS_Store, a workbook hidden by its name) are
  not inputs. The source record (`outputs.sources.listing`) leaves out the same names, so what
  is read is exactly what is recorded.
- **Only regular files are read.** Opening a named pipe (FIFO) waits for a writer that never
  comes, and a device (/dev/zero) never ends. Every file is opened with O_NONBLOCK, which makes
  opening a pipe return at once, and is refused (`NotRegular`, an OSError, so every caller's
  `except OSError` covers it) unless fstat says it is a regular file: there is no moment
  between a check and the open in which a pipe could be put in its place.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

# Windows has neither pipes in folders nor O_NONBLOCK; O_BINARY keeps bytes as they are there.
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
          | getattr(os, "O_BINARY", 0))


class NotRegular(OSError):
    """The path names a pipe, a device, a socket or a folder: nothing a build may read."""

    def __init__(self, path) -> None:
        super().__init__(errno.EINVAL, "không phải một tệp thông thường", str(path))


def is_input_name(name: str) -> bool:
    """Whether a file or folder of that name is read by a build (and so recorded)."""
    return not name.startswith(("~$", "."))


def open_regular(path: Path | str) -> BinaryIO:
    """Open `path` for reading in binary, without waiting, if it is a regular file; else raise
    NotRegular (or the OSError of the open)."""
    fd = os.open(path, _FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(path)
        if _FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)  # a regular file reads the same; keep reads plain
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | str) -> bytes:
    """Return the bytes of the regular file `path` (NotRegular for anything else)."""
    with open_regular(path) as f:
        return f.read()


class RegularZip(zipfile.ZipFile):
    """A zip package read from a regular file only (`open_regular`), closed with it."""

    _regular: BinaryIO | None = None  # set before ZipFile's own __init__, which may fail

    def __init__(self, path: Path | str) -> None:
        self._regular = open_regular(path)
        try:
            super().__init__(self._regular)
        except BaseException:
            self._regular.close()
            raise

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._regular is not None:
                self._regular.close()
