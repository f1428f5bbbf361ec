"""`build`: load → validate → context → render → write, all or nothing.

The one library entry point the CLI calls (style: cookiecutter's single entry function).
Everything is gathered and rendered in memory first; the file is written last, atomically.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports import __version__
from ncnsc_reports.compute.gather import gather
from ncnsc_reports.errors import InputError, NcnscError, OutputError, TemplateError
from ncnsc_reports.incremental import current_sources, record, record_damage, snapshot
from ncnsc_reports.inputs.unit_form import FORMS_DIR
from ncnsc_reports.outputs.fingerprint import fingerprinted
from ncnsc_reports.outputs.indicator_book import INDICATOR_BOOK, indicator_workbook
from ncnsc_reports.outputs.place import named, output_folder, project_root
from ncnsc_reports.outputs.write import write_outputs
from ncnsc_reports.problems import Problem, Severity
from ncnsc_reports.render.context import build_context
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.templates import REPORT_TEMPLATE, find_template, template_folders
from ncnsc_reports.report.confirm import unconfirmed
from ncnsc_reports.report.model import UnitReplies
from ncnsc_reports.reproducible import fixed_time
from ncnsc_reports.template_check.check import require_renderable


@dataclass(frozen=True)
class BuildOptions:
    """How `build` runs, as the command line says it: the CLI makes one, `batch` hands it to
    every worker, `build` reads it. Unknown options fail at once (no dict of keywords)."""

    out_root: Path | None = None  # --out: outputs/ beside inputs/ when None
    templates: Path | None = None  # --templates: searched before the province's and ours
    strict: bool = False  # --strict: every warning, the template's included, is an error
    force: bool = False  # --force: replace hand-edited outputs without keeping a copy
    rebuild: bool = False  # --rebuild: build even when nothing it depends on changed
    accept: frozenset[str] = frozenset()  # --chap-nhan-…: warnings confirmed (report.confirm)
    pdf: bool = False  # --pdf: make a PDF beside each document (`engine.build`, LibreOffice)
    mark_warnings: bool = False  # --canh-bao-tren-so: mark warnings on the workbooks' copies too

    @classmethod
    def of(cls, options: BuildOptions | Path | None, **changes) -> BuildOptions:
        """Return `options` (a bare path is the output folder) with `changes` made."""
        if not isinstance(options, BuildOptions):
            options = cls(out_root=None if options is None else Path(options))
        return dataclasses.replace(options, **changes) if changes else options


@dataclass(frozen=True)
class BuildResult:
    """What a builder of one kind did (`engine.BuildResult` is what front ends get)."""

    path: Path
    warnings: list[Problem]
    kept: dict[Path, Path] = field(default_factory=dict)  # hand-edited report -> copy kept
    replaced: list[Path] = field(default_factory=list)  # hand-edited, replaced (force)
    up_to_date: bool = False  # nothing it depends on changed: not rebuilt
    units: UnitReplies | None = None  # units asked for a contribution, forms received
    others: list[Path] = field(default_factory=list)  # written beside it (workbooks, a plan)
    removed: list[Path] = field(default_factory=list)  # earlier outputs no longer made
    notes: list[str] = field(default_factory=list)  # said once, no warning (a damaged record)


def output_path(year_dir: Path, out_root: Path | None = None) -> Path:
    """Return outputs/<tỉnh>/<năm>/bao-cao-<tỉnh>-<năm>.docx for a year folder."""
    folder = output_folder(year_dir, out_root)
    return folder / f"bao-cao-{folder.parent.name}-{folder.name}.docx"


def build(year_dir: Path, options: BuildOptions | Path | None = None, **changes) -> BuildResult:
    """Build the annual report of one year folder and return where it was written.

    `options` (or, for short, the output folder) with `changes` (e.g. `strict=True`) made.

    Nothing is done when nothing the report depends on changed since it was built (and its
    outputs are as written), unless `rebuild`. Gather first, write last: everything is
    validated, computed and rendered in memory; the report and its indicator workbook are
    then written together or not at all. A file edited by hand since it was written is kept
    under another name, unless `force`.
    """
    year_dir, options = named(year_dir), BuildOptions.of(options, **changes)
    target = output_path(year_dir, options.out_root)
    fresh, before = _freshness(year_dir, options, target.parent)
    if fresh is not None:
        return _unchanged(target, fresh)
    notes = record_damage(target.parent)  # said before the build, which then writes it anew
    report, results, warnings = gather(year_dir, options.accept)
    target = target.with_name(f"{report.file_stem}.docx")  # the name in force, not the folder
    files = {}
    template = report_template(year_dir, options.templates)
    context = build_context(report, results)
    template_warnings, marker = _checked(template, context, target.parent.parent.parent)
    warnings.extend(template_warnings)
    if options.strict and warnings:  # after the template check: --strict covers every warning
        raise InputError([Problem(p.where, p.message, Severity.ERROR) for p in warnings],
                         strict=True, template=template)
    _remember(marker)
    when = fixed_time(report.date)  # same inputs, same bytes: dated from the report, not the clock
    # each file carries its own fingerprint: recognised as generated even without the manifest
    files[target.name] = render(template, context, when, finish=fingerprinted)
    if results is not None:
        files[INDICATOR_BOOK] = indicator_workbook(results, report.illustrative, when,
                                                   finish=fingerprinted)
    written = write_outputs(target.parent, files, options.force)
    _record(before, year_dir, report, target.parent, files, warnings)
    return BuildResult(target, list(warnings), written.kept, written.replaced,
                       units=report.units, removed=written.removed,
                       others=[target.parent / n for n in files if n != target.name],
                       notes=notes)


def up_to_date(year_dir: Path, options: BuildOptions | Path | None = None,
               **changes) -> BuildResult | None:
    """Return the result of a build that would change nothing (its outputs are up to date),
    or None when `build` has work to do. Takes `build`'s options; costs a few file stats."""
    options = BuildOptions.of(options, **changes)
    target = output_path(named(year_dir), options.out_root)
    fresh, _ = _freshness(named(year_dir), options, target.parent, False)
    return None if fresh is None else _unchanged(target, fresh)


def _unchanged(target: Path, recorded) -> BuildResult:
    """The result of an up-to-date build: the outputs as recorded. The report's name follows
    the province's name in force (a folder continued by a merged province writes
    bao-cao-<new name>-<năm>.docx)."""
    names = sorted(n for n in recorded.outputs if n.endswith(".docx"))
    report = target.with_name(names[0]) if names else target
    others = [target.parent / n for n in sorted(recorded.outputs) if n != report.name]
    return BuildResult(report, recorded.problems(), up_to_date=True, others=others)


def report_template(year_dir: Path, templates: Path | None = None) -> Path:
    """Return the template a report of `year_dir` uses: `templates`, the province's, ours."""
    if templates is not None and not Path(templates).is_dir():  # a typo must not fall back
        raise TemplateError(f"không tìm thấy thư mục mẫu “{templates}” (tùy chọn --templates); "
                            "hãy kiểm tra lại đường dẫn")
    folders = template_folders(named(year_dir).parent, project_root(year_dir), templates)
    return find_template(REPORT_TEMPLATE, folders)


def _freshness(year_dir: Path, options: BuildOptions, out_folder: Path,
               fingerprint: bool = True):
    """Return (the record of up-to-date outputs, None) or (None, the inputs fingerprinted
    before reading them); (None, None) when the inputs are unusable: the build says why."""
    # While units' forms are collected (don-vi/ exists), every build reads the profile and the
    # forms again, so that it can say who has not answered yet (issue 12, item 4).
    rebuild = options.rebuild or (Path(year_dir) / FORMS_DIR).is_dir()
    try:
        template = report_template(year_dir, options.templates)
        if not rebuild and (fresh := current_sources(out_folder, template,
                                                             options.strict)) \
                and not unconfirmed(fresh.problems(), options.accept):
            return fresh, None
        return None, snapshot(year_dir, template, out_folder) if fingerprint else None
    except (NcnscError, OSError, ValueError):
        return None, None


def _record(before, year_dir: Path, report, out_folder: Path, files: dict[str, bytes],
            warnings) -> None:
    """Record what the outputs were built from; failing costs only a rebuild next time."""

    if before is not None:
        with contextlib.suppress(OutputError, OSError):
            record(before, year_dir, report.history, out_folder, files, warnings)


def _checked(template: Path, context: dict, out_root: Path) -> tuple[list, Path | None]:
    """Check the template before use (a broken template never yields a document). Return its
    warnings and, when it passed without remarks, the marker to write once the build goes on,
    so an unchanged template is not re-checked every build."""

    key = hashlib.sha256(template.read_bytes() + f"{__version__}{sorted(context)}".encode())
    marker = out_root / ".ncnsc-cache" / f"mau-da-kiem-tra-{key.hexdigest()[:32]}"
    with contextlib.suppress(OSError):  # only a cache: a path it cannot hold checks again
        if marker.exists():
            return [], None
    warnings = require_renderable(template, context)
    return warnings, None if warnings else marker


def _remember(marker: Path | None) -> None:
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # only a cache: the next build checks again
