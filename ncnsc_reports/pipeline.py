"""The yearly build's old names, kept for callers: `build` is `engine.run` of a year folder.

The steps of a build (for every kind of document) live in `engine`; what is particular to a
yearly report (its inputs, gather, context, chi-tieu.xlsx) in `kinds/yearly.py`. Unlike
`engine.build`, `build` here raises `NcnscError` on a user's mistake (the tests' assertions
and scripts rely on it).
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.engine import BuildResult, run
from ncnsc_reports.engine import up_to_date as fresh_result
from ncnsc_reports.kinds.yearly import main_name
from ncnsc_reports.options import BuildOptions
from ncnsc_reports.outputs.place import named, output_folder

__all__ = ["BuildOptions", "BuildResult", "build", "output_path", "up_to_date"]


def output_path(year_dir: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/<năm>/bao-cao-<tỉnh>-<năm>.docx for a year folder."""
    return output_folder(year_dir, out_root) / main_name(named(year_dir))


def build(year_dir: Path, options: BuildOptions | Path | None = None, **changes) -> BuildResult:
    """Build a folder (`engine.run`): `options` (or, for short, the output folder) with
    `changes` (e.g. `strict=True`) made. Raises on a user's mistake."""
    return run(year_dir, BuildOptions.of(options, **changes))


def up_to_date(year_dir: Path, options: BuildOptions | Path | None = None,
               **changes) -> BuildResult | None:
    """`engine.up_to_date` with `build`'s options."""
    return fresh_result(year_dir, BuildOptions.of(options, **changes))
