"""Everything a report is made of, gathered before anything is rendered or written.

Owns `gather`: the validated report, its indicators computed and its records checked against
the plan, with every warning (`--strict` is applied by the pipeline, once the template's own
warnings are known too).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ncnsc_reports.problems import Problems
from ncnsc_reports.report.model import Report
from ncnsc_reports.report.repeats import repeated_counts
from ncnsc_reports.report.validation import validate

if TYPE_CHECKING:  # pandas stays unloaded for a province without indicators
    from ncnsc_reports.compute.indicators import Results


class Gathered(NamedTuple):
    """A year gathered: typed by name (issue 21, item 4), and unpacked as before."""

    report: Report
    results: Results | None  # None: the province sets no indicators
    warnings: Problems


def gather(year_dir: Path, accepted: frozenset[str] = frozenset()) -> Gathered:
    """Validate the inputs, compute the indicators and check the records against the plan.
    `accepted`: the options confirming warnings that may mean the figures are wrong."""
    report, warnings = validate(year_dir, accepted)
    warnings.extend(repeated_counts(report))  # a clerk's paragraph saying a count again (M1)
    plan, results = report.plan_in_force, None
    if plan is not None:  # pandas is loaded only for a province that sets indicators
        from ncnsc_reports.compute.indicators import compute, frames
        from ncnsc_reports.compute.record_warnings import check_records

        where = report.territories
        every_year = frames(report.history, where)  # built once: indicators and checks
        results = compute(plan, report.history, report.year, every_year,
                          where.words if where else None)
        warnings.extend(check_records(report, every_year, results))
        if report.earlier:  # a later phase: the programme since 2021 (issue 22 item 3)
            from ncnsc_reports.compute.programme import programme_totals

            results = replace(results, programme=programme_totals(
                plan, report.earlier, report.history, report.year, report.earlier_codes))
    return Gathered(report, results, warnings)
