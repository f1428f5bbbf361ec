"""Which template file a build uses, year by year (issue 21, item 7): what check-template and
fields are given a folder for (template_check/variants.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from ncnsc_reports.errors import NcnscError
from ncnsc_reports.template_check.variants import variants

YEARLY = "bao-cao-nam.docx"


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with its templates and An Giang's folders, the province's template for 2026
    on, and one for 2028 on that is the project's (a province's own undated one is absent)."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    province = tmp_path / "inputs" / "an-giang"
    for folder in ("2025", "2026", "tong-ket-2021-2025", "templates/2026"):
        (province / folder).mkdir(parents=True)
    shutil.copyfile(ROOT / "templates" / YEARLY, province / "templates" / "2026" / YEARLY)
    return tmp_path


def files(found) -> list[tuple[str, str, Path]]:
    return [(v.template.name, v.years(), v.path) for v in found]


def test_a_province_without_a_year_lists_every_variant_with_its_years(project):
    province = project / "inputs" / "an-giang"
    assert files(variants(province, name="bao-cao-nam")) == [
        ("bao-cao-nam", "cho các năm đến 2025", project / "templates" / YEARLY),
        ("bao-cao-nam", "từ năm 2026 trở đi", province / "templates" / "2026" / YEARLY)]
    assert [v.template.name for v in variants(province)] == [
        "bao-cao-nam", "bao-cao-nam", "tong-ket", "du-thao-ke-hoach"]
    # a folder of templates stands for its own files: none here before 2026
    assert files(variants(province / "templates")) == [
        ("bao-cao-nam", "từ năm 2026 trở đi", province / "templates" / "2026" / YEARLY)]


def test_a_year_picks_the_file_a_build_of_that_year_uses(project):
    province = project / "inputs" / "an-giang"
    for year, path in ((2025, project / "templates" / YEARLY),
                       (2026, province / "templates" / "2026" / YEARLY),
                       (2030, province / "templates" / "2026" / YEARLY)):
        assert files(variants(province, year, "bao-cao-nam")) == [
            ("bao-cao-nam", f"cho năm {year}", path)]
    assert variants(province / "2025")[0].path == project / "templates" / YEARLY


def test_a_document_folder_gives_its_kind_and_year(project):
    province = project / "inputs" / "an-giang"
    assert files(variants(province / "2026")) == [
        ("bao-cao-nam", "cho năm 2026", province / "templates" / "2026" / YEARLY)]
    summary = variants(province / "tong-ket-2021-2025")
    assert [(v.template.name, v.years()) for v in summary] == [
        ("tong-ket", "cho năm 2025"), ("du-thao-ke-hoach", "cho năm 2025")]
    with pytest.raises(NcnscError, match="“2026” đã cho biết năm của mẫu; bỏ --nam"):
        variants(province / "2026", 2025)


def test_one_file_over_the_years_is_one_variant(project):
    """A later year folder that a nearer folder's file hides changes nothing: no new variant."""
    later = project / "templates" / "2028"
    later.mkdir()
    shutil.copyfile(project / "templates" / YEARLY, later / YEARLY)
    province = project / "inputs" / "an-giang"
    assert [v.years() for v in variants(province, name="bao-cao-nam")] == [
        "cho các năm đến 2025", "từ năm 2026 trở đi"]
    hung_yen = project / "inputs" / "hung-yen"
    (hung_yen / "2023").mkdir(parents=True)
    assert files(variants(hung_yen, name="bao-cao-nam")) == [
        ("bao-cao-nam", "cho các năm đến 2027", project / "templates" / YEARLY),
        ("bao-cao-nam", "từ năm 2028 trở đi", later / YEARLY)]


def test_a_missing_folder_a_folder_of_neither_sort_and_a_wrong_kind_are_said(project):
    with pytest.raises(NcnscError, match="không tìm thấy thư mục"):
        variants(project / "inputs" / "khong-co")
    (project / "khac").mkdir()
    (project / "khac" / "mau-rieng.docx").write_bytes(b"")
    with pytest.raises(NcnscError, match="là một thư mục, chưa phải tệp mẫu .* mau-rieng.docx"):
        variants(project / "khac")
    with pytest.raises(NcnscError, match="tạo báo cáo năm, chỉ dùng mẫu bao-cao-nam; bỏ --mau"):
        variants(project / "inputs" / "an-giang" / "2026", name="tong-ket")
