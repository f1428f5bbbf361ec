"""The shape of the input workbooks: sheets, their Vietnamese headers, value kinds and help.

One declaration serves three readers: the loader (which column holds what), the blank-workbook
writer (headers, drop-downs, help sheet) and the README. Change a header here and all follow.
"""

from __future__ import annotations

from dataclasses import dataclass

PROFILE_FILE = "ho-so-tinh.xlsx"

# Kinds of cell values the loader knows how to read (see loading.parse_cell).
TEXT, INT, DATE, YEAR, CHOICE = "text", "int", "date", "year", "choice"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    required: bool = True
    choices: tuple[str, ...] = ()
    help: str = ""
    width: int = 20
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    help: str
    required: bool = True

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Setting:
    """One row of a key/value sheet: its label in column “Mục” and the kind of its value."""

    key: str
    label: str
    kind: str = TEXT
    required: bool = False
    help: str = ""
    example: str = ""
    low: int | None = None
    high: int | None = None


# --- Report sections that take free paragraphs (sheet “Nội dung”) --------------------------

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
    "Điểm a), b), c)": "point",
    "Nhóm giải pháp (2.1, 2.2…)": "group",
}

DOCUMENT_KINDS = (
    "Quyết định", "Kế hoạch", "Công văn", "Nghị quyết", "Chỉ thị", "Thông báo",
    "Hướng dẫn", "Báo cáo", "Tờ trình", "Thông tư", "Nghị định", "Chương trình", "Đề án",
)

# --- Province profile: inputs/<province>/ho-so-tinh.xlsx -----------------------------------

AGENCY_SETTINGS: tuple[Setting, ...] = (
    Setting("parent_agency", "Cơ quan chủ quản", required=True,
            example="UBND TỈNH HƯNG YÊN", help="In hoa, ở góc trái trên cùng."),
    Setting("agency", "Cơ quan ban hành", required=True,
            example="SỞ KHOA HỌC VÀ CÔNG NGHỆ", help="In hoa, đậm, dưới cơ quan chủ quản."),
    Setting("symbol", "Ký hiệu báo cáo", required=True, example="BC-SKHCN",
            help="Phần sau dấu “/” trong “Số: …/BC-SKHCN”."),
    Setting("place", "Địa danh", required=True, example="Hưng Yên",
            help="Địa danh ở dòng “Hưng Yên, ngày … tháng … năm …”."),
    Setting("authority", "Quyền hạn ký", example="KT. GIÁM ĐỐC",
            help="KT., TL., TUQ., Q., TM. …; để trống nếu Giám đốc ký trực tiếp."),
    Setting("signer_title", "Chức vụ người ký", required=True, example="PHÓ GIÁM ĐỐC"),
    Setting("signer_name", "Họ tên người ký", required=True, example="Nguyễn Văn A"),
    Setting("filing", "Lưu", required=True, example="VT, TĐC",
            help="In thành dòng cuối nơi nhận: “- Lưu: VT, TĐC.”"),
    Setting("closing", "Câu kết", required=True,
            example="Sở Khoa học và Công nghệ trân trọng báo cáo UBND tỉnh và Bộ Khoa học và "
                    "Công nghệ./.",
            help="Câu cuối phần nội dung, kết thúc bằng “./.”."),
)

FROM_YEAR = Column("from_year", "Áp dụng từ năm", YEAR, low=2021, high=2100, width=16,
                   help="Năm bắt đầu áp dụng giá trị này; năm sau có thể ghi dòng mới.")

PROFILE_AGENCY = SheetSpec(
    "Cơ quan",
    (FROM_YEAR,
     Column("label", "Mục", CHOICE, choices=tuple(s.label for s in AGENCY_SETTINGS), width=26),
     Column("value", "Giá trị", width=60)),
    "Tên cơ quan, người ký, dòng Lưu, câu kết. Mỗi mục một dòng; khi tên thay đổi (ví dụ sắp xếp "
    "bộ máy năm 2025), thêm dòng mới với năm bắt đầu áp dụng — báo cáo của năm nào giữ tên của "
    "năm đó.",
)

PROFILE_PLAN = SheetSpec(
    "Kế hoạch",
    (Column("kind", "Loại văn bản", CHOICE, choices=DOCUMENT_KINDS, width=16),
     Column("number", "Số, ký hiệu", width=18),
     Column("issued", "Ngày ban hành", DATE, width=16),
     Column("issuer", "Cơ quan ban hành", width=26),
     Column("subject", "Trích yếu", width=80)),
    "Kế hoạch của tỉnh thực hiện Chương trình 1322 (một dòng). Được trích dẫn đầy đủ ở đoạn mở "
    "đầu của báo cáo.",
)

PROFILE_RECIPIENTS = SheetSpec(
    "Nơi nhận",
    (FROM_YEAR, Column("recipient", "Nơi nhận", width=50,
                       help="Không gõ “-” đầu dòng và “;” cuối dòng: phần mềm tự thêm.")),
    "Danh sách nơi nhận mặc định, theo thứ tự in. Dòng “Lưu: …” lấy từ trang “Cơ quan”. Khi danh "
    "sách thay đổi từ một năm, ghi cả danh sách mới với năm bắt đầu áp dụng.",
)

PROFILE_SHEETS = (PROFILE_AGENCY, PROFILE_PLAN, PROFILE_RECIPIENTS)

# --- Year workbook: inputs/<province>/<year>/<tên bất kỳ>.xlsx ------------------------------

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

YEAR_DOCUMENTS = SheetSpec(
    "Văn bản",
    (Column("section", "Mục", CHOICE, choices=("I.1.a", "I.1.b"), width=8,
            help="I.1.a: kế hoạch triển khai; I.1.b: văn bản quản lý, điều hành."),
     Column("kind", "Loại văn bản", CHOICE, choices=DOCUMENT_KINDS, width=16),
     Column("number", "Số, ký hiệu", width=18, help="Ví dụ 843/QĐ-UBND"),
     Column("issued", "Ngày ban hành", DATE, width=16, help="Ví dụ 11/4/2023"),
     Column("issuer", "Cơ quan ban hành", width=30),
     Column("subject", "Trích yếu", width=80, required=False,
            help="Gõ như trong văn bản, thường bắt đầu bằng “về việc …”.")),
    "Văn bản đã ban hành trong năm, mỗi văn bản một dòng, theo thứ tự in trong báo cáo.",
)

YEAR_CONTENT = SheetSpec(
    "Nội dung",
    (Column("section", "Mục", CHOICE, choices=tuple(SECTIONS), width=9),
     Column("line_kind", "Kiểu dòng", CHOICE, choices=tuple(LINE_KINDS), required=False, width=24,
            help="Để trống là “Đoạn văn”."),
     Column("text", "Nội dung", width=100)),
    "Các đoạn văn của báo cáo, mỗi đoạn một dòng, theo thứ tự in. Cột “Mục” cho biết đoạn thuộc "
    "phần nào của báo cáo.",
)

YEAR_RECIPIENTS = SheetSpec(
    "Nơi nhận",
    (Column("recipient", "Nơi nhận", width=50),),
    "Để trống cả trang thì dùng danh sách trong hồ sơ tỉnh; ghi vào thì thay cả danh sách.",
    required=False,
)

YEAR_SHEETS = (YEAR_GENERAL, YEAR_DOCUMENTS, YEAR_CONTENT, YEAR_RECIPIENTS)
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh sách"  # hidden: the drop-down lists
