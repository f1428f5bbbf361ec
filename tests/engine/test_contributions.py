"""Contribution forms: written per unit by `unit-form`, read back from don-vi/ by the build."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.report.units import attributed

TRADE, FARMING = "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn"
FIRM = ("Công ty TNHH Minh Họa Phối Hợp", "0900000001", "huyện Văn Lâm", "Hệ thống quản lý",
        "ISO 9001", "Tư vấn áp dụng", 50_000_000, "Ngân sách tỉnh")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write_forms(year_dir, *units: str):
    result = run("unit-form", str(year_dir), *units, "--out", str(year_dir / "don-vi"))
    assert result.exit_code == 0, result.output
    return sorted((year_dir / "don-vi").glob("*.xlsx"))


def fill(path, paragraph: str | None = None, support: tuple | None = None,
         general: dict | None = None) -> None:
    wb = openpyxl.load_workbook(path)
    if paragraph:
        wb["Nội dung"].append(["I.2.1", None, paragraph])
    if support:
        wb["Hỗ trợ doanh nghiệp"].append(list(support))
    for label, value in (general or {}).items():
        for row in wb["Thông tin đơn vị"].iter_rows(min_row=2):
            if row[0].value == label:
                row[1].value = value
    wb.save(path)


def report_lines(province) -> list[str]:
    out = province.parent.parent / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    return docx_lines(out)


def test_unit_form_holds_only_what_the_unit_fills(province_copy, tmp_path):
    result = run("unit-form", str(province_copy / "2024"), TRADE, "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "phieu-so-cong-thuong-2024.xlsx"
    assert result.output.splitlines()[0] == f"Đã tạo phiếu: {path}"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Hướng dẫn", "Danh sách", "Thông tin đơn vị", "Nội dung",
                             "Hỗ trợ doanh nghiệp", "Tập huấn", "Chuyên gia", "Tin bài",
                             "Khảo sát"]
    assert wb["Hướng dẫn"]["A1"].value == ("Phiếu đóng góp báo cáo năm 2024 – Chương trình 1322 "
                                            "– Sở Công Thương")
    identity = {r[0].value: r[1].value for r in wb["Thông tin đơn vị"].iter_rows(min_row=2)}
    assert identity == {"Tỉnh": "Hưng Yên", "Năm báo cáo": 2024, "Đơn vị": TRADE,
                        "Người điền, điện thoại": None}
    section = next(dv for dv in wb["Nội dung"].data_validations.dataValidation
                   if "A2:A2000" in str(dv.sqref))
    column = section.formula1.split("!")[1].replace("$", "").split(":")
    lists = wb["Danh sách"]
    choices = [c.value for row in lists[column[0]:column[1]] for c in row]
    assert choices == ["I.2.1", "I.2.2", "I.2.3"]  # the groups of Sở Công Thương only
    assert section.showErrorMessage and section.errorStyle == "stop"
    assert "chỉ nhận một giá trị trong danh sách" in section.error


def test_unknown_unit_is_refused_with_the_known_names(province_copy, tmp_path):
    result = run("unit-form", str(province_copy / "2024"), "Sở Xây dựng", "--out", str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("Lỗi: tên đơn vị ghi sau lệnh không có trong hồ sơ tỉnh: “Sở Xây dựng”. "
                        "Các đơn vị áp dụng năm 2024 (ho-so-tinh.xlsx › trang “Đơn vị phối "
                        "hợp”):")
    assert lines[1:3] == ["  “Sở Công Thương”", "  “Sở Nông nghiệp và Phát triển nông thôn”"]
    assert lines[-2] == (f"Ghi tên đúng như trên, trong ngoặc kép, ví dụ: ncnsc-report unit-form "
                         f"{province_copy / '2024'} \"Sở Công Thương\"; không ghi tên thì tạo "
                         "phiếu cho mọi đơn vị.")
    assert lines[-1] == "Chưa tạo phiếu nào."
    assert "Hãy sửa" not in result.output and "Excel" not in result.output
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_misspelt_unit_gets_the_closest_name(province_copy, tmp_path):
    result = run("unit-form", str(province_copy / "2024"), "Sở Cong Thuong", "--out",
                 str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith("Lỗi: tên đơn vị ghi sau lệnh không có trong hồ sơ tỉnh: "
                                    "“Sở Cong Thuong” (có phải “Sở Công Thương”?). ")


def test_two_forms_merge_a_duplicate_is_warned_and_a_broken_one_stops_only_itself(
        province_copy):
    year_dir = province_copy / "2023"
    trade, farming = write_forms(year_dir, TRADE, FARMING)
    fill(trade, "Đã tham mưu UBND tỉnh ban hành quy chế phối hợp (minh họa).", FIRM)
    fill(farming, "Năm 2023, 12 hợp tác xã được hướng dẫn áp dụng VietGAP (minh họa).", FIRM)
    broken = year_dir / "don-vi" / "phieu-hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 cut short")

    result = run("build", str(year_dir))
    assert result.exit_code == 1
    errors = result.output.split("Lỗi (")[1].split("\n")
    assert errors[0].startswith("2):")  # the broken form, the duplicate (test_confirm)
    assert errors[1].startswith("  - don-vi/phieu-hong.xlsx: ")

    broken.unlink()
    result = run("build", str(year_dir), "--chap-nhan-trung-lap")
    assert result.exit_code == 0, result.output
    lines = report_lines(province_copy)
    group = lines[lines.index("2.1. Hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao "
                              "năng suất chất lượng.") + 1:]  # punctuation as in the seed
    # the Sở's own paragraph first, then the units in the profile's order, each under its name
    assert group[1:3] == [
        "Sở Công Thương đã tham mưu UBND tỉnh ban hành quy chế phối hợp (minh họa).",
        "Sở Nông nghiệp và Phát triển nông thôn: Năm 2023, 12 hợp tác xã được hướng dẫn áp dụng "
        "VietGAP (minh họa)."]
    assert (f"  - don-vi/{farming.name} › trang “Hỗ trợ doanh nghiệp” › dòng 2: doanh nghiệp "
            f"“{FIRM[0]}”, “Hệ thống quản lý – ISO 9001 – Tư vấn áp dụng” đã có ở "
            f"don-vi/{trade.name} › trang “Hỗ trợ doanh nghiệp” › dòng 2: hai nơi cùng báo cáo "
            f"một việc nên báo cáo chỉ tính một lần (theo don-vi/{trade.name}); nếu là một việc, "
            "hãy xóa ở một trong hai nơi") in result.output.splitlines()
    assert "Phiếu đơn vị phối hợp: đã nhận 2/19." in result.output
    assert f"  - Đã gửi: {TRADE} (don-vi/{trade.name})" in result.output
    missing = next(x for x in result.output.splitlines() if "Chưa gửi" in x)
    assert missing.startswith("  - Chưa gửi (17): Sở Lao động – Thương binh và Xã hội, ")
    assert TRADE not in missing and "UBND huyện Tiên Lữ" in missing


def test_every_form_is_checked_in_the_same_run(province_copy):
    year_dir = province_copy / "2023"
    trade, farming = write_forms(year_dir, TRADE, FARMING)
    fill(trade, general={"Năm báo cáo": 2022})
    fill(farming, general={"Đơn vị": "Sở Xây dựng", "Tỉnh": "Thái Bình"},
         support=FIRM[:6] + ("năm mươi triệu",) + FIRM[7:])
    result = run("build", str(year_dir))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (f"  - don-vi/{trade.name} › trang “Thông tin đơn vị” › dòng 3 (mục “Năm báo cáo”) "
            "› cột “Giá trị”: cần năm 2023 (phiếu của năm này, thư mục 2023/don-vi), nhưng gặp "
            "“2022”") in lines
    assert (f"  - don-vi/{farming.name} › trang “Thông tin đơn vị” › dòng 2 (mục “Tỉnh”) › cột "
            "“Giá trị”: cần tỉnh “Hưng Yên”, nhưng gặp “Thái Bình”") in lines
    assert any(x.startswith(f"  - don-vi/{farming.name} › trang “Thông tin đơn vị” › dòng 4 "
                            "(mục “Đơn vị”) › cột “Giá trị”: cần tên một đơn vị áp dụng năm "
                            "2023") for x in lines)
    assert any(x.startswith(f"  - don-vi/{farming.name} › trang “Hỗ trợ doanh nghiệp” › dòng 2 "
                            "› cột “Số tiền (đồng)”") for x in lines)


def test_a_second_form_of_one_unit_is_an_error_naming_both(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = write_forms(year_dir, TRADE)
    copy = trade.with_name("phieu-so-cong-thuong-ban-sua.xlsx")
    copy.write_bytes(trade.read_bytes())
    result = run("build", str(year_dir))
    assert result.exit_code == 1
    assert (f"  - don-vi/{copy.name}: đơn vị “Sở Công Thương” đã có phiếu “don-vi/{trade.name}”; "
            "mỗi đơn vị một phiếu: giữ bản mới nhất, chuyển bản cũ ra khỏi thư mục don-vi"
            ) in result.output.splitlines()


@pytest.mark.parametrize("text, printed", [
    ("Đã tổ chức 02 lớp tập huấn.", "Sở Công Thương đã tổ chức 02 lớp tập huấn."),
    ("phối hợp kiểm tra 10 cơ sở.", "Sở Công Thương phối hợp kiểm tra 10 cơ sở."),
    ("Tổ chức hội nghị.", "Sở Công Thương tổ chức hội nghị."),
    ("Năm 2024, không phát sinh.", "Sở Công Thương: Năm 2024, không phát sinh."),
    ("Ban chỉ đạo đã họp 02 lần.", "Sở Công Thương: Ban chỉ đạo đã họp 02 lần."),
])
def test_a_units_paragraph_reads_after_its_name(text, printed):
    assert attributed("Sở Công Thương", text) == printed


def test_records_of_a_form_count_in_the_indicators(an_giang_copy):
    year_dir = an_giang_copy / "2023"
    (trade,) = write_forms(year_dir, "Sở Công Thương")
    fill(trade, support=("Công ty TNHH Minh Họa Công Thương", "9999900001", "Long Xuyên",
                         "Mã số mã vạch", None, "Phí đăng ký", 1_000_000, "Ngân sách tỉnh"))
    result = run("build", str(year_dir))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(an_giang_copy.parent.parent / "outputs" / "an-giang" / "2023"
                                  / "chi-tieu.xlsx")
    counts = {r[0].value: r[4].value for r in book["Chỉ tiêu"].iter_rows(min_row=2)}
    assert counts["MSMV"] == 7  # six barcode supports in the book, one in the form


def test_build_all_says_who_has_not_answered(province_copy):
    year_dir = province_copy / "2023"
    write_forms(year_dir, TRADE)
    result = run("build", "--all", str(province_copy.parent), "--jobs", "1")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "Phiếu đơn vị phối hợp" in x)
    assert line.startswith("      Phiếu đơn vị phối hợp: đã nhận 1/19; chưa gửi: Sở Nông nghiệp "
                           "và Phát triển nông thôn, ")


def test_a_paragraph_outside_the_units_groups_is_kept_with_a_warning(province_copy):
    year_dir = province_copy / "2023"
    (labour,) = write_forms(year_dir, "Sở Lao động – Thương binh và Xã hội")  # group 2.4 only
    fill(labour, "Đã tổ chức 01 lớp đào tạo kỹ năng quản lý (minh họa).")  # typed under I.2.1
    result = run("build", str(year_dir))
    assert result.exit_code == 0, result.output
    assert (f"  - don-vi/{labour.name} › trang “Nội dung” › dòng 2 › cột “Mục”: nhóm I.2.1 không "
            "có trong các nhóm của Sở Lao động – Thương binh và Xã hội (hồ sơ tỉnh, trang “Đơn vị "
            "phối hợp”); đoạn vẫn được đưa vào nhóm đó") in result.output.splitlines()
    assert ("Sở Lao động – Thương binh và Xã hội đã tổ chức 01 lớp đào tạo kỹ năng quản lý (minh "
            "họa).") in report_lines(province_copy)
