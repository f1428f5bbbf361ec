"""check-template and fields know the three kinds of template: yearly report, phase summary,
draft plan of the next phase — each checked against the sample context of its own kind."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

from ncnsc_reports.cli import main
from ncnsc_reports.template_check.check import check_template
from ncnsc_reports.template_check.kinds import DRAFT_PLAN, SUMMARY, YEARLY, kind_of

TEMPLATES = ROOT / "templates"
SHIPPED = {"bao-cao-nam.docx": (YEARLY, "báo cáo năm"),
           "tong-ket-giai-doan.docx": (SUMMARY, "báo cáo tổng kết (sơ kết) giai đoạn"),
           "du-thao-ke-hoach.docx": (DRAFT_PLAN, "dự thảo kế hoạch giai đoạn sau")}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_template_checks_clean_against_its_own_kind(name):
    kind, words = SHIPPED[name]
    assert kind_of(TEMPLATES / name) == kind
    assert check_template(TEMPLATES / name) == []
    done = run("check-template", TEMPLATES / name)
    assert done.exit_code == 0, done.output
    assert done.output.splitlines() == [
        f"Kiểm tra theo trường dữ liệu của {words} (theo tên tệp; chọn loại khác bằng --mau).",
        f"Mẫu “{TEMPLATES / name}” không có lỗi."]


def test_the_kind_follows_the_file_name_or_the_option(tmp_path):
    copy = tmp_path / "mau-cua-toi.docx"  # an editor's copy under another name
    shutil.copyfile(TEMPLATES / "tong-ket-giai-doan.docx", copy)
    assert kind_of(tmp_path / "so-ket-2026-2028.docx") == SUMMARY
    wrong = run("check-template", copy)  # read as a yearly template: the summary's fields
    assert wrong.exit_code == 1
    assert "không có trường “plan_versions”" in wrong.output
    right = run("check-template", "--mau", "tong-ket", copy)
    assert right.exit_code == 0, right.output
    assert right.output.startswith("Kiểm tra theo trường dữ liệu của báo cáo tổng kết (sơ kết) "
                                   "giai đoạn (theo --mau).\n")
    plan = TEMPLATES / "du-thao-ke-hoach.docx"
    assert run("check-template", "--mau", "tong-ket", plan).exit_code == 1


def test_fields_lists_the_fields_of_each_kind():
    yearly = run("fields").output
    summary = run("fields", "--mau", "tong-ket").output
    plan = run("fields", "--mau", "du-thao-ke-hoach").output
    assert "  year — trường: Năm báo cáo. Ví dụ: 2023\n" in yearly
    assert "  year — trường: Năm cuối của giai đoạn báo cáo (như period_end). Ví dụ: 2025\n" \
        in summary
    assert "\n  plan_versions — danh sách (vòng lặp):" in summary
    assert "\n  indicator_chart — trường:" in summary
    assert "plan_versions" not in yearly and "indicator_chart" not in plan
    assert "\n  targets — danh sách (vòng lặp):" in plan
    assert ("\n  rule_text — trường: Cách tính chỉ tiêu giai đoạn sau đã chọn (sổ tổng kết, "
            "trang “Thông tin chung”), viết thành cụm từ trong câu. Ví dụ: số lớn hơn giữa chỉ "
            "tiêu") in plan
    for text in (summary, plan):
        assert "Ví dụ: DỮ LIỆU MINH HỌA" in text  # the An Giang sample is illustrative
    markdown = run("fields", "--markdown", "--mau", "tong-ket").output
    assert markdown.startswith("# Trường dữ liệu dùng trong mẫu báo cáo tổng kết (sơ kết) giai "
                               "đoạn\n")
    assert "dữ liệu mẫu An Giang giai đoạn 2021-2025" in markdown
