"""Where report templates are found: an explicit, ordered search path, the province's first.

Owns the template's file name and the search path (style: mkdocs' theme search path).
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import TemplateError

REPORT_TEMPLATE = "bao-cao-nam.docx"


def search_path(province_dir: Path, project_root: Path) -> list[Path]:
    """Return the template folders in the order they are searched: province first."""
    return [province_dir / "templates", project_root / "templates"]


def find_template(name: str, folders: list[Path]) -> Path:
    """Return the first `name` found in `folders`; the error lists every place searched."""
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    places = "; ".join(str(f / name) for f in folders)
    raise TemplateError(f"không tìm thấy mẫu báo cáo “{name}”. Đã tìm ở: {places}")
