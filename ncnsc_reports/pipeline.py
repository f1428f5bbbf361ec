"""`build`: load → validate → context → render → write, all or nothing.

The one library entry point the CLI calls (style: cookiecutter's single entry function).
Everything is gathered and rendered in memory first; the file is written last, atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.outputs import write_outputs
from ncnsc_reports.problems import Problem


@dataclass(frozen=True)
class BuildResult:
    path: Path
    warnings: list[Problem]


def project_root(year_dir: Path) -> Path:
    """Return the folder holding inputs/, templates/ and outputs/ for inputs/<tỉnh>/<năm>."""
    return year_dir.resolve().parent.parent.parent


def output_path(year_dir: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/<năm>/bao-cao-<tỉnh>-<năm>.docx for a year folder."""
    year_dir = year_dir.resolve()
    root = out_root or project_root(year_dir) / "outputs"
    province, year = year_dir.parent.name, year_dir.name
    return root / province / year / f"bao-cao-{province}-{year}.docx"


def build(year_dir: Path, out_root: Path | None = None,
          templates: Path | None = None) -> BuildResult:
    """Build the annual report of one year folder and return where it was written."""
    from ncnsc_reports.context import build_context
    from ncnsc_reports.rendering import REPORT_TEMPLATE, find_template, render, search_path
    from ncnsc_reports.validation import validate

    year_dir = Path(year_dir)
    report, warnings = validate(year_dir)
    folders = search_path(year_dir.resolve().parent, project_root(year_dir))
    if templates is not None:
        folders.insert(0, Path(templates))
    data = render(find_template(REPORT_TEMPLATE, folders), build_context(report))
    target = output_path(year_dir, out_root)
    write_outputs(target.parent, {target.name: data})
    return BuildResult(target, list(warnings))
