"""The phase summary (tổng kết / sơ kết) and, when a whole phase ends, the draft plan of the next.

A period folder inputs/<tỉnh>/tong-ket-2021-2025 (or so-ket-2026-2028) → the summary
bao-cao-tong-ket-<tỉnh>-2021-2025.docx with its charts and tong-ket-chi-tieu.xlsx; for a tổng
kết also du-thao-ke-hoach-<tỉnh>-2026-2030.docx and du-thao-chi-tieu.xlsx. It reads every year of
the period (a merged province: its predecessors' too), the profile and the period's workbook;
its templates: tong-ket-giai-doan.docx and du-thao-ke-hoach.docx; its sample: An Giang
2021-2025 (illustrative data, shipped).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ncnsc_reports.compute.next_phase import next_phase
from ncnsc_reports.compute.period import compute_period
from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.kinds import Document, Inputs, Prepared, Template, sample_folder
from ncnsc_reports.outputs.fingerprint import fingerprinted
from ncnsc_reports.outputs.period_book import plan_workbook, summary_workbook
from ncnsc_reports.render.charts import draw, period_charts
from ncnsc_reports.render.period_context import build_period_context, build_plan_context
from ncnsc_reports.render.period_fields import PeriodContext, PlanContext
from ncnsc_reports.report.confirm import require_confirmed
from ncnsc_reports.report.formation import year_sources
from ncnsc_reports.report.period import load_period
from ncnsc_reports.resources import SAMPLE_PERIOD

SUMMARY_TEMPLATE = "tong-ket-giai-doan.docx"
SUMMARY_BOOK = "tong-ket-chi-tieu.xlsx"
PLAN_TEMPLATE = "du-thao-ke-hoach.docx"
PLAN_BOOK = "du-thao-chi-tieu.xlsx"


def main_name(folder: Path) -> str:
    """bao-cao-tong-ket-<tỉnh>-2021-2025.docx (or bao-cao-so-ket-…)."""
    _, first, last = period_folder(folder.name)
    slug = folder.name.rsplit(f"-{first}-{last}", 1)[0]
    return f"bao-cao-{slug}-{folder.parent.name}-{first}-{last}.docx"


def year(folder: Path) -> int | None:
    """The period's last year: its templates are those applying then (templates/<năm>/)."""
    parsed = period_folder(folder.name)
    return parsed[2] if parsed else None


def inputs(folder: Path) -> Inputs:
    """The period folder, the profile and every year folder up to the period's last year of
    every province: a merged province's summary adds up its predecessors' years. Only the
    folders read are kept in the record (`read`), so another province's change is none."""
    folder = folder.resolve()
    parsed = period_folder(folder.name)
    last = parsed[2] if parsed else 0
    provinces = sorted(p for p in folder.parent.parent.iterdir() if p.is_dir())
    years = [y for p in provinces for y in sorted(p.iterdir())
             if y.is_dir() and y.name.isascii() and y.name.isdigit() and int(y.name) <= last]
    return Inputs([folder, *years], [folder.parent / PROFILE_FILE])


def _read(folder: Path, period) -> list[Path]:
    """The folders a summary reads: its own, its province's years up to the last (each year is
    validated as its report, cumulative figures included) and its predecessors' years."""
    folder = folder.resolve()
    own = [y for y in folder.parent.iterdir() if y.is_dir() and y.name.isascii()
           and y.name.isdigit() and int(y.name) <= period.period.end]
    others = year_sources(folder.parent, period.period, period.formation).values()
    return [folder, *own, *(f.resolve() for folders in others for f in folders)]


def prepare(folder: Path, options) -> Prepared:
    """Load and check every year of the period, compute the period table, draw the charts,
    make the summary's context and, when a whole phase ends, the draft plan's."""
    period, warnings = load_period(folder)
    require_confirmed(warnings, options.accept)
    results = compute_period(period.plan_in_force, period.history, period.period,
                             period.territories, period.former)
    context = build_period_context(period, results)
    charts = [draw(data) for data in period_charts(results, period.chart_codes, context)]
    context = replace(context, **{c.data.key: c.data.caption for c in charts})  # checked so
    pictures = {c.data.key: (c.png, c.width_cm, c.data.description()) for c in charts}
    documents = [Document(main_name(folder), SUMMARY_TEMPLATE, context, pictures)]
    plan = None
    if period.period == period.phase:  # a whole phase ends: draft the next phase's plan
        plan = next_phase(results, period.rule.base, period.rule.percent, period.next_budget)
        documents.append(Document(
            f"du-thao-ke-hoach-{period.province}-{plan.phase[0]}-{plan.phase[1]}.docx",
            PLAN_TEMPLATE, build_plan_context(period, plan)))

    def workbooks(when) -> dict[str, bytes]:
        # each carries its fingerprint: recognised as generated even without the manifest
        books = {SUMMARY_BOOK: summary_workbook(period, results, charts, when, fingerprinted)}
        if plan is not None:
            books[PLAN_BOOK] = plan_workbook(period, plan, when, fingerprinted)
        return books

    return Prepared(period.date, documents, list(warnings), workbooks, _read(folder, period))


def sample_context(template: Template) -> PeriodContext | PlanContext:
    """The summary's context (with the charts' captions where the pictures go), or the draft
    plan's, for the shipped An Giang 2021-2025 sample, as a build makes them."""
    period, _ = load_period(sample_folder(SAMPLE_PERIOD))
    results = compute_period(period.plan_in_force, period.history, period.period,
                             period.territories, period.former)
    if template.file == PLAN_TEMPLATE:
        rule = period.rule
        return build_plan_context(period, next_phase(results, rule.base, rule.percent,
                                                     period.next_budget))
    context = build_period_context(period, results)
    captions = period_charts(results, period.chart_codes, context)
    return replace(context, **{c.key: c.caption for c in captions})
