"""Phases (issue 9): a 2026 report speaks of 2026–2030, cites the plans in force for it and
says where each target comes from; nothing typed in the plan sheets is silently ignored."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, append_row, edit_workbook, fill_required_sections
from docx_text import docx_lines

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.blank import write_blank_year_workbook
from ncnsc_reports.pipeline import build


@pytest.fixture
def tien_giang_2026(tmp_path):
    province = tmp_path / "inputs" / "tien-giang"
    shutil.copytree(ROOT / "inputs" / "tien-giang", province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    write_blank_year_workbook(province / "2026")
    fill_required_sections(province / "2026" / "bao-cao-2026.xlsx")
    return province


def test_first_year_of_phase_two_is_worded_as_one_year(tien_giang_2026):
    text = "\n".join(docx_lines(build(tien_giang_2026 / "2026").path))
    assert not re.search(r"(\d{4})\s*[-–]\s*\1", text), "a range with the same year twice"
    assert "(năm 2021)" not in text
    assert not re.search(r"[Ll]ũy kế từ năm 202[1-5]", text)
    # one year said once: not “từ đầu giai đoạn 2026-2030 (năm 2026) đến hết năm 2026”
    assert ("II. Đánh giá kết quả, hiệu quả đã đạt được trong năm 2026, năm đầu giai đoạn "
            "2026-2030\n1. Kết quả thực hiện các chỉ tiêu năm 2026:\n") in text
    assert "đến hết năm 2026" not in text and "từ đầu giai đoạn" not in text
    # Phụ lục I of a first year: the result, no cumulative column repeating it (review L5)
    assert "Kết quả năm 2026" in text and "Lũy kế năm 2026" not in text
    # the appendix title one idea per line, never broken inside “GIAI ĐOẠN”
    assert ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026,\nNĂM ĐẦU GIAI ĐOẠN 2026-2030\nTHEO KẾ "
            "HOẠCH SỐ 224/KH-UBND") in text


def test_derived_targets_are_cited_to_the_plan_and_its_rule(tien_giang_2026):
    text = "\n".join(docx_lines(build(tien_giang_2026 / "2026").path))
    # the rule once, in the lead-in (issue 22, review M5)
    assert ("Kết quả thực hiện các chỉ tiêu giai đoạn 2026-2030 theo Kế hoạch số 224/KH-UBND "
            "(chỉ tiêu giai đoạn 2026-2030 tăng ít nhất 10% so với giai đoạn 2021-2025; chi tiết "
            "tại Phụ lục I kèm theo):") in text
    assert text.count("tăng ít nhất 10%") == 1
    # a zero is said in words (issue 10), never “đã tổ chức 0 lớp”, “đạt 0,0%”
    assert "- Năm 2026 chưa tổ chức lớp tập huấn nào (chỉ tiêu giai đoạn: 11 lớp);" in text
    # the label that repeated the 2021-2025 target (“trên 30”) follows the derived one, in the
    # target cell of Phụ lục I, not beside it in the name (issue 22, review M5)
    assert "| Doanh nghiệp được hỗ trợ chứng nhận\n| Doanh nghiệp\n| trên 33\n" in text
    assert "trên 30" not in text


# --- No silent entry: each ignored entry is named with its cell and what would make it count


@pytest.fixture
def an_giang(tmp_path):
    province = tmp_path / "inputs" / "an-giang"
    shutil.copytree(ROOT / "inputs" / "an-giang", province)
    shutil.copytree(ROOT / "inputs" / "kien-giang", tmp_path / "inputs" / "kien-giang")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return province


def messages(year_dir) -> list[str]:
    try:
        return [str(w) for w in build(year_dir).warnings]
    except InputError as caught:
        return [f"{p.severity.value}: {p}" for p in caught.problems]


PROFILE = "ho-so-tinh.xlsx › trang"
NOT_A_PLAN_PERIOD = (
    "cần giai đoạn mà văn bản áp dụng: “2021-2025”, “2026-2030” hoặc “2021-2030” (cả Chương "
    "trình); nếu dòng này là văn bản sửa đổi kế hoạch ở dòng trên, ghi phần nó thay thế ở cột "
    "“Thay thế”, nhưng gặp ")


def test_first_year_indicator_book_says_the_cumulative_is_the_year(an_giang):
    from openpyxl import load_workbook

    book = load_workbook(build(an_giang / "2026").path.parent / "chi-tieu.xlsx")
    assert book["Ghi chú"]["A1"].value == (
        "Kết quả năm 2026 (năm đầu giai đoạn 2026-2030); lũy kế bằng kết quả năm; tỷ lệ đạt "
        "= lũy kế / chỉ tiêu giai đoạn.")
    later = load_workbook(build(an_giang / "2024").path.parent / "chi-tieu.xlsx")
    assert later["Ghi chú"]["A1"].value == (
        "Kết quả năm 2024; lũy kế từ năm 2021 đến hết năm 2024; tỷ lệ đạt = lũy kế / chỉ tiêu "
        "giai đoạn.")


@pytest.mark.parametrize("value, found", [("2026-2031", "“2026-2031”"), (None, "ô trống")])
def test_a_plan_row_without_a_programme_period_is_an_error(an_giang, value, found):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch", {"F4": value})
    assert messages(an_giang / "2026") == [
        f"Lỗi: {PROFILE} “Kế hoạch” › dòng 4 › cột “Giai đoạn”: {NOT_A_PLAN_PERIOD}{found}"]


def test_a_target_period_outside_the_programme_is_an_error(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Chỉ tiêu kế hoạch", {"C41": "2026-2031"})
    error, follow_up = messages(an_giang / "2026")
    assert error == (
        f"Lỗi: {PROFILE} “Chỉ tiêu kế hoạch” › dòng 41 › cột “Kỳ”: cần một giai đoạn của Chương "
        "trình: “2021-2025” hoặc “2026-2030”, hoặc một năm từ 2021 đến 2030 (ví dụ “2023”), nhưng "
        "gặp “2026-2031”")
    # row 41 was DT's 2026-2030 target: DT is left without one, and says so
    assert follow_up.startswith(f"Cảnh báo: {PROFILE} “Chỉ tiêu kế hoạch”: chỉ tiêu “DT”")


def test_a_target_of_a_document_never_in_force_for_it_is_a_warning(an_giang):
    row = append_row(an_giang / "ho-so-tinh.xlsx", "Chỉ tiêu kế hoạch",
                     ("573/KH-UBND", "HTQL", "2026-2030", 20))
    assert messages(an_giang / "2026") == [
        f"{PROFILE} “Chỉ tiêu kế hoạch” › dòng {row} › cột “Văn bản”: chỉ tiêu kỳ 2026-2030 của "
        "văn bản “573/KH-UBND” không được báo cáo nào dùng: văn bản áp dụng giai đoạn "
        "2021-2025; chỉ tiêu giai đoạn 2026-2030 ghi dưới số, ký hiệu của kế hoạch giai đoạn "
        "2026-2030"]


def test_targets_of_an_amendment_that_does_not_replace_them_are_a_warning(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch", {"H3": "Định mức"})
    found = messages(an_giang / "2026")
    assert len(found) == 9 and found[0] == (
        f"{PROFILE} “Chỉ tiêu kế hoạch” › dòng 32 › cột “Văn bản”: chỉ tiêu kỳ 2021-2025 của văn "
        "bản “648/QĐ-UBND” không được báo cáo nào dùng: văn bản này không thay thế phần “Chỉ "
        "tiêu” (trang “Kế hoạch”, dòng 3, cột “Thay thế”); thêm “Chỉ tiêu” vào cột đó để chỉ "
        "tiêu được dùng")


def test_a_replaced_part_without_its_figures_is_a_warning(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch",
                  {"H3": "Chỉ tiêu, Định mức, Kinh phí"})
    assert messages(an_giang / "2026") == [
        f"{PROFILE} “Kế hoạch” › dòng 3 › cột “Thay thế”: Quyết định số 648/QĐ-UBND thay thế "
        "phần “Kinh phí” nhưng trang “Kinh phí kế hoạch” không có dòng nào của văn bản này: từ "
        "ngày hiệu lực, báo cáo để trống phần đó. Ghi số liệu của văn bản ở trang “Kinh phí kế "
        "hoạch”, hoặc bỏ “Kinh phí” khỏi cột “Thay thế”"]


def test_a_rate_no_phase_uses_is_a_warning(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch", {"I2": 110})
    assert messages(an_giang / "2026") == [
        f"{PROFILE} “Kế hoạch” › dòng 2 › cột “Chỉ tiêu giai đoạn sau (% giai đoạn trước)”: tỷ "
        "lệ 110% không được dùng: Kế hoạch số 573/KH-UBND chỉ áp dụng giai đoạn 2021-2025, "
        "không có giai đoạn sau để tính; tỷ lệ chỉ dùng cho kế hoạch 2021-2030 (chỉ tiêu "
        "2026-2030 không ghi thì tính từ 2021-2025)"]


def test_a_phase_without_targets_names_each_indicator_and_how_to_add_it(an_giang):
    import openpyxl

    wb = openpyxl.load_workbook(an_giang / "ho-so-tinh.xlsx")
    ws = wb["Chỉ tiêu kế hoạch"]
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "45/KH-UBND"]
    ws.delete_rows(rows[0], len(rows))
    wb.save(an_giang / "ho-so-tinh.xlsx")
    found = messages(an_giang / "2026")
    assert len(found) == 10  # every indicator of 2026-2030, the phase-2 one (CN) included
    assert found[-1] == (
        f"{PROFILE} “Chỉ tiêu kế hoạch”: chỉ tiêu “CN” (Doanh nghiệp được hỗ trợ chứng nhận sản "
        "phẩm, hệ thống quản lý) chưa có chỉ tiêu giai đoạn 2026-2030: báo cáo để trống chỉ tiêu "
        "và tỷ lệ đạt. Thêm một dòng ở trang “Chỉ tiêu kế hoạch”: Văn bản “45/KH-UBND”, Mã “CN”, "
        "Kỳ “2026-2030”, Giá trị; hoặc, nếu kế hoạch tính chỉ tiêu theo giai đoạn trước, ghi tỷ "
        "lệ ở cột “Chỉ tiêu giai đoạn sau (% giai đoạn trước)” của trang “Kế hoạch”; nếu chỉ "
        "tiêu không thuộc giai đoạn này, ghi giai đoạn của nó ở cột “Giai đoạn” của trang “Chỉ "
        "tiêu”")


def test_an_indicator_period_outside_the_programme_is_an_error(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Chỉ tiêu", {"G11": "2026-2031"})
    assert messages(an_giang / "2026") == [
        f"Lỗi: {PROFILE} “Chỉ tiêu” › dòng 11 › cột “Giai đoạn”: cần ô trống (mọi giai đoạn) "
        "hoặc một giai đoạn của Chương trình: “2021-2025” hoặc “2026-2030”, nhưng gặp "
        "“2026-2031”"]


def test_budget_outside_its_documents_period_is_a_warning(an_giang):
    row = append_row(an_giang / "ho-so-tinh.xlsx", "Kinh phí kế hoạch", ("573/KH-UBND", 2026, 5))
    assert messages(an_giang / "2026") == [
        f"{PROFILE} “Kinh phí kế hoạch” › dòng {row} › cột “Năm”: năm 2026 ngoài giai đoạn "
        "2021-2025 của văn bản “573/KH-UBND” nên dự toán này không được dùng; ghi dự toán dưới "
        "kế hoạch của giai đoạn có năm 2026"]


def test_an_amendment_effective_after_its_plan_ended_is_a_warning(an_giang):
    import datetime as dt

    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch", {"G3": dt.date(2026, 1, 5)})
    assert f"{PROFILE} “Kế hoạch” › dòng 3 › cột “Hiệu lực từ ngày”: văn bản có hiệu lực từ " \
        "05/01/2026, sau khi giai đoạn 2021-2025 của Kế hoạch số 573/KH-UBND đã kết thúc, nên " \
        "không được dùng trong báo cáo nào; nếu nó sửa kế hoạch khác, ghi nó ngay dưới kế hoạch " \
        "đó" in messages(an_giang / "2026")


def test_a_2026_report_without_a_plan_for_the_phase_says_what_to_add(an_giang):
    edit_workbook(an_giang / "ho-so-tinh.xlsx", "Kế hoạch", {"C4": "12/12/2026"})
    assert messages(an_giang / "2026") == [
        f"Lỗi: {PROFILE} “Kế hoạch”: cần một kế hoạch của giai đoạn 2026-2030 có hiệu lực vào "
        "ngày báo cáo 30/11/2026 (dòng kế hoạch ghi “2026-2030” hoặc “2021-2030” ở cột “Giai "
        "đoạn”), nhưng gặp “Kế hoạch số 45/KH-UBND có hiệu lực từ 12/12/2026”"]


def test_a_province_without_indicators_gets_phase_wording_too(province_copy):
    """Hưng Yên has no indicator sheet: its 2026 report still speaks of 2026-2030."""
    from ncnsc_reports.new_year import start_year

    start_year(province_copy / "2026")
    text = "\n".join(docx_lines(build(province_copy / "2026").path))
    assert ("II. Đánh giá kết quả, hiệu quả đã đạt được trong năm 2026, năm đầu giai đoạn "
            "2026-2030\n1. Kết quả thực hiện các chỉ tiêu năm 2026:\n") in text
    assert "đến hết năm 2026" not in text
    assert "(năm 2021)" not in text and "từ đầu Chương trình" not in text
