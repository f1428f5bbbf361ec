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

from ncnsc_reports.formatting import cite_short
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
    trace: str = ""  # a merged province: each former province's target and the whole result


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
        i.code, i.name, i.unit, i.verb, i.noun, target, i.cumulative,
        base := base_of(rule, target, i.cumulative), percent,
        Decimal(base * percent) / 100, ceil_percent(base, percent), trace)
        for i, target, trace in _whole_territory(results))
    years = len(results.budget) or 1
    # the whole territory's spending: each former province's on its own (issue 22 item 2)
    spent = results.spent_total + sum(f.results.spent_total for f in results.former)
    average = Decimal(spent) / years
    budget = tuple(
        NextBudgetYear(y, clerk_budget[y], False) if y in clerk_budget else
        NextBudgetYear(y, _yearly(spent, years, percent), True)
        for y in range(phase[0], phase[1] + 1))
    return NextPhase(phase, rule, percent, targets, budget, sum(b.amount for b in budget),
                     average)


def _whole_territory(results) -> list[tuple]:
    """(line, previous target, trace) per indicator. A merged province's next plan covers its
    whole territory (issue 22 item 2; review M14): the previous target is the sum of the former
    provinces' targets, the previous result the merged total (each enterprise once)."""
    if not results.former:
        return [(i, i.period_target, "") for i in results.indicators]
    plans = [(results.indicators, "")] + [(f.results.indicators, f.former.words)
                                          for f in results.former]
    lines = []
    for total in results.total:
        parts = [(line.period_target, line.source, words) for found, words in plans
                 for line in found if line.code == total.code and line.period_target is not None]
        target = sum(p[0] for p in parts) if parts else None
        said = " + ".join(f"{value} ({cite_short(source)}{', ' + words if words else ''})"
                          for value, source, words in parts)
        lines.append((total, target, f"chỉ tiêu {said or 'không có'}; kết quả toàn tỉnh "
                                     f"{total.cumulative}"))
    return lines


def _yearly(spent_total: int, years: int, percent: int) -> int:
    """Average yearly spending × percent, rounded up to a million đồng."""
    return -(-spent_total * percent // (100 * years * MILLION)) * MILLION
