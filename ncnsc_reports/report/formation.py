"""Provinces formed by the 2025 reorganisation: which provinces a folder was formed from.

From 1/7/2025 provinces merged (Tiền Giang + Đồng Tháp → Đồng Tháp; An Giang + Kiên Giang →
An Giang). A province folder says so in its profile sheet “Hình thành”: the date and, for each
former province, its name and the inputs/ folder holding its years (the folder itself when the
former province had the same name). Owns reading that sheet and the API a phase summary uses
to add up the predecessors' years (domain.md §7: “A summary of 2021–2025 for a merged
province adds up its predecessors' years, without counting one enterprise twice”):

    formation = read_formation(province_dir, problems)       # None if not merged
    history = territory_history(province_dir, Phase(2021, 2025), problems)
    results = compute(plan, history, 2025)                   # compute.indicators

`territory_history` stacks, year by year, the records of every folder that covered part of
the new territory (the province's own years, and each predecessor's years up to the formation
date); counting by tax code (compute.indicators) then counts an enterprise supported by two
predecessors once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.formatting import short_date
from ncnsc_reports.inputs.books import profile_sheet
from ncnsc_reports.inputs.divisions import former_kind
from ncnsc_reports.inputs.schema import PROFILE_FORMATION
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.names import slug
from ncnsc_reports.problems import Location, Problems, expected_found
from ncnsc_reports.report.history import load_year
from ncnsc_reports.report.model import Phase, YearRecords

_FOLDER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Predecessor:
    """A province that existed until the day before `Formation.date`."""

    name: str
    folder: Path | None  # inputs/<folder>; None when the clerk names no folder
    where: Location  # its row in “Hình thành”, for messages
    absent: str = ""  # the clerk's sentence printed when its figures are not available
    missing: bool = False  # a folder is named but does not exist

    @property
    def words(self) -> str:
        """“tỉnh Kiên Giang (trước sắp xếp)”, “thành phố Hải Phòng (trước sắp xếp)”: how a
        document names its former territory (one term throughout, review L1), whatever the
        clerk wrote after the name; its kind as written before the name, else its own kind
        until 30/6/2025 (a former city merged into a city: Hải Phòng, Cần Thơ, Đà Nẵng, Hồ Chí
        Minh; inputs.divisions)."""
        written = re.match(r"(tỉnh|thành phố)\s", self.name.strip(), flags=re.IGNORECASE)
        kind = written.group(1).lower() if written else former_kind(base_name(self.name))
        return f"{kind} {base_name(self.name)} (trước sắp xếp)"

    def year_dir(self, year: int) -> Path | None:
        """Its folder for `year`, if it has one."""
        folder = self.folder / str(year) if self.folder else None
        return folder if folder is not None and folder.is_dir() else None


@dataclass(frozen=True)
class Formation:
    date: dt.date  # the first day of the new province (1/7/2025)
    predecessors: tuple[Predecessor, ...]

    @property
    def last_year_before(self) -> int:
        """The last year a predecessor reported on its own (2025 for 1/7/2025: its first half)."""
        return (self.date - dt.timedelta(days=1)).year


def base_name(name: str) -> str:
    """“Đồng Tháp (trước sắp xếp)”, “Đồng Tháp (cũ)”, “tỉnh Đồng Tháp” → “Đồng Tháp”."""
    name = re.sub(r"\([^)]*\)", "", name).strip()
    return re.sub(r"^(tỉnh|thành phố)\s+", "", name, flags=re.IGNORECASE).strip()


def folder_name(place: str) -> str:
    """“Đồng Tháp” → “dong-thap”: the name of a province's files, taken
    from the place name in force (NĐ 30/2020: a provincial agency's place is the province)."""
    return slug(place)  # one report per folder: no sibling to collide with


def formation_from_rows(province_dir: Path, rows: list[Row],
                        problems: Problems) -> Formation | None:
    """Read the rows of “Hình thành”; None when the sheet is empty (not a merged province)."""
    rows = [r for r in rows if r["date"] and r["name"]]
    if not rows:
        return None
    province_dir = Path(province_dir).resolve()
    date = rows[0]["date"]
    predecessors = []
    for row in rows:
        if row["date"] != date:
            problems.error(row.where.at(column="Ngày thành lập"), expected_found(
                f"cùng một ngày thành lập ở mọi dòng ({short_date(date)}, dòng "
                f"{rows[0].where.row})", short_date(row["date"])))
        folder = _folder(province_dir, row, problems)
        predecessors.append(Predecessor(row["name"], folder, row.where,
                                        str(row.values.get("absent") or "").strip(),
                                        folder is not None and not folder.is_dir()))
    return Formation(date, tuple(predecessors))


def _folder(province_dir: Path, row: Row, problems: Problems) -> Path | None:
    name = str(row["folder"] or "").strip()
    if not name:
        return None
    where = row.where.at(column="Thư mục số liệu")
    if not _FOLDER.match(name):
        problems.error(where, expected_found("tên một thư mục tỉnh trong inputs/, chữ thường "
                                             "không dấu nối bằng “-” (ví dụ tien-giang)", name))
        return None
    folder = province_dir.parent / name
    if not folder.is_dir():
        problems.warning(where, f"không có thư mục {folder}: báo cáo tổng kết giai đoạn cần "
                         f"số liệu của tỉnh “{row['name']}” (sẽ báo lỗi); thêm thư mục đó, hoặc "
                         "để trống ô này và ghi ở cột “Câu khi không có số liệu” câu báo cáo "
                         "in thay cho số liệu của tỉnh đó")
    return folder


def read_formation(province_dir: Path, problems: Problems) -> Formation | None:
    """The formation of a province folder, from its profile (None if it was not merged)."""
    rows = profile_sheet(province_dir, PROFILE_FORMATION, problems)
    return formation_from_rows(Path(province_dir), rows, problems)


def year_sources(province_dir: Path, phase: Phase, formation: Formation | None
                 ) -> dict[int, list[Path]]:
    """For each year of `phase`, the year folders covering part of the province's territory:
    its own, and up to the formation each predecessor's other than itself."""
    province_dir = Path(province_dir).resolve()
    result: dict[int, list[Path]] = {}
    for year in range(phase.start, phase.end + 1):
        own = province_dir / str(year)
        folders = [own] if own.is_dir() else []
        if formation and year <= formation.last_year_before:
            folders += [d for p in formation.predecessors if (d := p.year_dir(year))
                        and d.resolve() != own]
        result[year] = folders
    return result


def territory_history(province_dir: Path, phase: Phase, problems: Problems
                      ) -> dict[int, YearRecords]:
    """Every year of `phase` with the records of all its sources stacked (see module doc)."""
    return history_of(province_dir, phase, read_formation(province_dir, problems), problems)


def history_of(province_dir: Path, phase: Phase, formation: Formation | None,
               problems: Problems) -> dict[int, YearRecords]:
    """`territory_history` with the formation already read."""
    history = {}
    own = Path(province_dir).resolve()
    for year, folders in year_sources(province_dir, phase, formation).items():
        loaded = [load_year(folder, year, problems,
                            "" if folder.parent == own else f"{folder.parent.name}/")
                  for folder in folders]
        history[year] = stack(year, loaded)
    return history


def stack(year: int, records: list[YearRecords]) -> YearRecords:
    """One year's records from several folders, rows of each sheet one after the other."""
    rows: dict[str, list] = {}
    for r in records:
        for sheet, sheet_rows in r.rows.items():
            rows.setdefault(sheet, []).extend(sheet_rows)
    spent = [r.stated_spent for r in records if r.stated_spent is not None]
    return YearRecords(year, ", ".join(r.file for r in records if r.file), rows,
                       no_data=not any(not r.no_data for r in records),
                       stated_spent=sum(spent) if spent else None,
                       illustrative=any(r.illustrative for r in records))
