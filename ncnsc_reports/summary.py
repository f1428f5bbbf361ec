"""`build` of a period folder (inputs/<tỉnh>/tong-ket-2021-2025): the summary, all or nothing.

Like `pipeline.build` for a year: load and check every year of the period, compute the period
table, draw the charts, render the summary template and, when a whole phase ends, the draft
plan of the next one; then write the documents and their workbooks together or not at all.
The CLI sends a folder here when its name is a period's.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.next_phase import next_phase
from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.outputs.period_book import plan_workbook, summary_workbook
from ncnsc_reports.outputs.place import named, output_folder, project_root
from ncnsc_reports.outputs.write import write_outputs
from ncnsc_reports.pipeline import BuildOptions, BuildResult
from ncnsc_reports.problems import Problem, Severity
from ncnsc_reports.render.charts import draw, period_charts
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.period_context import build_period_context, build_plan_context
from ncnsc_reports.render.templates import find_template, template_folders
from ncnsc_reports.report.confirm import require_confirmed
from ncnsc_reports.report.period import load_period
from ncnsc_reports.reproducible import fixed_time
from ncnsc_reports.template_check.check import require_renderable

SUMMARY_TEMPLATE = "tong-ket-giai-doan.docx"
SUMMARY_BOOK = "tong-ket-chi-tieu.xlsx"
PLAN_TEMPLATE = "du-thao-ke-hoach.docx"
PLAN_BOOK = "du-thao-chi-tieu.xlsx"


def output_path(period_dir: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/tong-ket-2021-2025/bao-cao-tong-ket-<tỉnh>-2021-2025.docx."""
    folder = output_folder(period_dir, out_root)
    _, first, last = period_folder(folder.name)
    slug = folder.name.rsplit(f"-{first}-{last}", 1)[0]
    return folder / f"bao-cao-{slug}-{folder.parent.name}-{first}-{last}.docx"


def build_summary(period_dir: Path, options: BuildOptions | Path | None = None,
                  **changes) -> BuildResult:
    """Build the summary report of a period folder and return where it was written.

    Takes `build`'s options. A summary is built every time (`rebuild` does not matter): it is
    made once a phase, from every year of it, and its templates are checked every time.
    """
    options = BuildOptions.of(options, **changes)
    from ncnsc_reports.compute.period import compute_period  # pandas

    period_dir = Path(period_dir)
    period, warnings = load_period(period_dir)
    require_confirmed(warnings, options.accept)
    results = compute_period(period.plan_in_force, period.history, period.period,
                             period.territories, period.former)
    context = build_period_context(period, results)
    charts = [draw(data) for data in period_charts(results, period.chart_codes, context)]
    folders = template_folders(named(period_dir).parent, project_root(period_dir),
                               options.templates)
    template = find_template(SUMMARY_TEMPLATE, folders)
    context.update({c.data.key: c.data.caption for c in charts})  # what the check sees
    warnings.extend(require_renderable(template, context))
    if options.strict and warnings:  # after the template check: --strict covers every warning
        raise InputError([Problem(p.where, p.message, Severity.ERROR) for p in warnings],
                         strict=True, template=template)
    target = output_path(period_dir, options.out_root)
    when = fixed_time(period.date)
    pictures = {c.data.key: (c.png, c.width_cm, c.data.description()) for c in charts}
    files = {target.name: render(template, context, when, pictures),
             SUMMARY_BOOK: summary_workbook(period, results, charts, when)}
    if period.period == period.phase:  # a whole phase ends: draft the next phase's plan
        files.update(_draft_plan(period, results, folders, when))
    written = write_outputs(target.parent, files, options.force)
    return BuildResult(target, list(warnings), written.kept, written.replaced,
                       others=[target.parent / name for name in files if name != target.name])


def _draft_plan(period, results, folders: list[Path], when) -> dict[str, bytes]:
    """The draft plan of the next phase (.docx) and the workbook tracing its figures."""
    plan = next_phase(results, period.rule.base, period.rule.percent, period.next_budget)
    template = find_template(PLAN_TEMPLATE, folders)
    context = build_plan_context(period, plan)
    require_renderable(template, context)
    name = f"du-thao-ke-hoach-{period.province}-{plan.phase[0]}-{plan.phase[1]}.docx"
    return {name: render(template, context, when), PLAN_BOOK: plan_workbook(period, plan, when)}
