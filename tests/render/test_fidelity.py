"""Hưng Yên fidelity and line breaks: what the clerk typed reaches the report as typed.

Issue 10, item 5: heading punctuation kept as typed (a “Tên mục” row), sub-title style chosen
per row (italic or bold italic, as in seed 004's I.1.c), a line break inside a cell starts a
new paragraph of the same kind.
"""

from __future__ import annotations

from conftest import append_row, year_book
from docx import Document
from docx.oxml.ns import qn
from docx_format import Styles, text_of
from docx_text import docx_lines

from ncnsc_reports.pipeline import build


def test_heading_punctuation_is_kept_as_in_the_seed(sample_report):
    lines = docx_lines(sample_report)
    for heading in (
        "2.1. Hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao năng suất chất lượng.",
        "2.3. Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, "
        "công cụ cải tiến năng suất chất lượng, công cụ hỗ trợ cho sản xuất thông minh, dịch vụ "
        "thông minh:",
        "2.5. Tăng cường năng lực hoạt động tiêu chuẩn hóa và đánh giá sự phù hợp với tiêu "
        "chuẩn, quy chuẩn kỹ thuật:",
        "2.3. Đào tạo nguồn nhân lực cho hoạt động nâng cao năng suất chất lượng.",
    ):
        assert heading in lines, heading


def test_sub_titles_are_italic_or_bold_italic_as_typed(sample_report):
    doc = Document(str(sample_report))
    styles = Styles(doc)
    subtitles = [p for p in doc.element.body.iter(qn("w:p")) if text_of(p).startswith("* ")]
    looks = [(bool(styles.flag(p, None, "w:b")), bool(styles.flag(p, None, "w:i")))
             for p in subtitles[:3]]
    assert looks == [(False, True), (True, True), (True, True)]  # seed 004, I.1.c


def test_a_line_break_in_a_cell_starts_a_paragraph_of_the_same_kind(province_copy):
    append_row(year_book(province_copy), "Nội dung",
               ("IV", "Gạch đầu dòng (-)", "Kiến nghị thứ nhất;\nKiến nghị thứ hai."))
    path = build(province_copy / "2023").path
    lines = docx_lines(path)
    at = lines.index("- Kiến nghị thứ nhất;")
    assert lines[at + 1] == "- Kiến nghị thứ hai."
    assert not [p for p in Document(str(path)).element.body.iter(qn("w:br"))
                if p.getparent().getparent().tag == qn("w:p")
                and "Kiến nghị" in text_of(p.getparent().getparent())]


def test_a_heading_row_outside_the_task_groups_is_an_error(province_copy):
    import pytest

    from ncnsc_reports.errors import InputError

    append_row(year_book(province_copy), "Nội dung", ("II.2", "Tên mục (thay tên in sẵn)", "X"))
    with pytest.raises(InputError) as caught:
        build(province_copy / "2023")
    assert any("“Tên mục” chỉ dùng trong mục I.2.1" in str(p)
               for p in caught.value.problems)


def italic_runs(path, phrase: str) -> list[tuple[str, bool, bool]]:
    doc = Document(str(path))
    for p in doc.element.body.iter(qn("w:p")):
        if phrase in text_of(p):
            runs = []
            for r in p.iter(qn("w:r")):
                rpr = r.find(qn("w:rPr"))
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                if text:
                    runs.append((text, rpr is not None and rpr.find(qn("w:b")) is not None,
                                 rpr is not None and rpr.find(qn("w:i")) is not None))
            return runs
    raise AssertionError(phrase)


def test_the_seed_italic_phrase_is_italic(sample_report):
    runs = italic_runs(sample_report, "World Standards Day")
    assert ("World Standards Day/International standards day", False, True) in runs
    assert all(not i for text, _, i in runs if "Ngày Tiêu chuẩn" in text)


def test_bold_and_italic_typed_on_part_of_a_cell_reach_the_report(province_copy):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    cell = CellRichText(["Kiến nghị ", TextBlock(InlineFont(b=True), "đậm"), " và ",
                         TextBlock(InlineFont(i=True), "nghiêng\nsang dòng"), " hết."])
    append_row(year_book(province_copy), "Nội dung", ("IV", "Đoạn văn", cell))
    path = build(province_copy / "2023").path
    assert italic_runs(path, "Kiến nghị đậm") == [
        ("Kiến nghị ", False, False), ("đậm", True, False), (" và ", False, False),
        ("nghiêng", False, True)]
    assert italic_runs(path, "sang dòng hết.") == [("sang dòng", False, True),
                                                   (" hết.", False, False)]
