"""The yearly report: a year folder inputs/<tỉnh>/<năm> → bao-cao-<tỉnh>-<năm>.docx and, for a
province that sets indicators, chi-tieu.xlsx tracing every figure.

Its inputs: the year's workbook (and units' forms in don-vi/), the province profile and the
earlier years read for cumulative figures; its one template: bao-cao-nam.docx. The sample its
template is checked with: Hưng Yên 2023 (shipped with the program).
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.inputs.unit_form import FORMS_DIR
from ncnsc_reports.kinds import Document, Inputs, Prepared, Template, sample_folder
from ncnsc_reports.outputs.fingerprint import fingerprinted
from ncnsc_reports.outputs.indicator_book import INDICATOR_BOOK, indicator_workbook
from ncnsc_reports.render.context import build_context
from ncnsc_reports.render.report_fields import ReportContext
from ncnsc_reports.render.templates import REPORT_TEMPLATE
from ncnsc_reports.render.territory_text import province_kind
from ncnsc_reports.resources import SAMPLE_YEAR


def main_name(folder: Path) -> str:
    """bao-cao-<tỉnh>-<năm>.docx by the folders' names (the name in force comes from the
    profile once read: a province continued by a merged one writes under its new name)."""
    return f"bao-cao-{folder.parent.name}-{folder.name}.docx"


def year(folder: Path) -> int | None:
    """The year whose templates apply (render.templates: templates/<năm>/)."""
    return int(folder.name) if folder.name.isascii() and folder.name.isdigit() else None


def inputs(folder: Path) -> Inputs:
    """The profile and every year folder of the province up to this one (a later year is never
    read). While units' forms are collected (don-vi/ exists), every build reads them again, so
    that it can say who has not answered yet (issue 12, item 4)."""
    folder = folder.resolve()
    years = sorted(f for f in folder.parent.iterdir()
                   if f.is_dir() and f.name.isascii() and f.name.isdigit() and len(f.name) == 4
                   and int(f.name) <= int(folder.name))
    return Inputs(years, [folder.parent / PROFILE_FILE], (folder / FORMS_DIR).is_dir())


def prepare(folder: Path, options) -> Prepared:
    """Validate the year, compute its indicators, make the report's context."""
    report, results, warnings = gather(folder, options.accept)
    context = build_context(report, results)
    document = Document(f"{report.file_stem}.docx", REPORT_TEMPLATE, context)

    def workbooks(when) -> dict[str, bytes]:
        if results is None:  # a province without indicators has no chi-tieu.xlsx
            return {}
        return {INDICATOR_BOOK: indicator_workbook(results, report.illustrative, when,
                                                   finish=fingerprinted,
                                                   kind=province_kind(report))}

    resolved = folder.resolve()
    read = [resolved, *(resolved.parent / str(year) for year in report.history)]
    return Prepared(report.date, [document], list(warnings), workbooks, read, report.units)


def sample_context(template: Template) -> ReportContext:
    """The context a build gives bao-cao-nam.docx for the shipped sample year."""
    report, results, _ = gather(sample_folder(SAMPLE_YEAR))  # the same inputs as a build
    return build_context(report, results)
