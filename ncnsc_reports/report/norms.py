"""The plans in force on the other territories of a merged province, for its yearly report.

domain.md §7: a plan covers the territory of the province that issued it. When the report's
plan covers one former province (An Giang 573/KH-UBND in An Giang 2025, Tiền Giang
224/KH-UBND in Đồng Tháp 2026), each other former province's territory keeps its own plan
while that plan is in force: the report cites it beside its own (seed 004 opens with the plans
it reports on), and support given there is checked against that plan's norms
(`compute.record_warnings`), never against another province's. Owns finding that plan in the
former province's own folder (inputs/kien-giang/ho-so-tinh.xlsx). A former province without a
folder of its own, or whose plans have all ended, has none on the report date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ncnsc_reports.inputs.books import read_profile
from ncnsc_reports.inputs.schema import (
    PROFILE_FILE,
    PROFILE_PLAN,
)
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.formation import Formation, Predecessor
from ncnsc_reports.report.model import PlanInForce, TerritoryPlan
from ncnsc_reports.report.phases import phase_of
from ncnsc_reports.report.plan import plan_rows, read_plan
from ncnsc_reports.report.plan_chain import chain_in_force


def other_plans(formation: Formation | None, plan: PlanInForce | None, province_dir: Path,
                year: int, on: dt.date, problems: Problems) -> tuple[TerritoryPlan, ...]:
    """The plan in force on the report date on each former territory the report's plan does
    not cover; () when the plan covers the whole province or the year is before the merger."""
    if formation is None or plan is None or not plan.territory or year < formation.date.year:
        return ()
    own = Path(province_dir).resolve()
    return tuple(_plan_on(p, own, year, on, problems) for p in formation.predecessors
                 if p.name != plan.territory)


def _plan_on(p: Predecessor, own: Path, year: int, on: dt.date,
             problems: Problems) -> TerritoryPlan:
    path = p.folder / PROFILE_FILE if p.folder is not None else None
    if path is None or not path.is_file():
        return TerritoryPlan(p.name, p.words, "", None, absent=True)
    if p.folder.resolve() == own:  # it holds the merged province's plans, not the former's
        return TerritoryPlan(p.name, p.words, "", None)
    shown = f"{p.folder.name}/{PROFILE_FILE}"
    found = Problems()  # its messages name its folder: “kien-giang/ho-so-tinh.xlsx › …”
    profile = read_profile(path, found, shown)
    plan = None
    if not found.errors and chain_in_force(plan_rows(profile[PROFILE_PLAN.name], found),
                                           phase_of(year), on):
        plan = read_plan(profile, year, on, found)[1]
    for problem in found.errors:  # the merged province's report is not the place to stop
        where = problem.where
        problems.warning(replace(where, file=shown) if isinstance(where, Location) else where,
                         f"{problem.message} (hồ sơ của {p.words}: báo cáo chưa dùng được kế "
                         "hoạch, định mức hỗ trợ của tỉnh đó)")
    if plan is not None and found.errors:
        plan = None
    return TerritoryPlan(p.name, p.words, shown,
                         replace(plan, territory=p.name) if plan is not None else None)
