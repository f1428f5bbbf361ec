"""The 34 provinces and centrally-run cities from 1 July 2025: names, communes, predecessors.

Owns reading two maintained packages (pinned in pyproject.toml), never a hand-typed list:

- `vietnam-provinces` (General Statistics Office codes, data of 2025-10-18): each province's
  name, kind (“tỉnh” or “thành phố trung ương”) and its communes, wards and special zones — the
  two-level local government in force from 1/7/2025;
- `vietnam-address-converter` (its table maps every former commune, district and province to
  the new commune): the former provinces whose communes a new province took are its
  predecessors. Nghị quyết 202/2025/QH15 merged 52 of the 63 former provinces into 23; the 11
  others kept their territory and have none (tests/test_new_province.py checks the 23 against
  the resolution's list).

Both are imported inside the functions: only `new-province` needs them, not a build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from ncnsc_reports.names import slug as plain_slug

# Nghị quyết 202/2025/QH15 on the reorganisation of provinces takes effect on 12/6/2025; the
# provinces it forms start their life on 1/7/2025 (its Article 2), with the communes of the
# resolutions of the Standing Committee that abolished districts on the same day.
FORMED = dt.date(2025, 7, 1)
CITY, PROVINCE = "thành phố", "tỉnh"
SAME_NAME_SUFFIX = " (trước sắp xếp)"  # the former province that gave the new one its name


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city as it is from `FORMED`."""

    slug: str  # its folder in inputs/: dong-thap, ho-chi-minh, hue
    name: str  # Đồng Tháp, Hồ Chí Minh
    kind: str  # CITY or PROVINCE
    code: int  # General Statistics Office code (82 for Đồng Tháp)
    communes: tuple[str, ...]  # “Xã Cái Bè”, “Phường Mỹ Tho”, “Đặc khu Phú Quốc”…
    predecessors: tuple[str, ...] = ()  # former provinces merged into it (empty: not merged)

    @property
    def title(self) -> str:
        """“tỉnh Đồng Tháp”, “thành phố Hà Nội”: the name as a sentence writes it."""
        return f"{self.kind} {self.name}"


def slug_of(name: str) -> str:
    """“Bà Rịa - Vũng Tàu” → “ba-ria-vung-tau”: the folder name of a province (the rule of
    `report.formation.folder_name`, which names the report's file from the place); the 34
    provinces' slugs are all different (tests/engine/test_unit_forms.py checks that)."""
    return plain_slug(name)  # the one rule of names.py


@cache
def provinces() -> dict[str, Province]:
    """Every province from `FORMED`, by slug, in the order of their official codes."""
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    merged = _predecessors()
    result = {}
    for entry in json.loads(NESTED_DIVISIONS_JSON_PATH.read_text("utf-8")):
        city = entry["division_type"] == "thành phố trung ương"
        name = _clean(entry["name"].removeprefix("Thành phố ")) if city else entry["name"]
        slug = entry["codename"].replace("_", "-")
        result[slug] = Province(slug, name, CITY if city else PROVINCE, int(entry["code"]),
                                tuple(_clean(w["name"]) for w in entry["wards"]),
                                merged.get(slug, ()))
    return result


def _predecessors() -> dict[str, tuple[str, ...]]:
    """New province slug → the former provinces whose communes it took, when more than one:
    the others first, alphabetically, then the one that gave it its name (as the samples)."""
    from vietnam_address_converter.data import DEFAULT_DATA

    old: dict[str, set[str]] = {}
    for row in DEFAULT_DATA["mapping"]["rows"]:
        new_slug = slug_of(_short(row["new"]["province_name"]))
        old.setdefault(new_slug, set()).add(_short(row["old"]["province_name"]))
    result = {}
    for slug, names in old.items():
        if len(names) > 1:
            others = sorted((n for n in names if slug_of(n) != slug), key=slug_of)
            same = [n + SAME_NAME_SUFFIX for n in names if slug_of(n) == slug]
            result[slug] = tuple(others + same)
    return result


@cache
def _city_slugs() -> frozenset[str]:
    """The slugs of the centrally-run cities in the package's divisions. Its data file is read
    without importing the package (0.3 s of code a build does not need): a report of a merged
    province names its predecessors, and a build must stay quick."""
    folder = Path(find_spec("vietnam_provinces").submodule_search_locations[0])
    entries = json.loads((folder / "data" / "nested-divisions.json").read_text("utf-8"))
    return frozenset(e["codename"].replace("_", "-") for e in entries
                     if e["division_type"] == "thành phố trung ương")


def former_kind(name: str) -> str:
    """“thành phố” for a former centrally-run city (“Hải Phòng”, “Cần Thơ (trước sắp xếp)”),
    “tỉnh” otherwise: how a document names a predecessor. Nghị quyết 202/2025/QH15 merged
    cities with provinces (Hải Phòng with Hải Dương, Cần Thơ with Sóc Trăng and Hậu Giang…)
    and every former city gave its name to a city of today, so the six cities of the package
    are the six former ones (tests/inputs/test_divisions.py checks it against the old names of
    vietnam-address-converter)."""
    name = re.sub(r"\([^)]*\)", "", name).strip()
    return CITY if slug_of(name) in _city_slugs() else PROVINCE


def _short(name: str) -> str:
    """“Tỉnh Bà Rịa-Vũng Tàu” → “Bà Rịa - Vũng Tàu”: the name without its kind, the hyphen
    spaced as the resolution writes it."""
    name = re.sub(r"^(Tỉnh|Thành [Pp]hố) ", "", _clean(name))
    return re.sub(r"\s*-\s*", " - ", name)


def _clean(name: str) -> str:
    """One space between words (the package has “Phường  Buôn Ma Thuột”)."""
    return " ".join(name.split())


def former_province(slug: str) -> tuple[str, Province] | None:
    """A former province's name and the province it was merged into, for a slug such as
    “tien-giang”; None when `slug` names no former province merged into another."""
    for province in provinces().values():
        for name in province.predecessors:
            if slug_of(name) == slug and slug != province.slug:
                return name, province
    return None


def closest(slug: str, count: int = 3) -> list[str]:
    """The slugs nearest to a misspelt one (“dong-thao” → dong-thap…), best first."""
    slugs = list(provinces())
    # the kind typed in (“tinh-…”, “thanh-pho-…”, “tp-…”) or a former longer name (Thừa
    # Thiên Huế, a city since 1/1/2025) ends with the slug
    ends = [s for s in slugs if slug.endswith(f"-{s}")]
    near = difflib.get_close_matches(slug, slugs, n=count, cutoff=0.6)
    if ends or near:
        return list(dict.fromkeys(ends + near))[:count]
    squeezed = {s.replace("-", ""): s for s in slugs}
    return [squeezed[s] for s in difflib.get_close_matches(slug.replace("-", ""), squeezed,
                                                            n=count, cutoff=0.5)]
