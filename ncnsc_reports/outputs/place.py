"""Where a folder's outputs go: outputs/<tỉnh>/<thư mục>/ beside inputs/, or under --out.

The one rule for every command that writes (a year's report, a period's summary, the unit
forms), so their outputs cannot drift apart. Paths are taken as the user named them: with
inputs/ a link to a shared store, the project is still the one the user named.
"""

from __future__ import annotations

import os
from pathlib import Path


def named(folder: Path) -> Path:
    """Return the folder as the user named it, made absolute without following links: with
    inputs/ a link to a shared store, the project is still the one the user named, and
    `build .` inside the year folder knows its province and year."""
    return Path(os.path.abspath(folder))


def project_root(folder: Path) -> Path:
    """Return the folder holding inputs/, templates/ and outputs/ for inputs/<tỉnh>/<thư mục>."""
    return named(folder).parent.parent.parent


def output_folder(folder: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/<thư mục>/ for inputs/<tỉnh>/<thư mục> (a year or a period), under
    `out_root` (--out) when given."""
    folder = named(folder)
    root = out_root or project_root(folder) / "outputs"
    return Path(root) / folder.parent.name / folder.name
