"""Checking a Word template before use: every problem at once, worded to find it in Word.

Owns the entry points: `check_template` (the parts' tags through every rule of `rules`, then
a trial render with the sample data) and `require_renderable` (what `build` runs before it
renders). The checks: tags not closed or spread over paragraphs (`tags`), tags split across
differently formatted runs, smart quotes, docxtpl's `{%p`/`{%tr`/`{%tc` tags in the wrong
place, blocks not closed or closed twice, syntax (`rules`), unknown fields, attributes and
filters (`names`). docxtpl itself reports only the first problem, without a place.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.problems import command
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.environment import make_environment
from ncnsc_reports.render.names import template_names
from ncnsc_reports.template_check.kinds import kind_of
from ncnsc_reports.template_check.package import package_problems
from ncnsc_reports.template_check.parts import Place, TemplateProblem, open_parts
from ncnsc_reports.template_check.rules import check_part
from ncnsc_reports.template_check.sample import sample_context
from ncnsc_reports.template_check.shapes import context_shapes
from ncnsc_reports.template_check.tags import scan
from ncnsc_reports.template_check.xml_syntax import BrokenPart


def check_template(path: Path, context: object | None = None, render_trial: bool = True,
                   kind: str | None = None) -> list[TemplateProblem]:
    """Return every problem of the template at `path` for `context`, a typed context or the
    names it gives (default: the sample of `kind`, or of the template's kind by its file
    name)."""
    context = sample_context(kind or kind_of(path)) if context is None else \
        template_names(context)
    shapes, env = context_shapes(context), make_environment()
    problems: list[TemplateProblem] = package_problems(path)
    if any(p.where == Place("toàn mẫu") or isinstance(p.where, BrokenPart) for p in problems):
        return problems  # too big to open, or a part that cannot be read
    for part in open_parts(path):
        found: list[TemplateProblem] = []
        check_part(part, scan(part, found), shapes, env, found)
        problems += found
    if render_trial and not any(p.is_error for p in problems):
        problems += _trial_render(path, context)
    return list(dict.fromkeys(problems))


def _trial_render(path: Path, context: dict) -> list[TemplateProblem]:
    """Render with the sample data: what no static check sees (e.g. a filter on a wrong value)."""
    try:
        render(path, context)
    except Exception as err:  # any failure here is the template's: the sample data is sound
        return [TemplateProblem(Place("toàn mẫu"), f"thử tạo báo cáo với dữ liệu mẫu thì lỗi: "
                                f"{str(err).removeprefix(f'mẫu “{path.name}”: ')}")]
    return []


def require_renderable(path: Path, context: object) -> list[TemplateProblem]:
    """Raise TemplateError listing every error of the template; return its warnings."""
    problems = check_template(path, context, render_trial=False)
    errors = [p for p in problems if p.is_error]
    if errors:
        lines = "\n".join(f"  - {p}" for p in errors)
        raise TemplateError(f"mẫu “{path}” có {len(errors)} lỗi:\n{lines}\nKiểm tra lại bằng: "
                            f"{command('ncnsc-report', 'check-template', path)}")
    return problems
