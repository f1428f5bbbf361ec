"""A summary of a province without the phase's years (issue 23, item 4): one message says what
is missing and the two ways forward; marking the years without data works, the last included."""

from __future__ import annotations

import shutil

import openpyxl
from click.testing import CliRunner
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.cli import main

PERIOD = "tong-ket-2021-2025"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _mark(province, *years):
    path = province / "ho-so-tinh.xlsx"
    wb = openpyxl.load_workbook(path)
    for year in years:
        wb["Năm không có số liệu"].append([year, "dữ liệu minh họa: không có số liệu"])
    wb.save(path)


def _dong_thap(tmp_path):
    for name in ("dong-thap", "tien-giang"):
        shutil.copytree(ROOT / "inputs" / name, tmp_path / "inputs" / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path / "inputs" / "dong-thap"


def test_a_missing_summary_folder_says_the_command_that_makes_it(tmp_path):
    province = _dong_thap(tmp_path)
    result = run("build", province / PERIOD)
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        f"  - {province / PERIOD}: không tìm thấy thư mục tổng kết; tạo thư mục và sổ Excel tổng "
        f"kết bằng: ncnsc-report new-summary {province / PERIOD}")


def test_a_merged_province_without_its_years_is_told_both_ways_forward(tmp_path):
    province = _dong_thap(tmp_path)
    assert run("new-summary", province / PERIOD).exit_code == 0
    result = run("build", province / PERIOD)
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "Lỗi (1):",
        "  - ho-so-tinh.xlsx › trang “Năm không có số liệu”: báo cáo tổng kết giai đoạn "
        "2021-2025 cộng số liệu của từng năm, nhưng chưa có số liệu năm 2022, 2023, 2024, 2025: "
        "không có thư mục inputs/dong-thap/<năm>, các tỉnh trước sắp xếp ghi ở trang “Hình "
        "thành” (tien-giang) cũng không có năm đó (tỉnh mới sắp xếp, hoặc mới dùng chương "
        "trình). Có hai cách: (1) đưa số liệu các năm đó của các tỉnh trước sắp xếp vào — ở "
        "trang “Hình thành” ghi mỗi tỉnh một dòng, cột “Thư mục số liệu” là thư mục của tỉnh đó "
        "trong inputs/ (ví dụ tien-giang), trong đó có các thư mục năm; (2) năm nào không có số "
        "liệu thì ghi năm đó vào trang “Năm không có số liệu” của hồ sơ tỉnh"]
    assert "thư mục năm" not in result.output.split("Lỗi (1):")[0]

    _mark(province, 2022, 2023, 2024, 2025)  # 2021 comes from Tiền Giang's folder
    result = run("build", province / PERIOD)
    assert result.exit_code == 0, result.output
    lines = docx_lines(tmp_path / "outputs" / "dong-thap" / PERIOD /
                       "bao-cao-tong-ket-dong-thap-2021-2025.docx")
    # Tiền Giang's 2021 is illustrative: the summary says so though Đồng Tháp's own book is not
    # marked (issue 22: the mark follows every source used)
    assert lines[:2] == ["DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật",
                         "| UBND TỈNH ĐỒNG THÁP"]
    assert "- Kết quả: tổ chức 02 lớp tập huấn." in lines


def test_the_last_year_marked_without_data_builds_the_summary(an_giang_copy):
    shutil.rmtree(an_giang_copy / "2025")
    shutil.rmtree(an_giang_copy.parent / "kien-giang" / "2025")  # the year of no folder at all
    result = run("build", an_giang_copy / PERIOD)
    assert result.exit_code == 1
    assert "chưa có số liệu năm 2025: không có thư mục inputs/an-giang/<năm>" in result.output
    _mark(an_giang_copy, 2025)
    result = run("build", an_giang_copy / PERIOD)
    assert result.exit_code == 0, result.output
    out = an_giang_copy.parent.parent / "outputs" / "an-giang" / PERIOD
    lines = docx_lines(out / "bao-cao-tong-ket-an-giang-2021-2025.docx")
    # 2021–2024 are illustrative: the summary says so though its last year has no workbook
    assert lines[:2] == ["DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật",
                         "| UBND TỈNH AN GIANG"]
