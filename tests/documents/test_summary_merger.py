"""A summary of a province formed by the 2025 merger adds up its predecessors' years, says so,
and counts an enterprise supported in two predecessors once (by its tax code)."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from docx_text import docx_lines
from test_summary import PERIOD, indicator_table

HTQL = "Hệ thống quản lý tiên tiến được hỗ trợ xây dựng, áp dụng"
DT = "Cán bộ, công chức và quản lý doanh nghiệp được đào tạo, tập huấn về năng suất chất lượng"


def with_kien_giang(an_giang, tax_codes: str = "same") -> None:
    """Give An Giang's “Hình thành” a Kiên Giang folder: a copy of An Giang's 2021–2025 years
    (the same enterprises, or with new tax codes for 2023's support rows)."""
    for year in range(2021, 2026):
        shutil.copytree(an_giang / str(year), an_giang.parent / "kien-giang" / str(year))
    if tax_codes == "new-2023":
        path = an_giang.parent / "kien-giang" / "2023" / "bao-cao-2023.xlsx"
        wb = openpyxl.load_workbook(path)
        for row in wb["Hỗ trợ doanh nghiệp"].iter_rows(min_row=2):
            row[1].value = "8888" + str(row[1].value)[4:]
        wb.save(path)
    wb = openpyxl.load_workbook(an_giang / "ho-so-tinh.xlsx")
    ws = wb["Hình thành"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Kiên Giang")
    row[2].value = "kien-giang"
    wb.save(an_giang / "ho-so-tinh.xlsx")


@pytest.fixture
def single(tmp_path_factory):
    from ncnsc_reports.summary import build_summary

    return indicator_table(build_summary(PERIOD, tmp_path_factory.mktemp("one")).path)


def build(an_giang):
    from ncnsc_reports.summary import build_summary

    return build_summary(an_giang / PERIOD.name).path


def test_the_same_enterprises_in_two_predecessors_count_once(an_giang_copy, single):
    with_kien_giang(an_giang_copy)
    merged = indicator_table(build(an_giang_copy))
    assert merged[HTQL] == single[HTQL]  # every system's enterprise is in both: once
    assert merged[DT][1:7] == [2 * v for v in single[DT][1:7]]  # classes are not enterprises


def test_other_enterprises_add_up(an_giang_copy, single):
    with_kien_giang(an_giang_copy, "new-2023")
    merged = indicator_table(build(an_giang_copy))
    assert merged[HTQL][3] == 2 * single[HTQL][3]  # 2023: Kiên Giang's own enterprises
    assert merged[HTQL][1:3] + merged[HTQL][4:6] == single[HTQL][1:3] + single[HTQL][4:6]
    assert merged[HTQL][6] == sum(merged[HTQL][1:6]) == single[HTQL][6] + single[HTQL][3]


def test_the_text_says_whose_years_are_added(an_giang_copy):
    with_kien_giang(an_giang_copy)
    lines = docx_lines(build(an_giang_copy))
    assert ("Tỉnh An Giang được thành lập từ ngày 01/7/2025 trên cơ sở hợp nhất tỉnh An Giang "
            "(trước sắp xếp) và tỉnh Kiên Giang. Số liệu giai đoạn 2021-2025 trong Báo cáo này "
            "gồm số liệu các năm của tỉnh An Giang (trước sắp xếp) và tỉnh Kiên Giang đến ngày "
            "30/6/2025 và của tỉnh An Giang từ ngày 01/7/2025; mỗi doanh nghiệp (theo mã số "
            "thuế) chỉ được đếm một lần dù được hỗ trợ ở nhiều tỉnh trước sắp xếp.") in lines


def test_a_predecessor_without_data_is_named(summary_lines):
    assert any(line.endswith("Số liệu của tỉnh Kiên Giang chưa có trong công cụ nên chưa được "
                             "cộng.") for line in summary_lines)


@pytest.fixture(scope="module")
def summary_lines(tmp_path_factory):
    from ncnsc_reports.summary import build_summary

    return docx_lines(build_summary(PERIOD, tmp_path_factory.mktemp("sample")).path)
