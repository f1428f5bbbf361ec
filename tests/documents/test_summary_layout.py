"""The period summary meets NĐ 30/2020 like the yearly report: every check of test_layout,
run on the An Giang 2021–2025 summary."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_layout import *  # noqa: F403 — the same checks, on another document


@pytest.fixture(scope="module")
def doc(built_samples):
    return Document(str(built_samples("an-giang/tong-ket-2021-2025").path))


@pytest.fixture(scope="module")
def expected():
    return {
        "header": ("UBND TỈNH AN GIANG", "Số:       /BC-SKHCN",
                   "An Giang, ngày       tháng 12 năm 2025"),
        "summary": "Tổng kết việc thực hiện giai đoạn 2021-2025",
        "body": ("Thực hiện Quyết định số 1322", "Căn cứ điểm đ khoản 1 Mục VI",
                 "- Kế hoạch số 573/KH-UBND", "Giai đoạn 2021-2025 không phát sinh nội dung này",
                 "- Kết quả: hỗ trợ 06 hệ thống quản lý",
                 "Trên địa bàn tỉnh An Giang (trước sắp xếp), giai đoạn 2021-2025 đã sử dụng"),
        "headings": ("I. Kế hoạch triển khai", "II. Kết quả thực hiện giai đoạn 2021-2025",
                     "III. Đánh giá chung", "IV. Phương hướng, nhiệm vụ giai đoạn 2026-2030",
                     "V. Đề xuất, kiến nghị", "1. Kết quả thực hiện các nhóm nhiệm vụ",
                     "1.3. Hỗ trợ doanh nghiệp", "3. Kinh phí thực hiện",
                     "4. Bài học kinh nghiệm"),
        "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Người Ký Minh Họa"],
    }


def test_only_a_table_header_keeps_with_next(doc):
    """A long table may break between rows: its body cells' styles carry no keep-with-next
    (else the whole table is chained to the next paragraph and a page is left mostly blank);
    the header rows repeat and keep with the first row, every row is cantSplit."""
    for sid in ("BangNho", "BangNhoChu"):
        assert doc.styles.element.xpath(f'w:style[@w:styleId="{sid}"]//w:keepNext') == [], sid
    tables = [t for t in doc.tables if t.rows[0]._tr.xpath("./w:trPr/w:tblHeader")]
    assert len(tables) >= 4
    for t in tables:
        body = [r for r in t.rows if not r._tr.xpath("./w:trPr/w:tblHeader")]
        assert body and all(r._tr.xpath("./w:trPr/w:cantSplit") for r in body)
        for r in body:
            for p in (p for c in r.cells for p in c.paragraphs):
                own = p._p.pPr.find(qn("w:keepNext")) if p._p.pPr is not None else None
                kept = p.style.paragraph_format.keep_with_next if own is None else \
                    own.get(qn("w:val")) not in ("0", "false")
                assert not kept, (t.rows[0].cells[0].text, p.text)


def test_a_repeated_header_has_room_for_its_merged_cells(doc):
    """The year row of a two-row header is at least 900 twips high: LibreOffice clips the
    vertically merged header cells (“Chỉ tiêu giai đoạn 2021-2025”, “Tỷ lệ đạt (%)”) of a header
    repeated on the next page to the rows' own heights."""
    rows = [tr for t in doc.tables for tr in t._tbl.tr_lst
            if tr.xpath("./w:trPr/w:tblHeader") and t._tbl.tr_lst.index(tr) == 1]
    assert len(rows) >= 3
    for tr in rows:
        [height] = tr.xpath("./w:trPr/w:trHeight")
        assert int(height.get(qn("w:val"))) >= 900 and height.get(qn("w:hRule")) == "atLeast"
