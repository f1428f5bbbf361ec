"""The context a period template (the summary, the draft plan) is checked with.

Owns building it from the shipped An Giang 2021-2025 sample, as `summary.build_summary` does.
Its own module because it needs pandas (`compute.period`) and the period's renderers: checking a
yearly template, which every yearly build does, loads none of them.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.next_phase import next_phase
from ncnsc_reports.compute.period import compute_period
from ncnsc_reports.render.charts import period_charts
from ncnsc_reports.render.period_context import build_period_context, build_plan_context
from ncnsc_reports.report.period import load_period
from ncnsc_reports.template_check.kinds import DRAFT_PLAN


def period_sample_context(period_dir: Path, kind: str) -> dict:
    """The summary's context (with the charts' captions where the pictures go), or the draft
    plan's, as `summary.build_summary` makes them."""
    period, _ = load_period(period_dir)
    results = compute_period(period.plan_in_force, period.history, period.period,
                             period.territories, period.former)
    if kind == DRAFT_PLAN:
        rule = period.rule
        return build_plan_context(period, next_phase(results, rule.base, rule.percent,
                                                     period.next_budget))
    context = build_period_context(period, results)
    context.update({c.key: c.caption for c in period_charts(results, period.chart_codes, context)})
    return context
