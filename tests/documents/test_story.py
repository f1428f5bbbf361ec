"""One story: section I lists what the records hold, the appendices agree, III and IV are there.

Issue 10 (items 3, 4): each task group of section I lists the year's records (articles, support
by enterprise, classes, experts); the certification indicator counts the rows the appendix shows
as certification; appendix numbers are right-aligned and every amount table has a “Tổng cộng”
row equal to its sum; rows never split and header rows repeat.
"""

from __future__ import annotations

import openpyxl
import pytest
from conftest import ROOT, append_row, year_book
from docx import Document
from docx.oxml.ns import qn
from docx_format import Styles, text_of
from docx_text import docx_lines

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.pipeline import build

SAMPLES = [ROOT / "inputs" / "an-giang" / str(y) for y in range(2021, 2026)] + [
    ROOT / "inputs" / "tien-giang" / "2021"]
EMPTY = "không phát sinh nội dung này"
NUMERIC_HEADERS = ("(đồng)", "Chỉ tiêu giai đoạn", "Chỉ tiêu năm", "Kết quả", "Lũy kế", "Tỷ lệ")


@pytest.fixture(scope="module")
def built(built_samples):
    return {d: built_samples(d) for d in SAMPLES}


def group_text(lines: list[str], number: str, following: str) -> str:
    """The text of task group `number` (e.g. "2.3."), up to the next heading `following`."""
    start = next(i for i, line in enumerate(lines) if line.startswith(number + " "))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(following))
    return "\n".join(lines[start + 1:end])


@pytest.mark.parametrize("year_dir", SAMPLES, ids=lambda d: f"{d.parent.name}-{d.name}")
def test_section_one_lists_the_records_of_each_group(built, year_dir):
    report, _, _ = gather(year_dir)
    rows = report.history[report.year].rows
    lines = docx_lines(built[year_dir].path)
    groups = {"2.2.": ("Tin bài", "title", "2.3. "),
              "2.3.": ("Hỗ trợ doanh nghiệp", "name", "2.4. "),
              "2.4.": ("Tập huấn", "title", "2.5. ")}
    for number, (sheet, key, following) in groups.items():
        text = group_text(lines, number, following)
        for row in rows.get(sheet, []):
            assert row[key] in text, f"{row[key]} missing under {number}"
        if rows.get(sheet):
            assert EMPTY not in text, f"{number} says nothing arose but has records"
    for expert in rows.get("Chuyên gia", []):
        assert expert["name"] in group_text(lines, "2.4.", "2.5. ")


@pytest.mark.parametrize("year_dir", SAMPLES, ids=lambda d: f"{d.parent.name}-{d.name}")
def test_sections_three_and_four_never_say_nothing_arose(built, year_dir):
    lines = docx_lines(built[year_dir].path)
    start = next(i for i, line in enumerate(lines) if line.startswith("III. "))
    assert not [line for line in lines[start:] if EMPTY in line]


def appendix_tables(path):
    """The bordered tables after the signature table: header texts and body rows' cells."""
    doc = Document(str(path))
    return doc, doc.element.body.findall(qn("w:tbl"))[2:]


def cells(tr):
    return tr.findall(qn("w:tc"))


def number(text: str) -> int:
    return int(text.replace(".", "")) if text and text != "-" else 0  # “-”: no money (M17)


@pytest.mark.parametrize("year_dir", SAMPLES, ids=lambda d: f"{d.parent.name}-{d.name}")
def test_appendix_numbers_right_aligned_and_totals_add_up(built, year_dir):
    doc, tables = appendix_tables(built[year_dir].path)
    styles = Styles(doc)
    has_budget = year_dir.parent.name == "an-giang"  # Tiền Giang's profile sets no budget
    assert len(tables) == 2 + has_budget  # indicators, budget, enterprises
    totals = 0
    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        header = [text_of(tc.find(qn("w:p"))) for tc in cells(rows[0])]
        numeric = [i for i, h in enumerate(header) if any(k in h for k in NUMERIC_HEADERS)]
        assert numeric, header
        body = [r for r in rows[1:] if "Tổng cộng" not in [text_of(c.find(qn("w:p")))
                                                           for c in cells(r)]]
        for tr in rows[1:]:
            for i in numeric:
                p = cells(tr)[i].find(qn("w:p"))
                if text_of(p).strip():
                    assert styles.alignment(p) == "right", (header[i], text_of(p))
        total_rows = [r for r in rows if r not in body and r is not rows[0]]
        if any("(đồng)" in h for h in header) and len(body) == 1 and header[0] == "Năm":
            assert total_rows == [], header  # one year's budget: no total (review L5)
            totals += 1
        elif any("(đồng)" in h for h in header):
            assert len(total_rows) == 1, header
            for i in (i for i, h in enumerate(header) if "(đồng)" in h):
                column = [number(text_of(cells(r)[i].find(qn("w:p")))) for r in body]
                assert number(text_of(cells(total_rows[0])[i].find(qn("w:p")))) == sum(column)
            totals += 1
    assert totals == 1 + has_budget


@pytest.mark.parametrize("year_dir", SAMPLES[-2:], ids=lambda d: f"{d.parent.name}-{d.name}")
def test_appendix_rows_never_split_and_headers_repeat(built, year_dir):
    _, tables = appendix_tables(built[year_dir].path)
    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


PHASE_TWO = [ROOT / "inputs" / p / "2026" for p in ("an-giang", "dong-thap")]


@pytest.mark.parametrize("year_dir", SAMPLES + PHASE_TWO,
                         ids=lambda d: f"{d.parent.name}-{d.name}")
def test_year_target_column_only_when_a_year_target_is_set(tmp_path, year_dir):
    """A plan that sets targets for the phase only gets no “Chỉ tiêu năm” column, which would
    be empty on every row; the table keeps its 16.5 cm either way."""
    _, results, _ = gather(year_dir)
    expected = any(i.year_target is not None for i in results.indicators)
    _, tables = appendix_tables(build(year_dir, tmp_path).path)
    rows = tables[0].findall(qn("w:tr"))
    header = [text_of(tc.find(qn("w:p"))) for tc in cells(rows[0])]
    assert header[:2] == ["TT", "Chỉ tiêu"] and header[-1] == "Tỷ lệ đạt (%)"
    assert (f"Chỉ tiêu năm {year_dir.name}" in header) is expected, header
    assert all(len(cells(r)) == len(header) for r in rows)
    widths = [int(g.get(qn("w:w"))) for g in tables[0].find(qn("w:tblGrid"))]
    assert len(widths) == len(header) and abs(sum(widths) - 16.5 * 567) < len(widths)


def test_year_target_column_is_shown_by_some_sample():
    """The test above is not vacuous: An Giang 2025 (QĐ 648's survey target for 2025) has it."""
    _, results, _ = gather(ROOT / "inputs" / "an-giang" / "2025")
    assert any(i.year_target is not None for i in results.indicators)


def test_body_points_to_each_appendix(built):
    lines = docx_lines(built[SAMPLES[2]].path)
    text = "\n".join(lines)
    assert "(danh sách chi tiết tại Phụ lục II kèm theo)" in text
    assert "chi tiết tại Phụ lục I kèm theo" in text


def test_certification_counts_the_rows_the_appendix_shows(tmp_path):
    """A system's first certification audit is a certification, in the text, the appendix and
    chi-tieu.xlsx alike (Tiền Giang 224/KH-UBND counts enterprises supported to certify)."""
    import shutil

    province = tmp_path / "inputs" / "tien-giang"
    shutil.copytree(ROOT / "inputs" / "tien-giang", province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    append_row(year_book(province, "2021"), "Hỗ trợ doanh nghiệp", (
        "Công ty TNHH Minh Họa TG 03", "9998000003", "Mỹ Tho", "Hệ thống quản lý", "ISO 22000",
        "Đánh giá chứng nhận lần đầu", 30_000_000, "Ngân sách tỉnh"))
    result = build(province / "2021")
    _, tables = appendix_tables(result.path)
    shown = {text_of(cells(r)[1].find(qn("w:p"))) for r in tables[-1].findall(qn("w:tr"))[1:]
             if "chứng nhận" in text_of(cells(r)[4].find(qn("w:p"))).lower()}
    assert len(shown) == 2
    ws = openpyxl.load_workbook(result.path.parent / "chi-tieu.xlsx").worksheets[0]
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "DNCN")
    assert row[4] == len(shown)
    assert any("hỗ trợ chứng nhận 02 doanh nghiệp" in line
               for line in docx_lines(result.path))


def test_records_of_a_province_without_indicators_reach_the_report(province_copy):
    """Issue 11, item 8: Hưng Yên sets no indicators; its records are not ignored."""
    book = year_book(province_copy)
    append_row(book, "Hỗ trợ doanh nghiệp", (
        "Công ty TNHH Thử Nghiệm", "0900000001", "Văn Lâm", "Hệ thống quản lý", "ISO 9001",
        "Tư vấn áp dụng", 40_000_000, "Ngân sách tỉnh"))
    append_row(book, "Tập huấn", ("Lớp thử nghiệm năng suất", "12/5/2023", None, 30, 10, 20,
                                  None))
    lines = docx_lines(build(province_copy / "2023").path)
    assert "- Công ty TNHH Thử Nghiệm (Văn Lâm): tư vấn áp dụng hệ thống quản lý ISO 9001; " \
           "kinh phí hỗ trợ 40.000.000 đồng." in group_text(lines, "2.3.", "2.4. ")
    assert "Lớp thử nghiệm năng suất" in group_text(lines, "2.4.", "2.5. ")
    assert "Phụ lục I" in lines and "DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ NĂM 2023" in lines
    assert "| Công ty TNHH Thử Nghiệm" in lines


def test_empty_recommendations_warn_and_read_as_a_sentence(province_copy):
    import openpyxl as xl

    book = year_book(province_copy)
    wb = xl.load_workbook(book)
    ws = wb["Nội dung"]
    for row in range(ws.max_row, 1, -1):
        if ws.cell(row, 1).value == "IV":
            ws.delete_rows(row)
    wb.save(book)
    result = build(province_copy / "2023")
    assert any("mục IV (đề xuất, kiến nghị) chưa có nội dung" in w.message
               for w in result.warnings)
    assert "Không có đề xuất, kiến nghị." in docx_lines(result.path)
