"""Which territory a plan covers and in which former province each record lies.

Owns the rule of domain.md §7: a plan covers the territory of the province that issued it, as
that territory was when it was issued. In a province formed on 1/7/2025 by merging others
(profile “Hình thành”), a plan issued before that day by a former province (Tiền Giang
224/KH-UBND in Đồng Tháp; An Giang 573/KH-UBND in An Giang) covers that former province only;
a plan issued from that day covers the whole province. The clerk names the former province in
“Kế hoạch” › “Địa bàn áp dụng”, or it is found in the issuer's name.

A record lies in a former province: before the formation, the province of the folder it was
typed in; from the formation, the one of its commune or ward (“Địa bàn” › “Tỉnh trước sắp
xếp”). A record that cannot be placed (a class, a survey held after the formation: they have no
commune) is counted for the whole province only, and no rate divides it by a partial target.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ncnsc_reports.inputs.schema import PROFILE_PLAN
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Problems, expected_found
from ncnsc_reports.report.formation import Formation, base_name
from ncnsc_reports.report.model import Territories
from ncnsc_reports.report.plan_chain import PlanRow

# The date a record of each sheet happened on (None: the sheet has none, e.g. experts).
RECORD_DAY = {"Hỗ trợ doanh nghiệp": "date", "Tập huấn": "start", "Tin bài": "published",
              "Khảo sát": "date"}


def territories(formation: Formation | None, province_dir: Path, locality_rows: list[Row],
                problems: Problems) -> Territories | None:
    """The former provinces of a merged province and where its communes lie; None if not
    merged."""
    if formation is None:
        return None
    own_dir = Path(province_dir).resolve()
    folders = {p.folder.name: p.name for p in formation.predecessors if p.folder is not None}
    own = next((p.name for p in formation.predecessors
                if p.folder is not None and p.folder.resolve() == own_dir), "")
    return Territories(formation.date, own, folders,
                       _localities(formation, locality_rows, problems),
                       {p.name: p.words for p in formation.predecessors})


def _localities(formation: Formation, rows: list[Row], problems: Problems) -> dict[str, str]:
    """{commune: former province} from the “Tỉnh trước sắp xếp” cells of “Địa bàn”."""
    names = {base_name(p.name).casefold(): p.name for p in formation.predecessors}
    result = {}
    for row in rows:
        former = str(row.values.get("former") or "").strip()
        if not former or not row["locality"]:
            continue
        name = names.get(base_name(former).casefold())
        if name is None:
            problems.error(row.where.at(column="Tỉnh trước sắp xếp"), expected_found(
                "tên một tỉnh ở trang “Hình thành” (" + ", ".join(
                    f"“{p.name}”" for p in formation.predecessors) + ")", former))
            continue
        result[str(row["locality"]).casefold()] = name
    return result


def plan_territory(plan: PlanRow, formation: Formation | None, problems: Problems) -> str:
    """The former province whose territory `plan` covers; "" for the whole province."""
    if formation is None:
        return ""
    typed = str(plan.row.values.get("territory") or "").strip()
    names = {base_name(p.name).casefold(): p.name for p in formation.predecessors}
    if typed:
        found = names.get(base_name(typed).casefold())
        if found is None:
            problems.error(plan.row.where.at(column="Địa bàn áp dụng"), expected_found(
                "tên một tỉnh ở trang “Hình thành” (" + ", ".join(
                    f"“{p.name}”" for p in formation.predecessors) + ")", typed))
        return found or ""
    if plan.document.issued >= formation.date:
        return ""
    issuer = plan.document.issuer.casefold()
    found = [name for base, name in names.items()
             if re.search(rf"(^|\s){re.escape(base)}($|[\s,.;(])", issuer)]
    if len(found) != 1:
        problems.error(plan.row.where.at(column="Địa bàn áp dụng"), (
            f"{plan.document.kind} số {plan.document.number} được ban hành trước ngày thành lập "
            f"tỉnh ({formation.date:%d/%m/%Y}), nên chỉ áp dụng trên địa bàn của một tỉnh trước "
            "sắp xếp, nhưng “Cơ quan ban hành” không cho biết tỉnh nào; ghi tên tỉnh đó (như ở "
            f"trang “Hình thành”) ở cột “Địa bàn áp dụng” của trang “{PROFILE_PLAN.name}”"))
        return ""
    return found[0]


def place(where: Territories, sheet: str, values: dict, year: int, file: str) -> str | None:
    """The former province a record lies in, or None when it cannot be told (module doc)."""
    origin = file.split("/", 1)[0] if "/" in file else ""
    if origin in where.folders and where.folders[origin] != where.own:
        return where.folders[origin]  # typed in a former province's own folder
    day = values.get(RECORD_DAY.get(sheet, ""))
    day = day if isinstance(day, dt.date) else None
    if day is not None and day < where.formed:
        return where.own or None
    locality = str(values.get("locality") or "").casefold()
    if locality in where.localities:
        return where.localities[locality]
    if day is None and year <= (where.formed - dt.timedelta(days=1)).year:
        return where.own or None  # an undated record of a year the folder's own province ran
    return None
