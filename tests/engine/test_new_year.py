"""`new-year` starts from last year's book: standing rows carried and marked, build warns."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import year_book
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.inputs.schema import NOT_REVIEWED, REVIEWED
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location
from ncnsc_reports.report.carry_over import in_force_until

DRAFT = ("BẢN NHÁP – nội dung chép từ sổ năm trước, chưa được xem lại, chưa có số liệu năm "
         "2024: không dùng để trình ký")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sheet_rows(path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]


def report_of(province):
    return province.parent.parent / "outputs" / "hung-yen" / "2024" / "bao-cao-hung-yen-2024.docx"


@pytest.fixture
def started(province_copy):
    result = run("new-year", str(province_copy / "2024"))
    assert result.exit_code == 0, result.output
    return province_copy


def test_new_year_carries_the_standing_rows_marked_not_reviewed(started):
    book = year_book(started, "2024")
    content = sheet_rows(book, "Nội dung")
    old = sheet_rows(year_book(started), "Nội dung")
    standing = [r for r in old if r[0] in ("Mở đầu", "I.1.a", "III.1", "III.2", "IV")]
    assert [r[:3] for r in content] == [r[:3] for r in standing]
    assert {r[0] for r in content} == {"Mở đầu", "I.1.a", "III.1", "III.2", "IV"}
    assert {r[3] for r in content} == {NOT_REVIEWED}
    documents = sheet_rows(book, "Văn bản")
    # still in force in 2024: the OCOP scheme 2023-2025 and two standing committees; the two
    # plans “năm 2023” and every I.1.b document are not carried
    assert [r[2] for r in documents] == ["843/QĐ-UBND", "945/QĐ-UBND", "1121/QĐ-UBND"]
    assert {r[6] for r in documents} == {NOT_REVIEWED}
    assert sheet_rows(book, "Hỗ trợ doanh nghiệp") == []
    general = dict(r[:2] for r in sheet_rows(book, "Thông tin chung"))
    assert general["Năm báo cáo"] == 2024 and general["Tháng ký"] is None


def test_build_warns_until_every_mark_is_cleared(started):
    result = run("build", str(started / "2024"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ("  - bao-cao-2024.xlsx › trang “Nội dung” › cột “Chép từ năm trước”: 16 dòng chép từ "
            "năm trước chưa được xem lại (dòng 2 (Mở đầu), 3 (I.1.a), 4 (III.1), 5–16 (III.2), "
            "17 (IV)); hãy đọc, sửa cho đúng năm 2024 rồi chọn “Đã xem lại” ở cột này") in lines
    assert any("trang “Văn bản” › cột “Chép từ năm trước”: 3 dòng" in line for line in lines)
    assert any("sổ chỉ có nội dung chép từ năm trước" in line for line in lines)
    text = docx_lines(report_of(started))
    assert text[0] == DRAFT
    assert "Năm 2023 các Sở, ban, ngành đã tham mưu UBND tỉnh Hưng Yên ban hành các Quyết " \
           "định, Kế hoạch cụ thể:" in text  # carried as typed: the clerk must review it
    assert run("build", "--strict", str(started / "2024")).exit_code == 1

    _set_review(year_book(started, "2024"), "Nội dung", 4, {2: REVIEWED})
    result = run("build", str(started / "2024"))
    assert "2 (Mở đầu)" not in result.output
    assert "15 dòng chép từ năm trước chưa được xem lại (dòng 3 (I.1.a), 4 (III.1), 5–16 " \
           "(III.2), 17 (IV))" in result.output
    assert DRAFT not in docx_lines(report_of(started))  # one row reviewed: no longer a draft

    _set_review(year_book(started, "2024"), "Nội dung", 4, None)
    _set_review(year_book(started, "2024"), "Văn bản", 7, None)
    result = run("build", "--strict", str(started / "2024"))
    assert result.exit_code == 0, result.output
    assert "Chép từ năm trước" not in result.output


def _set_review(path, sheet: str, column: int, values: dict[int, str] | None) -> None:
    """Set the review column: {row: value}, or clear it in every row (None)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for row in range(2, ws.max_row + 1):
        if values is None:
            ws.cell(row, column).value = None
        elif row in values:
            ws.cell(row, column).value = values[row]
    wb.save(path)


def test_trong_gives_a_blank_book(province_copy):
    result = run("new-year", "--trong", str(province_copy / "2024"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Đã tạo sổ Excel trống: {year_book(province_copy, '2024')}"
    assert sheet_rows(year_book(province_copy, "2024"), "Nội dung") == []


def test_a_broken_previous_book_is_named_and_trong_is_offered(province_copy):
    year_book(province_copy).write_bytes(b"not a workbook")
    result = CliRunner().invoke(main, ["new-year", str(province_copy / "2024")])
    assert result.exit_code == 1
    assert "2023/bao-cao-2023.xlsx: tệp không phải sổ Excel" in result.output
    assert f"ncnsc-report new-year --trong {province_copy / '2024'}" in result.output
    assert not (province_copy / "2024" / "bao-cao-2024.xlsx").exists()


def _document(subject: str, issued: dt.date) -> Row:
    return Row({"subject": subject, "issued": issued}, Location("x.xlsx"))


@pytest.mark.parametrize("subject, issued, last", [
    ("về việc tiếp tục thực hiện Đề án OCOP giai đoạn 2023-2025", dt.date(2023, 4, 11), 2025),
    ("về việc triển khai hoạt động giáo dục nghề nghiệp năm 2023", dt.date(2023, 3, 6), 2023),
    ("về việc kế hoạch năm 2021 và giai đoạn 2024 - 2026", dt.date(2023, 8, 24), 2026),
    ("triển khai Chương trình giai đoạn 2021 - 2025 và định hướng đến năm 2030",
     dt.date(2021, 9, 28), 2030),
    # no year named: in force until the end of the programme's phase it was issued in
    ("về việc thành lập Ban chỉ đạo", dt.date(2023, 4, 26), 2025),
    ("về việc thành lập Ban chỉ đạo", dt.date(2026, 2, 1), 2030),
])
def test_a_document_is_in_force_until_the_last_year_it_names(subject, issued, last):
    assert in_force_until(_document(subject, issued)) == last


def test_a_2021_2025_plan_is_not_carried_into_2026(province_copy):
    from conftest import append_row

    append_row(year_book(province_copy), "Văn bản", (
        "I.1.a", "Kế hoạch", "12/KH-UBND", dt.date(2021, 3, 1), "UBND tỉnh Hưng Yên",
        "về việc thực hiện Đề án giai đoạn 2021-2025"))
    (province_copy / "2023").rename(province_copy / "2025")  # read as the book of 2025
    assert run("new-year", str(province_copy / "2026")).exit_code == 0
    numbers = [r[2] for r in sheet_rows(year_book(province_copy, "2026"), "Văn bản")]
    assert "12/KH-UBND" not in numbers and "843/QĐ-UBND" not in numbers
    assert numbers == []  # the standing committees of 2023 belong to phase 2021-2025 too

