"""What a request may name, looked up in the project's own lists: provinces, years, files.

No path from a request ever reaches the filesystem (issue 24, security): a URL names a province
by its folder's name, a year by its number, a file by its name, and each is looked up among the
folders and files actually listed under `inputs/` and `outputs/`. A name not in the list — `..`,
an encoded slash, an absolute path — is simply not found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.outputs.place import output_folder

PERIOD_PREFIXES = ("tong-ket-", "so-ket-")


@dataclass(frozen=True)
class Province:
    slug: str
    path: Path  # inputs/<slug>


@dataclass(frozen=True)
class Year:
    province: Province
    year: int
    path: Path  # inputs/<slug>/<năm>

    @property
    def outputs(self) -> Path:
        return output_folder(self.path)


def _is_year(name: str) -> bool:
    return name.isascii() and name.isdigit() and len(name) == 4


class Project:
    """A project folder holding inputs/, templates/ and outputs/."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self.inputs = self.root / "inputs"

    def provinces(self) -> list[Province]:
        """Every folder of inputs/ that holds a province profile, by name."""
        if not self.inputs.is_dir():
            return []
        return [Province(p.name, p) for p in sorted(self.inputs.iterdir())
                if p.is_dir() and not p.name.startswith(".") and (p / PROFILE_FILE).is_file()]

    def province(self, slug: str) -> Province | None:
        return next((p for p in self.provinces() if p.slug == slug), None)

    def years(self, province: Province) -> list[Year]:
        return [Year(province, int(p.name), p) for p in sorted(province.path.iterdir())
                if p.is_dir() and _is_year(p.name)]

    def periods(self, province: Province) -> list[Path]:
        return [p for p in sorted(province.path.iterdir())
                if p.is_dir() and p.name.startswith(PERIOD_PREFIXES)]

    def year(self, slug: str, year: str) -> Year | None:
        province = self.province(slug)
        if province is None:
            return None
        return next((y for y in self.years(province) if str(y.year) == year), None)


def listed_file(folder: Path, name: str, suffixes: tuple[str, ...]) -> Path | None:
    """The file of `folder` called `name` (one of `suffixes`), found by listing the folder."""
    if not folder.is_dir():
        return None
    return next((p for p in folder.iterdir() if p.name == name and p.is_file()
                 and not p.name.startswith((".", "~$")) and p.suffix in suffixes), None)


def files_of(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files of `folder` with one of `suffixes`, hidden and Excel lock files aside."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in suffixes
                  and not p.name.startswith((".", "~$")))
