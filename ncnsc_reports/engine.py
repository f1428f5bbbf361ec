"""The build engine: one function builds any input folder and says, typed, what happened.

Owns the library face every front end calls — the command line (`cli`), `build --all`
(`batch`) and the web page — so that none of them orchestrates a build:

    from ncnsc_reports.engine import BuildOptions, build

    result = build("inputs/hung-yen/2023", BuildOptions(pdf=True))
    if not result.ok:
        for problem in result.errors:  # file › sheet › row › column: what is wrong
            print(problem)

`build` recognises the folder's kind (a year folder `inputs/<tỉnh>/<năm>`: the yearly report; a
period folder `inputs/<tỉnh>/tong-ket-2021-2025`: the phase summary and the draft plan), builds
it all or nothing, then makes the PDFs when asked. A user's mistake (a workbook error, a missing
template, a folder that cannot be written, LibreOffice missing) never raises: it comes back as
located `Problem`s in the result. Only a bug (or Ctrl-C) raises.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports import __version__
from ncnsc_reports.errors import InputError, NcnscError, OutputError, TemplateError
from ncnsc_reports.incremental import (
    current_sources,
    pdf_is_current,
    record_damage,
    record_of,
    snapshot_of,
)
from ncnsc_reports.kinds import Document, Kind, Prepared, of_folder
from ncnsc_reports.options import BuildOptions
from ncnsc_reports.outputs.fingerprint import fingerprinted
from ncnsc_reports.outputs.marked import clear_marked, mark_workbooks, marked_on_failure
from ncnsc_reports.outputs.pdf_batch import convert_all
from ncnsc_reports.outputs.place import named, output_folder, project_root
from ncnsc_reports.outputs.write import write_outputs
from ncnsc_reports.problems import Location, Problem, Severity
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.names import template_names
from ncnsc_reports.render.templates import find_template, template_folders
from ncnsc_reports.report.confirm import unconfirmed
from ncnsc_reports.report.model import UnitReplies
from ncnsc_reports.reproducible import fixed_time
from ncnsc_reports.template_check.check import require_renderable

__all__ = ["YEARLY", "SUMMARY", "BuildOptions", "BuildResult", "build", "folder_kind", "run",
           "up_to_date", "with_pdfs"]

YEARLY, SUMMARY = "bao-cao-nam", "tong-ket"  # the kinds' names (kinds.KINDS)


@dataclass(frozen=True)
class BuildResult:
    """What one `build` did. `ok` is False when errors stopped it: then nothing was written,
    unless only the PDF step failed (the documents in `outputs` were written; `errors` says
    why the PDFs were not). Every problem is typed (`Problem.kind`: a workbook's, a folder's, a
    template's, or a step that could not be done) and located, so a front end words a failure
    from them alone. `strict` and `template` tell it how to word the next step (the warnings
    were refused by --strict; some errors are in that Word template)."""

    folder: Path  # the folder built, as the user named it (absolute)
    kind: str  # YEARLY or SUMMARY
    ok: bool
    path: Path | None = None  # the main document, None when nothing was built
    outputs: list[Path] = field(default_factory=list)  # every file written or kept current
    pdfs: list[Path] = field(default_factory=list)  # documents' PDFs, then kept copies' PDFs
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    kept: dict[Path, Path] = field(default_factory=dict)  # hand-edited output -> copy kept
    replaced: list[Path] = field(default_factory=list)  # hand-edited, replaced (--force)
    removed: list[Path] = field(default_factory=list)  # earlier outputs no longer made
    up_to_date: bool = False  # nothing it depends on changed: not rebuilt
    notes: list[str] = field(default_factory=list)  # said once, no warning (a damaged record)
    pdfs_up_to_date: bool = False  # every PDF asked for was already current: none made
    units: UnitReplies | None = None  # units asked for a contribution, forms received
    # copies of the workbooks with the errors (with `mark_warnings`: the warnings) marked on
    # their cells, in the output folder's loi/ (outputs.marked)
    marked: list[Path] = field(default_factory=list)
    seconds: float = 0.0  # wall time of the whole build, PDFs included
    strict: bool = False  # the errors are warnings --strict refused
    template: Path | None = None  # the Word template some errors are in
    # the error that stopped it, for a developer's traceback (--debug) only: a front end words
    # the failure from `errors` (their `kind`), never from this
    exception: NcnscError | None = field(default=None, compare=False, repr=False)

    @property
    def documents(self) -> list[Path]:
        """The Word documents among the outputs (the ones that get a PDF)."""
        return [p for p in self.outputs if p.suffix == ".docx"]


def folder_kind(folder: Path) -> str:
    """The name of the kind of document a folder builds (`kinds.of_folder`)."""
    return of_folder(named(Path(folder))).name


def build(folder: Path | str, options: BuildOptions | None = None) -> BuildResult:
    """Build every document of `folder` (a year or a period folder) and return what was done.

    Gather, check every template, refuse on errors (and on warnings with `options.strict`),
    render, write all outputs at once (a hand-edited file is kept under another name unless
    `options.force`), then, with `options.pdf`, make the PDFs that are not current. Raises
    nothing for a user's mistake: errors come back located in `BuildResult.errors`.
    """
    start = time.perf_counter()
    folder, options = named(Path(folder)), options or BuildOptions()
    result = _marked(_built(folder, options), options)
    if result.ok and options.pdf:
        result = with_pdfs([result])[0]
    return dataclasses.replace(result, seconds=time.perf_counter() - start)


def up_to_date(folder: Path | str, options: BuildOptions | None = None) -> BuildResult | None:
    """Return the result of a build of `folder` that would change nothing, or None when
    `build` has work to do (or cannot tell cheaply). Costs a few file stats."""
    folder, options = named(Path(folder)), options or BuildOptions()
    kind = of_folder(folder)
    out = output_folder(folder, options.out_root)
    fresh, _ = _freshness(folder, kind, options, out, snap=False)
    return None if fresh is None else _unchanged(folder, kind, options, out, fresh)


def _built(folder: Path, options: BuildOptions) -> BuildResult:
    """`run`; a user's mistake becomes a result with typed, located problems (workbooks
    marked): a front end words it from those, never from the exception (`errors.problems_at`)."""
    out = output_folder(folder, options.out_root)
    try:
        return marked_on_failure(lambda: run(folder, options), folder, out,
                                 options.mark_warnings)
    except InputError as err:  # --strict's refusal says so, and names the template checked
        return _failed(folder, err, err.strict, err.template, err.marked)
    except NcnscError as err:
        return _failed(folder, err, options.strict, options.templates)


def _failed(folder: Path, err: NcnscError, strict: bool, template: Path | None,
            marked: Iterable[Path] = ()) -> BuildResult:
    """The result of a build `err` stopped: its problems, typed and located."""
    problems = err.problems_at(Location(str(folder)))
    return BuildResult(folder, of_folder(folder).name, False,
                       errors=[p for p in problems if p.is_error],
                       warnings=[p for p in problems if not p.is_error], marked=list(marked),
                       strict=strict, template=template, exception=err)


def _marked(result: BuildResult, options: BuildOptions) -> BuildResult:
    """With `options.mark_warnings`, a successful build's warnings marked on copies of the
    workbooks they are in (a copy that cannot be written never fails the build); without, the
    copies an earlier failed build marked are removed (their errors are fixed)."""
    if not result.ok:
        return result
    out = output_folder(result.folder, options.out_root)
    try:
        if not (options.mark_warnings and result.warnings):
            clear_marked(out)
            return result
        marked = mark_workbooks(result.warnings, result.folder, out, True)
    except (NcnscError, OSError):
        marked = []
    return dataclasses.replace(result, marked=marked)


# --- One build, the same steps for every kind (raises NcnscError on a user's mistake) -------

def run(folder: Path | str, options: BuildOptions | Path | None = None) -> BuildResult:
    """Build `folder`, raising on a user's mistake (`build` turns that into problems).

    Freshness (nothing changed: nothing done, unless `rebuild`) → gather and every context
    (the kind's `prepare`) → check every template → one strict gate over every warning →
    render, each file fingerprinted → write all outputs at once → record the sources.
    """
    folder, options = named(Path(folder)), BuildOptions.of(options)
    kind = of_folder(folder)
    out = output_folder(folder, options.out_root)
    fresh, before = _freshness(folder, kind, options, out)
    if fresh is not None:
        return _unchanged(folder, kind, options, out, fresh)
    notes = record_damage(out)  # said before the build, which then writes it anew
    prepared = kind.work().prepare(folder, options)
    search, year = _template_folders(folder, options.templates), _year(kind, folder)
    documents = [(d, find_template(d.template, search, year)) for d in prepared.documents]
    warnings, template, markers = _checked_all(prepared, documents, out.parent.parent)
    _gate(warnings, options, template)
    for marker in markers:
        _remember(marker)
    files = _rendered(prepared, documents)
    written = write_outputs(out, files, options.force)
    _record(before, prepared, out, files, warnings)
    return BuildResult(folder, kind.name, True, out / prepared.documents[0].name,
                       [out / name for name in files], warnings=warnings, kept=written.kept,
                       replaced=written.replaced, removed=written.removed,
                       notes=notes, units=prepared.units, strict=options.strict,
                       template=options.templates)


def _template_folders(folder: Path, templates: Path | None) -> list[Path]:
    """The template search path (render.templates): --templates, the province's, ours."""
    if templates is not None and not Path(templates).is_dir():  # a typo must not fall back
        raise TemplateError(f"không tìm thấy thư mục mẫu “{templates}” (tùy chọn --templates); "
                            "hãy kiểm tra lại đường dẫn")
    return template_folders(folder.parent, project_root(folder), templates)


def _year(kind: Kind, folder: Path) -> int | None:
    """The year whose templates apply to the folder's documents (a kind may not say)."""
    year = getattr(kind.work(), "year", None)
    return year(folder) if year is not None else None


def _freshness(folder: Path, kind: Kind, options: BuildOptions, out: Path, snap: bool = True):
    """Return (the record of up-to-date outputs, None) or (None, the inputs fingerprinted
    before reading them); (None, None) when the inputs are unusable: the build says why."""
    try:
        inputs = kind.work().inputs(folder)
        search = _template_folders(folder, options.templates)
        templates = [find_template(t.file, search, _year(kind, folder)) for t in kind.templates]
        key = os.pathsep.join(str(t) for t in templates)  # a yearly report's: its template
        if not (options.rebuild or inputs.rebuild) \
                and (fresh := current_sources(out, key, options.strict)) \
                and not unconfirmed(fresh.problems(), options.accept):
            return fresh, None
        return None, snapshot_of(inputs.folders, [*inputs.files, *templates], key, out) \
            if snap else None
    except (NcnscError, OSError, ValueError):
        return None, None


def _unchanged(folder: Path, kind: Kind, options: BuildOptions, out: Path,
               recorded) -> BuildResult:
    """The result of an up-to-date build: the outputs as recorded. The main document is the
    first recorded .docx (its name follows the province's name in force, read from the
    profile: a folder continued by a merged province writes bao-cao-<new name>-<năm>.docx)."""
    names = sorted(recorded.outputs)
    main = next((n for n in names if n.endswith(".docx")), kind.work().main_name(folder))
    outputs = [out / main, *(out / n for n in names if n != main)]
    return BuildResult(folder, kind.name, True, out / main, outputs,
                       warnings=recorded.problems(), up_to_date=True, strict=options.strict,
                       template=options.templates)


def _checked_all(prepared: Prepared, documents: list[tuple[Document, Path]], out_root: Path):
    """Every template checked before use (a broken template never yields a document). Return
    the warnings of the inputs and of every template, the template named in the next step (the
    first whose check drew a warning, else the main one) and the check markers to write once
    the build goes on."""
    warnings, markers, flagged = list(prepared.warnings), [], []
    for document, template in documents:
        found, marker = _checked(template, document.context, out_root)
        warnings.extend(found)
        markers += [marker] if marker is not None else []
        flagged += [template] if found else []
    return warnings, (flagged or [documents[0][1]])[0], markers


def _gate(warnings: list[Problem], options: BuildOptions, template: Path) -> None:
    """The one strict gate, after every check: --strict makes every warning of every source
    (workbooks, profile, every template) an error, and nothing is written."""
    if options.strict and warnings:
        raise InputError([dataclasses.replace(p, severity=Severity.ERROR) for p in warnings],
                         strict=True, template=template)


def _rendered(prepared: Prepared, documents: list[tuple[Document, Path]]) -> dict[str, bytes]:
    """Every document and workbook, in memory. Same inputs, same bytes: dated from the
    report, not the clock; each file carries its own fingerprint (outputs.fingerprint), so
    it is recognised as generated even without the manifest."""
    when = fixed_time(prepared.date)
    files = {d.name: render(template, d.context, when, d.pictures, finish=fingerprinted)
             for d, template in documents}
    files.update(prepared.workbooks(when))
    return files


def _record(before, prepared: Prepared, out: Path, files: dict[str, bytes], warnings) -> None:
    """Record what the outputs were built from; failing costs only a rebuild next time."""
    if before is not None:
        with contextlib.suppress(OutputError, OSError):
            record_of(before, prepared.read, out, files, warnings)


def _checked(template: Path, context: object, out_root: Path) -> tuple[list, Path | None]:
    """Check the template for `context`'s names. Return its warnings and, when it passed
    without remarks, the marker to write once the build goes on, so an unchanged template is
    not re-checked every build (one cache for every kind: outputs/.ncnsc-cache)."""
    names = sorted(template_names(context))
    key = hashlib.sha256(template.read_bytes() + f"{__version__}{names}".encode())
    marker = out_root / ".ncnsc-cache" / f"mau-da-kiem-tra-{key.hexdigest()[:32]}"
    with contextlib.suppress(OSError):  # only a cache: a path it cannot hold checks again
        if marker.exists():
            return [], None
    warnings = require_renderable(template, context)
    return warnings, None if warnings else marker


def _remember(marker: Path) -> None:
    with contextlib.suppress(OSError):  # only a cache: the next build checks again
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


# --- PDFs: after every document is written, from one LibreOffice start ----------------------

def pdf_work(result: BuildResult) -> tuple[list[Path], list[Path]]:
    """The documents of `result` whose PDF must be made (missing, or older than the document;
    all of them after a build that wrote), and the kept hand-edited copies (each PDF shows the
    version its name says)."""
    documents = result.documents
    if result.up_to_date:
        documents = [d for d in documents if not pdf_is_current(d)]
    return documents, [copy for copy in result.kept.values() if copy.suffix == ".docx"]


def with_pdfs(results: list[BuildResult], processes: int = 1) -> list[BuildResult]:
    """Make the PDFs of the successful `results` (`processes` LibreOffice runs side by side)
    and return the results with their PDFs, or with the PDF step's error."""
    work = {id(r): pdf_work(r) for r in results if r.ok}
    everything = [d for documents, kept in work.values() for d in documents + kept]
    error = _convert(everything, processes) if everything else None
    return [r if not r.ok else _pdfs_of(r, *work[id(r)], error) for r in results]


def _convert(documents: list[Path], processes: int) -> NcnscError | None:
    try:
        convert_all(documents, processes)
    except NcnscError as err:
        return err
    return None


def _pdfs_of(result: BuildResult, documents: list[Path], kept: list[Path],
             error: NcnscError | None) -> BuildResult:
    if error is not None:
        return dataclasses.replace(result, ok=False, exception=error,
                                   errors=error.problems_at(Location(str(result.folder))))
    made = [d.with_suffix(".pdf") for d in documents + kept]
    if not documents and not kept:  # all current: the PDFs kept as they are
        current = [d.with_suffix(".pdf") for d in result.documents]
        return dataclasses.replace(result, pdfs=current, pdfs_up_to_date=True)
    return dataclasses.replace(result, pdfs=made)
