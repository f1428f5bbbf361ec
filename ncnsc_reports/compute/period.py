"""The indicator table of a period: each indicator's result year by year against the phase target.

No I/O and no formatting. The yearly results come from the same counting rules as the yearly
reports (`indicators.results_by_year`), so a summary's year column equals that year's report,
and the cumulative and completion rate are those of the period's last yearly report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ncnsc_reports.compute.indicators import completion, compute, frames, results_by_year
from ncnsc_reports.report.model import Document, Phase, PlanInForce, Territories, YearRecords
from ncnsc_reports.report.predecessors import FormerPlan


@dataclass(frozen=True)
class PeriodLine:
    """One row of the summary's indicator table; `results` has one entry per year of the phase,
    None for a year after the period (a mid-term review)."""

    code: str
    name: str
    unit: str
    verb: str
    noun: str
    measure: str
    period_target: int | None
    results: tuple[int | None, ...]
    cumulative: int
    completion: Decimal | None
    met: bool | None  # None without a target
    source: Document
    # False: results the territory cannot be told for (a survey after the merger): the whole
    # province's figures, no rate (issue 22 item 1), and the text says why (review M10)
    placed: bool = True


@dataclass(frozen=True)
class BudgetYear:
    year: int
    planned: int | None
    spent: int
    rate: Decimal | None  # spent / planned, percent, one decimal, half up


@dataclass(frozen=True)
class PeriodResults:
    phase_years: tuple[int, ...]
    period: Phase
    indicators: tuple[PeriodLine, ...]
    budget: tuple[BudgetYear, ...]  # the years of the period
    planned_total: int | None
    spent_total: int
    budget_completion: Decimal | None
    former: tuple[FormerResults, ...] = ()  # each other former province's plan, on its territory
    total: tuple[PeriodLine, ...] = ()  # the merged province's total (no target)


@dataclass(frozen=True)
class FormerResults:
    former: FormerPlan
    results: PeriodResults


def compute_period(plan: PlanInForce, history: dict[int, YearRecords], period: Phase,
                   where: Territories | None = None,
                   former: tuple[FormerPlan, ...] = ()) -> PeriodResults:
    """Return the period's indicator rows and budget from the records of its years; in a merged
    province (`where`), the main plan on its territory, each former province's plan on its own
    (`former`), and the merged total (every record once, no target: the plans differ)."""
    every = frames({y: history[y] for y in range(period.start, period.end + 1) if y in history},
                   where)
    words = where.words if where else None
    main = _one(plan, history, period, every, words)
    if not former and not plan.territory:
        return main
    # a plan of one former province (Tiền Giang 224/KH-UBND in Đồng Tháp) with no other plan
    # listed: the whole province's result is still stated beside it (issue 22 item 1)
    parts = tuple(FormerResults(f, _one(f.plan, history, period, every, words)) for f in former)
    total = _one(_merged(plan, former), history, period, every, words).indicators
    return replace(main, former=parts, total=total)


def _merged(plan: PlanInForce, former: tuple[FormerPlan, ...]) -> PlanInForce:
    """Every indicator of the plans, without targets or budget, over the whole territory."""
    indicators: dict = {}
    for each in (plan, *(f.plan for f in former)):  # the main plan's first, in its order
        for i in each.indicators:
            indicators.setdefault(i.code, i)
    return replace(plan, indicators=tuple(indicators.values()), period_targets={},
                   year_targets={}, target_rules={}, budget={}, territory="")


def _one(plan: PlanInForce, history: dict[int, YearRecords], period: Phase,
         every: dict, words: dict[str, str] | None) -> PeriodResults:
    first, last = period.start, period.end
    years = list(range(first, last + 1))
    end = compute(plan, history, last, every, words)  # the last yearly report's own figures
    inside = every if not plan.territory else {
        n: df[df["territory"] == plan.territory] for n, df in every.items()}
    series, whole = results_by_year(plan, inside, years), results_by_year(plan, every, years)
    measures = {i.code: i.measure for i in plan.indicators}
    phase = tuple(range(plan.period.start, plan.period.end + 1))
    lines = tuple(PeriodLine(
        i.code, i.name, i.unit, i.verb, i.noun, measures[i.code], i.period_target,
        tuple(int((series if i.placed else whole)[i.code][y]) if y <= last else None
              for y in phase),
        i.cumulative, i.completion,
        None if i.completion is None else i.cumulative >= i.period_target, i.source, i.placed)
        for i in end.indicators)
    planned = [b.planned for b in end.budget if b.planned is not None]
    planned_total = sum(planned) if planned else None
    spent = sum(b.spent for b in end.budget)
    budget = tuple(BudgetYear(b.year, b.planned, b.spent, completion(b.spent, b.planned))
                   for b in end.budget)
    return PeriodResults(phase, period, lines, budget, planned_total, spent,
                         completion(spent, planned_total))
