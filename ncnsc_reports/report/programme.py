"""The programme's earlier phase, for a report of a later one (issue 22 item 3; review M6).

Seed 004 follows the Ministry's outline: section II gives the year's results “và lũy kế kết
quả, hiệu quả đạt được từ đầu Chương trình đến hết năm …”. A report of 2026–2030 gives the year
against the new phase's targets and, where the province has the years of 2021–2025 (its own
folders, and for a merged province its predecessors' up to the merger: `formation`), what the
programme did since 2021 for the indicators measured in both phases. Owns loading those years;
a year missing and not declared in “Năm không có số liệu” leaves the recall out, with a warning.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.inputs.schema import PROFILE_FILE, PROFILE_INDICATORS, PROFILE_NO_DATA
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.formation import Formation, history_of, year_sources
from ncnsc_reports.report.model import PlanInForce, YearRecords
from ncnsc_reports.report.phases import phase_of, previous
from ncnsc_reports.report.plan import indicators_of


def earlier_phase(province_dir: Path, year: int, formation: Formation | None,
                  profile: dict[str, list[Row]], plan: PlanInForce | None,
                  problems: Problems) -> tuple[dict[int, YearRecords], tuple[str, ...]]:
    """The records of the previous phase's years and the codes measured in both phases; empty
    in the first phase, without indicators, or when a year of the previous phase is missing."""
    before = previous(phase_of(year))
    if before is None or plan is None:
        return {}, ()
    earlier = {i.code for i in indicators_of(profile[PROFILE_INDICATORS.name], before,
                                             Problems())}
    codes = tuple(i.code for i in plan.indicators if i.code in earlier)
    if not codes:
        return {}, ()
    declared = {r["year"] for r in profile[PROFILE_NO_DATA.name] if r["year"]}
    sources = year_sources(province_dir, before, formation)
    missing = [y for y, folders in sources.items() if not folders and y not in declared]
    if missing:
        problems.warning(Location(PROFILE_FILE, PROFILE_NO_DATA.name), (
            f"thiếu số liệu các năm {', '.join(map(str, missing))} (thư mục năm của tỉnh, hoặc "
            "của tỉnh trước sắp xếp ở trang “Hình thành”), nên mục II không nêu lũy kế từ đầu "
            f"Chương trình (năm {before.start}); thêm các thư mục đó, hoặc ghi năm không có số "
            f"liệu ở trang “{PROFILE_NO_DATA.name}”"))
        return {}, ()
    return history_of(province_dir, before, formation, problems), codes
