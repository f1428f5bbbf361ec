"""Where outputs go (outputs/place.py): one rule for a year's report, a period's summary and
the unit forms, taken as the user named the folder (inputs/ may be a link to a shared store)."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from ncnsc_reports.contributions import write_forms
from ncnsc_reports.pipeline import output_path
from ncnsc_reports.summary import build_summary
from ncnsc_reports.summary import output_path as summary_path


@pytest.fixture
def linked_project(tmp_path):
    """du-an/inputs is a link to kho-chung/inputs; du-an has its own templates/."""
    store, project = tmp_path / "kho-chung", tmp_path / "du-an"
    for province in ("an-giang", "hung-yen", "kien-giang"):
        shutil.copytree(ROOT / "inputs" / province, store / "inputs" / province)
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "inputs").symlink_to(store / "inputs", target_is_directory=True)
    return store, project


def test_a_summary_of_linked_inputs_is_written_in_the_project_named(linked_project):
    store, project = linked_project
    result = build_summary(project / "inputs" / "an-giang" / "tong-ket-2021-2025")
    folder = project / "outputs" / "an-giang" / "tong-ket-2021-2025"
    assert result.path == folder / "bao-cao-tong-ket-an-giang-2021-2025.docx"
    assert result.path.is_file() and not (store / "outputs").exists()


def test_unit_forms_of_linked_inputs_are_written_in_the_project_named(linked_project):
    store, project = linked_project
    paths = write_forms(project / "inputs" / "hung-yen" / "2023").written.paths
    assert paths and all(p.parent == project / "outputs" / "hung-yen" / "2023" / "phieu-don-vi"
                         for p in paths)
    assert not (store / "outputs").exists()


def test_a_year_and_a_period_share_the_province_folder(tmp_path):
    province = tmp_path / "inputs" / "an-giang"
    out = tmp_path / "ra"
    assert output_path(province / "2026", out) == out / "an-giang" / "2026" / \
        "bao-cao-an-giang-2026.docx"
    assert summary_path(province / "so-ket-2026-2028", out) == out / "an-giang" / \
        "so-ket-2026-2028" / "bao-cao-so-ket-an-giang-2026-2028.docx"
    assert output_path(province / "2026").parent.parent == \
        summary_path(province / "tong-ket-2026-2030").parent.parent == \
        tmp_path / "outputs" / "an-giang"
