"""Where report templates are found: an explicit, ordered search path, the province's first.

Owns the template's file name and the search path (style: mkdocs' theme search path): a
folder given on the command line, the province's, the project's, then the template shipped
with the program (`resources`), so an installed tool builds a project that has none.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.resources import DEFAULT_TEMPLATES, shipped

REPORT_TEMPLATE = "bao-cao-nam.docx"


def search_path(province_dir: Path, project_root: Path) -> list[Path]:
    """Return the template folders in the order they are searched: province first."""
    return [province_dir / "templates", project_root / "templates"]


def template_folders(province_dir: Path, project_root: Path,
                     first: Path | None = None) -> list[Path]:
    """Return the full search path: `first` (--templates), `search_path`, the shipped folder."""
    folders = ([Path(first)] if first is not None else []) + search_path(province_dir, project_root)
    folders.append(shipped(DEFAULT_TEMPLATES))
    first_of = {}
    for folder in folders:  # in a checkout the shipped folder is the project's own: once
        first_of.setdefault(folder.resolve(), folder)
    return list(first_of.values())


def find_template(name: str, folders: list[Path], year: int | None = None) -> Path:
    """Return the first `name` found in `folders`; the error lists every place searched.

    A template may apply from a year on: in a folder, <thư mục>/<năm>/`name` is used for the
    documents of that year and later (the latest such year ≤ `year` first), before
    <thư mục>/`name`; so a template adapted for 2026 leaves the reports of 2021–2025 as signed.
    """
    for folder in folders:
        for candidate in [*_dated(folder, name, year), folder / name]:
            if candidate.is_file():
                return candidate
    places = "; ".join(str(f / name) for f in folders)
    raise TemplateError(f"không tìm thấy mẫu báo cáo “{name}”. Đã tìm ở: {places}")


def _dated(folder: Path, name: str, year: int | None) -> list[Path]:
    """<folder>/<năm>/`name` for every year folder ≤ `year`, latest first."""
    if year is None or not folder.is_dir():
        return []
    years = sorted((int(d.name) for d in folder.iterdir() if d.is_dir() and d.name.isascii()
                    and d.name.isdigit() and len(d.name) == 4 and int(d.name) <= year),
                   reverse=True)
    return [folder / str(y) / name for y in years]
