"""The chain of a plan and its amendments: which rows are in force for a phase on a date.

Owns `PlanRow` (one row of the profile sheet “Kế hoạch”: a plan or an amendment of one) and
choosing the plan in force with its amendments, and the document that last set each part
(targets, norms, budget). `plan` reads the rows; `plan` and `targets` both use the chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.report.model import Document, Phase
from ncnsc_reports.report.phases import covers


@dataclass(frozen=True)
class PlanRow:
    """One row of “Kế hoạch”: a plan (`base` is its own number) or an amendment of `base`."""

    document: Document
    period: Phase
    effective: dt.date
    parts: frozenset[str]
    base: str
    rate: int | None
    row: Row

    @property
    def is_plan(self) -> bool:
        return self.base == self.document.number


def chain_in_force(rows: list[PlanRow], phase: Phase, on: dt.date) -> list[PlanRow]:
    """The plan in force for `phase` on a date (the latest issued that covers the phase),
    followed by its amendments in force on that date; [] when none has started."""
    plans = [r for r in rows if r.is_plan and covers(r.period, phase) and r.effective <= on]
    if not plans:
        return []
    plan = max(plans, key=lambda r: r.effective)
    return [plan] + [r for r in rows if r.base == plan.base and not r.is_plan
                     and r.effective <= on]


def sources(chain: list[PlanRow]) -> dict[str, PlanRow]:
    """For each part (targets, norms, budget), the last document of the chain that sets it."""
    result = {}
    for row in chain:
        for part in row.parts:
            result[part] = row
    return result
