"""The summary's old names, kept for callers: `build_summary` is `engine.run` of a period folder.

What is particular to a phase summary and its draft plan lives in `kinds/summary.py`; the steps
of a build in `engine`. `build_summary` raises `NcnscError` on a user's mistake.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.engine import BuildResult, run
from ncnsc_reports.kinds.summary import (
    PLAN_BOOK,
    PLAN_TEMPLATE,
    SUMMARY_BOOK,
    SUMMARY_TEMPLATE,
    main_name,
)
from ncnsc_reports.options import BuildOptions
from ncnsc_reports.outputs.place import named, output_folder

__all__ = ["PLAN_BOOK", "PLAN_TEMPLATE", "SUMMARY_BOOK", "SUMMARY_TEMPLATE", "build_summary",
           "output_path"]


def output_path(period_dir: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/tong-ket-2021-2025/bao-cao-tong-ket-<tỉnh>-2021-2025.docx."""
    return output_folder(period_dir, out_root) / main_name(named(period_dir))


def build_summary(period_dir: Path, options: BuildOptions | Path | None = None,
                  **changes) -> BuildResult:
    """Build a period folder (`engine.run`) with `options` and `changes`; raises on a user's
    mistake."""
    return run(period_dir, BuildOptions.of(options, **changes))
