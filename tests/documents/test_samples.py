"""The illustrative samples: An Giang 2021–2025 and Tiền Giang 2021 build, and their numbers add up.

Done-when of the indicators issue: cumulative = previous cumulative + the year's result,
completion = cumulative / period target, figures in the text formatted the Vietnamese way,
2021–2024 cite 573/KH-UBND and 2025 cites 648/QĐ-UBND, illustrative data says so.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest
from conftest import ROOT, pdf_of
from docx import Document
from docx_text import docx_lines

from ncnsc_reports.formatting import format_rate, two_digits
from ncnsc_reports.pipeline import build

AN_GIANG = ROOT / "inputs" / "an-giang"
HEADER = ("Mã", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giai đoạn 2021-2025", "Kết quả năm",
          "Lũy kế", "Tỷ lệ đạt (%)", "Nguồn chỉ tiêu", "Địa bàn của kết quả",
          "Kết quả năm toàn tỉnh", "Lũy kế toàn tỉnh")
YEARS = range(2021, 2026)


@pytest.fixture(scope="module")
def an_giang(built_samples):
    return {year: built_samples(AN_GIANG / str(year)) for year in YEARS}


def table(result) -> list[tuple]:
    ws = openpyxl.load_workbook(result.path.parent / "chi-tieu.xlsx").worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADER
    # a result that cannot be told apart by territory (a survey after 1/7/2025) has only the
    # whole province's figures (and no rate)
    return [r[:7] if r[4] is not None else (*r[:4], r[9], r[10], r[6]) for r in rows[1:]]


def test_every_year_builds_without_warnings(an_giang):
    for year in range(2021, 2025):
        assert [str(w) for w in an_giang[year].warnings] == []
    # QĐ 648 replaced the norms by NQ 21/2024/NQ-HĐND, whose amounts are not entered; the
    # former Kiên Giang's plan (illustrative) states none either: its support is not checked
    # against An Giang's (domain.md §7)
    assert [str(w) for w in an_giang[2025].warnings] == [
        "kien-giang/ho-so-tinh.xlsx › trang “Định mức hỗ trợ”: Kế hoạch số 126/KH-UBND của "
        "tỉnh Kiên Giang (trước sắp xếp) chưa ghi định mức hỗ trợ (trang “Định mức hỗ trợ” của "
        "hồ sơ tỉnh đó, cột “Văn bản” ghi “126/KH-UBND”), nên các khoản hỗ trợ trên địa bàn "
        "tỉnh Kiên Giang (trước sắp xếp) chưa được kiểm tra so với định mức (không đối chiếu "
        "với định mức của Kế hoạch số 573/KH-UBND, chỉ áp dụng trên địa bàn tỉnh An Giang "
        "(trước sắp xếp))",
        "ho-so-tinh.xlsx › trang “Định mức hỗ trợ”: chưa có dòng nào của Quyết định số "
        "648/QĐ-UBND (văn bản quy định định mức hỗ trợ áp dụng năm 2025), nên chưa kiểm tra "
        "được số tiền hỗ trợ so với định mức. Hãy thêm mỗi mức hỗ trợ của văn bản đó một dòng: "
        "cột “Văn bản” ghi “648/QĐ-UBND”, chọn “Nội dung hỗ trợ” và “Khoản chi”, ghi “Mức tối "
        "đa (đồng)” (và “Tối đa mỗi doanh nghiệp mỗi năm” nếu văn bản có quy định)"]


def test_cumulative_is_previous_cumulative_plus_the_year(an_giang):
    previous = {}
    for year in YEARS:
        for code, _, _, target, result, cumulative, rate in table(an_giang[year]):
            assert isinstance(result, int) and isinstance(cumulative, int)
            assert cumulative == previous.get(code, 0) + result, (year, code)
            previous[code] = cumulative
            if target:
                expected = (Decimal(cumulative) * 100 / target).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_UP)
                assert Decimal(str(rate)) == expected
            else:
                assert rate is None


def test_cumulative_figures_are_in_the_text(an_giang):
    for year in YEARS:
        text = "\n".join(docx_lines(an_giang[year].path))
        for code, _, _, target, _, cumulative, rate in table(an_giang[year]):
            if year == 2021:  # the first year of the phase: the year's figure is the cumulative
                figure = f"đã {{}} {two_digits(cumulative)} " if cumulative else "Năm 2021 chưa "
            else:
                figure = two_digits(cumulative) + (f"/{two_digits(target)}" if target else "")
                assert f"đến hết năm {year} đã" in text
            assert figure.split("{}")[-1] in text, (year, code, figure)
            if rate:
                assert f"đạt {format_rate(Decimal(str(rate)))}% chỉ tiêu giai đoạn" in text


def test_reports_cite_the_plan_in_force(an_giang):
    for year in YEARS:
        opening = next(line for line in docx_lines(an_giang[year].path)
                       if line.startswith("Thực hiện Quyết định số 1322"))
        assert "Kế hoạch số 573/KH-UBND ngày 28/9/2021" in opening
        assert ("Quyết định số 648/QĐ-UBND ngày 25/4/2025" in opening) is (year == 2025)
        text = "\n".join(docx_lines(an_giang[year].path))
        source = "Quyết định số 648/QĐ-UBND" if year == 2025 else "Kế hoạch số 573/KH-UBND"
        assert (f"Kết quả thực hiện các chỉ tiêu giai đoạn 2021-2025 theo {source} (chi tiết "
                "tại Phụ lục I kèm theo):") in text


def test_2023_figures_by_hand(an_giang):
    rows = {r[0]: r for r in table(an_giang[2023])}
    # systems: 1 (2021) + 4 (2022) + 3 (2023) = 8 of 12 → 66,7 %
    assert rows["HTQL"][3:] == (12, 3, 8, 66.7)
    text = "\n".join(docx_lines(an_giang[2023].path))
    assert ("- Năm 2023 đã hỗ trợ 03 hệ thống quản lý (chỉ tiêu năm 2023: 03 hệ thống); lũy "
            "kế từ năm 2021 đến hết năm 2023 đã hỗ trợ 08/12 hệ thống quản lý, đạt 66,7% chỉ "
            "tiêu giai đoạn;") in text.splitlines()


def test_illustrative_data_says_so(an_giang):
    for year in YEARS:
        path = an_giang[year].path
        assert docx_lines(path)[0] == "DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật"
        assert "DỮ LIỆU MINH HỌA" in Document(str(path)).core_properties.comments
        book = openpyxl.load_workbook(path.parent / "chi-tieu.xlsx")
        assert "DỮ LIỆU MINH HỌA" in book["Ghi chú"]["A2"].value
    inputs = openpyxl.load_workbook(AN_GIANG / "2023" / "bao-cao-2023.xlsx")
    assert "DỮ LIỆU MINH HỌA" in inputs["Hướng dẫn"]["A2"].value


def test_tien_giang_2021_builds(tmp_path):
    result = build(ROOT / "inputs" / "tien-giang" / "2021", tmp_path)
    rows = {r[0]: r[3:] for r in table(result)}
    assert rows == {"LTH": (10, 2, 2, 20.0), "DNAD": (20, 2, 2, 10.0), "DNCN": (30, 1, 1, 3.3)}
    assert docx_lines(result.path)[0].startswith("DỮ LIỆU MINH HỌA")


def test_real_sample_is_not_marked_illustrative(sample_report):
    assert not any("MINH HỌA" in line for line in docx_lines(sample_report))
    assert not (sample_report.parent / "chi-tieu.xlsx").exists()  # Hưng Yên sets no indicators


def test_appendices_follow_the_decree(an_giang):
    # NĐ 30/2020, Phụ lục I, III.1: "Phụ lục" + Roman number 14 pt bold centred; title bold
    # upper case 13–14 pt; the report's number, date and issuer in italics; own page numbers.
    from docx.oxml.ns import qn
    from docx_format import Styles, text_of

    doc = Document(str(an_giang[2023].path))
    styles = Styles(doc)
    paragraphs = [p for p in doc.element.body.iter(qn("w:p")) if text_of(p).strip()]
    for label, title in (("Phụ lục I", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
                         ("Phụ lục II", "DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ NĂM 2023")):
        i = next(i for i, p in enumerate(paragraphs) if text_of(p) == label)
        head = paragraphs[i]
        # a title may take up to three lines: what, which years, the plan on its own
        n = next(n for n in range(i + 2, i + 5) if text_of(paragraphs[n]).startswith("(Kèm"))
        names, note = paragraphs[i + 1:n], paragraphs[n]
        assert styles.size_pt(head) == 14 and styles.flag(head, None, "w:b")
        assert text_of(names[0]).startswith(title)
        for name in names:
            assert text_of(name) == text_of(name).upper()
            assert styles.flag(name, None, "w:b") and 13 <= styles.size_pt(name) <= 14
        assert text_of(note).startswith("(Kèm theo Báo cáo số")
        assert styles.flag(note, None, "w:i")
        assert {styles.alignment(p) for p in (head, *names, note)} == {"center"}
    sections = doc.sections
    assert len(sections) == 3
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert starts[0] is None
    assert [s.get(qn("w:start")) for s in starts[1:]] == ["1", "1"]
    assert all(s.different_first_page_header_footer for s in sections)


@pytest.mark.libreoffice
def test_sample_with_appendices_converts_to_pdf(an_giang, tmp_path):
    _, pages, text = pdf_of(an_giang[2025].path, tmp_path)
    assert pages >= 5 and "Phụ lục II" in text
