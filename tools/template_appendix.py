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

from tools import docx_parts

# (header, width cm, alignment): numbers right-aligned, text left, labels centred. Widths hold
# the longest word of each column at 12 pt (no word broken across lines), 16.5 cm in all.
NUM, TEXT, LABEL = "num", "text", "label"
INDICATOR_COLUMNS = (
    ("TT", 1.0, LABEL), ("Chỉ tiêu", 4.4, TEXT), ("Đơn vị tính", 1.8, LABEL),
    ("Chỉ tiêu giai đoạn {{ period }}", 2.3, NUM), ("Chỉ tiêu năm {{ year }}", 1.6, NUM),
    ("Kết quả năm {{ year }}", 1.6, NUM), ("Lũy kế {{ cumulative_span }}", 2.3, NUM),
    ("Tỷ lệ đạt (%)", 1.5, NUM),
)
INDICATOR_CELLS = (
    "{{ loop.index }}", "{{ i.name }}", "{{ i.unit }}",
    "{{ appendix_targets[i.code] }}",  # “trên 33” when the name says so (issue 22, M5)
    "{% if i.year_target is not none %}{{ i.year_target|number }}{% endif %}",
    # a plan covering part of a merged province: its territory's result, the whole province's
    # in brackets; “-” where the records cannot be told apart by territory (domain.md §7)
    "{% if i.placed %}{{ i.year_result|number }}{% else %}-{% endif %}"
    "{% if i.whole_year is not none %} ({{ i.whole_year|number }}){% elif not i.placed %} "
    "({{ i.year_result|number }}){% endif %}",
    "{% if i.placed %}{{ i.cumulative|number }}{% else %}-{% endif %}"
    "{% if i.whole_cumulative is not none %} ({{ i.whole_cumulative|number }}){% elif not "
    "i.placed %} ({{ i.cumulative|number }}){% endif %}",
    "{% if i.completion is not none %}{{ i.completion|rate }}{% endif %}",
)
BUDGET_COLUMNS = (("Năm", 3.0, LABEL), ("Dự toán theo Kế hoạch (đồng)", 6.75, NUM),
                  ("Đã sử dụng (đồng)", 6.75, NUM))
BUDGET_CELLS = ("{{ b.year }}", "{% if b.planned is not none %}{{ b.planned|number }}{% endif %}",
                "{{ b.spent|number }}")
BUDGET_TOTAL = ("Tổng cộng",
                "{% if budget.planned_to_date is not none %}"
                "{{ budget.planned_to_date|number }}{% endif %}",
                "{{ budget.spent_to_date|number }}")
ENTERPRISE_COLUMNS = (
    ("TT", 1.0, LABEL), ("Tên doanh nghiệp", 4.2, TEXT), ("Mã số thuế", 2.5, LABEL),
    ("Địa bàn", 2.3, TEXT), ("Nội dung hỗ trợ", 3.6, TEXT), ("Kinh phí (đồng)", 2.9, NUM),
)
ENTERPRISE_CELLS = ("{{ loop.index }}", "{{ e.name }}", "{{ e.tax_code }}", "{{ e.locality }}",
                    "{{ e.what }}",
                    "{% if e.amount %}{{ e.amount|number }}{% else %}-{% endif %}")
ENTERPRISE_TOTAL = ("", "Tổng cộng", "", "", "", "{{ enterprises_total|number }}")
CELL_STYLES = {NUM: "Bảng – số", TEXT: "Bảng – chữ", LABEL: "Bảng"}
_YEAR_TARGET = 4  # the “Chỉ tiêu năm” column: printed only when a target of the year is set
# Without it the table keeps 16.5 cm: the 1.6 cm go to the indicator's name and to the year's
# result, which then reads on two lines like “Lũy kế” beside it.
_WIDER = {"Chỉ tiêu": 0.9, "Kết quả năm {{ year }}": 0.7}
NO_YEAR_TARGET_COLUMNS = tuple((h, round(w + _WIDER.get(h, 0), 1), a)
                               for k, (h, w, a) in enumerate(INDICATOR_COLUMNS)
                               if k != _YEAR_TARGET)
NO_YEAR_TARGET_CELLS = tuple(c for k, c in enumerate(INDICATOR_CELLS) if k != _YEAR_TARGET)
# In a phase's first year the cumulative figures are the year's: a “Lũy kế năm 2026” column
# repeated “Kết quả năm 2026” (review L5, An Giang 2026). Those tables drop it; its 2.3 cm go to
# the indicator's name, and to the year's result where it was 1.6 cm, so 16.5 cm stay in all.
_CUMULATIVE = "Lũy kế {{ cumulative_span }}"


def _first_year(columns, cells, wider):
    keep = [k for k, (h, _, _) in enumerate(columns) if h != _CUMULATIVE]
    return (tuple((h, round(w + wider.get(h, 0), 1), a) for k, (h, w, a) in enumerate(columns)
                  if k in keep), tuple(cells[k] for k in keep))


FIRST_YEAR_COLUMNS, FIRST_YEAR_CELLS = _first_year(
    INDICATOR_COLUMNS, INDICATOR_CELLS, {"Chỉ tiêu": 1.6, "Kết quả năm {{ year }}": 0.7})
FIRST_YEAR_NO_TARGET_COLUMNS, FIRST_YEAR_NO_TARGET_CELLS = _first_year(
    NO_YEAR_TARGET_COLUMNS, NO_YEAR_TARGET_CELLS, {"Chỉ tiêu": 2.3})


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
    style(doc, "Bảng – số", "BangSo", size=12, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, after=0)
    style(doc, "Bảng – tổng", "BangTong", size=12, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT,
          indent=0, after=0)


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


def grid_table(doc, columns, loop: str, cells, total=None):
    """A bordered table: a header row repeated on every page, a `{%tr for %}` row, one templated
    row, `{%tr endfor %}`, then a “Tổng cộng” row if `total`; no row splits across pages."""
    rows = [[h for h, _, _ in columns], ["{%tr for " + loop + " %}"] + [""] * (len(columns) - 1),
            list(cells), ["{%tr endfor %}"] + [""] * (len(columns) - 1)]
    rows += [list(total)] if total else []
    table = doc.add_table(rows=len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for grid_col, (_, width, _) in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), columns,
                                       strict=True):
        grid_col.set(qn("w:w"), str(round(width * 567)))
    for r, row in enumerate(table.rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for c, cell in enumerate(row.cells):
            cell.width = Cm(columns[c][1])
            p = cell.paragraphs[0]
            p.style = doc.styles[_cell_style(r, columns[c][2], len(rows))]
            if rows[r][c]:
                p.add_run(rows[r][c])
    _repeat_header(table.rows[0])
    return table


def _keep_together(table) -> None:
    """Keep a short table on one page: its “Tổng cộng” row was left alone on the next page
    (An Giang 2026). Every row but the last keeps with the next; a long table must not, or it
    would jump whole to a new page."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def _cell_style(row: int, align: str, rows: int) -> str:
    if row == 0 or (row == 4 and rows == 5 and align != NUM):
        return "Bảng – tiêu đề"  # header, and the “Tổng cộng” label
    if row == 4:
        return "Bảng – tổng"
    return CELL_STYLES[align] if row == 2 else "Bảng"


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def appendices(doc, para) -> None:
    """Phụ lục I (indicators and budget) and the list of enterprises supported (Phụ lục II, or
    Phụ lục I for a province without indicators), each numbered as present."""
    para(doc, "{%p if appendix.indicators %}")
    section_break(doc, para, restart=False)
    para(doc, "Phụ lục {{ appendix.indicators }}", "Phụ lục")
    # One idea per line (the title broke inside “GIAI / ĐOẠN” and “NĂM / 2021”): what, over
    # which years, under which document.
    para(doc, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {{ year }}{% if phase_first_year %},{% endif %}",
         "Tên phụ lục")
    para(doc, "{% if phase_first_year %}NĂM ĐẦU GIAI ĐOẠN {{ period }}{% else %}VÀ LŨY KẾ TỪ NĂM "
              "{{ period_start }}, GIAI ĐOẠN {{ period }}{% endif %}", "Tên phụ lục")
    # the document on a line of its own: its number never breaks at a hyphen (“648/QĐ-/UBND”)
    para(doc, "THEO {{ targets_source|cite_short|upper }}", "Tên phụ lục")
    para(doc, "{{ appendix_note }}", "Chỉ dẫn phụ lục")
    para(doc, "{%p if appendix_territory %}")
    para(doc, "{{ appendix_territory }}", "Chỉ dẫn phụ lục")
    para(doc, "{%p endif %}")
    # Most plans set targets for the whole phase only: a column left empty on every row would
    # read as missing figures, so the table without it is printed then.
    para(doc, "{%p if has_year_targets and not phase_first_year %}")
    grid_table(doc, INDICATOR_COLUMNS, "i in indicators", INDICATOR_CELLS)
    para(doc, "{%p elif has_year_targets %}")
    grid_table(doc, FIRST_YEAR_COLUMNS, "i in indicators", FIRST_YEAR_CELLS)
    para(doc, "{%p elif not phase_first_year %}")
    grid_table(doc, NO_YEAR_TARGET_COLUMNS, "i in indicators", NO_YEAR_TARGET_CELLS)
    para(doc, "{%p else %}")
    grid_table(doc, FIRST_YEAR_NO_TARGET_COLUMNS, "i in indicators", FIRST_YEAR_NO_TARGET_CELLS)
    para(doc, "{%p endif %}")
    para(doc, "{%p if budget %}")
    para(doc, "Kinh phí thực hiện theo {{ budget.source|cite_short }}",
         "Tiêu đề nhỏ").paragraph_format.space_before = Pt(12)
    budget = grid_table(doc, BUDGET_COLUMNS, "b in budget.years", BUDGET_CELLS, BUDGET_TOTAL)
    _keep_together(budget)
    docx_parts.guard_last_row(budget._tbl, "budget.years|length > 1")  # one year: no total
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if appendix.enterprises %}")
    # closes Phụ lục I (its own numbering) or, without it, the body (which starts at 1 anyway)
    section_break(doc, para, restart=True)
    para(doc, "Phụ lục {{ appendix.enterprises }}", "Phụ lục")
    para(doc, "DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ NĂM {{ year }}", "Tên phụ lục")
    para(doc, "{{ appendix_note }}", "Chỉ dẫn phụ lục")
    para(doc, "{%p if enterprises %}")
    grid_table(doc, ENTERPRISE_COLUMNS, "e in enterprises", ENTERPRISE_CELLS, ENTERPRISE_TOTAL)
    para(doc, "{%p else %}")
    para(doc, "Năm {{ year }} chưa hỗ trợ doanh nghiệp nào.")
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")
    _restart_numbering(_body_sectpr(doc))


def _body_sectpr(doc):
    """The document's last section (not doc.sections[0], which is the first paragraph break)."""
    return doc.element.body.find(qn("w:sectPr"))
