"""Workbooks read once per batch worker: a province's profile and earlier years are shared.

In `build --all`, every report of a province reads its profile, and every year with
indicators reads the earlier years of its phase again (the 2025 report reads 2021–2024). A
worker that builds a province's years keeps what it read, keyed by the file's path, size and
modification time, so each workbook is read once; the problems found while reading it are
recorded again for every report that uses it. Off unless `share_reads()` was called: a single
build reads each file once anyway.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from ncnsc_reports.inputs.schema import SheetSpec
from ncnsc_reports.inputs.sheets import Row, read_workbook
from ncnsc_reports.problems import Problems

_kept: OrderedDict[tuple, tuple[dict[str, list[Row]], list]] = OrderedDict()
_limit = 0


def share_reads(limit: int = 24) -> None:
    """Keep the last `limit` workbooks read in this process (a province's ten years and its
    profile, twice over); 0 turns sharing off."""
    global _limit
    _limit = limit
    while len(_kept) > limit:
        _kept.popitem(last=False)


def read_workbook_once(path: Path, specs: tuple[SheetSpec, ...], problems: Problems,
                       ignored: tuple[str, ...] = (), label: str | None = None
                       ) -> dict[str, list[Row]]:
    """`sheets.read_workbook`, answered from what this process already read when sharing."""
    if not _limit:
        return read_workbook(path, specs, problems, ignored, label)
    try:
        st = os.stat(path)
    except OSError:
        return read_workbook(path, specs, problems, ignored, label)
    key = (str(Path(path).resolve()), st.st_size, st.st_mtime_ns,
           tuple(spec.name for spec in specs), tuple(ignored), label)
    if key in _kept:
        _kept.move_to_end(key)
    else:
        found = Problems()
        _kept[key] = (read_workbook(path, specs, found, ignored, label), list(found))
        share_reads(_limit)
    sheets, found = _kept[key]
    problems.extend(found)
    return {name: list(rows) for name, rows in sheets.items()}
