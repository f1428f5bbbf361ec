"""The appendices of the annual report template: Phụ lục I (indicators, budget), II (enterprises).

Part of tools/make_template.py. NĐ 30/2020, Phụ lục I, III.1: “Phụ lục” and its Roman number on
a line of its own, 14 pt bold, centred; its title bold upper case 13–14 pt; under it, italic,
the number, date and issuer of the report; each appendix numbers its own pages.
"""

from __future__ import annotations

import copy

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

INDICATOR_COLUMNS = (
    ("TT", 1.0), ("Chỉ tiêu", 5.5), ("Đơn vị tính", 2.0),
    ("Chỉ tiêu giai đoạn {{ period }}", 2.0), ("Kết quả năm {{ year }}", 2.0),
    ("Lũy kế {{ cumulative_span }}", 2.0), ("Tỷ lệ đạt (%)", 2.0),
)
INDICATOR_CELLS = (
    "{{ loop.index }}", "{{ i.name }}", "{{ i.unit }}",
    "{% if i.period_target is not none %}{{ i.period_target|number }}{% endif %}",
    "{{ i.year_result|number }}", "{{ i.cumulative|number }}",
    "{% if i.completion is not none %}{{ i.completion|number(1) }}{% endif %}",
)
BUDGET_COLUMNS = (("Năm", 3.0), ("Dự toán theo Kế hoạch (đồng)", 6.75),
                  ("Đã sử dụng (đồng)", 6.75))
BUDGET_CELLS = ("{{ b.year }}", "{% if b.planned is not none %}{{ b.planned|number }}{% endif %}",
                "{{ b.spent|number }}")
ENTERPRISE_COLUMNS = (
    ("TT", 1.0), ("Tên doanh nghiệp", 3.6), ("Mã số thuế", 2.5), ("Địa bàn", 2.1),
    ("Nội dung hỗ trợ", 3.0), ("Khoản chi", 2.0), ("Kinh phí (đồng)", 2.3),
)
ENTERPRISE_CELLS = ("{{ loop.index }}", "{{ e.name }}", "{{ e.tax_code }}", "{{ e.locality }}",
                    "{{ e.kind }}{% if e.detail %} ({{ e.detail }}){% endif %}", "{{ e.item }}",
                    "{{ e.amount|number }}")


def define_styles(doc, style) -> None:
    """Appendix styles; `style` is make_template.style."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    style(doc, "Phụ lục", "PhuLuc", size=14, bold=True, align=center, indent=0, after=0)
    style(doc, "Tên phụ lục", "TenPhuLuc", size=14, bold=True, align=center, indent=0, after=0)
    style(doc, "Chỉ dẫn phụ lục", "ChiDanPhuLuc", size=14, italic=True, align=center, indent=0,
          after=12)
    style(doc, "Bảng", "Bang", size=12, align=center, indent=0, after=0)
    style(doc, "Bảng – tiêu đề", "BangTieuDe", size=12, bold=True, align=center, indent=0,
          after=0)
    style(doc, "Bảng – chữ", "BangChu", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, after=0)


def section_break(doc, para, restart: bool):
    """End a section here, with the page setup of the document; restart numbering if asked."""
    p = para(doc, "")
    sect = copy.deepcopy(_body_sectpr(doc))
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    if restart:
        _restart_numbering(sect)
    p._p.get_or_add_pPr().append(sect)
    return p


def _restart_numbering(sect) -> None:
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), "1")
    # CT_SectPr order: … pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
    cols = sect.find(qn("w:cols"))
    cols.addprevious(num) if cols is not None else sect.append(num)


def grid_table(doc, columns, loop: str, cells, para):
    """A bordered table: a header row, a `{%tr for %}` row, one templated row, `{%tr endfor %}`."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for grid_col, (_, width) in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), columns,
                                    strict=True):
        grid_col.set(qn("w:w"), str(round(width * 567)))
    texts = ([h for h, _ in columns], ["{%tr for " + loop + " %}"] + [""] * (len(columns) - 1),
             list(cells), ["{%tr endfor %}"] + [""] * (len(columns) - 1))
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.width = Cm(columns[c][1])
            p = cell.paragraphs[0]
            p.style = doc.styles["Bảng – tiêu đề" if r == 0 else
                                 "Bảng – chữ" if r == 2 and c in (1, 4) else "Bảng"]
            if texts[r][c]:
                p.add_run(texts[r][c])
    _repeat_header(table.rows[0])
    return table


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def appendices(doc, para) -> None:
    """Phụ lục I (indicators and budget) and Phụ lục II (enterprises supported)."""
    para(doc, "{%p if has_indicators %}")
    section_break(doc, para, restart=False)
    para(doc, "Phụ lục I", "Phụ lục")
    para(doc, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH NĂM {{ year }}{% if phase_first_year %}"
              ", NĂM ĐẦU GIAI ĐOẠN {{ period }}{% else %} VÀ LŨY KẾ TỪ NĂM {{ period_start }}, "
              "GIAI ĐOẠN {{ period }}{% endif %}", "Tên phụ lục")
    para(doc, "{{ appendix_note }}", "Chỉ dẫn phụ lục")
    grid_table(doc, INDICATOR_COLUMNS, "i in indicators", INDICATOR_CELLS, para)
    para(doc, "{%p if budget %}")
    para(doc, "Kinh phí thực hiện Kế hoạch ({{ budget.source|cite_short }})",
         "Tiêu đề nhỏ").paragraph_format.space_before = Pt(12)
    grid_table(doc, BUDGET_COLUMNS, "b in budget.years", BUDGET_CELLS, para)
    para(doc, "{%p endif %}")
    section_break(doc, para, restart=True)
    para(doc, "Phụ lục II", "Phụ lục")
    para(doc, "DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ NĂM {{ year }}", "Tên phụ lục")
    para(doc, "{{ appendix_note }}", "Chỉ dẫn phụ lục")
    para(doc, "{%p if enterprises %}")
    grid_table(doc, ENTERPRISE_COLUMNS, "e in enterprises", ENTERPRISE_CELLS, para)
    para(doc, "{%p else %}")
    para(doc, "Năm {{ year }} không hỗ trợ doanh nghiệp.")
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")
    _restart_numbering(_body_sectpr(doc))


def _body_sectpr(doc):
    """The document's last section (not doc.sections[0], which is the first paragraph break)."""
    return doc.element.body.find(qn("w:sectPr"))
