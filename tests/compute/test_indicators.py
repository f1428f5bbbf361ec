"""Indicators and checks on small, hand-calculated cases built from copies of the An Giang sample.

An Giang 2023 support sheet: rows 2–7 three systems (consulting + certification each), rows
8–11 four tools, 12–17 six barcodes, 18–19 two traceability, 20 one award.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import openpyxl
import pytest
from conftest import ROOT, append_row, edit_workbook, fill_required_sections
from docx_text import docx_lines

from ncnsc_reports.compute.indicators import completion
from ncnsc_reports.errors import InputError
from ncnsc_reports.pipeline import build

SUPPORT = "Hỗ trợ doanh nghiệp"


def book(province, year: int):
    return province / str(year) / f"bao-cao-{year}.xlsx"


def indicator_rows(result) -> dict[str, tuple]:
    ws = openpyxl.load_workbook(result.path.parent / "chi-tieu.xlsx").worksheets[0]
    return {r[0]: r[3:7] for r in ws.iter_rows(min_row=2, values_only=True)}


@pytest.mark.parametrize("cumulative, target, expected", [
    (8, 12, Decimal("66.7")), (1, 16, Decimal("6.3")),  # 6,25 → 6,3: half up, not to even
    (1, 8, Decimal("12.5")), (25, 25, Decimal("100.0")), (30, 25, Decimal("120.0")),
    (3, None, None), (3, 0, None),
])
def test_completion_rate(cumulative, target, expected):
    assert completion(cumulative, target) == expected


def test_a_system_with_consulting_and_certification_counts_once(an_giang_copy):
    rows = indicator_rows(build(an_giang_copy / "2023"))
    assert rows["HTQL"] == (12, 3, 8, 66.7)  # 6 rows in 2023, 3 systems; 1 + 4 + 3 since 2021


def test_cap_exceeded_is_a_warning_naming_the_row(an_giang_copy):
    edit_workbook(book(an_giang_copy, 2023), SUPPORT, {"G2": 75_000_000})
    result = build(an_giang_copy / "2023")
    assert [str(w) for w in result.warnings] == [
        "bao-cao-2023.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng 2 › cột “Số tiền (đồng)”: "
        "75.000.000 đồng vượt mức tối đa 70.000.000 đồng cho “Hệ thống quản lý – Tư vấn áp "
        "dụng” theo Kế hoạch số 573/KH-UBND"]


def test_strict_turns_warnings_into_errors(an_giang_copy):
    edit_workbook(book(an_giang_copy, 2023), SUPPORT, {"G2": 75_000_000})
    with pytest.raises(InputError) as caught:
        build(an_giang_copy / "2023", strict=True)
    assert [p.is_error for p in caught.value.problems] == [True]
    assert not (an_giang_copy.parent.parent / "outputs").exists()


def test_one_enterprise_supported_twice_across_years(an_giang_copy):
    row = append_row(book(an_giang_copy, 2023), SUPPORT, (
        "Công ty Cổ phần Minh Họa 14", "9999000014", "Phú Tân", "Mã số mã vạch", None,
        "Phí đăng ký", 1_500_000, "Ngân sách tỉnh"))
    result = build(an_giang_copy / "2023")
    assert [str(w) for w in result.warnings] == [
        f"bao-cao-2023.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {row} › cột “Mã số thuế”: "
        "doanh nghiệp “Công ty Cổ phần Minh Họa 14” đã được hỗ trợ “Mã số mã vạch” năm 2022 "
        "(2022/bao-cao-2022.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng 15); kiểm tra lại để "
        "không hỗ trợ hai lần"]
    # an enterprise counts once in the phase, in the year it was first supported
    assert indicator_rows(result)["MSMV"][1:3] == (6, 14)


def test_second_system_for_one_enterprise_in_a_year(an_giang_copy):
    row = append_row(book(an_giang_copy, 2023), SUPPORT, (
        "Công ty TNHH Minh Họa 24", "9999000024", "Thoại Sơn", "Hệ thống quản lý", "ISO 9001",
        "Tư vấn áp dụng", 50_000_000, "Ngân sách tỉnh"))
    result = build(an_giang_copy / "2023")
    assert [str(w) for w in result.warnings] == [
        f"bao-cao-2023.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {row} › cột “Nội dung hỗ "
        "trợ”: doanh nghiệp “Công ty TNHH Minh Họa 24” được hỗ trợ 2 “Hệ thống quản lý” trong "
        "năm 2023, vượt mức 01/doanh nghiệp/năm theo Kế hoạch số 573/KH-UBND"]


def test_enterprise_outside_the_province(an_giang_copy):
    edit_workbook(book(an_giang_copy, 2023), SUPPORT, {"C12": "Cần Thơ"})
    assert [str(w) for w in build(an_giang_copy / "2023").warnings] == [
        "bao-cao-2023.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng 12 › cột “Địa bàn”: “Cần Thơ” "
        "không có trong danh sách địa bàn của tỉnh năm 2023 (hồ sơ tỉnh, trang “Địa bàn”): "
        "doanh nghiệp ngoài tỉnh?"]


def test_training_totals_that_do_not_add_up(an_giang_copy):
    edit_workbook(book(an_giang_copy, 2023), "Tập huấn", {"E2": 40})  # 40 + 23 > 52
    assert [str(w) for w in build(an_giang_copy / "2023").warnings] == [
        "bao-cao-2023.xlsx › trang “Tập huấn” › dòng 2 › cột “Số người tham dự”: số cán bộ, "
        "công chức (40) cộng số quản lý doanh nghiệp (23) lớn hơn số người tham dự (52)"]


def test_missing_earlier_year_is_an_error(an_giang_copy):
    shutil.rmtree(an_giang_copy / "2022")
    with pytest.raises(InputError) as caught:
        build(an_giang_copy / "2023")
    assert [str(p) for p in caught.value.problems] == [
        f"{an_giang_copy / '2022'}: thiếu thư mục số liệu năm 2022, cần để tính lũy kế từ năm "
        "2021; nếu năm đó không có số liệu, ghi năm 2022 vào trang “Năm không có số liệu” của "
        "hồ sơ tỉnh"]


def test_year_declared_without_data_counts_zero(an_giang_copy):
    shutil.rmtree(an_giang_copy / "2022")
    append_row(an_giang_copy / "ho-so-tinh.xlsx", "Năm không có số liệu", (2022, "thử"))
    rows = indicator_rows(build(an_giang_copy / "2023"))
    assert rows["HTQL"] == (12, 3, 4, 33.3)  # 1 (2021) + 0 (2022) + 3 (2023)


@pytest.mark.parametrize("day, month, cites_648, year_target", [
    (24, 4, False, "(chỉ tiêu năm 2025: 01 hệ thống)"),  # the day before QĐ 648 took effect
    (25, 4, True, None),  # QĐ 648 is in force from the day it was signed
])
def test_amendment_effective_mid_year(an_giang_copy, day, month, cites_648, year_target):
    edit_workbook(book(an_giang_copy, 2025), "Thông tin chung", {"B4": day, "B5": month})
    result = build(an_giang_copy / "2025")
    text = "\n".join(docx_lines(result.path))
    assert ("Quyết định số 648/QĐ-UBND ngày 25/4/2025" in text) is cites_648
    systems = next(line for line in text.splitlines() if "hệ thống quản lý" in line
                   and line.startswith("- Năm 2025"))
    assert (year_target in systems) if year_target else "chỉ tiêu năm" not in systems
    source = "Quyết định số 648/QĐ-UBND" if cites_648 else "Kế hoạch số 573/KH-UBND"
    # 11 of the 12 systems lie in the former An Giang, which 573 / QĐ 648 cover; the twelfth,
    # in Phường Rạch Giá (Kiên Giang before 1/7/2025), is given for the whole province
    assert systems.endswith("11/12 hệ thống quản lý (toàn tỉnh: 12), đạt 91,7% chỉ tiêu giai "
                            "đoạn;")
    assert (f"Kết quả thực hiện các chỉ tiêu giai đoạn 2021-2025 theo {source} (chi tiết tại "
            "Phụ lục I kèm theo):") in text
    caps_warning = [w for w in result.warnings if "chưa có dòng nào của" in str(w)]
    assert bool(caps_warning) is cites_648  # the 573 norms apply until QĐ 648


def test_next_phase_targets_default_to_110_percent_rounded_up(tmp_path):
    province = tmp_path / "inputs" / "tien-giang"
    shutil.copytree(ROOT / "inputs" / "tien-giang", province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    from ncnsc_reports.inputs.blank import write_blank_year_workbook

    write_blank_year_workbook(province / "2026")
    fill_required_sections(province / "2026" / "bao-cao-2026.xlsx")
    rows = indicator_rows(build(province / "2026"))
    # 224/KH-UBND §I.2.b: at least 110% of 2021-2025 (10, 20, 30) → 11, 22, 33
    assert {code: r[0] for code, r in rows.items()} == {"LTH": 11, "DNAD": 22, "DNCN": 33}


def test_a_system_across_two_years_counts_once(an_giang_copy):
    # consulting for ISO 22000 in 2023 (rows 2–3); its certification paid again in 2024
    append_row(book(an_giang_copy, 2024), SUPPORT, (
        "Công ty TNHH Minh Họa 24", "9999000024", "Thoại Sơn", "Hệ thống quản lý", "ISO 22000",
        "Đánh giá chứng nhận lần đầu", 30_000_000, "Ngân sách tỉnh"))
    rows = indicator_rows(build(an_giang_copy / "2024"))
    assert rows["HTQL"][1:3] == (3, 11)  # 2024's three systems; 1 + 4 + 3 + 3 since 2021


@pytest.mark.parametrize("cell, value, column, expected", [
    ("E3", None, "Tiêu chuẩn, công cụ", "cần tiêu chuẩn hoặc công cụ (ví dụ ISO 9001, 5S): tư "
     "vấn và chứng nhận cùng một hệ thống được đếm là một nhờ cột này, nhưng gặp ô trống"),
    ("B2", 999000024, "Mã số thuế", "cần mã số thuế 10 chữ số (đơn vị phụ thuộc: 10 chữ số-3 "
     "chữ số); nếu mã bắt đầu bằng 0, định dạng ô là Text (Văn bản) để Excel không bỏ số 0, "
     "nhưng gặp “999000024”"),
])
def test_rows_that_would_count_wrong_are_errors(an_giang_copy, cell, value, column, expected):
    edit_workbook(book(an_giang_copy, 2022), SUPPORT, {cell: value})
    with pytest.raises(InputError) as caught:
        build(an_giang_copy / "2023")  # an earlier year's row, named with its year folder
    row = cell[1:]
    assert [str(p) for p in caught.value.problems if p.is_error] == [
        f"2022/bao-cao-2022.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {row} › cột “{column}”: "
        + expected]


def test_class_without_breakdown_is_an_error_when_the_plan_counts_it(an_giang_copy):
    edit_workbook(book(an_giang_copy, 2023), "Tập huấn", {"E2": None, "F2": None})
    with pytest.raises(InputError) as caught:
        build(an_giang_copy / "2023")
    assert [str(p) for p in caught.value.problems if p.is_error] == [
        "bao-cao-2023.xlsx › trang “Tập huấn” › dòng 2 › cột “Trong đó cán bộ, công chức, viên "
        "chức”: cần số cán bộ, công chức và/hoặc số quản lý doanh nghiệp trong lớp (chỉ tiêu "
        "của Kế hoạch đếm số này; ghi 0 nếu không có), nhưng gặp ô trống"]


def test_one_limit_warning_per_kind(an_giang_copy):
    edit_workbook(an_giang_copy / "ho-so-tinh.xlsx", "Định mức hỗ trợ", {"F3": 1})
    row = append_row(book(an_giang_copy, 2023), SUPPORT, (
        "Công ty TNHH Minh Họa 24", "9999000024", "Thoại Sơn", "Hệ thống quản lý", "ISO 9001",
        "Tư vấn áp dụng", 50_000_000, "Ngân sách tỉnh"))
    warnings = [str(w) for w in build(an_giang_copy / "2023").warnings]
    assert len([w for w in warnings if f"dòng {row}" in w]) == 1


def test_every_measure_has_its_counting_rule_by_name():
    from ncnsc_reports.compute.indicators import MEASURE_RULES
    from ncnsc_reports.inputs.schema import MEASURES

    assert list(MEASURE_RULES) == list(MEASURES)


# --- Norms per plan territory (issue 22 item 1; domain.md §7) -----------------------------
# An Giang 2025 support sheet: rows 5, 6 barcodes in Xã Phú Tân, Xã Chợ Mới; row 7 Phường Rạch
# Giá barcode 1.900.000 and row 10 traceability 6.900.000 (Rạch Giá: Kiên Giang before
# 1/7/2025). Undated rows: a ward of Kiên Giang lies in its territory.

CAPS = "Định mức hỗ trợ"


def with_norms(an_giang_copy, kien_giang: tuple = (), an_giang: tuple = ()):
    """Norms typed for QĐ 648 (An Giang) and KH 126 (the former Kiên Giang)."""
    for row in an_giang:
        append_row(an_giang_copy / "ho-so-tinh.xlsx", CAPS, ("648/QĐ-UBND", *row))
    for row in kien_giang:
        append_row(an_giang_copy.parent / "kien-giang" / "ho-so-tinh.xlsx", CAPS,
                   ("126/KH-UBND", *row))


def cap_warnings(result) -> list[str]:
    return [str(w) for w in result.warnings if "vượt mức tối đa" in str(w)]


def test_support_is_checked_against_the_norms_of_its_territorys_plan(an_giang_copy):
    with_norms(an_giang_copy,
               kien_giang=[("Mã số mã vạch", "Phí đăng ký", None, 1_500_000, None),
                           ("Truy xuất nguồn gốc", "Phí đăng ký", None, 10_000_000, None)],
               an_giang=[("Mã số mã vạch", "Phí đăng ký", None, 2_000_000, None),
                         ("Truy xuất nguồn gốc", "Phí đăng ký", None, 8_000_000, None)])
    edit_workbook(book(an_giang_copy, 2025), SUPPORT, {"G10": 9_000_000})  # Rạch Giá
    row = append_row(book(an_giang_copy, 2025), SUPPORT, (
        "Hợp tác xã Minh Họa 70", "9999000070", "Phường Long Xuyên", "Truy xuất nguồn gốc", None,
        "Phí đăng ký", 9_000_000, "Ngân sách tỉnh"))
    assert cap_warnings(build(an_giang_copy / "2025")) == [
        # over Kiên Giang's 1.500.000, under An Giang's 2.000.000: flagged by Kiên Giang's plan
        "bao-cao-2025.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng 7 › cột “Số tiền (đồng)”: "
        "1.900.000 đồng vượt mức tối đa 1.500.000 đồng cho “Mã số mã vạch – Phí đăng ký” theo "
        "Kế hoạch số 126/KH-UBND (áp dụng trên địa bàn tỉnh Kiên Giang (trước sắp xếp))",
        # 9.000.000 over An Giang's 8.000.000 is flagged in An Giang only, not in Rạch Giá
        # (row 10), where Kiên Giang's 10.000.000 applies
        f"bao-cao-2025.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {row} › cột “Số tiền "
        "(đồng)”: 9.000.000 đồng vượt mức tối đa 8.000.000 đồng cho “Truy xuất nguồn gốc – Phí "
        "đăng ký” theo Quyết định số 648/QĐ-UBND"]


def test_a_territory_without_norms_is_said_never_checked_against_anothers(an_giang_copy):
    with_norms(an_giang_copy, an_giang=[("Mã số mã vạch", "Phí đăng ký", None, 2_000_000, None)])
    edit_workbook(book(an_giang_copy, 2025), SUPPORT, {"G7": 5_000_000})  # Rạch Giá
    result = build(an_giang_copy / "2025")
    assert cap_warnings(result) == []
    assert [str(w).split(":")[0] for w in result.warnings] == [
        "kien-giang/ho-so-tinh.xlsx › trang “Định mức hỗ trợ”"]
    assert ("nên các khoản hỗ trợ trên địa bàn tỉnh Kiên Giang (trước sắp xếp) chưa được kiểm "
            "tra so với định mức") in str(result.warnings[0])


def test_a_record_is_checked_against_the_norms_in_force_on_its_date(an_giang_copy):
    """QĐ 648 (25/4/2025) replaced 573's norms without amounts: a barcode fee of 10/3/2025 is
    still checked against 573's 2.000.000 đồng, an undated one is not checked."""
    import datetime as dt

    edit_workbook(book(an_giang_copy, 2025), SUPPORT, {"G5": 2_500_000, "I5": dt.date(2025, 3, 10),
                                                       "G6": 2_500_000})
    warnings = [str(w) for w in build(an_giang_copy / "2025").warnings]
    assert cap_warnings_of(warnings) == [
        "bao-cao-2025.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng 5 › cột “Số tiền (đồng)”: "
        "2.500.000 đồng vượt mức tối đa 2.000.000 đồng cho “Mã số mã vạch – Phí đăng ký” theo "
        "Kế hoạch số 573/KH-UBND"]
    assert any("chưa có dòng nào của Quyết định số 648/QĐ-UBND" in w for w in warnings)


def cap_warnings_of(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "vượt mức tối đa" in w]


def test_the_yearly_limit_per_enterprise_follows_its_territorys_plan(an_giang_copy):
    """01 system per enterprise a year under Kiên Giang's plan: a second system in Phường Rạch
    Giá is flagged by KH 126; the same in Phường Long Xuyên is not (QĐ 648 states no limit)."""
    with_norms(an_giang_copy, kien_giang=[("Hệ thống quản lý", "Tư vấn áp dụng", None,
                                           70_000_000, 1)])
    rows = [append_row(book(an_giang_copy, 2025), SUPPORT, (
        name, tax, where, "Hệ thống quản lý", "ISO 9001", "Tư vấn áp dụng", 30_000_000,
        "Ngân sách tỉnh")) for name, tax, where in (
        ("Công ty Cổ phần Minh Họa 55", "9999000055", "Phường Rạch Giá"),
        ("Hợp tác xã Minh Họa 56", "9999000056", "Phường Long Xuyên"))]
    rows += [append_row(book(an_giang_copy, 2025), SUPPORT, (
        "Hợp tác xã Minh Họa 56", "9999000056", "Phường Long Xuyên", "Hệ thống quản lý",
        "ISO 22000", "Tư vấn áp dụng", 30_000_000, "Ngân sách tỉnh"))]
    warnings = build(an_giang_copy / "2025").warnings
    limits = [str(w) for w in warnings if "doanh nghiệp/năm" in str(w)]
    assert limits == [
        f"bao-cao-2025.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {rows[0]} › cột “Nội dung hỗ "
        "trợ”: doanh nghiệp “Công ty Cổ phần Minh Họa 55” được hỗ trợ 2 “Hệ thống quản lý” "
        "trong năm 2025, vượt mức 01/doanh nghiệp/năm theo Kế hoạch số 126/KH-UBND"]
