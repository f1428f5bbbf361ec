"""How templates/tong-ket-giai-doan.docx, the period summary (báo cáo tổng kết / sơ kết), was
first made: a one-off record, not its source (the checked-in .docx is; editors edit it in Word).
Run plainly (`python -m tools.make_summary_template`) it writes a draft to build/templates/;
see tools/template_destination.py.

Built from tools/make_template.py's parts, so the summary has the yearly report's styles, page
setup, header (Mẫu 1.4, NĐ 30/2020 Phụ lục III), paragraph layout, Nơi nhận and signature; only
its body differs. Its frame follows what a summary contains (seed 000, An Giang 573/KH-UBND:
“báo cáo tổng kết Kế hoạch vào Quý IV năm 2025”): the plan and its amendments, results by task
group year by year, every indicator against the phase target, budget by year, an assessment,
lessons, directions for the next phase and recommendations.
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tools import docx_parts, template_destination
from tools import make_template as base
from tools.make_template import para

NAME = "tong-ket-giai-doan.docx"  # saved by template_destination (drafts)
YEARS = 5  # a phase of QĐ 1322 is five years; a mid-term review leaves the later years blank

# Widths (cm) add up to the text width, 16.5 cm; cells have 0.1 cm side margins, so a year
# (“2021”) and a rate (“100,0”) fit on one line at 11 pt.
INDICATOR_HEAD = (("TT", 0.75), ("Chỉ tiêu", 2.95), ("Đơn vị tính", 1.5),
                  ("Chỉ tiêu giai đoạn {{ phase }}", 1.8)) + tuple(
    (f"{{{{ years[{i}] }}}}", 1.15) for i in range(YEARS)) + (
    ("Lũy kế {{ period }}", 1.2), ("Tỷ lệ đạt (%)", 1.25), ("Đánh giá", 1.3))
INDICATOR_CELLS = (
    "{{ loop.index }}", "{{ i.name }}", "{{ i.unit }}",
    "{% if i.period_target is not none %}{{ i.period_target|number }}{% endif %}") + tuple(
    f"{{% if i.results[{n}] is not none %}}{{{{ i.results[{n}]|number }}}}{{% endif %}}"
    for n in range(YEARS)) + (
    "{{ i.cumulative|number }}",
    "{% if i.completion is not none %}{{ i.completion|rate }}{% endif %}",
    "{% if i.met %}Đạt{% elif i.met is not none %}Chưa đạt{% endif %}")
# The merged province's total: no target (the former provinces' plans differ), so no rate.
TOTAL_HEAD = (("TT", 0.75), ("Chỉ tiêu", 5.5), ("Đơn vị tính", 1.7)) + tuple(
    (f"{{{{ years[{i}] }}}}", 1.3) for i in range(YEARS)) + (("Tổng {{ period }}", 2.05),)
TOTAL_CELLS = ("{{ loop.index }}", "{{ i.name }}", "{{ i.unit }}") + tuple(
    f"{{% if i.results[{n}] is not none %}}{{{{ i.results[{n}]|number }}}}{{% endif %}}"
    for n in range(YEARS)) + ("{{ i.cumulative|number }}",)
BUDGET_HEAD = (("Năm", 2.5), ("Dự toán theo Kế hoạch (đồng)", 5.0), ("Đã sử dụng (đồng)", 5.0),
               ("Tỷ lệ sử dụng (%)", 4.0))
BUDGET_TOTAL = ("Tổng cộng", "{% if budget.planned_total is not none %}"
                "{{ budget.planned_total|number }}{% endif %}", "{{ budget.spent_total|number }}",
                "{% if budget.budget_completion is not none %}"
                "{{ budget.budget_completion|rate }}{% endif %}")
BUDGET_CELLS = ("{{ b.year }}", "{% if b.planned is not none %}{{ b.planned|number }}{% endif %}",
                "{{ b.spent|number }}",
                "{% if b.rate is not none %}{{ b.rate|rate }}{% endif %}")


def define_styles(doc) -> None:
    """The yearly styles, and those of a figure and a small table."""
    base.define_styles(doc)
    center = WD_ALIGN_PARAGRAPH.CENTER
    base.style(doc, "Hình", "Hinh", size=13, align=center, indent=0, before=6, after=0,
               keep_next=True)
    base.style(doc, "Chú thích hình", "ChuThichHinh", size=13, italic=True, align=center,
               indent=0, after=6)
    # A table's title keeps with the table, its header rows with the first body row; the body
    # rows do not keep with next (cantSplit keeps each row whole, the header repeats), or the
    # whole table is chained to the next paragraph and a long one leaves a page mostly blank.
    base.style(doc, "Tên bảng", "TenBang", size=13, italic=True, align=center, indent=0,
               before=6, after=6, keep_next=True)
    base.style(doc, "Bảng nhỏ", "BangNho", size=11, align=center, indent=0, after=0)
    base.style(doc, "Bảng nhỏ – tiêu đề", "BangNhoTieuDe", size=11, bold=True, align=center,
               indent=0, after=0, keep_next=True)
    base.style(doc, "Bảng nhỏ – chữ", "BangNhoChu", size=11, align=WD_ALIGN_PARAGRAPH.LEFT,
               indent=0, after=0)


def table(doc, head, cells, loop: str, *, grouped: tuple[int, int, str] | None = None,
          total: tuple[str, ...] = (), text_column: int | None = 1):
    """A bordered table: header row(s), a `{%tr for %}` row, the templated row, `{%tr endfor %}`.

    `grouped` = (first, count, title): the header's columns first … first+count-1 get a
    second header row under one merged title (e.g. “Kết quả thực hiện” over the years).
    """
    heads = 2 if grouped else 1
    t = doc.add_table(rows=heads + 3 + bool(total), cols=len(head))
    t.style = doc.styles["Table Grid"]
    t.autofit = False
    for grid_col, (_, width) in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), head, strict=True):
        grid_col.set(qn("w:w"), str(round(width * 567)))
    body = (["{%tr for " + loop + " %}"] + [""] * (len(head) - 1), list(cells),
            ["{%tr endfor %}"] + [""] * (len(head) - 1), list(total))
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row.cells):
            cell.width = Cm(head[c][1])
            p = cell.paragraphs[0]
            p.style = doc.styles["Bảng nhỏ – tiêu đề" if r < heads or r == heads + 3 else
                                 "Bảng nhỏ – chữ" if r == heads + 1 and c == text_column
                                 else "Bảng nhỏ"]
            if r == heads + 3:  # the total row, bold like the header, is not chained on
                p.paragraph_format.keep_with_next = False
            text = body[r - heads][c] if r >= heads else _head_text(head, grouped, r, c)
            if text:
                p.add_run(text)
    if grouped:
        _merge_header(t, grouped, len(head))
    for row in t.rows[:heads]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    _narrow_margins(t)
    return t


def _narrow_margins(t) -> None:
    """Cell side margins of 0.1 cm (CT_TblPr order: …, tblLayout, tblCellMar, tblLook)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    t._tbl.tblPr.find(qn("w:tblLayout")).addnext(margins)


def _head_text(head, grouped, r: int, c: int) -> str:
    """Row 0: each column's title, or the group's title over its first column; row 1: the
    grouped columns' own titles (the other cells are merged into row 0)."""
    inside = bool(grouped) and grouped[0] <= c < grouped[0] + grouped[1]
    if r == 0:
        return (grouped[2] if c == grouped[0] else "") if inside else head[c][0]
    return head[c][0] if inside else ""


def _merge_header(t, grouped, columns: int) -> None:
    first, count, _ = grouped
    t.cell(0, first).merge(t.cell(0, first + count - 1))
    for c in range(columns):
        if not first <= c < first + count:
            t.cell(0, c).merge(t.cell(1, c))


def figure(doc, field: str, caption: str) -> None:
    para(doc, "{{ " + field + " }}", "Hình")
    para(doc, "{{ " + caption + " }}", "Chú thích hình")


def body(doc) -> None:
    para(doc, "BÁO CÁO", "Tên loại văn bản").paragraph_format.space_before = Pt(18)
    para(doc, "{% if kind == 'tổng kết' %}Tổng kết{% else %}Sơ kết{% endif %} việc thực hiện "
              "giai đoạn {{ period }} của " + base.PROGRAMME, "Trích yếu")
    base.rule(doc, 6.0, base.TEXT_WIDTH).paragraph_format.space_after = Pt(12)
    para(doc, "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê "
              "duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
              "sản phẩm, hàng hóa giai đoạn 2021-2030; {{ plan|cite }}{% for a in amendments %}; "
              "{{ a|cite_after(plan) }}{% endfor %}.")
    merger(doc)  # before the opening's “… báo cáo như sau:” (issue 22, review L8)
    para(doc, "{{p paras(opening) }}")
    para(doc, "I. Kế hoạch triển khai thực hiện và các văn bản sửa đổi, bổ sung", "Heading 1")
    para(doc, "{%p if own_territory %}")  # a merged province: each plan on its territory
    para(doc, "Trên địa bàn {{ own_territory }}:")
    para(doc, "{%p endif %}")
    para(doc, "{%p for v in plan_versions %}")
    para(doc, "{%p if v.is_plan %}")
    para(doc, "- {{ v.document|cite }}: quy định chỉ tiêu, định mức hỗ trợ và kinh phí thực hiện "
              "giai đoạn {{ phase }}{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p else %}")
    para(doc, "- {{ v.document|cite_after(plan) }}, có hiệu lực từ ngày "
              "{{ v.effective|short_date }}, thay thế phần {{ v.parts|join(', ')|lower }} của "
              "Kế hoạch{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for t in former_parts %}")
    para(doc, "Trên địa bàn {{ t.words }}: {{ t.plan|cite }}{% for a in t.amendments %}; "
              "{{ a|cite }}{% endfor %}.")
    para(doc, "{%p endfor %}")
    para(doc, "{{p paras(plan_notes) }}")
    results(doc)
    assessment(doc)


def merger(doc) -> None:
    """A province formed by merging others says so, whose years its figures add up, and, for a
    former province without figures, the clerk's own sentence (profile “Hình thành”)."""
    names = ("{% for n in NAMES %}{{ n }}{% if loop.revindex == 2 %} và {% elif not "
             "loop.last %}, {% endif %}{% endfor %}")
    para(doc, "{%p if merger %}")
    # “Tỉnh An Giang”, “Thành phố Hải Phòng” (Agency.province_words); a predecessor may be a
    # city (Hải Phòng, Cần Thơ, Đà Nẵng, Hồ Chí Minh): “tỉnh, thành phố” (issue 22)
    para(doc, "{% set former = 'tỉnh, thành phố' if 'thành phố' in merger.names|join(' ') else "
              "'tỉnh' %}{% set own = 'thành phố' if 'thành phố' in agency.province_words|lower "
              "else 'tỉnh' %}"
              "{{ agency.province_words[:1]|upper }}{{ agency.province_words[1:] }} được thành "
              "lập từ ngày {{ merger.date|short_date }} trên "
              "cơ sở hợp nhất " + names.replace("NAMES", "merger.names") + ". Số liệu giai đoạn "
              "{{ period }} trong Báo cáo này gồm số liệu các năm của "
              + names.replace("NAMES", "merger.counted") + " đến ngày "
              "{{ merger.until|short_date }} và của {{ agency.province_words }} từ ngày "
              "{{ merger.date|short_date }}; kết quả thực hiện kế hoạch của mỗi {{ former }} trước "
              "sắp xếp được tính trên địa bàn của {{ former }} đó, kết quả chung của toàn "
              "{{ own }} tính mỗi doanh nghiệp (theo mã số thuế) một lần dù được hỗ trợ ở nhiều "
              "{{ former }} trước sắp xếp.{% for n in merger.notes %} {{ n }}{% endfor %}")
    para(doc, "{%p endif %}")


def results(doc) -> None:
    para(doc, "II. Kết quả thực hiện giai đoạn {{ period }}", "Heading 1")
    para(doc, "1. Kết quả thực hiện các nhóm nhiệm vụ, giải pháp tại Quyết định số 1322/QĐ-TTg",
         "Heading 2")
    para(doc, "{%p for group in task_groups %}")
    para(doc, "{{ group.number }}. {{ group.title }}", "Heading 3")
    para(doc, "{%p for y in group.years %}")
    para(doc, "* Năm {{ y.year }}", "Tiêu đề nhỏ")
    para(doc, "{%p if y.facts %}")
    para(doc, "- Kết quả: {% for f in y.facts %}{{ f.verb }} {{ f.value|two_digits }} "
              "{{ f.noun }}{% if not loop.last %}; {% endif %}{% endfor %}.")
    para(doc, "{%p endif %}")
    para(doc, "{{p paras(y.paragraphs) }}")
    para(doc, "{%p endfor %}")
    para(doc, "{{p paras(group.paragraphs) }}")
    para(doc, "{%p if not group.years and not group.paragraphs %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "2. Kết quả thực hiện các chỉ tiêu của Kế hoạch", "Heading 2")
    para(doc, "{%p if own_territory %}")
    para(doc, "Trên địa bàn {{ own_territory }}, theo {{ (amendments|last if amendments else "
              "plan)|cite_short }}:")
    para(doc, "{%p endif %}")
    para(doc, "{%p for i in indicators %}")
    para(doc, indicator_line("own_territory"))
    para(doc, "{%p endfor %}")
    # the lead-in goes with its table, never alone at the foot of a page (issue 22)
    para(doc, "Kết quả từng năm, lũy kế và tỷ lệ đạt của từng chỉ tiêu (Bảng 1, Biểu đồ 1):"
         ).paragraph_format.keep_with_next = True
    para(doc, "Bảng 1. Kết quả thực hiện các chỉ tiêu giai đoạn {{ period }}{% if own_territory %}"
              " trên địa bàn {{ own_territory }}{% endif %}", "Tên bảng")
    table(doc, INDICATOR_HEAD, INDICATOR_CELLS, "i in indicators",
          grouped=(4, YEARS, "Kết quả thực hiện từng năm"))
    figure(doc, "indicator_chart", "indicator_caption")
    former_results(doc)
    para(doc, "{{p paras(indicator_notes) }}")
    para(doc, "3. Kinh phí thực hiện", "Heading 2")
    para(doc, "{%p if has_budget %}")
    # the same shape as a former province's sentence below (“Trên địa bàn …, giai đoạn …”)
    para(doc, "{% if own_territory %}Trên địa bàn {{ own_territory }}, giai đoạn{% else %}"
              "Giai đoạn{% endif %} {{ period }} đã sử dụng {{ budget.spent_total|number }} đồng"
              "{% if budget.planned_total is not none %}, bằng "
              "{{ budget.budget_completion|rate }}% dự toán {{ budget.planned_total|number }} "
              "đồng theo {{ budget_source|cite_short }}{% endif %}; chi tiết tại "
              "Bảng {{ budget_table }}, Biểu đồ 2.")
    para(doc, "{%p for t in former_parts %}")
    para(doc, "{%p if t.budget_source %}")
    para(doc, "Trên địa bàn {{ t.words }}, giai đoạn {{ period }} đã sử dụng "
              "{{ t.spent_total|number }} đồng{% if t.planned_total is not none %}"
              ", bằng {{ t.budget_completion|rate }}% dự toán "
              "{{ t.planned_total|number }} đồng theo {{ t.budget_source|cite_short }}"
              "{% endif %}.")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "Bảng {{ budget_table }}. Kinh phí thực hiện từng năm{% if own_territory %} trên "
              "địa bàn {{ own_territory }}{% endif %}", "Tên bảng")
    table(doc, BUDGET_HEAD, BUDGET_CELLS, "b in budget.budget", total=BUDGET_TOTAL,
          text_column=None)
    figure(doc, "budget_chart", "budget_caption")
    para(doc, "{%p endif %}")
    para(doc, "{{p paras(budget_notes) }}")


def indicator_line(words: str) -> str:
    """II.2, one indicator of a plan on its territory (`words`: the name of the territory). A
    result the territory cannot be told for (a survey after the merger) is the whole
    province's: it is said so, with the target, and no rate (issue 22 item 1; review M10)."""
    return ("- {{ i.name }}: lũy kế giai đoạn {{ period }} đã {{ i.verb }} "
            "{{ i.cumulative|two_digits }}{% if i.placed and i.period_target is not none %}/"
            "{{ i.period_target|two_digits }}{% endif %} {{ i.noun }}{% if not i.placed %} trên "
            "toàn địa bàn {{ 'thành phố' if 'thành phố' in agency.province_words|lower else "
            "'tỉnh' }}{% if i.period_target is not none %}; chỉ tiêu giai đoạn theo "
            "{{ i.source|cite_short }} là {{ i.period_target|two_digits }} {{ i.noun }}"
            "{% if " + words + " %} trên địa bàn {{ " + words + " }}{% endif %}, kết quả"
            "{% if merger %} từ ngày {{ merger.date|short_date }}{% endif %} không tách được "
            "theo địa bàn nên không tính tỷ lệ đạt{% endif %}{% endif %}"
            "{% if i.completion is not none %}, đạt {{ i.completion|rate }}% chỉ tiêu giai "
            "đoạn theo {{ i.source|cite_short }}{% if not i.met %} (chưa đạt){% endif %}{% endif %}"
            "{% if loop.last %}.{% else %};{% endif %}")


def former_results(doc) -> None:
    """A merged province: each other former province's plan on its territory (its lines and
    its table), then the whole province's results with every enterprise counted once."""
    para(doc, "{%p for t in former_parts %}")
    para(doc, "Trên địa bàn {{ t.words }}, theo {{ t.plan|cite_short }}:")
    para(doc, "{%p for i in t.indicators %}")
    para(doc, indicator_line("t.words"))
    para(doc, "{%p endfor %}")
    para(doc, "Bảng {{ t.table }}. Kết quả thực hiện các chỉ tiêu theo {{ t.plan|cite_short }} "
              "trên địa bàn {{ t.words }}", "Tên bảng")
    table(doc, INDICATOR_HEAD, INDICATOR_CELLS, "i in t.indicators",
          grouped=(4, YEARS, "Kết quả thực hiện từng năm"))
    para(doc, "{%p endfor %}")
    para(doc, "{%p if merged_total %}")
    para(doc, "Kết quả chung trên toàn địa bàn {{ agency.province_words }} (mỗi doanh nghiệp được "
              "tính một lần theo mã số thuế) tại Bảng {{ total_table }}:"
         ).paragraph_format.keep_with_next = True
    para(doc, "Bảng {{ total_table }}. Kết quả thực hiện giai đoạn {{ period }} trên toàn địa "
              "bàn {{ agency.province_words }}", "Tên bảng")
    table(doc, TOTAL_HEAD, TOTAL_CELLS, "i in merged_total",
          grouped=(3, YEARS, "Kết quả thực hiện từng năm"))
    para(doc, "{%p endif %}")


def assessment(doc) -> None:
    para(doc, "III. Đánh giá chung", "Heading 1")
    for number, title, field in (("1", "Những kết quả nổi bật", "highlights"),
                                 ("2", "Tồn tại, hạn chế", "shortcomings"),
                                 ("3", "Nguyên nhân của tồn tại, hạn chế", "causes"),
                                 ("4", "Bài học kinh nghiệm", "lessons")):
        para(doc, f"{number}. {title}", "Heading 2")
        base.section(doc, field)
    para(doc, "IV. Phương hướng, nhiệm vụ giai đoạn {{ next_phase }}", "Heading 1")
    base.section(doc, "direction")
    para(doc, "V. Đề xuất, kiến nghị", "Heading 1")
    base.section(doc, "recommendations")
    para(doc, "{{ agency.closing }}")


def main() -> int:
    doc = Document()
    define_styles(doc)
    base.strip_theme_fonts(doc)
    base.page_setup(doc)
    doc._body._body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    base.illustrative_banner(doc)
    base.header_block(doc)
    base.paragraph_macro(doc)
    body(doc)
    base.signature_block(doc)
    docx_parts.keep_rows_whole(doc.element)  # no row breaks across pages (review M15)
    props = doc.core_properties
    props.title = "{{ document_title }}"
    props.subject = "Báo cáo tổng kết giai đoạn Chương trình 1322"
    props.author = "{{ agency.agency }}"
    props.comments = "{{ document_comment }}"
    props.keywords = "Chương trình 1322; năng suất chất lượng; tổng kết; BC-SKHCN"
    template_destination.save(doc, NAME)
    return 0


if __name__ == "__main__":
    sys.exit(main())
