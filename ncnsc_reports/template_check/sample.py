"""The samples a template is checked and its reference illustrated with, one per kind.

Owns building the context `build` would give a template of each kind (`kinds`) for its sample:
Hưng Yên 2023 for the yearly report, An Giang 2021-2025 for the summary and its draft plan.
The samples ship with the program (`resources`), so `check-template` and `fields` work wherever
it is installed.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.compute.next_phase import next_phase
from ncnsc_reports.errors import NcnscError
from ncnsc_reports.render.charts import period_charts
from ncnsc_reports.render.context import build_context
from ncnsc_reports.render.period_context import build_period_context, build_plan_context
from ncnsc_reports.report.period import load_period
from ncnsc_reports.resources import SAMPLE_PERIOD, SAMPLE_YEAR, shipped
from ncnsc_reports.template_check.kinds import DRAFT_PLAN, YEARLY


def sample_context(kind: str = YEARLY) -> dict:
    """Return the context `build` gives a template of `kind` for its sample."""
    if kind == YEARLY:
        report, results, _ = gather(_sample_dir(SAMPLE_YEAR))  # the same inputs as a build
        return build_context(report, results)
    return _period(_sample_dir(SAMPLE_PERIOD), kind)


def _sample_dir(relative: str) -> Path:
    folder = shipped(relative)
    if not folder.is_dir():
        raise NcnscError(f"thiếu dữ liệu mẫu đi kèm chương trình ({folder}); hãy cài lại "
                         "chương trình (pip install .)")
    return folder


def _period(period_dir: Path, kind: str) -> dict:
    """The summary's context (with the charts' captions where the pictures go), or the draft
    plan's, as `summary.build_summary` makes them."""
    from ncnsc_reports.compute.period import compute_period  # pandas: not for a yearly build

    period, _ = load_period(period_dir)
    results = compute_period(period.plan_in_force, period.history, period.period)
    if kind == DRAFT_PLAN:
        rule = period.rule
        return build_plan_context(period, next_phase(results, rule.base, rule.percent,
                                                     period.next_budget))
    context = build_period_context(period, results)
    context.update({c.key: c.caption for c in period_charts(results, period.chart_codes, context)})
    return context
