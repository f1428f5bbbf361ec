"""Merged provinces (issue 9): names in force on the report date, localities by day, and the
predecessors' years for a phase summary (report.formation)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import ROOT, append_row, edit_workbook, fill_required_sections

from ncnsc_reports.inputs.blank import write_blank_year_workbook
from ncnsc_reports.pipeline import build
from ncnsc_reports.problems import Problems
from ncnsc_reports.report.formation import folder_name, read_formation, territory_history
from ncnsc_reports.report.model import Phase

SUPPORT = "Hỗ trợ doanh nghiệp"


@pytest.fixture
def inputs(tmp_path):
    for name in ("an-giang", "tien-giang", "dong-thap"):
        shutil.copytree(ROOT / "inputs" / name, tmp_path / "inputs" / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path / "inputs"


@pytest.mark.parametrize("day, flagged", [
    (dt.date(2025, 3, 15), None),  # districts still existed
    (dt.date(2025, 9, 15), "áp dụng ngày 15/9/2025"),  # communes only, from 1/7/2025
    (None, None),  # undated: any list in force during 2025
])
def test_a_district_in_2025_is_flagged_only_after_1_july(inputs, day, flagged):
    row = append_row(inputs / "an-giang" / "2025" / "bao-cao-2025.xlsx", SUPPORT, (
        "Công ty TNHH Minh Họa 99", "9999000099", "Long Xuyên", "Mã số mã vạch", None,
        "Phí đăng ký", 1_000_000, "Ngân sách tỉnh", day))
    warnings = [str(w) for w in build(inputs / "an-giang" / "2025").warnings
                if "Địa bàn" in str(w)]
    assert warnings == ([] if flagged is None else [
        f"bao-cao-2025.xlsx › trang “Hỗ trợ doanh nghiệp” › dòng {row} › cột “Địa bàn”: "
        f"“Long Xuyên” không có trong danh sách địa bàn của tỉnh {flagged} (hồ sơ tỉnh, trang "
        "“Địa bàn”): doanh nghiệp ngoài tỉnh?"])


def test_file_and_names_follow_the_province_in_force_not_the_folder(inputs):
    """A clerk who keeps the tien-giang folder for the merged Đồng Tháp gets Đồng Tháp's
    report: agency, place and file name from the rows in force in 2026."""
    profile = inputs / "tien-giang" / "ho-so-tinh.xlsx"
    for label, value in (("Cơ quan chủ quản", "UBND TỈNH ĐỒNG THÁP"), ("Địa danh", "Đồng Tháp"),
                         ("Tên cơ quan (chữ thường)", "Sở Khoa học và Công nghệ tỉnh Đồng Tháp")):
        append_row(profile, "Cơ quan", (2026, label, value))
    write_blank_year_workbook(inputs / "tien-giang" / "2026")
    fill_required_sections(inputs / "tien-giang" / "2026" / "bao-cao-2026.xlsx")
    result = build(inputs / "tien-giang" / "2026")
    assert result.path.name == "bao-cao-dong-thap-2026.docx"
    assert result.path.parent == inputs.parent / "outputs" / "tien-giang" / "2026"
    assert build(inputs / "tien-giang" / "2026").path == result.path  # up to date: same name
    assert build(inputs / "tien-giang" / "2021").path.name == "bao-cao-tien-giang-2021.docx"


def test_folder_names_from_place_names():
    assert [folder_name(p) for p in ("Đồng Tháp", "An Giang", "Hưng Yên", "Thừa Thiên Huế")] \
        == ["dong-thap", "an-giang", "hung-yen", "thua-thien-hue"]


def test_a_phase_summary_adds_the_predecessors_years(inputs):
    formation = read_formation(inputs / "dong-thap", Problems())
    assert formation.date == dt.date(2025, 7, 1)
    assert [(p.name, p.folder.name) for p in formation.predecessors] == [
        ("Tiền Giang", "tien-giang"), ("Đồng Tháp (trước sắp xếp)", "dong-thap")]
    history = territory_history(inputs / "dong-thap", Phase(2021, 2025), Problems())
    assert sorted(history) == [2021, 2022, 2023, 2024, 2025]
    assert history[2021].file == "tien-giang/2021/bao-cao-2021.xlsx"
    assert len(history[2021].rows[SUPPORT]) == 3 and len(history[2021].rows["Tập huấn"]) == 2
    assert all(history[y].no_data for y in range(2022, 2026))


def test_an_enterprise_supported_by_two_predecessors_counts_once(inputs):
    from ncnsc_reports.compute.indicators import frames

    own = inputs / "dong-thap" / "2021"  # the former Đồng Tháp's own year
    write_blank_year_workbook(own)
    append_row(own / "bao-cao-2021.xlsx", SUPPORT, (
        "Công ty TNHH Minh Họa TG 01", "9998000001", "Cao Lãnh", "Truy xuất nguồn gốc", None,
        "Phí đăng ký", 5_000_000, "Ngân sách tỉnh", None))
    history = territory_history(inputs / "dong-thap", Phase(2021, 2025), Problems())
    assert history[2021].file == ("2021/bao-cao-2021.xlsx, "
                                  "tien-giang/2021/bao-cao-2021.xlsx")
    support = frames(history)[SUPPORT]
    assert len(support) == 4 and support["enterprise"].nunique() == 2


def test_formation_rows_are_checked(inputs):
    profile = inputs / "dong-thap" / "ho-so-tinh.xlsx"
    edit_workbook(profile, "Hình thành", {"A3": dt.date(2025, 7, 2), "C2": "tien-giag"})
    problems = Problems()
    read_formation(inputs / "dong-thap", problems)
    assert [f"{p.severity.value}: {p}" for p in problems] == [
        f"Cảnh báo: ho-so-tinh.xlsx › trang “Hình thành” › dòng 2 › cột “Thư mục số liệu”: không "
        f"có thư mục {inputs.resolve() / 'tien-giag'}: báo cáo tổng kết giai đoạn cần số liệu "
        "của tỉnh “Tiền Giang” (sẽ báo lỗi); thêm thư mục đó, hoặc để trống ô này và ghi ở cột "
        "“Câu khi không có số liệu” câu báo cáo in thay cho số liệu của tỉnh đó",
        "Lỗi: ho-so-tinh.xlsx › trang “Hình thành” › dòng 3 › cột “Ngày thành lập”: cần cùng một "
        "ngày thành lập ở mọi dòng (01/7/2025, dòng 2), nhưng gặp “02/7/2025”"]
