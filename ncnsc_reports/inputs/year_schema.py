"""A year's workbook's shape: inputs/<tỉnh>/<năm>/<tên bất kỳ>.xlsx, sheet by sheet.

Owns the year's sheets — general settings (and the profile's values a year may override),
documents, free paragraphs, recipients, and the record sheets the indicators count (support,
training, experts, media, surveys) — with their headers, value kinds and help.
"""

from __future__ import annotations

from ncnsc_reports.inputs.choices import (
    DOCUMENT_KINDS,
    FUNDING,
    LINE_KINDS,
    MEDIA_KINDS,
    SECTIONS,
    SUPPORT_ITEMS,
    SUPPORT_KINDS,
)
from ncnsc_reports.inputs.profile_schema import AGENCY_SETTINGS
from ncnsc_reports.inputs.sheet_spec import (
    CHOICE,
    COUNT,
    DATE,
    INT,
    MONEY,
    YEAR,
    Column,
    Setting,
    SheetSpec,
)

YEAR_SETTINGS: tuple[Setting, ...] = (
    Setting("year", "Năm báo cáo", YEAR, required=True, example="2023", low=2021, high=2100,
            help="Phải trùng tên thư mục năm."),
    Setting("number", "Số báo cáo", INT, example="", low=1, high=99999,
            help="Để trống nếu chưa vào sổ; văn thư ghi tay sau."),
    Setting("day", "Ngày ký", INT, example="", low=1, high=31,
            help="Để trống nếu chưa biết ngày ký."),
    Setting("month", "Tháng ký", INT, example="11", low=1, high=12),
    Setting("sign_year", "Năm ký", YEAR, example="2023", low=2021, high=2100,
            help="Để trống thì lấy năm báo cáo."),
    Setting("empty_group", "Câu khi nhóm không có nội dung", example="",
            help="Để trống thì dùng “Năm {năm} không phát sinh nội dung này.”"),
    Setting("spent", "Kinh phí đã chi (đồng)", INT, example="", low=0, high=10**15,
            help="Tổng kinh phí đã chi trong năm, để đối chiếu với tổng các dòng hỗ trợ, "
                 "tập huấn; để trống thì lấy tổng các dòng."),
    Setting("illustrative", "Dữ liệu minh họa", CHOICE, example="", choices=("Có", "Không"),
            help="“Có” nếu số liệu chỉ để minh họa, không phải số liệu thật: báo cáo sẽ ghi rõ."),
) + tuple(
    Setting(s.key, s.label, s.kind, False, "Ghi để thay giá trị trong hồ sơ tỉnh cho năm này.",
            "") for s in AGENCY_SETTINGS
)

YEAR_GENERAL = SheetSpec(
    "Thông tin chung",
    (Column("label", "Mục", CHOICE, choices=tuple(s.label for s in YEAR_SETTINGS), width=32),
     Column("value", "Giá trị", required=False, width=60)),
    "Năm, số và ngày của báo cáo; các mục của hồ sơ tỉnh muốn thay riêng cho năm này.",
)

# Rows `new-year` carries over (report/carry_over.py) keep this mark until the clerk read them.
NOT_REVIEWED, REVIEWED = "Chưa xem lại", "Đã xem lại"
REVIEW = Column("review", "Chép từ năm trước", CHOICE, choices=(NOT_REVIEWED, REVIEWED),
                required=False, width=18, may_be_absent=True,
                help=f"“{NOT_REVIEWED}”: dòng lệnh new-year chép từ sổ năm trước; đọc, sửa cho "
                     f"đúng năm này rồi chọn “{REVIEWED}” (còn thì báo cáo có cảnh báo).")

YEAR_DOCUMENTS = SheetSpec(
    "Văn bản",
    (Column("section", "Mục", CHOICE, choices=("I.1.a", "I.1.b"), width=8,
            help="I.1.a: kế hoạch triển khai; I.1.b: văn bản quản lý, điều hành."),
     Column("kind", "Loại văn bản", CHOICE, choices=DOCUMENT_KINDS, width=16),
     Column("number", "Số, ký hiệu", width=18, help="Ví dụ 843/QĐ-UBND"),
     Column("issued", "Ngày ban hành", DATE, width=16, help="Ví dụ 11/4/2023"),
     Column("issuer", "Cơ quan ban hành", width=30),
     Column("subject", "Trích yếu", width=80, required=False,
            help="Gõ như trong văn bản, thường bắt đầu bằng “về việc …”."), REVIEW),
    "Văn bản đã ban hành trong năm, mỗi văn bản một dòng, theo thứ tự in trong báo cáo.",
)

YEAR_CONTENT = SheetSpec(
    "Nội dung",
    (Column("section", "Mục", CHOICE, choices=tuple(SECTIONS), width=9),
     Column("line_kind", "Kiểu dòng", CHOICE, choices=tuple(LINE_KINDS), required=False, width=24,
            help="Để trống là “Đoạn văn”."),
     Column("text", "Nội dung", width=100), REVIEW),
    "Các đoạn văn của báo cáo, mỗi đoạn một dòng, theo thứ tự in. Cột “Mục” cho biết đoạn thuộc "
    "phần nào của báo cáo.",
)

YEAR_RECIPIENTS = SheetSpec(
    "Nơi nhận",
    (Column("recipient", "Nơi nhận", width=50), REVIEW),
    "Để trống cả trang thì dùng danh sách trong hồ sơ tỉnh; ghi vào thì thay cả danh sách.",
    required=False,
)

YEAR_SUPPORT = SheetSpec(
    "Hỗ trợ doanh nghiệp",
    (Column("name", "Tên doanh nghiệp", width=36),
     Column("tax_code", "Mã số thuế", width=14),
     Column("locality", "Địa bàn", width=18),
     Column("kind", "Nội dung hỗ trợ", CHOICE, choices=SUPPORT_KINDS, width=28),
     Column("detail", "Tiêu chuẩn, công cụ", required=False, width=18,
            help="Ví dụ ISO 9001, 5S, Kaizen, Giải vàng."),
     Column("item", "Khoản chi", CHOICE, choices=SUPPORT_ITEMS, width=26),
     Column("amount", "Số tiền (đồng)", INT, width=16, **MONEY),
     Column("funding", "Nguồn kinh phí", CHOICE, choices=FUNDING, width=20),
     Column("date", "Ngày hỗ trợ", DATE, required=False, may_be_absent=True, width=14,
            help="Ngày quyết định hoặc hợp đồng hỗ trợ; cần khi địa bàn đổi trong năm (trước "
                 "1/7/2025 ghi huyện, từ 1/7/2025 ghi xã, phường).")),
    "Mỗi khoản hỗ trợ một dòng (tư vấn và chứng nhận cùng một hệ thống là hai dòng). Một hệ "
    "thống, công cụ được đếm một lần theo doanh nghiệp và “Tiêu chuẩn, công cụ”.",
    required=False,
)

YEAR_TRAINING = SheetSpec(
    "Tập huấn",
    (Column("title", "Tên lớp", width=50),
     Column("start", "Từ ngày", DATE, width=14),
     Column("end", "Đến ngày", DATE, required=False, width=14),
     Column("participants", "Số người tham dự", INT, width=12, **COUNT),
     Column("officials", "Trong đó cán bộ, công chức, viên chức", INT, required=False,
            width=16, **COUNT),
     Column("managers", "Trong đó cán bộ quản lý doanh nghiệp", INT, required=False, width=16,
            **COUNT),
     Column("cost", "Kinh phí (đồng)", INT, required=False, width=16, **MONEY)),
    "Mỗi lớp tập huấn, hội thảo đào tạo một dòng.",
    required=False,
)

YEAR_EXPERTS = SheetSpec(
    "Chuyên gia",
    (Column("name", "Họ và tên", width=28),
     Column("unit", "Đơn vị công tác", width=36),
     Column("course", "Khóa đào tạo, chứng chỉ", required=False, width=40)),
    "Mỗi chuyên gia năng suất được đào tạo, công nhận trong năm một dòng.",
    required=False,
)

YEAR_MEDIA = SheetSpec(
    "Tin bài",
    (Column("kind", "Loại", CHOICE, choices=MEDIA_KINDS, width=18),
     Column("title", "Tiêu đề", width=60),
     Column("published", "Ngày đăng", DATE, width=14),
     Column("outlet", "Nơi đăng", required=False, width=30)),
    "Mỗi tin, bài, phóng sự, hội nghị một dòng.",
    required=False,
)

YEAR_SURVEYS = SheetSpec(
    "Khảo sát",
    (Column("title", "Nội dung khảo sát", width=50),
     Column("date", "Ngày", DATE, width=14),
     Column("enterprises", "Số doanh nghiệp được khảo sát", INT, width=16, **COUNT)),
    "Mỗi đợt khảo sát doanh nghiệp một dòng.",
    required=False,
)

RECORD_SHEETS = (YEAR_SUPPORT, YEAR_TRAINING, YEAR_EXPERTS, YEAR_MEDIA, YEAR_SURVEYS)
YEAR_SHEETS = (YEAR_GENERAL, YEAR_DOCUMENTS, YEAR_CONTENT, YEAR_RECIPIENTS) + RECORD_SHEETS
