"""The indicator table of a period: each indicator's result year by year against the phase target.

No I/O and no formatting. The yearly results come from the same counting rules as the yearly
reports (`indicators.results_by_year`), so a summary's year column equals that year's report,
and the cumulative and completion rate are those of the period's last yearly report.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ncnsc_reports.compute.indicators import completion, compute, frames, results_by_year
from ncnsc_reports.report.model import Document, Phase, PlanInForce, YearRecords


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


def compute_period(plan: PlanInForce, history: dict[int, YearRecords],
                   period: Phase) -> PeriodResults:
    """Return the period's indicator rows and budget from the records of its years."""
    first, last = period.start, period.end
    years = list(range(first, last + 1))
    end = compute(plan, history, last)  # the last yearly report's own figures
    series = results_by_year(plan, frames({y: history[y] for y in years if y in history}), years)
    measures = {i.code: i.measure for i in plan.indicators}
    phase = tuple(range(plan.period.start, plan.period.end + 1))
    lines = tuple(PeriodLine(
        i.code, i.name, i.unit, i.verb, i.noun, measures[i.code], i.period_target,
        tuple(int(series[i.code][y]) if y <= last else None for y in phase),
        i.cumulative, i.completion,
        None if i.period_target is None else i.cumulative >= i.period_target, i.source)
        for i in end.indicators)
    planned = [b.planned for b in end.budget if b.planned is not None]
    planned_total = sum(planned) if planned else None
    spent = sum(b.spent for b in end.budget)
    budget = tuple(BudgetYear(b.year, b.planned, b.spent, completion(b.spent, b.planned))
                   for b in end.budget)
    return PeriodResults(phase, period, lines, budget, planned_total, spent,
                         completion(spent, planned_total))
