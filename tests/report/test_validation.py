"""Validation messages: every problem at once, exact Vietnamese text, file › sheet › row › column.

Each case breaks a copy of the Hưng Yên sample in exactly one way, named after its defect.
"""

from __future__ import annotations

import pytest
from conftest import edit_workbook, year_book

from ncnsc_reports.errors import InputError
from ncnsc_reports.pipeline import build

BOOK = "bao-cao-2023.xlsx"
SECTIONS = ("“Mở đầu”; “I.1.a”; “I.1.b”; “I.1.c”; “I.2.1”; “I.2.2”; “I.2.3”; “I.2.4”; “I.2.5”; "
            "“I.2.6”; “II.1”; “II.2”; “II.3”; “III.1”; “III.2”; “IV”")

# (defect, sheet, cell edits, expected problems as printed)
CELL_CASES = [
    ("impossible-date-typed-as-text", "Văn bản", {"D2": "31/4/2023"},
     [f"Lỗi: {BOOK} › trang “Văn bản” › dòng 2 › cột “Ngày ban hành”: cần một ngày dạng "
      "ngày/tháng/năm (ví dụ 11/4/2023), nhưng gặp “31/4/2023”: "
      "không có ngày này (tháng 4 năm 2023 chỉ có 30 ngày)"]),
    ("empty-required-cell", "Văn bản", {"C3": None},
     [f"Lỗi: {BOOK} › trang “Văn bản” › dòng 3 › cột “Số, ký hiệu”: cần nội dung (không được "
      "để trống), nhưng gặp ô trống"]),
    ("unknown-section", "Nội dung", {"A2": "I.7"},
     [f"Lỗi: {BOOK} › trang “Nội dung” › dòng 2 › cột “Mục”: cần một trong các giá trị "
      f"{SECTIONS}, nhưng gặp “I.7”"]),
    ("year-differs-from-folder", "Thông tin chung", {"B2": 2022},
     [f"Lỗi: {BOOK} › trang “Thông tin chung” › dòng 2 (mục “Năm báo cáo”) › cột “Giá trị”: "
      "cần năm trùng tên "
      "thư mục năm (2023), nhưng gặp “2022”"]),
    ("words-in-number-cell", "Thông tin chung", {"B3": "mười hai"},
     [f"Lỗi: {BOOK} › trang “Thông tin chung” › dòng 3 (mục “Số báo cáo”) › cột “Giá trị”: "
      "cần một số nguyên "
      "(ví dụ 12), nhưng gặp “mười hai”"]),
    ("month-out-of-range", "Thông tin chung", {"B5": 13},
     [f"Lỗi: {BOOK} › trang “Thông tin chung” › dòng 5 (mục “Tháng ký”) › cột “Giá trị”: "
      "cần số nguyên từ 1 "
      "đến 12, nhưng gặp “13”"]),
    ("day-not-in-month", "Thông tin chung", {"B4": 31},
     [f"Lỗi: {BOOK} › trang “Thông tin chung” › dòng 4 (mục “Ngày ký”) › cột “Giá trị”: "
      "cần ngày có thật "
      "trong tháng 11, nhưng gặp “31”"]),
    ("duplicated-setting", "Thông tin chung", {"A6": "Tháng ký", "B6": 11},
     [f"Lỗi: {BOOK} › trang “Thông tin chung” › dòng 6 (mục “Tháng ký”) › cột “Mục”: "
      "mục “Tháng ký” đã ghi ở "
      "dòng 5; mỗi mục chỉ ghi một lần"]),
    ("solution-group-outside-III.2", "Nội dung", {"B2": "Nhóm giải pháp (2.1, 2.2…)"},
     [f"Lỗi: {BOOK} › trang “Nội dung” › dòng 2 › cột “Kiểu dòng”: cần “Nhóm giải pháp” chỉ "
      "dùng trong mục III.2, nhưng gặp “mục Mở đầu”"]),
    ("renamed-column", "Văn bản", {"F1": "Trich yeu"},
     [f"Lỗi: {BOOK} › trang “Văn bản” › dòng 1: thiếu cột “Trích yếu” ở dòng tiêu đề; các cột "
      "cần có: “Mục”, “Loại văn bản”, “Số, ký hiệu”, “Ngày ban hành”, “Cơ quan ban hành”, "
      "“Trích yếu”",
      f"Cảnh báo: {BOOK} › trang “Văn bản” › dòng 1 › cột “Trich yeu”: cột không dùng đến, "
      "bỏ qua (cột thứ 6)"]),
]


def problems_of(year_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        build(year_dir)
    return [f"{p.severity.value}: {p}" for p in caught.value.problems]


@pytest.mark.parametrize("defect, sheet, edits, expected", CELL_CASES,
                         ids=[c[0] for c in CELL_CASES])
def test_one_defect_one_exact_message(province_copy, defect, sheet, edits, expected):
    edit_workbook(year_book(province_copy), sheet, edits)
    assert problems_of(province_copy / "2023") == expected
    assert not (province_copy.parent.parent / "outputs").exists()  # nothing written


def test_every_problem_is_reported_at_once(province_copy):
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "hôm qua", "C3": None})
    edit_workbook(year_book(province_copy), "Thông tin chung", {"B5": 0})
    found = problems_of(province_copy / "2023")
    assert sorted(line.split("›")[1].strip() + " " + line.split("›")[2].strip()
                  for line in found) == [
        "trang “Thông tin chung” dòng 5 (mục “Tháng ký”)", "trang “Văn bản” dòng 2",
        "trang “Văn bản” dòng 3"]


@pytest.mark.parametrize("value, expected", [
    (None, "cần nội dung (không được để trống), nhưng gặp ô trống"),
    ("NguyÔn V¨n Hïng", None),  # legacy TCVN3: its own message, and nothing more
])
def test_a_bad_profile_value_is_reported_once(province_copy, value, expected):
    edit_workbook(province_copy / "ho-so-tinh.xlsx", "Cơ quan", {"C8": value})
    found = problems_of(province_copy / "2023")
    assert len(found) == 1, found
    assert found[0].startswith("Lỗi: ho-so-tinh.xlsx › trang “Cơ quan” › dòng 8 › cột “Giá trị”:")
    if expected:
        assert found[0].endswith(expected)


def test_errors_of_different_sheets_come_together(province_copy):
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "hôm qua"})
    edit_workbook(year_book(province_copy), "Nội dung", {"B2": "Nhóm giải pháp (2.1, 2.2…)"})
    found = problems_of(province_copy / "2023")
    assert [line.split("›")[1].strip() for line in found] == [
        "trang “Văn bản”", "trang “Nội dung”"]


def test_a_row_refuses_a_column_it_does_not_have():
    from ncnsc_reports.inputs.sheets import Row
    from ncnsc_reports.problems import Location

    row = Row({"name": "Công ty A", "amount": None}, Location("x.xlsx", "Hỗ trợ doanh nghiệp"))
    assert row["name"] == "Công ty A" and row["amount"] is None
    with pytest.raises(KeyError) as caught:
        row["amout"]
    assert "no column 'amout'" in str(caught.value)
