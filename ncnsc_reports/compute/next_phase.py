"""The draft plan's figures for the next phase, each from the rule the clerk chose.

No I/O and no formatting. A target is the rule's base (the phase's target, its result, or the
higher of the two) × the chosen percentage, rounded up to a whole number — Tiền Giang
224/KH-UBND §I.2.b asks for 2026–2030 targets “tăng ít nhất 10%”, so rounding may only go up.
The budget per year is the clerk's, or the phase's average yearly spending × the percentage,
rounded up to a million đồng.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ncnsc_reports.inputs.period_schema import RULE_MAX, RULE_TARGET

MILLION = 1_000_000


@dataclass(frozen=True)
class NextTarget:
    code: str
    name: str
    unit: str
    verb: str
    noun: str
    previous_target: int | None
    previous_result: int
    base: int
    percent: int
    exact: Decimal  # base × percent / 100, before rounding up
    target: int


@dataclass(frozen=True)
class NextBudgetYear:
    year: int
    amount: int
    from_rule: bool  # False: written by the clerk in “Kinh phí giai đoạn sau”


@dataclass(frozen=True)
class NextPhase:
    phase: tuple[int, int]
    rule: str
    percent: int
    targets: tuple[NextTarget, ...]
    budget: tuple[NextBudgetYear, ...]
    budget_total: int
    average_spent: Decimal  # a year of the ending phase, the base of a budget from the rule


def ceil_percent(value: int, percent: int, unit: int = 1) -> int:
    """Return value × percent % rounded up to a multiple of `unit`, in integers (floating point
    makes 20 × 110 / 100 = 22.000000000000004, which would round up to 23)."""
    return -(-value * percent // (100 * unit)) * unit


def base_of(rule: str, target: int | None, result: int) -> int:
    """The figure the rule starts from; without a target, the result."""
    if target is None:
        return result
    if rule == RULE_MAX:
        return max(target, result)
    return target if rule == RULE_TARGET else result


def next_phase(results, rule: str, percent: int, clerk_budget: dict[int, int]) -> NextPhase:
    """Return the next phase's targets and budget from the period's results."""
    first = results.phase_years[-1] + 1
    phase = (first, first + 4)
    targets = tuple(NextTarget(
        i.code, i.name, i.unit, i.verb, i.noun, i.period_target, i.cumulative,
        base := base_of(rule, i.period_target, i.cumulative), percent,
        Decimal(base * percent) / 100, ceil_percent(base, percent)) for i in results.indicators)
    years = len(results.budget) or 1
    average = Decimal(results.spent_total) / years
    budget = tuple(
        NextBudgetYear(y, clerk_budget[y], False) if y in clerk_budget else
        NextBudgetYear(y, _yearly(results.spent_total, years, percent), True)
        for y in range(phase[0], phase[1] + 1))
    return NextPhase(phase, rule, percent, targets, budget, sum(b.amount for b in budget),
                     average)


def _yearly(spent_total: int, years: int, percent: int) -> int:
    """Average yearly spending × percent, rounded up to a million đồng."""
    return -(-spent_total * percent // (100 * years * MILLION)) * MILLION
