"""The one door from the page to the library: every build, check and write the page asks for.

Builds go through the engine (`engine.build`, its PDF step `with_pdfs`); starting a year, a
province and the unit forms through their library functions; checks of an upload through the
readers the build uses, on a copy. Each returns a typed `Outcome` that never raises for a
clerk's mistake: a located problem list instead. Views import only this module for library
work.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.contributions import write_forms as write_unit_forms
from ncnsc_reports.engine import BuildOptions, with_pdfs
from ncnsc_reports.engine import build as engine_build
from ncnsc_reports.errors import NcnscError
from ncnsc_reports.incremental import pdf_is_current
from ncnsc_reports.inputs.divisions import provinces
from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.inputs.schema import (
    AGENCY_SETTINGS,
    HELP_SHEET,
    LISTS_SHEET,
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_SHEETS,
    PROFILE_UNITS,
)
from ncnsc_reports.inputs.sheets import find_year_workbook, read_settings, read_workbook
from ncnsc_reports.inputs.unit_form import FORMS_DIR, form_file_name
from ncnsc_reports.new_province import start_province
from ncnsc_reports.new_year import start_year as new_year
from ncnsc_reports.outputs.marked import mark_workbooks
from ncnsc_reports.outputs.one_file import write_file
from ncnsc_reports.outputs.pdf import convert
from ncnsc_reports.problems import Location, Problem, Problems
from ncnsc_reports.render.docx import render
from ncnsc_reports.report.confirm import ACCEPTS, RERUN, escalated
from ncnsc_reports.report.units import Unit, place_in_force, read_replies, units_in_force
from ncnsc_reports.template_check.check import check_template as check
from ncnsc_reports.template_check.reference import reference_text
from ncnsc_reports.template_check.sample import sample_context
from ncnsc_reports.web.cells import cell_names
from ncnsc_reports.web.project import Province, Year

__all__ = ["ACCEPTS", "Outcome"]  # ACCEPTS: report.confirm's options, shown as checkboxes

CHECKS_DIR = "kiem-tra"  # in .ncnsc-web/: copies of a province read with an upload in place
# a warning to confirm, on a unit's form: the unit fixes it (report.confirm.escalated)
UNIT_ADVICE = "phiếu chỉ được nhận khi đã sửa chỗ này"
# ... and on the clerk's page, where the build's options are checkboxes (_xac-nhan.html)
PAGE_ADVICE = "nếu vẫn muốn tạo báo cáo như vậy, chọn ô xác nhận bên dưới rồi bấm “Vẫn tạo báo cáo”"
_NAMING = tuple(s for s in AGENCY_SETTINGS if s.key in ("place", "parent_agency"))


@dataclass
class Outcome:
    """What a build or a check did: its located errors and warnings, the files it made."""

    ok: bool
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    path: Path | None = None  # the main document (a build)
    outputs: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    kept: dict[Path, Path] = field(default_factory=dict)  # hand-edited output -> copy kept
    units: object | None = None  # UnitReplies of the year, when its forms are collected
    message: str = ""  # a failure that is not located (LibreOffice missing, a full disk)
    confirm: list[str] = field(default_factory=list)  # options that would accept the errors
    marked: list[Path] = field(default_factory=list)  # workbook copies with errors marked
    result: object | None = field(default=None, repr=False)  # the engine's BuildResult
    cells: dict[Problem, str] = field(default_factory=dict)  # problem -> its cell, “D2”


def failed(err: NcnscError) -> Outcome:
    """The outcome of a library call that raised one of our errors, from its typed problems
    (`errors.problems_at`, as the engine's `BuildResult` carries them): located problems are
    listed; a step that could not be done (a file not written…) is the message."""
    problems = err.problems_at()
    errors = [p for p in problems if p.is_error]
    if errors and not any(p.kind.located for p in errors):
        return Outcome(False, message="; ".join(p.message for p in errors))
    return Outcome(False, errors, [p for p in problems if not p.is_error])


def build_folder(folder: Path, accept: frozenset[str] = frozenset()) -> Outcome:
    """Build a year's (or a period's) documents through the engine; `accept`: the warnings the
    clerk confirmed (report.confirm's options)."""
    result = engine_build(folder, BuildOptions(accept=frozenset(accept) & set(ACCEPTS)))
    errors = [_on_the_page(p) for p in result.errors]
    return Outcome(result.ok, errors, list(result.warnings), result.path,
                   list(result.outputs), list(result.pdfs), dict(result.kept), result.units,
                   confirm=sorted({p.confirm for p in result.errors if p.confirm}),
                   marked=list(result.marked), result=result,
                   cells=cell_names([*errors, *result.warnings], result.folder))


def _on_the_page(problem: Problem) -> Problem:
    """A warning the build refused unless confirmed, with the page's way to confirm it (its
    checkbox) instead of the command line's option (report.confirm.RERUN)."""
    rerun = "; " + RERUN.format(option=problem.confirm)
    if not problem.confirm or not problem.message.endswith(rerun):
        return problem
    return replace(problem, message=problem.message.removesuffix(rerun) + "; " + PAGE_ADVICE)


def add_pdfs(done: Outcome) -> None:
    """Make the PDFs of a build's documents (the engine's PDF step: one LibreOffice start)."""
    result = with_pdfs([done.result])[0]
    done.pdfs = list(result.pdfs)
    if not result.ok:
        done.message = "Chưa tạo được PDF: " + "; ".join(p.message for p in result.errors)


def pdf_current(document: Path) -> bool:
    """Whether the document's PDF (and so its page images) shows the document as it is."""
    return pdf_is_current(document)


def _sample_pdf(done: Outcome, document: Path) -> None:
    """The PDF of a test render (not a build's output: straight through LibreOffice)."""
    try:
        done.pdfs = convert([document])
    except NcnscError as err:
        done.message = f"Chưa tạo được PDF: {err}"


def start_year(folder: Path) -> tuple[Outcome, object | None]:
    """Start the year's workbook from the previous year's (new-year)."""

    try:
        done = new_year(folder)
    except NcnscError as err:
        return failed(err), None
    return Outcome(True, path=done.path), done


def new_province(folder: Path) -> tuple[Outcome, object | None]:
    """Start a province's profile (new-province) in inputs/<slug>."""
    try:
        done = start_province(folder)
    except NcnscError as err:
        return failed(err), None
    return Outcome(True, path=done.profile), done


def known_provinces() -> dict[str, str]:
    """{slug: name} of the provinces new-province knows (the 34 from 1/7/2025)."""
    return {slug: p.name for slug, p in provinces().items()}


def write_forms(year: Year) -> tuple[Outcome, list[Path]]:
    """Write every unit's form of the year (unit-form) into outputs/…/phieu-don-vi/."""

    try:
        return Outcome(True), write_unit_forms(year.path).written.paths
    except NcnscError as err:
        return failed(err), []


def _profile(path: Path, specs: tuple, problems: Problems) -> dict:
    """The sheets `specs` of a province profile, the others left unread."""
    other = tuple(s.name for s in PROFILE_SHEETS if s not in specs)
    return read_workbook(path, specs, problems, (HELP_SHEET, LISTS_SHEET) + other)


def province_title(province: Province, year: int | None = None) -> str:
    """“Tỉnh Hưng Yên”, “Thành phố Huế”: the province as its profile names it in `year` (the
    latest name when None) — “Địa danh”, with “Tỉnh” or “Thành phố” from “Cơ quan chủ quản” —
    else as new-province's list names it, else its folder's name."""
    profile = province.path / PROFILE_FILE
    try:
        stat = profile.stat()
        title = _title(profile, stat.st_mtime_ns, stat.st_size, year)
    except OSError:
        title = ""
    known = provinces().get(province.slug)
    return title or (known.title[:1].upper() + known.title[1:] if known else province.slug)


@functools.lru_cache(maxsize=256)
def _title(profile: Path, mtime: int, size: int, year: int | None) -> str:
    """The title of a profile as it is on disk (`mtime`, `size`: read again once changed)."""
    del mtime, size
    problems, found = Problems(), {}
    try:
        rows = _profile(profile, (PROFILE_AGENCY,), problems)[PROFILE_AGENCY.name]
    except NcnscError:
        return ""
    for setting, value, row in read_settings(rows, _NAMING, problems):
        since = row["from_year"]
        if value and since is not None and (year is None or since <= year) \
                and since >= found.get(setting.key, (since, ""))[0]:
            found[setting.key] = (since, str(value).strip())
    place, parent = found.get("place", (0, ""))[1], found.get("parent_agency", (0, ""))[1]
    if not place or place.lower().startswith(("tỉnh ", "thành phố ")):
        return place[:1].upper() + place[1:]
    return f"{'Thành phố' if 'THÀNH PHỐ' in parent.upper() else 'Tỉnh'} {place}"


def period_title(name: str) -> str:
    """“Tổng kết giai đoạn 2021–2025” for the folder tong-ket-2021-2025 (its name as is when
    it is not a period's)."""
    found = period_folder(name)
    if found is None:
        return name
    kind, first, last = found
    return f"{kind[:1].upper()}{kind[1:]} giai đoạn {first}–{last}"


def year_units(year: Year) -> tuple[list[str], str, Outcome]:
    """The names of the units asked in the year (profile) and the province's name in force."""
    units, place, known = _units(year)
    return [u.name for u in units], place, known


def _units(year: Year) -> tuple[tuple[Unit, ...], str, Outcome]:
    problems = Problems()
    try:
        sheets = _profile(year.path.parent / PROFILE_FILE, (PROFILE_AGENCY, PROFILE_UNITS),
                          problems)
        place = place_in_force(sheets[PROFILE_AGENCY.name], year.year, problems)
        units = units_in_force(sheets[PROFILE_UNITS.name], year.year, problems)
    except NcnscError as err:
        return (), "", failed(err)
    return units, place, Outcome(not problems.errors, problems.errors)


def check_unit_form(year: Year, unit: str, upload: Path, state: Path) -> Outcome:
    """Read an uploaded form as the build will, against this unit only: a form naming another
    unit, year or province is an error, located in the form. A warning the build refuses
    unless the clerk confirms it (a row it cannot place) is an error here too, by the build's
    own rule (`report.confirm.escalated`, nothing confirmed): a unit cannot confirm, it fixes."""

    units, place, known = _units(year)
    found = next((u for u in units if u.name == unit), None)
    if not known.ok or found is None:
        return Outcome(False, message="Danh sách đơn vị trong hồ sơ tỉnh đã đổi; hãy hỏi Sở "
                       "KH&CN liên kết mới.")
    with tempfile.TemporaryDirectory(dir=_checks(state)) as tmp:
        Path(tmp, FORMS_DIR).mkdir()
        # under its own form's name (as the clerk sent it): the name its problems carry
        name = form_file_name(unit, year.year, [u.name for u in units])
        shutil.copyfile(upload, Path(tmp, FORMS_DIR, name))
        problems = Problems()
        try:
            read_replies(Path(tmp), year.year, place, (found,), problems)
        except NcnscError as err:
            return failed(err)
        listed = escalated(problems, frozenset(), UNIT_ADVICE)
        cells = cell_names(listed, Path(tmp))
    errors = [p for p in listed if p.is_error]
    return Outcome(not errors, errors, [p for p in listed if not p.is_error], cells=cells)


def check_workbook(year: Year, upload: Path, state: Path) -> Outcome:
    """Read and check the year as the build would with `upload` as its workbook: a copy of the
    province, never the real folder, so nothing changes until the upload is found good. A
    warning the build refuses unless confirmed (report.confirm) stays a warning here, marked by
    its option: the clerk confirms it when building, on the page as with the CLI's option."""

    with tempfile.TemporaryDirectory(dir=_checks(state)) as tmp:
        copy = Path(tmp, "inputs", year.province.slug)
        shutil.copytree(year.province.path, copy, ignore=shutil.ignore_patterns(".*", "~$*"))
        copy_year = copy / str(year.year)
        current = find_year_workbook(copy_year, Problems())
        shutil.copyfile(upload, current or copy_year / f"bao-cao-{year.year}.xlsx")
        try:
            _, _, warnings = gather(copy_year, frozenset(ACCEPTS))
            done = Outcome(True, warnings=list(warnings))
        except NcnscError as err:
            done = failed(err)
            done.outputs = _marked(done.errors, copy_year, year)
        done.cells = cell_names([*done.errors, *done.warnings], copy_year)
    return done


def _marked(errors: list[Problem], folder: Path, year: Year) -> list[Path]:
    """The marked copies (errors as cell comments, issue 23) of the workbooks the errors name,
    read from the checked copy `folder`, written into outputs/<tỉnh>/<năm>/loi/; a copy that
    cannot be written never hides the errors themselves."""
    try:
        return mark_workbooks(errors, folder, year.outputs)
    except (NcnscError, OSError):
        return []


def _checks(state: Path) -> Path:
    path = state / CHECKS_DIR
    path.mkdir(parents=True, exist_ok=True)
    return path


def located(problem: Problem, cell: str | None = None) -> tuple[str, str]:
    """(the file and sheet a problem is in, the rest of its place and its `cell`) for grouping
    on the page."""
    where = problem.where
    if not where.in_template:
        group = where.file + (f" › trang “{where.sheet}”" if where.sheet else "")
        rest = str(Location("", None, where.row, where.column, where.item)).lstrip(" ›")
        return group, f"{rest} (ô {cell})" if cell else rest
    return str(where), ""


def check_template(path: Path, kind: str) -> Outcome:
    """Every check-template finding of the template at `path` for documents of `kind`."""

    try:
        problems = check(path, kind=kind)
    except NcnscError as err:
        return failed(err)
    errors = [p for p in problems if p.is_error]
    return Outcome(not errors, errors, [p for p in problems if not p.is_error])


def field_reference(kind: str) -> str:
    """The `fields` reference of a kind of template (every field, loop and filter)."""

    return reference_text(sample_context(kind), kind)


def sample_render(path: Path, kind: str, target: Path) -> Outcome:
    """Render the template with the kind's sample data into `target` (.docx), then its PDF."""

    try:
        write_file(target, render(path, sample_context(kind)))
    except NcnscError as err:
        return failed(err)
    done = Outcome(True, path=target, outputs=[target])
    _sample_pdf(done, target)
    return done
