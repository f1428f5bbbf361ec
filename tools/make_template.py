"""Write the first version of templates/bao-cao-nam.docx, the annual report template.

The checked-in .docx is the source of truth from then on: editors change it in Word or
LibreOffice. This one-off script exists so that the template's origin is reviewable: run plainly
(`python -m tools.make_template`) it writes a draft to build/templates/ to compare with; only
`--replace-checked-in` writes over templates/bao-cao-nam.docx, discarding every editor's change
(a copy of the replaced file is kept; tools/template_destination.py).

Layout: NĐ 30/2020/NĐ-CP, Phụ lục I (rules) and Phụ lục III, Mẫu 1.4 (Báo cáo). Every
formatting decision lives in a named Word style, so an editor restyles through Word styles.
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

from tools import template_appendix, template_destination, template_records

FONT = "Times New Roman"
NAME = "bao-cao-nam.docx"  # saved by template_destination (drafts)

# Usable widths (cm): A4 21 cm less left 3.0 cm and right 1.5 cm (Phụ lục I, I.3).
TEXT_WIDTH = 16.5
LEFT_COL, RIGHT_COL = 6.8, 9.7
CELL_MARGIN = 0.05

PROGRAMME = ("Chương trình quốc gia hỗ trợ tổ chức, doanh nghiệp nâng cao năng suất và chất "
             "lượng sản phẩm, hàng hóa giai đoạn 2021-2030")


def set_fonts(rpr_parent, size: float | None = None) -> None:
    """Give an rPr Times New Roman in all four scripts, no theme fonts (Phụ lục I, I.4)."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))


def style(doc, name, style_id, *, base="Normal", size=14, bold=False, italic=False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=1.27, before=0, after=6,
          keep_next=False, caps=False):
    """Add or reset a paragraph style with every property set explicitly."""
    try:
        st = doc.styles[name]
    except KeyError:
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.style_id = style_id
    if base:
        st.base_style = doc.styles[base]
    st.quick_style = True
    f = st.font
    f.name, f.size, f.bold, f.italic, f.all_caps = FONT, Pt(size), bold, italic, caps
    f.color.rgb = None
    set_fonts(st.element, size)
    pf = st.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Cm(indent) if indent else Cm(0)
    pf.left_indent = Cm(0)
    pf.right_indent = Cm(0)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing = 1.15
    pf.keep_with_next = keep_next
    pf.widow_control = True
    return st


def define_styles(doc) -> None:
    """Define every style the template uses (sizes and styles: Phụ lục I, II.1–II.9)."""
    normal = style(doc, "Normal", None, base=None)  # body: II.6.e, 14 pt, justified
    normal.paragraph_format.line_spacing = 1.15
    center = WD_ALIGN_PARAGRAPH.CENTER
    for level in (1, 2, 3):  # Mục I., khoản 1., điểm/nhóm a), 2.1: bold, body size
        st = style(doc, f"Heading {level}", None, bold=True, keep_next=True, before=6)
        _black_outline(st, level)
    style(doc, "Tiêu đề nhỏ", "TieuDeNho", bold=True, italic=True, keep_next=True)
    style(doc, "Tiêu đề nhỏ nghiêng", "TieuDeNhoNghieng", italic=True, keep_next=True)
    for name, sid, size, bold, italic in (
        ("Cơ quan chủ quản", "CoQuanChuQuan", 12, False, False),  # II.2.b: 12–13, upright
        ("Cơ quan ban hành", "CoQuanBanHanh", 12, True, False),  # II.2.b: 12–13, bold
        ("Quốc hiệu", "QuocHieu", 12, True, False),  # II.1.a: 12–13, bold
        ("Tiêu ngữ", "TieuNgu", 14, True, False),  # II.1.b: 13–14, bold
        ("Số ký hiệu", "SoKyHieu", 13, False, False),  # II.3.c: 13, upright
        ("Địa danh ngày tháng", "DiaDanhNgayThang", 14, False, True),  # II.4.c: italic
        ("Tên loại văn bản", "TenLoaiVanBan", 14, True, False),  # II.5.b: 13–14, bold
        ("Trích yếu", "TrichYeu", 14, True, False),  # II.5.b: 13–14, bold
        ("Quyền hạn ký", "QuyenHanKy", 14, True, False),  # II.7.đ: 13–14, bold
        ("Họ tên người ký", "HoTenNguoiKy", 14, True, False),  # II.7.e: 13–14, bold
    ):
        style(doc, name, sid, size=size, bold=bold, italic=italic, align=center,
              indent=0, after=0)
    style(doc, "Nơi nhận", "NoiNhan", size=12, bold=True, italic=True,  # II.9.b: 12
          align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, after=0)
    style(doc, "Danh sách nơi nhận", "DanhSachNoiNhan", size=11,  # II.9.b: 11, upright
          align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, after=0)
    rule = style(doc, "Đường kẻ", "DuongKe", size=2, align=center, indent=0, after=0)
    rule.paragraph_format.line_spacing = 1.0
    style(doc, "Ghi chú minh họa", "GhiChuMinhHoa", size=13, bold=True, italic=True,
          align=center, indent=0, after=6)
    template_appendix.define_styles(doc, style)
    page = style(doc, "Header", None, size=14, align=center, indent=0, after=0)  # I.7
    page.paragraph_format.line_spacing = 1.0


def _black_outline(st, level: int) -> None:
    """Keep a heading's outline level (Word's navigation pane) but none of its theme looks."""
    st.font.color.rgb = None
    ppr = st.element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(level - 1))
        ppr.append(lvl)


def strip_theme_fonts(doc) -> None:
    """Remove theme fonts and colours from every style: Times New Roman, black (I.4)."""
    root = doc.styles.element
    for fonts in root.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme"):
                del fonts.attrib[attr]
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{script}"), FONT)
    for color in list(root.iter(qn("w:color"))):
        color.getparent().remove(color)
    defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), FONT)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def para(container, text: str, style_name: str = "Normal"):
    p = container.add_paragraph(style=style_name)
    if text:
        p.add_run(text)
    return p


def rule(container, length_cm: float, width_cm: float):
    """A centred solid rule of the given length: the bottom border of an empty paragraph."""
    p = para(container, "", "Đường kẻ")
    side = max((width_cm - length_cm) / 2, 0)
    p.paragraph_format.left_indent = Cm(side)
    p.paragraph_format.right_indent = Cm(side)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{k}"), v)
    bdr.append(bottom)
    ppr.insert(0, bdr) if ppr.find(qn("w:pStyle")) is None else ppr.find(
        qn("w:pStyle")).addnext(bdr)
    return p


def borderless_table(doc, widths: list[float]):
    table = doc.add_table(rows=2, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in schema order
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(CELL_MARGIN * 567)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    layout = tbl_pr.find(qn("w:tblLayout"))  # CT_TblPr order: …, tblBorders, shd, tblLayout,
    layout.addprevious(borders)  # tblCellMar, tblLook
    layout.addnext(margins)
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(round(width * 567)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def header_block(doc) -> None:
    """Ô 1–4 of Mẫu 1.4: agency on the left, Quốc hiệu and Tiêu ngữ on the right."""
    t = borderless_table(doc, [LEFT_COL, RIGHT_COL])
    left, right = t.rows[0].cells
    para(left, "{{ agency.parent_agency }}", "Cơ quan chủ quản")
    para(left, "{{ agency.agency }}", "Cơ quan ban hành")
    rule(left, 2.6, LEFT_COL - 2 * CELL_MARGIN)  # II.2.b: 1/3–1/2 of the agency line
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu")
    para(right, "Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ")
    rule(right, 5.7, RIGHT_COL - 2 * CELL_MARGIN)  # II.1.b: as long as the motto
    left, right = t.rows[1].cells
    p = para(left, "Số: {{ number_text }}/{{ agency.symbol }}", "Số ký hiệu")
    p.paragraph_format.space_before = Pt(6)
    p = para(right, "{{ place_date }}", "Địa danh ngày tháng")
    p.paragraph_format.space_before = Pt(6)


def paragraph_macro(doc) -> None:
    """The one place that lays out a free paragraph of each kind (schema.LINE_KINDS)."""
    para(doc, "{#p Các đoạn dưới đây (đến endmacro) là mẫu trình bày cho từng kiểu dòng của "
              "trang “Nội dung”; không in ra. Sửa kiểu chữ ở đây để đổi mọi đoạn cùng kiểu. "
              "item.attributed: đoạn của đơn vị phối hợp in kèm tên đơn vị (“Sở Công Thương đã "
              "…”); đổi thành item.text để gộp vào nhóm không ghi tên. #}")
    para(doc, "{%p set empty_sentence = empty_group or 'Năm ' ~ year ~ ' không phát sinh nội "
              "dung này.' %}")
    para(doc, "{%p macro paras(items) %}")
    para(doc, "{%p for item in items %}")
    para(doc, "{%p if item.kind == 'dash' %}")
    para(doc, "- {{ item.attributed }}")
    para(doc, "{%p elif item.kind == 'plus' %}")
    para(doc, "+ {{ item.attributed }}")
    para(doc, "{%p elif item.kind == 'subtitle' and item.light %}")
    para(doc, "* {{ item.text }}", "Tiêu đề nhỏ nghiêng")
    para(doc, "{%p elif item.kind == 'subtitle' %}")
    para(doc, "* {{ item.text }}", "Tiêu đề nhỏ")
    para(doc, "{%p elif item.kind == 'point' %}")
    para(doc, "{{ item.label }} {{ item.attributed }}")
    para(doc, "{%p elif item.kind == 'group' %}")
    para(doc, "{{ item.label }} {{ item.text }}", "Heading 3")
    para(doc, "{%p else %}")
    para(doc, "{{ item.attributed }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endmacro %}")


def documents_list(doc, docs: str) -> None:
    para(doc, "{%p for d in " + docs + " %}")
    para(doc, "- {{ d|cite }}{% if loop.last %}.{% else %};{% endif %}")
    para(doc, "{%p endfor %}")


def section(doc, items: str) -> None:
    """Free paragraphs of a section, or the standard sentence when there are none."""
    para(doc, "{%p if " + items + " %}")
    para(doc, "{{p paras(" + items + ") }}")
    para(doc, "{%p else %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")


def body(doc) -> None:
    """The report's text, in the order of seed 004 (domain.md §3)."""
    para(doc, "BÁO CÁO", "Tên loại văn bản").paragraph_format.space_before = Pt(18)
    para(doc, "Kết quả thực hiện nhiệm vụ năm {{ year }} của " + PROGRAMME, "Trích yếu")
    rule(doc, 6.0, TEXT_WIDTH).paragraph_format.space_after = Pt(12)  # II.5.b: 1/3–1/2
    para(doc, "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê "
              "duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
              "sản phẩm, hàng hóa giai đoạn 2021-2030; {{ plan|cite }}{% for a in amendments %}; "
              "{{ a|cite_after(plan) }}{% endfor %}{% for d in other_plans %}; {{ d|cite }}"
              "{% endfor %}.")
    para(doc, "{{p paras(opening) }}")
    para(doc, "I. Tình hình triển khai và kết quả thực hiện Chương trình", "Heading 1")
    para(doc, "1. Công tác lãnh đạo, chỉ đạo triển khai thực hiện", "Heading 2")
    para(doc, "a) Về xây dựng kế hoạch triển khai thực hiện", "Heading 3")
    para(doc, "{{p paras(plans_intro) }}")
    documents_list(doc, "plans_documents")
    para(doc, "{%p if not plans_intro and not plans_documents %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "b) Về xây dựng văn bản quản lý, điều hành", "Heading 3")
    para(doc, "{{p paras(rules_intro) }}")
    documents_list(doc, "rules_documents")
    para(doc, "{%p if not rules_intro and not rules_documents %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "c) Về thực hiện lồng ghép các nhiệm vụ của Chương trình trong các nhiệm vụ, đề án, "
              "chương trình khác tại địa phương", "Heading 3")
    section(doc, "integration")
    para(doc, "2. Kết quả thực hiện các nhiệm vụ thuộc Chương trình theo từng nhóm nhiệm vụ, giải "
              "pháp tại Quyết định số 1322/QĐ-TTg, cụ thể:", "Heading 2")
    para(doc, "{%p for group in task_groups %}")
    para(doc, "{{ group.number }}. {{ group.title }}", "Heading 3")
    para(doc, "{{p paras(group.paragraphs) }}")
    template_records.records(doc, para)
    para(doc, "{%p if not group.paragraphs and not group.has_records %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    body_evaluation(doc)


def body_evaluation(doc) -> None:
    # In a phase's first year the cumulative figures are the year's: “lũy kế … từ đầu giai đoạn
    # 2026-2030 đến hết năm 2026” would say one year twice, so the heading names the year as
    # the first of its phase (seed 004's wording otherwise).
    # A later phase with the programme's earlier years (review M6): the year, and the
    # cumulative since the programme began (2021), recalled in one sentence under the heading.
    para(doc, "II. Đánh giá kết quả, hiệu quả đã đạt được trong năm {{ year }}"
              "{% if since_programme %}{% if phase_first_year %} (năm đầu giai đoạn "
              "{{ period }}){% endif %} và lũy kế từ đầu Chương trình (năm 2021) đến hết năm "
              "{{ year }}{% elif phase_first_year %}, năm đầu giai đoạn {{ period }}{% else %} và "
              "lũy kế kết quả, hiệu quả đạt được {{ since_start }} đến hết năm {{ year }}"
              "{% endif %}", "Heading 1")
    para(doc, "{%p if programme_note %}")
    para(doc, "{{ programme_note }}")
    para(doc, "{%p endif %}")
    para(doc, "1. {% if since_programme %}Kết quả thực hiện các chỉ tiêu năm {{ year }}"
              "{% if not phase_first_year %} và lũy kế {{ since_start_year }} đến hết năm "
              "{{ year }}{% endif %}{% elif phase_first_year %}Kết quả thực hiện các chỉ tiêu "
              "năm {{ year }}{% else %}Đánh giá kết quả, hiệu quả đã đạt được "
              "{{ since_start_year }} đến hết năm {{ year }}{% endif %}:", "Heading 2")
    evaluation(doc)
    para(doc, "2. Những tồn tại và vướng mắc", "Heading 2")
    section(doc, "shortcomings")
    para(doc, "3. Nguyên nhân của những tồn tại, vướng mắc", "Heading 2")
    section(doc, "causes")
    para(doc, "III. Phương hướng, giải pháp thực hiện Chương trình năm {{ year + 1 }} và những "
              "năm tiếp theo", "Heading 1")
    para(doc, "1. Phương hướng", "Heading 2")
    para(doc, "{{p paras(direction) }}")  # required (validation): never "không phát sinh"
    para(doc, "2. Giải pháp thực hiện", "Heading 2")
    para(doc, "{{p paras(solutions) }}")
    para(doc, "IV. Đề xuất, kiến nghị", "Heading 1")
    para(doc, "{%p if recommendations %}")
    para(doc, "{{p paras(recommendations) }}")
    para(doc, "{%p else %}")
    para(doc, "Không có đề xuất, kiến nghị.")
    para(doc, "{%p endif %}")
    closing = para(doc, "{{ agency.closing }}")
    # NĐ 30/2020, Phụ lục I, II.7–II.9: the signature block follows the text on the same page;
    # with widow control, at least the closing paragraph's last two lines go with it.
    closing.paragraph_format.keep_with_next = True


def evaluation(doc) -> None:
    """II.1: the indicators of each document that sets targets, gathered under one sentence
    citing it (NĐ 30/2020: short form after the first mention), then the money, then free text.
    The sentences are written by ncnsc_reports/render/sentences.py, every case in
    tests/golden/cau-chi-tieu.txt (issue 22, item 4)."""
    para(doc, "{%p if territory_note %}")  # a plan covering part of a merged province
    para(doc, "{{ territory_note }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p for g in indicator_groups %}")
    para(doc, "{{ g.lead }}")
    para(doc, "{%p for s in g.sentences %}")
    para(doc, "- {{ s }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if money_sentence %}")
    para(doc, "- {{ money_sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if evaluation %}")
    para(doc, "{{p paras(evaluation) }}")
    para(doc, "{%p elif not has_indicators %}")
    para(doc, "{{ empty_sentence }}")
    para(doc, "{%p endif %}")


def illustrative_banner(doc) -> None:
    """Sample data not from a real document says so on its first line (never in a real one)."""
    para(doc, "{%p if illustrative %}")
    para(doc, "{{ illustrative_note }}", "Ghi chú minh họa")
    para(doc, "{%p endif %}")
    para(doc, "{%p if draft_note %}")  # a book only carried from last year (new-year)
    para(doc, "{{ draft_note }}", "Ghi chú minh họa")
    para(doc, "{%p endif %}")


def signature_block(doc) -> None:
    """Ô 7 and 9b of Mẫu 1.4: Nơi nhận on the left, level with the signer's authority."""
    gap = para(doc, "")  # one blank line between the closing sentence and the signature block
    gap.paragraph_format.keep_with_next = True
    t = borderless_table(doc, [LEFT_COL, RIGHT_COL])
    t._tbl.remove(t.rows[1]._tr)
    _keep_whole(t.rows[0])
    left, right = t.rows[0].cells
    para(left, "Nơi nhận:", "Nơi nhận")
    para(left, "{%p for r in recipients %}", "Danh sách nơi nhận")
    para(left, "- {{ r }};", "Danh sách nơi nhận")
    para(left, "{%p endfor %}", "Danh sách nơi nhận")
    para(left, "- Lưu: {{ agency.filing }}.", "Danh sách nơi nhận")
    para(right, "{%p if agency.authority %}", "Quyền hạn ký")
    para(right, "{{ agency.authority }}", "Quyền hạn ký")
    para(right, "{%p endif %}", "Quyền hạn ký")
    para(right, "{{ agency.signer_title }}", "Quyền hạn ký")
    for _ in range(4):  # room for the signature and the seal
        para(right, "", "Họ tên người ký")
    para(right, "{{ agency.signer_name }}", "Họ tên người ký")


def _keep_whole(row) -> None:
    """A row that never breaks across pages (w:cantSplit): Nơi nhận and the signer together."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def page_setup(doc) -> None:
    """A4 portrait; margins (Phụ lục I, I.1–I.3); page number top centre from page 2 (I.7)."""
    sec = doc.sections[0]
    sec.start_type = WD_SECTION.NEW_PAGE
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    # twips rounded up, so that 1.5 cm is not stored as 1.499 cm
    sec.top_margin, sec.bottom_margin = Twips(1134), Twips(1134)  # 2.0 cm
    sec.left_margin, sec.right_margin = Twips(1701), Twips(851)  # 3.0 cm, 1.5 cm
    sec.header_distance, sec.footer_distance = Cm(1.0), Cm(1.0)
    sec.different_first_page_header_footer = True
    header = sec.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = doc.styles["Header"]
    _page_field(p)
    sec.first_page_header.is_linked_to_previous = False


def _page_field(p) -> None:
    """Insert a PAGE field: begin, instruction, separate, placeholder, end."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        run = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def main() -> int:
    doc = Document()
    define_styles(doc)
    strip_theme_fonts(doc)
    page_setup(doc)
    doc._body._body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    illustrative_banner(doc)
    header_block(doc)
    paragraph_macro(doc)
    body(doc)
    signature_block(doc)
    template_appendix.appendices(doc, para)
    props = doc.core_properties
    props.title = "{{ document_title }}"
    props.subject = "Báo cáo năm Chương trình 1322"
    props.author = "{{ agency.agency }}"
    props.comments = "{{ document_comment }}"
    props.keywords = "Chương trình 1322; năng suất chất lượng; BC-SKHCN"
    template_destination.save(doc, NAME)
    return 0


if __name__ == "__main__":
    sys.exit(main())
