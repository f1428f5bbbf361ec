"""The library face (engine.py): `build(folder, options)` builds any folder and returns a typed
result; a user's mistake comes back as located problems, never as an exception."""

from __future__ import annotations

import dataclasses
import shutil

from conftest import ROOT, SAMPLE_YEAR, edit_workbook, year_book

from ncnsc_reports.engine import SUMMARY, YEARLY, BuildOptions, BuildResult, build
from ncnsc_reports.outputs.pdf import SOFFICE_ENV
from ncnsc_reports.problems import Location, ProblemKind


def test_a_year_folder_builds_and_says_what_it_wrote(tmp_path):
    year = ROOT / "inputs" / "an-giang" / "2023"
    result = build(year, BuildOptions(out_root=tmp_path))
    folder = tmp_path / "an-giang" / "2023"
    assert isinstance(result, BuildResult) and dataclasses.is_dataclass(result)
    assert result.ok and result.kind == YEARLY and result.folder == year
    assert result.path == folder / "bao-cao-an-giang-2023.docx"
    assert result.outputs == [result.path, folder / "chi-tieu.xlsx"]
    assert all(p.is_file() for p in result.outputs)
    assert result.errors == [] and result.pdfs == [] and 0 < result.seconds < 60
    again = build(str(year), BuildOptions(out_root=tmp_path))  # a str is a folder too
    assert again.ok and again.up_to_date and again.outputs == result.outputs


def test_a_period_folder_builds_the_summary_and_the_draft_plan(tmp_path):
    period = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"
    result = build(period, BuildOptions(out_root=tmp_path))
    folder = tmp_path / "an-giang" / "tong-ket-2021-2025"
    assert result.ok and result.kind == SUMMARY
    assert result.path == folder / "bao-cao-tong-ket-an-giang-2021-2025.docx"
    assert sorted(p.name for p in result.outputs) == sorted(p.name for p in folder.iterdir())
    assert [p.name for p in result.documents] == [
        "bao-cao-tong-ket-an-giang-2021-2025.docx", "du-thao-ke-hoach-an-giang-2026-2030.docx"]


def test_a_workbook_error_comes_back_located_and_no_report_is_written(province_copy, tmp_path):
    edit_workbook(year_book(province_copy), "Nội dung", {"C2": "#DIV/0!"})
    result = build(province_copy / "2023", BuildOptions(out_root=tmp_path / "out"))
    assert not result.ok and result.path is None and result.outputs == []
    assert result.errors and all(isinstance(p.where, Location) for p in result.errors)
    assert any(p.where.file.endswith("bao-cao-2023.xlsx") for p in result.errors)
    # typed: a front end words it from the kind, not from the exception (issue 21 item 3)
    assert {p.kind for p in result.errors} == {ProblemKind.WORKBOOK}
    folder = tmp_path / "out" / "hung-yen" / "2023"
    # only the workbook's copy with its errors marked (outputs.marked), in loi/
    assert result.marked and all(p.parent == folder / "loi" for p in result.marked)
    assert sorted(folder.rglob("*.xlsx")) == sorted(result.marked)
    assert not list(folder.rglob("*.docx"))


def test_a_missing_templates_folder_is_a_problem_not_an_exception(tmp_path):
    result = build(SAMPLE_YEAR, BuildOptions(out_root=tmp_path, templates=tmp_path / "khong-co"))
    assert not result.ok and len(result.errors) == 1
    assert "không tìm thấy thư mục mẫu" in result.errors[0].message
    assert result.errors[0].where == Location(str(SAMPLE_YEAR))
    assert result.errors[0].kind is ProblemKind.TEMPLATE_FILE and not result.errors[0].kind.located


def test_strict_refuses_warnings_as_errors(built_samples, tmp_path):
    year = ROOT / "inputs" / "an-giang" / "2025"  # one warning (no support limits of the year)
    assert built_samples(year).warnings
    refused = build(year, BuildOptions(out_root=tmp_path / "strict", strict=True, rebuild=True))
    assert not refused.ok and refused.strict and refused.errors and refused.outputs == []


def test_without_libreoffice_the_documents_stay_written_and_the_pdf_step_says_why(
        tmp_path, monkeypatch):
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "khong-co-soffice"))
    result = build(SAMPLE_YEAR, BuildOptions(out_root=tmp_path, pdf=True))
    assert not result.ok and result.outputs and result.path.is_file() and result.pdfs == []
    assert SOFFICE_ENV in result.errors[0].message
    assert result.errors[0].kind is ProblemKind.OUTPUT


def test_a_folder_that_is_not_there_is_a_problem(tmp_path):
    missing = tmp_path / "inputs" / "hung-yen" / "2030"
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    result = build(missing)
    assert not result.ok and result.errors and result.outputs == []
