"""A phase target for an indicator that a plan sets only year by year, for a phase summary.

Review M10 (issue 22): KH 573 and QĐ 648 of An Giang set “Khảo sát 50 doanh nghiệp” for 2023
and for 2025 and no total for 2021-2025, so the summary's Bảng 1 printed no target, rate or
verdict for the survey. A summary reports the whole phase: the target of such an indicator is
the sum, over the years of the phase, of the year's target written by the document that set the
targets in that year (an amendment replaces the targets from its effective date on, not the
years already reported: 2023 from KH 573, 2025 from QĐ 648 — together 100). The yearly reports
keep their own reading (a year's target, no phase target), so their figures do not change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ncnsc_reports.inputs.schema import PROFILE_PLAN, PROFILE_TARGETS
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Problems
from ncnsc_reports.report.model import Phase, PlanInForce
from ncnsc_reports.report.phases import parse_target_period
from ncnsc_reports.report.plan import plan_rows
from ncnsc_reports.report.plan_chain import chain_in_force, sources


def with_year_sums(plan: PlanInForce, profile: dict[str, list[Row]], period: Phase,
                   on: dt.date) -> PlanInForce:
    """`plan` with a phase target for every indicator it sets only year by year in `period`."""
    # the rows were read, and their problems reported, by the yearly validations
    rows = plan_rows(profile.get(PROFILE_PLAN.name, []), Problems())
    by_year = _year_targets(profile.get(PROFILE_TARGETS.name, []), rows, plan.period, period, on)
    summed = {code: sum(values.values()) for code, values in by_year.items()
              if code not in plan.period_targets and values}
    known = {i.code for i in plan.indicators}
    added = {code: value for code, value in summed.items() if code in known}
    if not added:
        return plan
    return replace(plan, period_targets={**plan.period_targets, **added})


def _year_targets(targets: list[Row], rows, phase: Phase, period: Phase,
                  on: dt.date) -> dict[str, dict[int, int]]:
    """{code: {year: target}}: each year's target from the document setting targets then."""
    result: dict[str, dict[int, int]] = {}
    for year in range(period.start, period.end + 1):
        chain = chain_in_force(rows, phase, min(dt.date(year, 12, 31), on))
        if not chain:
            continue
        source = sources(chain).get("Chỉ tiêu")
        if source is None:
            continue
        for row in targets:
            if (row["document"] == source.document.number and row["code"]
                    and isinstance(row["target"], int)
                    and parse_target_period(row["period"]) == year):
                result.setdefault(row["code"], {})[year] = row["target"]
    return result
