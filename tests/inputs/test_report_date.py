"""“Thông tin chung” as clerks type it: the signing date checked against the report's year,
errors naming the item, whole numbers and dates understood or answered with what to type."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from conftest import edit_workbook, year_book
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.errors import InputError
from ncnsc_reports.pipeline import build

BOOK = "bao-cao-2023.xlsx › trang “Thông tin chung”"
GENERAL = "Thông tin chung"


def problems_of(year_dir) -> list[str]:
    with pytest.raises(InputError) as caught:
        build(year_dir)
    return [str(p) for p in caught.value.problems]


def test_a_2024_report_dated_in_2023_exits_1_naming_ngay_ky(province_copy):
    year_dir = province_copy / "2024"
    year_dir.mkdir()
    book = year_book(province_copy).rename(year_dir / "bao-cao-2024.xlsx")
    edit_workbook(book, GENERAL, {"B2": 2024, "B4": 28, "B5": 2, "B6": 2023})
    result = CliRunner().invoke(main, ["build", str(year_dir)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "Lỗi (1):",
        "  - bao-cao-2024.xlsx › trang “Thông tin chung” › dòng 6 (mục “Năm ký”) › cột “Giá "
        "trị”: ngày ký báo cáo (mục “Ngày ký”, “Tháng ký”, “Năm ký”) là 28/2/2023; báo cáo năm "
        "2024 cần ký trong năm 2024 hoặc đến hết tháng 3/2025"]


@pytest.mark.parametrize("day, month, sign_year", [(28, 11, 2023), (15, 3, 2024), (None, 1, 2024)])
def test_signed_in_the_year_or_its_first_quarter_after(province_copy, day, month, sign_year):
    edit_workbook(year_book(province_copy), GENERAL, {"B4": day, "B5": month, "B6": sign_year})
    lines = docx_lines(build(province_copy / "2023").path)
    # NĐ 30/2020, Phụ lục I, II.5: months 1 and 2 take a leading zero
    assert any(f"tháng {month:02d} năm {sign_year}" in line if month < 3
               else f"tháng {month} năm {sign_year}" in line for line in lines)


@pytest.mark.parametrize("month, sign_year, shown, hint", [
    (4, 2024, "4/2024", ""),
    (None, 2024, "2024", " (hãy ghi “Tháng ký”)"),
    (11, 2022, "11/2022", ""),
])
def test_signed_outside_the_window(province_copy, month, sign_year, shown, hint):
    edit_workbook(year_book(province_copy), GENERAL, {"B5": month, "B6": sign_year})
    assert problems_of(province_copy / "2023") == [
        f"{BOOK} › dòng 6 (mục “Năm ký”) › cột “Giá trị”: ngày ký báo cáo (mục “Ngày ký”, "
        f"“Tháng ký”, “Năm ký”) là {shown}; báo cáo năm 2023 cần ký trong năm 2023 hoặc đến hết "
        f"tháng 3/2024{hint}"]


@pytest.mark.parametrize("typed", ["215/BC-SKHCN", "Số 215/BC-SKHCN", " 215 / BC-SKHCN "])
def test_number_typed_with_the_report_symbol_is_understood(province_copy, typed):
    edit_workbook(year_book(province_copy), GENERAL, {"B3": typed})
    assert "Số: 215/BC-SKHCN" in " ".join(docx_lines(build(province_copy / "2023").path))


def test_number_typed_with_another_symbol_says_what_to_type(province_copy):
    edit_workbook(year_book(province_copy), GENERAL, {"B3": "215/BC-UBND"})
    assert problems_of(province_copy / "2023") == [
        f"{BOOK} › dòng 3 (mục “Số báo cáo”) › cột “Giá trị”: cần chỉ số của báo cáo (ví dụ "
        "215); ký hiệu “BC-SKHCN” lấy từ mục “Ký hiệu báo cáo”, nhưng gặp “215/BC-UBND”"]


@pytest.mark.parametrize("typed", ["28/11/2023", "ngày 28 tháng 11 năm 2023",
                                   dt.datetime(2023, 11, 28)])
def test_whole_date_in_ngay_ky_is_understood(province_copy, typed):
    edit_workbook(year_book(province_copy), GENERAL, {"B4": typed, "B5": None, "B6": None})
    lines = docx_lines(build(province_copy / "2023").path)
    assert any("ngày 28 tháng 11 năm 2023" in line for line in lines), lines[:8]


def test_whole_date_disagreeing_with_the_month_says_what_to_type(province_copy):
    edit_workbook(year_book(province_copy), GENERAL, {"B4": "28/12/2023"})  # Tháng ký: 11
    assert problems_of(province_copy / "2023") == [
        f"{BOOK} › dòng 4 (mục “Ngày ký”) › cột “Giá trị”: cần chỉ số ngày (ví dụ 28), vì mục "
        "“Tháng ký” ghi 11; tháng ghi ở mục “Tháng ký”, năm ở mục “Năm ký”, nhưng gặp "
        "“28/12/2023”"]


def test_impossible_whole_date_says_what_to_type(province_copy):
    edit_workbook(year_book(province_copy), GENERAL, {"B4": "31/11/2023"})
    assert problems_of(province_copy / "2023") == [
        f"{BOOK} › dòng 4 (mục “Ngày ký”) › cột “Giá trị”: cần chỉ số ngày (ví dụ 28); tháng "
        "ghi ở mục “Tháng ký”, năm ở mục “Năm ký”, nhưng gặp “31/11/2023”"]


def test_a_workbook_with_nothing_to_report_is_a_warning(province_copy):
    import openpyxl
    import pytest

    from ncnsc_reports.errors import InputError

    book = year_book(province_copy)
    wb = openpyxl.load_workbook(book)
    for name in ("Nội dung", "Văn bản"):
        wb[name].delete_rows(2, wb[name].max_row)
    wb.save(book)
    # the warning comes with the errors of the sections a report cannot leave out (issue 10)
    with pytest.raises(InputError) as caught:
        build(province_copy / "2023")
    said = [str(p) for p in caught.value.problems]
    assert (
        "bao-cao-2023.xlsx › trang “Nội dung”: sổ chưa có nội dung nào để báo cáo: trang “Nội "
        "dung”, trang “Văn bản” và các trang số liệu đều trống, nên mọi mục (Mở đầu, I.1.a, "
        "I.1.b, I.1.c, I.2.1, I.2.2, I.2.3, I.2.4, I.2.5, I.2.6, II.1, II.2, II.3, III.1, III.2, "
        "IV) chỉ in “Năm 2023 không phát sinh nội dung này.”; hãy ghi nội dung của từng mục "
        "ở trang “Nội dung”, mỗi đoạn một dòng") in said
    assert any("mục III.1 (phương hướng năm tiếp theo) chưa có nội dung" in p for p in said)
