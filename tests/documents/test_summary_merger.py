"""A summary of a province formed by the 2025 merger adds up its predecessors' years, says so,
and counts an enterprise supported in two predecessors once (by its tax code)."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from docx_text import docx_lines
from test_summary import PERIOD, all_tables, number

HTQL = "Hệ thống quản lý tiên tiến được hỗ trợ xây dựng, áp dụng"
DT = "Cán bộ, công chức và quản lý doanh nghiệp được đào tạo, tập huấn về năng suất chất lượng"


def with_kien_giang(an_giang, tax_codes: str = "same") -> None:
    """Replace the sample Kiên Giang's years by a copy of An Giang's 2021–2025 years (the same
    enterprises, or with new tax codes for 2023's support rows); its own profile stays."""
    for year in range(2021, 2026):
        target = an_giang.parent / "kien-giang" / str(year)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(an_giang / str(year), target)
    if tax_codes == "new-2023":
        path = an_giang.parent / "kien-giang" / "2023" / "bao-cao-2023.xlsx"
        wb = openpyxl.load_workbook(path)
        for row in wb["Hỗ trợ doanh nghiệp"].iter_rows(min_row=2):
            row[1].value = "8888" + str(row[1].value)[4:]
        wb.save(path)


def total_table(path) -> dict[str, list]:
    """Bảng 3, the merged province's total: {name: [None, 2021 … 2025, total]}."""
    rows = all_tables(path, "TT")[-1][2:]
    return {r[1]: [None] + [number(c) for c in r[3:9]] for r in rows}


def alone(an_giang) -> dict[str, list]:
    """An Giang's own folder over its whole territory, each enterprise once (no Kiên Giang)."""
    from ncnsc_reports.compute.gather import gather
    from ncnsc_reports.compute.indicators import frames, results_by_year
    from ncnsc_reports.problems import Problems
    from ncnsc_reports.report.formation import history_of
    from ncnsc_reports.report.model import Phase

    plan = gather(an_giang / "2025")[0].plan_in_force
    history = history_of(an_giang, Phase(2021, 2025), None, Problems())
    series = results_by_year(plan, frames(history), list(range(2021, 2026)))
    return {i.name: [None, *map(int, series[i.code]), int(series[i.code].sum())]
            for i in plan.indicators}


def build(an_giang):
    from ncnsc_reports.summary import build_summary

    return build_summary(an_giang / PERIOD.name).path


def test_the_same_enterprises_in_two_predecessors_count_once(an_giang_copy):
    single = alone(an_giang_copy)
    with_kien_giang(an_giang_copy)
    merged = total_table(build(an_giang_copy))
    assert merged[HTQL] == single[HTQL]  # every system's enterprise is in both: once
    assert merged[DT][1:7] == [2 * v for v in single[DT][1:7]]  # classes are not enterprises


def test_other_enterprises_add_up(an_giang_copy):
    single = alone(an_giang_copy)
    with_kien_giang(an_giang_copy, "new-2023")
    merged = total_table(build(an_giang_copy))
    assert merged[HTQL][3] == 2 * single[HTQL][3]  # 2023: Kiên Giang's own enterprises
    assert merged[HTQL][1:3] + merged[HTQL][4:6] == single[HTQL][1:3] + single[HTQL][4:6]
    assert merged[HTQL][6] == sum(merged[HTQL][1:6]) == single[HTQL][6] + single[HTQL][3]


def test_the_text_says_whose_years_are_added(summary_lines):
    assert ("Tỉnh An Giang được thành lập từ ngày 01/7/2025 trên cơ sở hợp nhất tỉnh An Giang "
            "(trước sắp xếp) và tỉnh Kiên Giang (trước sắp xếp). Số liệu giai đoạn 2021-2025 "
            "trong Báo cáo này gồm số liệu các năm của tỉnh An Giang (trước sắp xếp) và tỉnh "
            "Kiên Giang (trước sắp xếp) đến ngày 30/6/2025 và của tỉnh An Giang từ ngày "
            "01/7/2025; kết quả thực hiện kế hoạch của mỗi tỉnh trước sắp xếp được tính trên địa "
            "bàn của tỉnh đó, kết quả chung của toàn tỉnh tính mỗi doanh nghiệp (theo mã số "
            "thuế) một lần dù được hỗ trợ ở nhiều tỉnh trước sắp xếp.") in summary_lines


def test_no_sentence_about_the_software(summary_lines):
    assert not any("công cụ nên" in line or "trong công cụ" in line for line in summary_lines)


@pytest.fixture(scope="module")
def summary_lines(built_samples):
    return docx_lines(built_samples(PERIOD).path)
