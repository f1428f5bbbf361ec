"""How templates/du-thao-ke-hoach.docx, the draft plan for the next phase, was first made: a
one-off record, not its source (the checked-in .docx is; editors edit it in Word). Run plainly
(`python -m tools.make_plan_template`) it writes a draft to build/templates/; see
tools/template_destination.py.

Seed 000 (An Giang 573/KH-UBND) asks the Sở KH&CN for a “Dự thảo Kế hoạch thực hiện giai đoạn
2026 - 2030” when 2021–2025 ends. A plan is issued by the UBND tỉnh (NĐ 30/2020, Phụ lục III,
Mẫu 1.4, “KẾ HOẠCH”): the draft carries the UBND's header, “DỰ THẢO” above it, blanks for the
number and date, and the signature of the UBND's chairman left for the UBND to fill. Styles,
page setup and paragraph layout come from tools/make_template.py; tables from
tools/make_summary_template.py.
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tools import docx_parts, template_destination
from tools import make_summary_template as summary
from tools import make_template as base
from tools.make_template import para

NAME = "du-thao-ke-hoach.docx"  # saved by template_destination (drafts)
# The plan states figures, never how they were reached: that is du-thao-chi-tieu.xlsx (issue 22,
# review M12).
BUDGET_HEAD = (("Năm", 4.0), ("Dự kiến kinh phí (đồng)", 7.0))
BUDGET_CELLS = ("{{ b.year }}", "{{ b.amount|number }}")
BUDGET_TOTAL = ("Tổng cộng", "{{ plan_budget.budget_total|number }}")
RECIPIENTS = ("Bộ Khoa học và Công nghệ;", "TT. Tỉnh ủy, TT. HĐND tỉnh;",
              "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Các sở, ban, ngành tỉnh;",
              "UBND các xã, phường;")


def header(doc) -> None:
    """Mẫu 1.4 for a document of the UBND tỉnh: issuer on the left, “DỰ THẢO” above."""
    para(doc, "DỰ THẢO", "Dự thảo")
    t = base.borderless_table(doc, [base.LEFT_COL, base.RIGHT_COL])
    left, right = t.rows[0].cells
    # NĐ 30/2020, Phụ lục I, II.2.a: the issuer's full official name (review M11)
    para(left, "{{ issuer }}", "Cơ quan ban hành")
    para(left, "{{ issuer_place }}", "Cơ quan ban hành")
    base.rule(left, 2.6, base.LEFT_COL - 2 * base.CELL_MARGIN)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu")
    para(right, "Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ")
    base.rule(right, 5.7, base.RIGHT_COL - 2 * base.CELL_MARGIN)
    left, right = t.rows[1].cells
    para(left, "Số:       /KH-UBND", "Số ký hiệu").paragraph_format.space_before = Pt(6)
    para(right, "{{ agency.place }}, ngày       tháng       năm {{ period_end }}",
         "Địa danh ngày tháng").paragraph_format.space_before = Pt(6)


def body(doc) -> None:
    para(doc, "KẾ HOẠCH", "Tên loại văn bản").paragraph_format.space_before = Pt(18)
    para(doc, "Thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
              "lượng sản phẩm, hàng hóa giai đoạn {{ next_phase }} trên địa bàn "
              "{{ agency.province_words }}", "Trích yếu")
    base.rule(doc, 6.0, base.TEXT_WIDTH).paragraph_format.space_after = Pt(12)
    # the bases, one paragraph each, worded by render/plan_bases.py (review M14)
    para(doc, "{%p for b in bases %}")
    para(doc, "{{ b }}")
    para(doc, "{%p endfor %}")
    para(doc, "I. Mục đích, yêu cầu", "Heading 1")
    base.section(doc, "purpose")
    para(doc, "II. Mục tiêu", "Heading 1")
    para(doc, "1. Mục tiêu chung", "Heading 2")
    base.section(doc, "goal")
    para(doc, "2. Chỉ tiêu cụ thể đến năm {{ next_phase[-4:] }}", "Heading 2")
    para(doc, "Đến năm {{ next_phase[-4:] }}, phấn đấu:")
    para(doc, "{%p for s in target_sentences %}")
    para(doc, "- {{ s }}{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "III. Nhiệm vụ, giải pháp", "Heading 1")
    para(doc, "{{p paras(tasks) }}")  # KH.III: text common to the groups, before them
    para(doc, "{%p for g in plan_tasks %}")  # KH.III.1 … KH.III.6 under their group (M13)
    para(doc, "{{ g.number }}. {{ g.title }}", "Heading 2")
    para(doc, "{{p paras(g.paragraphs) }}")
    para(doc, "{%p endfor %}")
    para(doc, "IV. Kinh phí thực hiện", "Heading 1")
    para(doc, "Tổng kinh phí dự kiến giai đoạn {{ next_phase }}: "
              "{{ plan_budget.budget_total|amount }}, phân bổ từng năm như sau:")
    para(doc, "Dự kiến kinh phí từng năm, giai đoạn {{ next_phase }}", "Tên bảng")
    summary.table(doc, BUDGET_HEAD, BUDGET_CELLS, "b in plan_budget.budget",
                  total=BUDGET_TOTAL, text_column=None)
    para(doc, "V. Tổ chức thực hiện", "Heading 1")
    organisation(doc)


def organisation(doc) -> None:
    """V, whose last paragraph ends with “./.” (the context adds it) and keeps with the
    signature block (NĐ 30/2020, Phụ lục I, II.7–II.9; review H1)."""
    para(doc, "{%p for item in organisation %}")
    para(doc, "{%p if not loop.last %}")
    para(doc, "{{p paras([item]) }}")
    para(doc, "{%p else %}")
    last = para(doc, "{% if item.kind == 'dash' %}- {% elif item.kind == 'plus' %}+ "
                     "{% endif %}{{ item.attributed }}")
    last.paragraph_format.keep_with_next = True
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def signature(doc) -> None:
    """Nơi nhận (the usual list of a provincial plan, editable here) and the chairman's block."""
    para(doc, "").paragraph_format.keep_with_next = True
    t = base.borderless_table(doc, [base.LEFT_COL, base.RIGHT_COL])
    t._tbl.remove(t.rows[1]._tr)
    left, right = t.rows[0].cells
    para(left, "Nơi nhận:", "Nơi nhận")
    for recipient in RECIPIENTS:
        para(left, f"- {recipient}", "Danh sách nơi nhận")
    para(left, "- Lưu: VT.", "Danh sách nơi nhận")
    para(right, "TM. ỦY BAN NHÂN DÂN", "Quyền hạn ký")
    para(right, "CHỦ TỊCH", "Quyền hạn ký")


def main() -> int:
    doc = Document()
    summary.define_styles(doc)
    base.style(doc, "Dự thảo", "DuThao", size=13, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT,
               indent=0, after=6)
    base.strip_theme_fonts(doc)
    base.page_setup(doc)
    doc._body._body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    base.illustrative_banner(doc)
    header(doc)
    base.paragraph_macro(doc)
    body(doc)
    signature(doc)
    docx_parts.keep_rows_whole(doc.element)  # no row, the signature's included, splits (M15)
    props = doc.core_properties
    props.title = "{{ document_title }}"
    props.subject = "Dự thảo Kế hoạch giai đoạn sau, Chương trình 1322"
    props.author = "{{ agency.agency }}"
    props.comments = "{{ document_comment }}"
    props.keywords = "Chương trình 1322; năng suất chất lượng; dự thảo kế hoạch"
    template_destination.save(doc, NAME)
    return 0


if __name__ == "__main__":
    sys.exit(main())
