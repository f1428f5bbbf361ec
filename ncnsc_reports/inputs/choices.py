"""The words a clerk picks from a drop-down list, and the report sections they name.

Owns every vocabulary the workbooks offer (report sections and kinds of line, kinds of
document, kinds and items of support, funding, media, the indicators' “Cách tính”), each with
a name in code: code that means one of them says which, never a position.
"""

from __future__ import annotations

# Report sections that take free paragraphs (sheet “Nội dung”).
SECTIONS: dict[str, str] = {
    "Mở đầu": "Các đoạn mở đầu (căn cứ, cách tổng hợp), sau đoạn “Thực hiện Quyết định số 1322…”",
    "I.1.a": "Câu dẫn của mục I.1.a, trước danh sách văn bản (trang “Văn bản”)",
    "I.1.b": "Câu dẫn của mục I.1.b, trước danh sách văn bản (trang “Văn bản”)",
    "I.1.c": "Lồng ghép nhiệm vụ của Chương trình trong nhiệm vụ, đề án khác",
    "I.2.1": "Nhóm 2.1 – Hoàn thiện cơ chế, chính sách",
    "I.2.2": "Nhóm 2.2 – Thông tin, truyền thông",
    "I.2.3": "Nhóm 2.3 – Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, hệ thống quản lý, công cụ",
    "I.2.4": "Nhóm 2.4 – Đào tạo nguồn nhân lực",
    "I.2.5": "Nhóm 2.5 – Tiêu chuẩn hóa và đánh giá sự phù hợp",
    "I.2.6": "Nhóm 2.6 – Hợp tác quốc tế",
    "II.1": "Đánh giá kết quả, hiệu quả",
    "II.2": "Những tồn tại và vướng mắc",
    "II.3": "Nguyên nhân của những tồn tại, vướng mắc",
    "III.1": "Phương hướng",
    "III.2": "Giải pháp thực hiện (nhóm giải pháp và các điểm a, b, c…)",
    "IV": "Đề xuất, kiến nghị",
}

# Line kinds: label in the workbook -> kind used by the template (see model.Paragraph).
LINE_KINDS: dict[str, str] = {
    "Đoạn văn": "text",
    "Gạch đầu dòng (-)": "dash",
    "Dấu cộng (+)": "plus",
    "Tiêu đề nhỏ (*)": "subtitle",
    "Tiêu đề nhỏ nghiêng (*)": "subtitle",  # the same kind, printed italic only (`light`)
    "Điểm a), b), c)": "point",
    "Nhóm giải pháp (2.1, 2.2…)": "group",
    "Tên mục (thay tên in sẵn)": "heading",
}
# Sections whose printed title a “Tên mục” row may replace, e.g. to keep the punctuation of
# the report as signed (“…năng suất chất lượng.”, “…quy chuẩn kỹ thuật:”).
TITLED_SECTIONS = ("I.2.1", "I.2.2", "I.2.3", "I.2.4", "I.2.5", "I.2.6")

DOCUMENT_KINDS = (
    "Quyết định", "Kế hoạch", "Công văn", "Nghị quyết", "Chỉ thị", "Thông báo",
    "Hướng dẫn", "Báo cáo", "Tờ trình", "Thông tư", "Nghị định", "Chương trình", "Đề án",
)

# Each choice has a name: code that means one of them says which, never a position.
SYSTEM, TOOL, BARCODE, TRACE, CERT, AWARD = SUPPORT_KINDS = (
    "Hệ thống quản lý", "Công cụ năng suất", "Mã số mã vạch", "Truy xuất nguồn gốc",
    "Chứng nhận", "Giải thưởng Chất lượng Quốc gia")
SUPPORT_ITEMS = ("Tư vấn áp dụng", "Đánh giá chứng nhận lần đầu", "Phí đăng ký",
                 "Chi phí tham dự, khen thưởng", "Khác")
CERTIFICATION_KIND, CERTIFICATION_ITEM = SUPPORT_KINDS[4], SUPPORT_ITEMS[1]


def is_certification(kind: str | None, item: str | None) -> bool:
    """Whether a support row is a certification: the one classification used by the indicator,
    the text and the appendix alike (a “Chứng nhận” row, or the first certification audit of a
    system, e.g. “Hệ thống quản lý” › “Đánh giá chứng nhận lần đầu”)."""
    return kind == CERTIFICATION_KIND or item == CERTIFICATION_ITEM


FUNDING = ("Ngân sách tỉnh", "Ngân sách trung ương", "Doanh nghiệp đối ứng", "Nguồn khác")
NEWS, ARTICLE, FEATURE, CONFERENCE = MEDIA_KINDS = (
    "Tin", "Bài viết", "Phóng sự", "Hội nghị, hội thảo")
(SYSTEMS_SUPPORTED, TOOLS_SUPPORTED, BARCODE_SUPPORTED, TRACE_SUPPORTED, CERT_SUPPORTED,
 AWARD_ENTRANTS, ENTERPRISES_APPLYING, CLASSES, TRAINEES, OFFICIALS_TRAINED, EXPERTS_TRAINED,
 NEWS_POSTED, ARTICLES, ENTERPRISES_SURVEYED) = MEASURES = (
    "Số hệ thống quản lý được hỗ trợ", "Số công cụ được hỗ trợ",
    "Số doanh nghiệp được hỗ trợ mã số mã vạch",
    "Số doanh nghiệp được hỗ trợ truy xuất nguồn gốc",
    "Số doanh nghiệp được hỗ trợ chứng nhận",
    "Số doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia",
    "Số doanh nghiệp được hỗ trợ áp dụng hệ thống, công cụ, truy xuất nguồn gốc",
    "Số lớp tập huấn", "Số lượt người được tập huấn",
    "Số cán bộ, công chức và quản lý doanh nghiệp được tập huấn",
    "Số chuyên gia năng suất được đào tạo", "Số tin được đăng tải", "Số bài viết",
    "Số doanh nghiệp được khảo sát",
)
