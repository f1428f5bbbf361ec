"""The draft plan's bases and the survey target, read from the built documents (issue 22; review
M10, M13, M14).

A merged province's plan (An Giang, formed on 1/7/2025 from An Giang and Kiên Giang) cites the
Luật Tổ chức chính quyền địa phương 2025, Nghị quyết 202/2025/QH15, QĐ 1322 (defining
“Chương trình 1322” before its first use), the Bộ KH&CN's guidance as the clerk typed it, and the
results of each predecessor's plan; a province not merged keeps its one sentence. The survey,
set by KH 573 / QĐ 648 for 2023 and 2025 only, has its phase target in the summary.
"""

from __future__ import annotations

import dataclasses

import openpyxl
import pytest
from docx_text import docx_lines
from test_plan_layout import PERIOD, TEMPLATE, plan_inputs  # noqa: F401 (a fixture)
from test_summary import indicator_table

from ncnsc_reports.render.docx import render
from ncnsc_reports.render.period_context import build_plan_context
from ncnsc_reports.report.model import Paragraph

PROGRAMME = ("Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
             "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản "
             "phẩm, hàng hóa giai đoạn 2021-2030 (sau đây gọi tắt là Chương trình 1322)")
MERGED_BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;",
    "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị "
    "hành chính cấp tỉnh;",
    PROGRAMME + ";",
    "Căn cứ hướng dẫn của Bộ Khoa học và Công nghệ về xây dựng kế hoạch thực hiện Chương trình "
    "1322 giai đoạn 2026-2030 (văn bản minh họa: số, ngày chưa ghi);",
    "Căn cứ kết quả thực hiện giai đoạn 2021-2025 của Kế hoạch số 573/KH-UBND ngày 28/9/2021 "
    "của Ủy ban nhân dân tỉnh An Giang, được sửa đổi, bổ sung tại Quyết định số 648/QĐ-UBND "
    "ngày 25/4/2025 của Chủ tịch Ủy ban nhân dân tỉnh An Giang, trên địa bàn tỉnh An Giang "
    "(trước sắp xếp) và của Kế hoạch số 126/KH-UBND ngày 20/8/2021 của Ủy ban nhân dân tỉnh "
    "Kiên Giang (văn bản minh họa: số, ngày, chỉ tiêu, kinh phí là giả định) trên địa bàn tỉnh "
    "Kiên Giang (trước sắp xếp), Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình "
    "1322 giai đoạn 2026-2030 như sau:",
]
KS = "Doanh nghiệp được khảo sát nhu cầu nâng cao năng suất chất lượng"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample summary folder built as `ncnsc-report build` does: (summary, plan)."""
    from ncnsc_reports.summary import build_summary

    summary = build_summary(PERIOD, tmp_path_factory.mktemp("out")).path
    return summary, next(summary.parent.glob("du-thao-ke-hoach-*.docx"))


def bases(lines: list[str]) -> list[str]:
    """The paragraphs between the title's rule and section I."""
    start = next(i for i, x in enumerate(lines) if x.startswith("Thực hiện Chương trình"))
    return lines[start + 1:lines.index("I. Mục đích, yêu cầu")]


def test_a_merged_province_cites_the_merger_the_guidance_and_each_predecessor(built):
    lines = docx_lines(built[1])
    assert bases(lines) == MERGED_BASES
    # the short name is defined before its first use
    first = next(i for i, x in enumerate(lines) if "Chương trình 1322" in x)
    assert lines[first] == PROGRAMME + ";"


def test_the_clerks_group_text_lands_under_its_group(built):
    lines = docx_lines(built[1])
    at = lines.index("3. Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống "
                     "quản lý, công cụ cải tiến năng suất chất lượng, công cụ hỗ trợ cho sản "
                     "xuất thông minh, dịch vụ thông minh")
    assert lines[at + 1:at + 3] == [
        "- Hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ năng suất (minh họa).",
        "- Khảo sát nhu cầu nâng cao năng suất chất lượng của doanh nghiệp định kỳ 02 năm/lần "
        "(minh họa)."]
    assert lines[at + 3].startswith("4. ")
    # every group heading has its text under it (the sample fills KH.III.1 … KH.III.6)
    part = lines[lines.index("III. Nhiệm vụ, giải pháp") + 1:lines.index("IV. Kinh phí thực hiện")]
    headings = [i for i, x in enumerate(part) if x[:3] in {f"{n}. " for n in range(1, 7)}]
    assert len(headings) == 6 and headings[0] == 0
    assert all(part[i + 1].startswith("- ") for i in headings)


def test_the_targets_come_from_both_predecessors(built):
    book = openpyxl.load_workbook(built[0].parent / "du-thao-chi-tieu.xlsx")
    traced = {r[0]: r for r in book["Chỉ tiêu 2026-2030"].iter_rows(values_only=True)}
    assert "126/KH-UBND" in traced["HTQL"][11] and "648/QĐ-UBND" in traced["HTQL"][11]
    # the survey's phase target: 50 (2023, KH 573) + 50 (2025, QĐ 648) (review M10)
    assert traced["KS"][3] == 100
    assert traced["KS"][11] == ("chỉ tiêu 100 (Quyết định số 648/QĐ-UBND); kết quả toàn tỉnh "
                                "100")


def test_the_survey_row_of_the_summary_has_its_target(built):
    row = indicator_table(built[0])[KS]
    assert row[0] == 100 and row[1:7] == [0, 0, 50, 0, 50, 100]
    # the 2025 survey (after 1/7/2025) cannot be placed in the former An Giang: the whole
    # province's count is not divided by the former An Giang's target (issue 22 item 1)
    assert row[7:] == [None, ""]
    assert (f"- {KS}: lũy kế giai đoạn 2021-2025 đã khảo sát 100 lượt doanh nghiệp trên toàn "
            "địa bàn tỉnh; chỉ tiêu giai đoạn theo Quyết định số 648/QĐ-UBND là 100 lượt doanh "
            "nghiệp trên địa bàn tỉnh An Giang (trước sắp xếp), kết quả từ ngày 01/7/2025 không "
            "tách được theo địa bàn nên không tính tỷ lệ đạt;") in docx_lines(built[0])


def _plan_lines(plan_inputs, tmp_path, **changes) -> list[str]:  # noqa: F811
    period, plan = plan_inputs
    changed = dataclasses.replace(period, **changes)
    path = tmp_path / "du-thao.docx"
    path.write_bytes(render(TEMPLATE, build_plan_context(changed, plan)))
    return docx_lines(path)


def test_a_province_not_merged_keeps_its_one_sentence(plan_inputs, tmp_path):  # noqa: F811
    period, _ = plan_inputs
    sections = {**period.sections, "KH.Căn cứ": ()}
    lines = _plan_lines(plan_inputs, tmp_path, formation=None, former=(), sections=sections)
    assert bases(lines) == [
        PROGRAMME + "; căn cứ kết quả thực hiện Kế hoạch số 573/KH-UBND giai đoạn 2021-2025, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện giai đoạn 2026-2030 như sau:"]
    text = "\n".join(lines)
    assert "72/2025/QH15" not in text and "202/2025/QH15" not in text
    assert "Kiên Giang" not in text


def test_a_province_not_merged_with_a_typed_base(plan_inputs, tmp_path):  # noqa: F811
    period, _ = plan_inputs
    typed = (Paragraph("text", "Căn cứ Công văn số 10/BKHCN-TĐC ngày 05/01/2026 của Bộ Khoa học "
                               "và Công nghệ (minh họa)."),)
    lines = _plan_lines(plan_inputs, tmp_path, formation=None, former=(),
                        sections={**period.sections, "KH.Căn cứ": typed})
    assert bases(lines) == [
        PROGRAMME + ";",
        "Căn cứ Công văn số 10/BKHCN-TĐC ngày 05/01/2026 của Bộ Khoa học và Công nghệ (minh "
        "họa);",
        "Căn cứ kết quả thực hiện giai đoạn 2021-2025 của Kế hoạch số 573/KH-UBND, Ủy ban nhân "
        "dân tỉnh ban hành Kế hoạch thực hiện Chương trình 1322 giai đoạn 2026-2030 như sau:"]


def test_a_merged_province_without_a_predecessors_figures_still_cites_the_merger(
        plan_inputs, tmp_path):  # noqa: F811
    """Kiên Giang's figures not available (“Câu khi không có số liệu”): the merger is still the
    basis; only the plan whose results are known is cited, once."""
    lines = _plan_lines(plan_inputs, tmp_path, former=())
    found = bases(lines)
    assert found[:4] == MERGED_BASES[:4]
    assert found[4] == (
        "Căn cứ kết quả thực hiện giai đoạn 2021-2025 của Kế hoạch số 573/KH-UBND ngày 28/9/2021 "
        "của Ủy ban nhân dân tỉnh An Giang, được sửa đổi, bổ sung tại Quyết định số 648/QĐ-UBND "
        "ngày 25/4/2025 của Chủ tịch Ủy ban nhân dân tỉnh An Giang, trên địa bàn tỉnh An Giang "
        "(trước sắp xếp), Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình 1322 "
        "giai đoạn 2026-2030 như sau:")


def test_sections_left_empty_read_as_a_plan(plan_inputs, tmp_path):  # noqa: F811
    """A plan never says “không phát sinh nội dung này” (a report's sentence for a group)."""
    period, _ = plan_inputs
    lines = _plan_lines(plan_inputs, tmp_path,
                        sections={**period.sections, "KH.I": (), "KH.II": ()})
    assert not any("không phát sinh" in x for x in lines)
    at = lines.index("I. Mục đích, yêu cầu")
    assert lines[at + 1] == ("- Triển khai đồng bộ, hiệu quả các nhiệm vụ, giải pháp của "
                             "Chương trình 1322 giai đoạn 2026-2030 trên địa bàn tỉnh.")
    assert lines[lines.index("1. Mục tiêu chung") + 1].startswith(
        "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa trên cơ sở")


def test_an_empty_task_group_of_the_plan_is_warned(an_giang_copy):
    from ncnsc_reports.report.period import load_period

    book = an_giang_copy / "tong-ket-2021-2025" / "tong-ket-2021-2025.xlsx"
    wb = openpyxl.load_workbook(book)
    sheet = wb["Nội dung"]
    for row in reversed(range(2, sheet.max_row + 1)):
        if sheet.cell(row, 1).value in ("KH.III.2", "KH.III.5"):
            sheet.delete_rows(row)
    wb.save(book)
    _, problems = load_period(book.parent)
    assert [str(p) for p in problems.warnings if "mục III" in str(p)] == [
        "tong-ket-2021-2025.xlsx › trang “Nội dung”: dự thảo Kế hoạch, mục III: nhóm nhiệm vụ 2, "
        "5 chưa có nội dung, nên chỉ in tên nhóm. Ghi nhiệm vụ, giải pháp của từng nhóm ở các "
        "dòng Mục “KH.III.2”, “KH.III.5”"]


def test_a_citys_plan_says_thanh_pho(plan_inputs, tmp_path):  # noqa: F811
    period, _ = plan_inputs
    city = dataclasses.replace(period.agency, place="Hải Phòng", province_words="",
                               parent_agency="UBND THÀNH PHỐ HẢI PHÒNG")
    lines = _plan_lines(plan_inputs, tmp_path, agency=city,
                        sections={**period.sections, "KH.I": (), "KH.II": ()})
    text = "\n".join(lines)
    assert "| THÀNH PHỐ HẢI PHÒNG" in lines
    assert ("hàng hóa giai đoạn 2026-2030 trên địa bàn thành phố Hải Phòng") in text
    assert bases(lines)[-1].endswith(", Ủy ban nhân dân thành phố ban hành Kế hoạch thực hiện "
                                     "Chương trình 1322 giai đoạn 2026-2030 như sau:")
    assert "giai đoạn 2026-2030 trên địa bàn thành phố." in text
    assert "sức cạnh tranh của nền kinh tế thành phố." in text
    assert "tỉnh Hải Phòng" not in text and "trên địa bàn tỉnh." not in text
