"""The one function that builds what the report template sees (style: mkdocs' page context).

Templates never compute: every value arrives here ready, and numbers or dates are turned into
text only through the named filters of `formatting`.
"""

from __future__ import annotations

from ncnsc_reports.formatting import place_date_line, two_digits
from ncnsc_reports.model import Report

# QĐ 1322/QĐ-TTg, Điều 1, mục III: the six groups of tasks and solutions, in its order and words.
TASK_GROUPS = (
    ("2.1", "I.2.1", "Hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao năng suất chất "
                     "lượng"),
    ("2.2", "I.2.2", "Tăng cường công tác thông tin, truyền thông về năng suất chất lượng"),
    ("2.3", "I.2.3", "Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản "
                     "lý, công cụ cải tiến năng suất chất lượng, công cụ hỗ trợ cho sản xuất thông "
                     "minh, dịch vụ thông minh"),
    ("2.4", "I.2.4", "Đào tạo nguồn nhân lực cho hoạt động nâng cao năng suất chất lượng"),
    ("2.5", "I.2.5", "Tăng cường năng lực hoạt động tiêu chuẩn hóa và đánh giá sự phù hợp với "
                     "tiêu chuẩn, quy chuẩn kỹ thuật"),
    ("2.6", "I.2.6", "Đẩy mạnh hợp tác quốc tế về năng suất chất lượng"),
)

# NĐ 30/2020, Phụ lục I, II.3.c: a number not yet registered is left blank for the clerk.
BLANK_NUMBER = " " * 6


def build_context(report: Report) -> dict:
    """Return the template context of one report: every field a template may use."""
    s = report.sections
    return {
        "year": report.year,
        "province": report.province,
        "agency": report.agency,
        "plan": report.plan,
        "number_text": two_digits(report.number) if report.number else BLANK_NUMBER,
        "place_date": place_date_line(report.agency.place, report.day, report.month,
                                      report.sign_year),
        "opening": s["Mở đầu"],
        "plans_intro": s["I.1.a"],
        "plans_documents": report.documents["I.1.a"],
        "rules_intro": s["I.1.b"],
        "rules_documents": report.documents["I.1.b"],
        "integration": s["I.1.c"],
        "task_groups": [{"number": n, "title": t, "paragraphs": s[key]}
                        for n, key, t in TASK_GROUPS],
        "evaluation": s["II.1"],
        "shortcomings": s["II.2"],
        "causes": s["II.3"],
        "direction": s["III.1"],
        "solutions": s["III.2"],
        "recommendations": s["IV"],
        "empty_group": report.empty_group.replace("{năm}", str(report.year)),
        "recipients": report.recipients,
        "document_title": f"Báo cáo kết quả thực hiện nhiệm vụ năm {report.year} của Chương "
                          f"trình 1322 - {report.agency.place}",
        "document_comment": "",
    }
