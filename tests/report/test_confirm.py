"""Warnings that cannot change the figures silently (issue 23, item 3): a renamed or missing
data sheet, a record two forms report, a unit row the report cannot place stop the build
unless the option named for what it accepts is given; the other warnings and the workbooks
open in Excel are said again on the last lines."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
from click.testing import CliRunner
from conftest import year_book
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.inputs.sheet_names import look_alike

SUPPORT = "Hỗ trợ doanh nghiệp"
TRADE, FARMING = "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn"
FIRM = ("Công ty TNHH Minh Họa Phối Hợp", "0900000001", "huyện Văn Lâm", "Hệ thống quản lý",
        "ISO 9001", "Tư vấn áp dụng", 50_000_000, "Ngân sách tỉnh")
MONEY = ("Năm 2023, đã hỗ trợ 16 doanh nghiệp với tổng kinh phí 541.500.000 đồng (danh sách "
         "chi tiết tại Phụ lục II kèm theo), cụ thể:")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write_forms(year_dir, *units: str):
    result = run("unit-form", year_dir, *units, "--out", year_dir / "don-vi")
    assert result.exit_code == 0, result.output
    return sorted((year_dir / "don-vi").glob("*.xlsx"))


def fill(path, support: tuple) -> None:
    wb = openpyxl.load_workbook(path)
    wb["Hỗ trợ doanh nghiệp"].append(list(support))
    wb.save(path)


def report_lines(province) -> list[str]:
    return _report(province)


def _rename(book, old, new):
    wb = openpyxl.load_workbook(book)
    wb[old].title = new
    wb.save(book)


def _report(province, year="2023"):
    out = province.parent.parent / "outputs" / province.name / year
    return docx_lines(next(out.glob("bao-cao-*.docx")))


def test_names_are_compared_without_accents_case_or_spacing_and_with_initials():
    known = ["Văn bản", "Nội dung", SUPPORT, "Tập huấn", "Khảo sát"]
    assert look_alike("Ho tro DN", known) == SUPPORT
    assert look_alike("HỖ TRỢ DOANH NGHIỆP ", known) == SUPPORT
    assert look_alike("Tap huan 2023", known) == "Tập huấn"
    assert [look_alike(n, known) for n in ("Sheet1", "Ghi chú", "Lỗi", "Số liệu")] == [None] * 4


def test_a_renamed_data_sheet_stops_the_build_and_passes_when_accepted(an_giang_copy):
    year_dir = an_giang_copy / "2023"
    run("build", year_dir)
    assert MONEY in _report(an_giang_copy)
    _rename(year_book(an_giang_copy), SUPPORT, "Ho tro DN")
    result = run("build", year_dir)
    assert result.exit_code == 1
    assert ("  - bao-cao-2023.xlsx › trang “Ho tro DN”: tên trang gần giống trang “Hỗ trợ doanh "
            "nghiệp” (bị đổi tên?) mà sổ không còn trang đó: chương trình chỉ đọc trang tên đúng "
            "“Hỗ trợ doanh nghiệp”, trang “Ho tro DN” bị bỏ qua nên số liệu trong đó không vào "
            "báo cáo; hãy đổi lại tên trang cho đúng, hoặc chép số liệu sang trang “Hỗ trợ doanh "
            "nghiệp” rồi xóa trang này; nếu vẫn muốn tạo báo cáo như vậy, chạy lại với "
            "--chap-nhan-trang-la") in result.output.splitlines()
    assert "thiếu trang số liệu" not in result.output  # the rename is said once
    assert MONEY in _report(an_giang_copy)  # the report built before is left as it was

    result = run("build", year_dir, "--chap-nhan-trang-la")
    assert result.exit_code == 0, result.output
    assert MONEY not in _report(an_giang_copy)
    lines = result.output.splitlines()
    # after the report's path and the files made with it (“Đã tạo kèm theo: chi-tieu.xlsx”)
    last = max(i for i, x in enumerate(lines) if x.startswith("Đã tạo"))
    assert lines[last + 1].startswith("Cần xem lại ") and "trang “Ho tro DN”" in \
        "\n".join(lines[last + 1:])  # said again after the path


def test_a_missing_data_sheet_needs_its_own_option(an_giang_copy):
    wb = openpyxl.load_workbook(year_book(an_giang_copy))
    del wb["Khảo sát"]
    wb.save(year_book(an_giang_copy))
    result = run("build", an_giang_copy / "2023")
    assert result.exit_code == 1
    assert ("  - bao-cao-2023.xlsx: thiếu trang số liệu “Khảo sát”: báo cáo sẽ coi như năm không "
            "có số liệu đó; nếu có, hãy thêm lại trang (chép từ sổ mới tạo bằng new-year); nếu "
            "vẫn muốn tạo báo cáo như vậy, chạy lại với --chap-nhan-thieu-trang"
            ) in result.output.splitlines()
    assert run("build", an_giang_copy / "2023", "--chap-nhan-trang-la").exit_code == 1
    assert run("build", an_giang_copy / "2023", "--chap-nhan-thieu-trang").exit_code == 0


def test_a_record_on_two_forms_stops_the_build_and_counts_once_when_accepted(province_copy):
    year_dir = province_copy / "2023"
    trade, farming = write_forms(year_dir, TRADE, FARMING)
    fill(trade, FIRM)
    fill(farming, FIRM)
    result = run("build", year_dir)
    assert result.exit_code == 1
    assert (f"  - don-vi/{farming.name} › trang “Hỗ trợ doanh nghiệp” › dòng 2: doanh nghiệp "
            f"“{FIRM[0]}”, “Hệ thống quản lý – ISO 9001 – Tư vấn áp dụng” đã có ở "
            f"don-vi/{trade.name} › trang “Hỗ trợ doanh nghiệp” › dòng 2: hai nơi cùng báo cáo "
            f"một việc nên báo cáo chỉ tính một lần (theo don-vi/{trade.name}); nếu là một việc, "
            "hãy xóa ở một trong hai nơi; nếu vẫn muốn tạo báo cáo như vậy, chạy lại với "
            "--chap-nhan-trung-lap") in result.output.splitlines()

    result = run("build", year_dir, "--chap-nhan-trung-lap")
    assert result.exit_code == 0, result.output
    text = "\n".join(report_lines(province_copy))
    # counted once in I.2.3 (sentence and list) and in the appendix (one row, its total)
    assert "Năm 2023, đã hỗ trợ 01 doanh nghiệp với tổng kinh phí 50.000.000 đồng" in text
    assert text.count(FIRM[0]) == 2  # the I.2.3 line and the appendix row
    assert text.endswith(f"| {FIRM[0]}\n| 0900000001\n| huyện Văn Lâm\n| Tư vấn áp dụng hệ "
                         "thống quản lý ISO 9001\n| 50.000.000\n| Tổng cộng\n| 50.000.000")


def test_a_heading_row_on_a_unit_form_is_not_a_stray_line(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = write_forms(year_dir, TRADE)
    wb = openpyxl.load_workbook(trade)
    wb["Nội dung"].append(["I.2.1", "Tên mục (thay tên in sẵn)", "Công tác truyền thông"])
    wb.save(trade)
    result = run("build", year_dir)
    assert result.exit_code == 1
    assert (f"  - don-vi/{trade.name} › trang “Nội dung” › dòng 2 › cột “Kiểu dòng”: dòng kiểu "
            "“Tên mục (thay tên in sẵn)” (“Công tác truyền thông”) không đặt được vào báo cáo: "
            "tên mục, nhóm giải pháp do Sở ghi trong sổ của Sở, phiếu đơn vị chỉ góp đoạn nội "
            "dung; dòng này sẽ bị bỏ. Nếu là nội dung, hãy chọn kiểu “Đoạn văn”; nếu vẫn muốn "
            "tạo báo cáo như vậy, chạy lại với --chap-nhan-bo-dong") in result.output.splitlines()
    assert run("build", year_dir, "--chap-nhan-bo-dong").exit_code == 0
    assert not any("Công tác truyền thông" in line for line in report_lines(province_copy))


def test_a_workbook_open_in_excel_is_said_last_with_the_saved_time(province_copy):
    book = year_book(province_copy)
    saved = dt.datetime.combine(dt.date.today(), dt.time(14, 32))
    os.utime(book, (saved.timestamp(), saved.timestamp()))
    (book.parent / f"~${book.name}").write_bytes(b"\x00" * 165)
    result = run("build", province_copy / "2023")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "Sổ “2023/bao-cao-2023.xlsx” đang mở trong Excel: báo cáo dùng bản đã lưu lúc 14:32; "
        "nếu vừa sửa mà chưa lưu, hãy lưu (Ctrl+S) rồi chạy lại.")


def test_a_summary_stops_on_a_renamed_sheet_of_one_of_its_years_unless_accepted(an_giang_copy):
    _rename(year_book(an_giang_copy), SUPPORT, "Ho tro DN")
    result = run("build", an_giang_copy / "tong-ket-2021-2025")
    assert result.exit_code == 1
    assert any(line.startswith("  - 2023/bao-cao-2023.xlsx › trang “Ho tro DN”: tên trang gần "
                               "giống") and line.endswith("chạy lại với --chap-nhan-trang-la")
               for line in result.output.splitlines()), result.output
    result = run("build", an_giang_copy / "tong-ket-2021-2025", "--chap-nhan-trang-la")
    assert result.exit_code == 0, result.output
