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

import dataclasses
import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import InputError, NcnscError
from ncnsc_reports.incremental import pdf_is_current
from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.outputs.marked import clear_marked, mark_workbooks, marked_on_failure
from ncnsc_reports.outputs.pdf_batch import convert_all
from ncnsc_reports.outputs.place import named, output_folder
from ncnsc_reports.pipeline import BuildOptions
from ncnsc_reports.pipeline import build as build_year
from ncnsc_reports.pipeline import up_to_date as yearly_up_to_date
from ncnsc_reports.problems import Location, Problem
from ncnsc_reports.report.model import UnitReplies

__all__ = ["YEARLY", "SUMMARY", "BuildOptions", "BuildResult", "build", "folder_kind",
           "up_to_date", "with_pdfs"]

YEARLY, SUMMARY = "bao-cao-nam", "tong-ket"  # the kinds of folder (template_check.kinds' names)


@dataclass(frozen=True)
class BuildResult:
    """What one `build` did. `ok` is False when errors stopped it: then nothing was written,
    unless only the PDF step failed (the documents in `outputs` were written; `errors` says
    why the PDFs were not). `strict` and `template` tell a front end how to word the next step
    (the warnings were refused by --strict; some errors are in that Word template)."""

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
    # the error that stopped it, for a developer's traceback (--debug); not for wording
    exception: NcnscError | None = field(default=None, compare=False, repr=False)

    @property
    def documents(self) -> list[Path]:
        """The Word documents among the outputs (the ones that get a PDF)."""
        return [p for p in self.outputs if p.suffix == ".docx"]


def folder_kind(folder: Path) -> str:
    """The kind of document a folder builds: a period's folder (tong-ket-…, so-ket-…) builds the
    summary; any other folder is a year's (its own checks say when it is not one)."""
    return SUMMARY if period_folder(named(folder).name) is not None else YEARLY


def build(folder: Path | str, options: BuildOptions | None = None) -> BuildResult:
    """Build every document of `folder` (a year or a period folder) and return what was done.

    Gather, check every template, refuse on errors (and on warnings with `options.strict`),
    render, write all outputs at once (a hand-edited file is kept under another name unless
    `options.force`), then, with `options.pdf`, make the PDFs that are not current. Raises
    nothing for a user's mistake: errors come back located in `BuildResult.errors`.
    """
    start = time.perf_counter()
    folder, options = named(Path(folder)), options or BuildOptions()
    result = _marked(_built(folder, folder_kind(folder), options), options)
    if result.ok and options.pdf:
        result = with_pdfs([result])[0]
    return dataclasses.replace(result, seconds=time.perf_counter() - start)


def up_to_date(folder: Path | str, options: BuildOptions | None = None) -> BuildResult | None:
    """Return the result of a build of `folder` that would change nothing, or None when
    `build` has work to do (or cannot tell cheaply). Costs a few file stats."""
    folder, options = named(Path(folder)), options or BuildOptions()
    if folder_kind(folder) != YEARLY:
        return None  # a summary is built every time
    made = yearly_up_to_date(folder, options)
    return None if made is None else _result(folder, YEARLY, options, made)


def _built(folder: Path, kind: str, options: BuildOptions) -> BuildResult:
    """Run the kind's builder; turn a user's mistake into a result with located errors."""
    out = output_folder(folder, options.out_root)
    try:
        made = marked_on_failure(lambda: _builder(kind)(folder, options), folder, out,
                                 options.mark_warnings)
        return _result(folder, kind, options, made)
    except InputError as err:
        return BuildResult(folder, kind, False, errors=[p for p in err.problems if p.is_error],
                           warnings=[p for p in err.problems if not p.is_error],
                           marked=list(getattr(err, "marked", [])), strict=err.strict,
                           template=err.template, exception=err)
    except NcnscError as err:
        return BuildResult(folder, kind, False, errors=[Problem(Location(str(folder)), str(err))],
                           strict=options.strict, template=options.templates, exception=err)


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


def _builder(kind: str):
    """The function that builds a folder of `kind`. The summary's is loaded only when a summary
    is built (by name, as a plug-in is): a year's build never loads the period modules."""
    if kind == SUMMARY:
        return importlib.import_module("ncnsc_reports.summary").build_summary
    return build_year


def _result(folder: Path, kind: str, options: BuildOptions, made) -> BuildResult:
    """The engine's result of a builder's `made` (pipeline.Built)."""
    outputs = [made.path, *(p for p in made.others if p != made.path)]
    return BuildResult(folder, kind, True, made.path, outputs, warnings=list(made.warnings),
                       kept=dict(made.kept), replaced=list(made.replaced),
                       removed=list(made.removed), up_to_date=made.up_to_date,
                       notes=list(getattr(made, "notes", ())), units=made.units,
                       strict=options.strict, template=options.templates)


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
                                   errors=[Problem(Location(str(result.folder)), str(error))])
    made = [d.with_suffix(".pdf") for d in documents + kept]
    if not documents and not kept:  # all current: the PDFs kept as they are
        current = [d.with_suffix(".pdf") for d in result.documents]
        return dataclasses.replace(result, pdfs=current, pdfs_up_to_date=True)
    return dataclasses.replace(result, pdfs=made)
