"""The built report meets NĐ 30/2020, Phụ lục I (and Mẫu 1.4 of Phụ lục III), read from the XML."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx_format import EMU_PER_CM, TWIPS_PER_CM, Styles, runs, text_of

FONT = "Times New Roman"


@pytest.fixture(scope="module")
def doc(sample_report):
    return Document(str(sample_report))


@pytest.fixture(scope="module")
def styles(doc):
    return Styles(doc)


@pytest.fixture(scope="module")
def expected():
    """What this document prints where the decree's checks look (another module reuses every
    test below on another document by overriding `doc` and `expected`)."""
    return {
        "header": ("UBND TỈNH HƯNG YÊN", "Số:       /BC-SKHCN",
                   "Hưng Yên, ngày       tháng 11 năm 2023"),
        "summary": "Kết quả thực hiện nhiệm vụ năm 2023",
        "body": ("Thực hiện Quyết định số 1322", "Căn cứ Công văn số 3185",
                 "- Quyết định số 843/QĐ-UBND", "Năm 2023 không phát sinh nội dung này",
                 "a) Đẩy mạnh phổ biến"),
        "headings": ("I. Tình hình triển khai", "II. Đánh giá kết quả", "III. Phương hướng",
                     "IV. Đề xuất", "1. Công tác lãnh đạo", "2. Những tồn tại",
                     "a) Về xây dựng kế hoạch", "2.3. Hỗ trợ"),
        "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thái Kiều Ngân"],
    }


def body_paragraphs(doc):
    return [p for p in doc.element.body if p.tag == qn("w:p") and text_of(p).strip()]


def find(paragraphs, start: str):
    matches = [p for p in paragraphs if text_of(p).startswith(start)]
    assert matches, f"no paragraph starts with {start!r}"
    return matches[0]


def cell_paragraphs(doc, table: int, row: int, col: int):
    tbl = doc.element.body.findall(qn("w:tbl"))[table]
    tc = tbl.findall(qn("w:tr"))[row].findall(qn("w:tc"))[col]
    return [p for p in tc.findall(qn("w:p"))]


def signature_paragraphs(doc, col: int):
    """The cell of the signature table (the one holding “Nơi nhận:”) in column `col`."""
    tbl = next(t for t in doc.element.body.findall(qn("w:tbl"))
               if any(text_of(p) == "Nơi nhận:" for p in t.iter(qn("w:p"))))
    tc = tbl.findall(qn("w:tr"))[0].findall(qn("w:tc"))[col]
    return [p for p in tc.findall(qn("w:p"))]


def test_page_is_a4_portrait_with_decree_margins(doc):
    # Phụ lục I, I.1–I.3
    for s in doc.sections:
        assert round(s.page_width / EMU_PER_CM, 1) == 21.0
        assert round(s.page_height / EMU_PER_CM, 1) == 29.7
        assert 2.0 <= s.top_margin / EMU_PER_CM <= 2.5
        assert 2.0 <= s.bottom_margin / EMU_PER_CM <= 2.5
        assert 3.0 <= s.left_margin / EMU_PER_CM <= 3.5
        assert 1.5 <= s.right_margin / EMU_PER_CM <= 2.0


def test_page_number_centred_at_top_from_page_two(doc, styles):
    # Phụ lục I, I.7: arabic, 13–14 pt, upright, centred in the top margin, none on page 1
    s = doc.sections[0]
    assert s.different_first_page_header_footer
    header = s.header._element
    instr = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    p = header.find(qn("w:p"))
    assert styles.alignment(p) == "center"
    assert 13 <= styles.size_pt(p) <= 14
    assert not styles.flag(p, None, "w:i")
    first = s.first_page_header._element
    assert list(first.iter(qn("w:instrText"))) == []
    assert "".join(t.text or "" for t in first.iter(qn("w:t"))).strip() == ""


def test_every_run_is_times_new_roman(doc, styles):
    # Phụ lục I, I.4: Times New Roman, Unicode, black
    for p in doc.element.body.iter(qn("w:p")):
        for r in runs(p):
            assert styles.font(p, r) == (FONT,) * 4, text_of(p)
            assert styles.run_prop(p, r, "w:color") in (None, "000000", "auto")
    style_xml = doc.styles.element.xml
    assert "Theme=" not in style_xml.replace("w:themeFontLang", "")


def test_header_table_has_no_borders_and_two_columns(doc):
    tbl = doc.element.body.findall(qn("w:tbl"))[0]
    borders = tbl.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert len(tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))) == 2


@pytest.mark.parametrize("row, col, index, text, sizes, bold, italic", [
    (0, 0, 0, 0, (12, 13), False, False),  # II.2.b parent agency
    (0, 0, 1, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", (12, 13), True, False),  # II.2.b issuing agency
    (0, 1, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (12, 13), True, False),  # II.1.a
    (0, 1, 1, "Độc lập - Tự do - Hạnh phúc", (13, 14), True, False),  # II.1.b
    (1, 0, 0, 1, (13, 13), False, False),  # II.3.c
    (1, 1, 0, 2, (13, 14), False, True),  # II.4.c
])
def test_header_elements(doc, styles, expected, row, col, index, text, sizes, bold, italic):
    text = expected["header"][text] if isinstance(text, int) else text
    p = [p for p in cell_paragraphs(doc, 0, row, col) if text_of(p).strip()][index]
    assert text_of(p) == text
    assert sizes[0] <= styles.size_pt(p) <= sizes[1]
    assert styles.flag(p, None, "w:b") is bold
    assert styles.flag(p, None, "w:i") is italic
    assert styles.alignment(p) == "center"


def rule_length_cm(doc, styles, p, width_cm):
    bottom = p.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single"
    return width_cm - styles.indent_cm(p, "left") - styles.indent_cm(p, "right")


def column_cm(doc, table, col):
    tbl = doc.element.body.findall(qn("w:tbl"))[table]
    grid = tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    margin = tbl.find(qn("w:tblPr")).find(qn("w:tblCellMar")).find(qn("w:left"))
    return (int(grid[col].get(qn("w:w"))) - 2 * int(margin.get(qn("w:w")))) / TWIPS_PER_CM


def test_rules_under_agency_and_motto(doc, styles):
    # II.2.b: 1/3–1/2 of the agency line (≈ 6 cm at 12 pt bold); II.1.b: as long as the motto
    agency_rule = cell_paragraphs(doc, 0, 0, 0)[2]
    motto_rule = cell_paragraphs(doc, 0, 0, 1)[2]
    assert 2.0 <= rule_length_cm(doc, styles, agency_rule, column_cm(doc, 0, 0)) <= 3.0
    assert 5.0 <= rule_length_cm(doc, styles, motto_rule, column_cm(doc, 0, 1)) <= 6.2


def test_type_and_summary(doc, styles, expected):
    # II.5.b: BÁO CÁO bold upper case 13–14, centred; trích yếu bold, a rule under it
    ps = body_paragraphs(doc)
    kind = find(ps, "BÁO CÁO")
    summary = find(ps, expected["summary"])
    for p in (kind, summary):
        assert styles.alignment(p) == "center"
        assert styles.flag(p, None, "w:b")
        assert 13 <= styles.size_pt(p) <= 14
    rule = summary.getnext()
    assert rule_length_cm(doc, styles, rule, 16.5) == pytest.approx(6.0, abs=2.3)


def test_body_paragraphs(doc, styles, expected):
    # II.6.e: justified, first line 1–1.27 cm, ≥ 6 pt between, single to 1.5 lines, 13–14 pt
    ps = body_paragraphs(doc)
    for start in expected["body"]:
        p = find(ps, start)
        assert styles.alignment(p) == "both", start
        assert 1.0 <= styles.indent_cm(p, "firstLine") <= 1.27 + 1e-6
        assert (styles.spacing(p, "after") or 0) + (styles.spacing(p, "before") or 0) >= 120
        assert 240 <= styles.spacing(p, "line") <= 360
        assert 13 <= styles.size_pt(p) <= 14
        assert not styles.flag(p, None, "w:b")
        assert not styles.flag(p, None, "w:i")


def test_headings_are_bold_body_size(doc, styles, expected):
    for start in expected["headings"]:
        p = find(body_paragraphs(doc), start)
        assert styles.flag(p, None, "w:b"), start
        assert 13 <= styles.size_pt(p) <= 14


def test_closing_sentence_ends_the_body(doc):
    ps = body_paragraphs(doc)
    assert text_of(ps[-1]).endswith("./.")


def test_signature_block(doc, styles, expected):
    # II.7.đ–e: authority and name bold 13–14, centred; II.9.b: "Nơi nhận:" 12 bold italic,
    # recipients 11 upright, "- " first, ";" last, last line "- Lưu: VT, <unit>."
    left = [p for p in signature_paragraphs(doc, 0) if text_of(p).strip()]
    right = [p for p in signature_paragraphs(doc, 1) if text_of(p).strip()]
    assert [text_of(p) for p in right] == expected["signer"]
    for p in right:
        assert styles.flag(p, None, "w:b") and styles.alignment(p) == "center"
        assert 13 <= styles.size_pt(p) <= 14
    assert text_of(left[0]) == "Nơi nhận:"
    assert styles.size_pt(left[0]) == 12
    assert styles.flag(left[0], None, "w:b") and styles.flag(left[0], None, "w:i")
    for p in left[1:]:
        assert styles.size_pt(p) == 11 and not styles.flag(p, None, "w:b")
        assert text_of(p).startswith("- ")
    assert all(text_of(p).endswith(";") for p in left[1:-1])
    assert text_of(left[-1]) == "- Lưu: VT, TĐC."
    blank = [p for p in signature_paragraphs(doc, 1) if not text_of(p).strip()]
    assert len(blank) >= 3  # room for the signature and the seal
