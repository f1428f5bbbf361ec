"""The programme since 2021 for a report of a later phase (issue 22 item 3; review M6).

No I/O and no formatting. For each indicator measured in both phases (`Report.earlier_codes`):
the previous phase's total and the total from the start of the programme to the report's year,
over the whole territory, counted by the same rules as the yearly results — an enterprise
supported in 2023 and again in 2026 for the same thing counts once since 2021.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ncnsc_reports.compute.indicators import frames, results_by_year
from ncnsc_reports.report.model import PlanInForce, YearRecords


@dataclass(frozen=True)
class ProgrammeLine:
    code: str
    verb: str
    noun: str
    earlier: int  # the previous phase's total (2021-2025)
    since_start: int  # from 2021 to the end of the report's year
    first: int  # the programme's first year


def programme_totals(plan: PlanInForce, earlier: dict[int, YearRecords],
                     history: dict[int, YearRecords], year: int,
                     codes: tuple[str, ...]) -> tuple[ProgrammeLine, ...]:
    """Each indicator's previous-phase and since-the-start totals; () without earlier years."""
    if not earlier or not codes:
        return ()
    sub = replace(plan, indicators=tuple(i for i in plan.indicators if i.code in codes))
    first, last_before = min(earlier), max(earlier)
    everything = {**earlier, **{y: r for y, r in history.items() if last_before < y <= year}}
    before = results_by_year(sub, frames(earlier), list(range(first, last_before + 1)))
    since = results_by_year(sub, frames(everything), list(range(first, year + 1)))
    return tuple(ProgrammeLine(i.code, i.verb, i.noun, int(before[i.code].sum()),
                               int(since[i.code].sum()), first) for i in sub.indicators)
