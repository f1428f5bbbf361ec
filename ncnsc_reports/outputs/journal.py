"""The journal of a commit: what a build is about to move into place, written before it moves.

A build's files are renamed into place one by one (write.py); a kill -9 (a power cut, a closed
laptop lid on a dying battery) between two renames would leave a new report beside last
time's `chi-tieu.xlsx`. So before the first rename, the whole plan — every staged file and
where it goes, the outputs of earlier builds to remove, the hashes of the new files — is
written and flushed to disk as `.ncnsc-nhat-ky-<năm>.json` beside the output folder, after
every staged file is itself on disk. Whoever next takes the folder's lock (the next build)
finds the journal and finishes the commit: a rename is redone only while its staged file is
still in the staging folder, so finishing twice, or being killed while finishing, is harmless.
The year's outputs are therefore the previous ones (no journal yet) or the new ones (the
journal, finished), never a mix once the next build has run; `pending` tells a reader that a
commit is unfinished. Paths are kept relative to the province folder, which holds the staging
folder, the manifest and the year folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ncnsc_reports.inputs.regular import read_regular

_FORMAT = 1


def journal_path(folder: Path) -> Path:
    """Where the commit of the files of `folder` (outputs/<tỉnh>/<năm>) is journalled."""
    return folder.parent / f".ncnsc-nhat-ky-{folder.name}.json"


def pending(folder: Path) -> bool:
    """Whether a commit into `folder` was started and not finished (its build was killed)."""
    return os.path.lexists(journal_path(folder))


def encode(folder: Path, moves: list[tuple[Path, Path]], stale: dict[str, list[str]],
           new: dict[str, list[str]]) -> bytes:
    """The journal of moving each staged file to its target, then removing the `stale`
    outputs still as written ({name: hashes}) and recording `new` ({name: hashes})."""
    base = folder.parent
    data = {"format": _FORMAT, "note": "Việc ghi kết quả đang dở: lần chạy sau sẽ hoàn tất.",
            "moves": [[os.path.relpath(s, base), os.path.relpath(t, base)] for s, t in moves],
            "stale": stale, "new": new}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def decode(folder: Path) -> tuple[list[tuple[Path, Path]], dict, dict] | None:
    """(moves, stale, new) of the journal of `folder`; None when it is missing or damaged.

    A damaged journal cannot be one this program finished writing (it is renamed into place
    whole, after a flush): its commit never started, and it is only removed.
    """
    try:
        data = json.loads(read_regular(journal_path(folder)).decode("utf-8"))
        base = folder.parent
        moves = [(base / s, base / t) for s, t in data["moves"]]
        if data["format"] != _FORMAT or not all(_inside(base, p) for m in moves for p in m):
            return None
        return moves, dict(data["stale"]), dict(data["new"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _inside(base: Path, path: Path) -> bool:
    """A journal only moves files within its province folder (a hand-made one cannot reach
    out of it)."""
    return os.path.normpath(path).startswith(os.path.normpath(base) + os.sep)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames in it) to disk; POSIX only, where folders can be
    opened (on Windows NTFS journals its own metadata)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
