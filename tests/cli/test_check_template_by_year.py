"""check-template and fields follow templates by year (issue 21, item 7): given a folder, they
check and name the template a build of that year uses; given a province and no year, every
variant with the years it applies to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hostile import template_paragraph

from ncnsc_reports.cli import main

YEARLY = "bao-cao-nam.docx"
BROKEN = "Kết quả {{ agency.khong_co }}"  # a field the context does not have


@pytest.fixture
def project(tmp_path) -> Path:
    """An Giang declares its own yearly template for 2026 on, with a wrong field in it; the
    older one (the project's, as shipped) is sound."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    province = tmp_path / "inputs" / "an-giang"
    for folder in ("2025", "2026", "tong-ket-2021-2025", "templates/2026"):
        (province / folder).mkdir(parents=True)
    shutil.copyfile(ROOT / "templates" / YEARLY, province / "templates" / "2026" / YEARLY)
    template_paragraph(province / "templates" / "2026" / YEARLY, BROKEN)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_year_before_checks_the_older_template_the_year_after_the_new_one(project):
    province = project / "inputs" / "an-giang"
    older, newer = project / "templates" / YEARLY, province / "templates" / "2026" / YEARLY
    for args in (("--nam", 2025), ("--year", 2025)):
        done = run("check-template", province, "--mau", "bao-cao-nam", *args)
        assert done.exit_code == 0, done.output
        assert done.stdout.splitlines() == [
            "Kiểm tra theo trường dữ liệu của báo cáo năm (mẫu dùng cho năm 2025).",
            f"Mẫu “{older}” không có lỗi."]
    done = run("check-template", province / "2026")
    assert done.exit_code == 1
    assert done.stdout.splitlines()[0] == ("Kiểm tra theo trường dữ liệu của báo cáo năm (mẫu "
                                           "dùng cho năm 2026).")
    assert "agency.khong_co" in done.stderr
    assert f"Mẫu “{newer}” cần sửa những chỗ trên" in done.stderr
    assert run("check-template", province / "2025").exit_code == 0


def test_without_a_year_every_variant_is_checked_and_named_with_its_years(project):
    province = project / "inputs" / "an-giang"
    done = run("check-template", province, "--mau", "bao-cao-nam")
    assert done.exit_code == 1  # the 2026 one is wrong; the older one still checked
    assert done.stdout.splitlines() == [
        "Kiểm tra theo trường dữ liệu của báo cáo năm (mẫu dùng cho các năm đến 2025).",
        f"Mẫu “{project / 'templates' / YEARLY}” không có lỗi.",
        "Kiểm tra theo trường dữ liệu của báo cáo năm (mẫu dùng từ năm 2026 trở đi)."]
    every = run("check-template", province)
    assert "báo cáo tổng kết (sơ kết) giai đoạn (mẫu dùng cho mọi năm)" in every.stdout
    assert "dự thảo kế hoạch giai đoạn sau (mẫu dùng cho mọi năm)" in every.stdout


def test_a_year_with_a_file_or_a_year_folder_is_refused_in_words(project):
    province = project / "inputs" / "an-giang"
    done = run("check-template", project / "templates" / YEARLY, "--nam", 2026)
    assert done.exit_code == 1
    assert done.stderr.startswith("Lỗi: --nam chỉ dùng khi PATH là thư mục tỉnh")
    done = run("check-template", province / "2026", "--nam", 2025)
    assert done.exit_code == 1 and "“2026” đã cho biết năm của mẫu" in done.stderr
    assert "Traceback" not in done.output


def test_fields_names_the_template_of_each_year(project):
    province = project / "inputs" / "an-giang"
    done = run("fields", province)
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        f"Mẫu báo cáo năm dùng cho các năm đến 2025: {project / 'templates' / YEARLY}",
        f"Mẫu báo cáo năm dùng từ năm 2026 trở đi: {province / 'templates' / '2026' / YEARLY}",
        ""]
    assert lines[3:] == run("fields").stdout.splitlines()  # then the fields, as without PATH
    done = run("fields", province, "--nam", 2026)
    assert done.stdout.splitlines()[0] == (
        f"Mẫu báo cáo năm dùng cho năm 2026: {province / 'templates' / '2026' / YEARLY}")
    assert run("fields", province / "2025").stdout.splitlines()[0] == (
        f"Mẫu báo cáo năm dùng cho năm 2025: {project / 'templates' / YEARLY}")
    summary = run("fields", province / "tong-ket-2021-2025").stdout.splitlines()
    assert summary[0] == ("Mẫu báo cáo tổng kết (sơ kết) giai đoạn dùng cho năm 2025: "
                          f"{project / 'templates' / 'tong-ket-giai-doan.docx'}")
    assert summary[2:] == run("fields", "--mau", "tong-ket").stdout.splitlines()
