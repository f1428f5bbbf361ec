"""The shape of the input workbooks: sheets, their Vietnamese headers, value kinds and help.

One declaration serves three readers: the loader (which column holds what), the blank-workbook
writer (headers, drop-downs, help sheet) and the README. Change a header here and all follow.
"""

from __future__ import annotations

from dataclasses import dataclass

PROFILE_FILE = "ho-so-tinh.xlsx"
# QĐ 1322/QĐ-TTg: the programme runs 2021-2030; a year folder outside it has nothing to report.
PROGRAMME_YEARS = (2021, 2030)
# Excel files the loader does not read (macro-enabled, old binary): named, never ignored silently.
OTHER_WORKBOOKS = ("*.xlsm", "*.xls", "*.xlsb")

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
    may_be_absent: bool = False  # added later: older workbooks lack it


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
    choices: tuple[str, ...] = ()


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
    Setting("agency_name", "Tên cơ quan (chữ thường)",
            example="Sở Khoa học và Công nghệ tỉnh An Giang",
            help="Dùng ở dòng “Kèm theo Báo cáo số … của …” của phụ lục."),
    Setting("closing", "Câu kết", required=True,
            example="Sở Khoa học và Công nghệ trân trọng báo cáo UBND tỉnh và Bộ Khoa học và "
                    "Công nghệ./.",
            help="Câu cuối phần nội dung, kết thúc bằng “./.”."),
)

# `new-province` writes “(ghi …)” where only the clerk knows the value (the signer's name); a
# report that would print one is warned about (report/general.py `check_placeholders`).
PLACEHOLDER_START = "(ghi "

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
     Column("subject", "Trích yếu", width=80),
     Column("period", "Giai đoạn", required=False, width=14,
            help="Với kế hoạch: giai đoạn nó áp dụng, “2021-2025”, “2026-2030” hoặc “2021-2030”. "
                 "Với văn bản sửa đổi: để trống (là giai đoạn của kế hoạch ở dòng trên)."),
     Column("effective", "Hiệu lực từ ngày", DATE, required=False, width=16,
            help="Để trống là từ ngày ban hành."),
     Column("replaces", "Thay thế", required=False, width=26,
            help="Chỉ với văn bản sửa đổi: phần nó thay thế của kế hoạch ở dòng trên, ghi một "
                 "hay nhiều trong “Chỉ tiêu”, “Định mức”, “Kinh phí”, cách nhau bằng dấu phẩy. "
                 "Phần đã thay mà không ghi số liệu mới thì coi là chưa có số liệu. Để trống là "
                 "một kế hoạch riêng (ghi “Giai đoạn”)."),
     Column("next_period_pct", "Chỉ tiêu giai đoạn sau (% giai đoạn trước)", INT,
            required=False, low=100, high=1000, width=20,
            help="Chỉ với kế hoạch 2021-2030. Ví dụ 110 (Kế hoạch 224/KH-UBND: “tăng ít nhất "
                 "10%”): chỉ tiêu 2026-2030 không ghi thì bằng 110% chỉ tiêu 2021-2025, làm "
                 "tròn lên."),
     Column("territory", "Địa bàn áp dụng", required=False, may_be_absent=True, width=24,
            help="Chỉ với tỉnh sau sắp xếp: tên tỉnh trước sắp xếp (như ở trang “Hình thành”) "
                 "đã ban hành kế hoạch, vì kế hoạch chỉ áp dụng trên địa bàn của tỉnh đó. Để "
                 "trống: tìm theo “Cơ quan ban hành”; kế hoạch ban hành từ ngày thành lập tỉnh "
                 "mới áp dụng cho toàn tỉnh.")),
    "Mỗi kế hoạch thực hiện Chương trình 1322 một dòng, ghi giai đoạn; văn bản sửa đổi, bổ "
    "sung một kế hoạch ghi ngay dưới kế hoạch đó, theo thứ tự ban hành, cột “Thay thế” ghi "
    "phần nó thay. Kế hoạch giai đoạn mới (2026-2030) là một dòng kế hoạch mới, không phải văn "
    "bản sửa đổi. Báo cáo trích dẫn kế hoạch của giai đoạn của năm báo cáo và các văn bản sửa "
    "đổi nó có hiệu lực vào ngày báo cáo; văn bản của giai đoạn đã kết thúc không được trích.",
)

PROFILE_RECIPIENTS = SheetSpec(
    "Nơi nhận",
    (FROM_YEAR, Column("recipient", "Nơi nhận", width=50,
                       help="Không gõ “-” đầu dòng và “;” cuối dòng: phần mềm tự thêm.")),
    "Danh sách nơi nhận mặc định, theo thứ tự in. Dòng “Lưu: …” lấy từ trang “Cơ quan”. Khi danh "
    "sách thay đổi từ một năm, ghi cả danh sách mới với năm bắt đầu áp dụng.",
)

# --- Plan as data (profile) and records (year workbook): what the indicators count --------

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
DOC_REF = Column("document", "Văn bản", width=16,
                 help="Số, ký hiệu của văn bản ở trang “Kế hoạch” quy định số liệu này.")
MONEY = {"low": 0, "high": 10**15}

PROFILE_INDICATORS = SheetSpec(
    "Chỉ tiêu",
    (Column("code", "Mã", width=10, help="Mã ngắn, không đổi qua các năm, ví dụ HTQL."),
     Column("name", "Chỉ tiêu", width=50),
     Column("unit", "Đơn vị tính", width=14),
     Column("measure", "Cách tính", CHOICE, choices=MEASURES, width=44,
            help="Chương trình đếm gì trong các trang số liệu của năm."),
     Column("verb", "Động từ trong câu", width=16, help="Ví dụ “hỗ trợ”, “đào tạo”."),
     Column("noun", "Đối tượng trong câu", width=26, help="Ví dụ “hệ thống quản lý”."),
     Column("period", "Giai đoạn", required=False, may_be_absent=True, width=14,
            help="Để trống: chỉ tiêu của mọi giai đoạn. “2021-2025” hoặc “2026-2030”: chỉ báo "
                 "cáo trong giai đoạn đó (thêm chỉ tiêu mới của giai đoạn 2026-2030 không làm "
                 "đổi báo cáo các năm 2021-2025).")),
    "Danh mục chỉ tiêu của Kế hoạch, theo thứ tự in. Câu ở mục II.1: “Năm … đã <động từ> 03 "
    "<đối tượng>; lũy kế … đã <động từ> 08/12 <đối tượng>, đạt 66,7% chỉ tiêu …”. Tên chỉ tiêu "
    "có thể ghi {chỉ tiêu} để in chỉ tiêu của giai đoạn (ví dụ “(chỉ tiêu: trên {chỉ tiêu})”).",
    required=False,
)

PROFILE_TARGETS = SheetSpec(
    "Chỉ tiêu kế hoạch",
    (DOC_REF, Column("code", "Mã", width=10),
     Column("period", "Kỳ", width=12,
            help="Giai đoạn “2021-2025”, “2026-2030” hoặc một năm “2023”."),
     Column("target", "Giá trị", INT, low=0, high=10**9, width=12)),
    "Chỉ tiêu theo giai đoạn và (nếu Kế hoạch có) theo từng năm, của từng văn bản.",
    required=False,
)

PROFILE_BUDGET = SheetSpec(
    "Kinh phí kế hoạch",
    (DOC_REF, Column("year", "Năm", YEAR, low=2021, high=2100, width=10),
     Column("amount", "Dự toán (đồng)", INT, width=20, **MONEY)),
    "Dự toán kinh phí từng năm theo Kế hoạch.",
    required=False,
)

PROFILE_CAPS = SheetSpec(
    "Định mức hỗ trợ",
    (DOC_REF, Column("kind", "Nội dung hỗ trợ", CHOICE, choices=SUPPORT_KINDS, width=28),
     Column("item", "Khoản chi", CHOICE, choices=SUPPORT_ITEMS, width=26),
     Column("detail", "Chi tiết", required=False, width=18,
            help="Để trống là mọi trường hợp; ví dụ “Giải vàng”."),
     Column("cap", "Mức tối đa (đồng)", INT, required=False, width=18, **MONEY),
     Column("per_year", "Tối đa mỗi doanh nghiệp mỗi năm", INT, required=False, low=1,
            high=1000, width=16)),
    "Mức hỗ trợ tối đa theo Kế hoạch (ví dụ 70.000.000 đồng/hệ thống, 01 hệ thống/doanh "
    "nghiệp/năm).",
    required=False,
)

PROFILE_LOCALITIES = SheetSpec(
    "Địa bàn",
    (FROM_YEAR, Column("locality", "Địa bàn", width=30),
     Column("from_date", "Từ ngày", DATE, required=False, may_be_absent=True, width=14,
            help="Để trống là từ đầu năm áp dụng; ghi khi địa giới đổi giữa năm (ví dụ "
                 "1/7/2025, ngày bỏ cấp huyện), cùng năm với “Áp dụng từ năm”."),
     Column("former", "Tỉnh trước sắp xếp", required=False, may_be_absent=True, width=24,
            help="Chỉ với tỉnh sau sắp xếp, danh sách từ ngày thành lập: xã, phường thuộc địa "
                 "bàn tỉnh nào trước sắp xếp (tên như ở trang “Hình thành”), để tính kết quả "
                 "trên địa bàn của từng kế hoạch.")),
    "Các địa bàn (huyện, thị xã, thành phố; từ 1/7/2025: xã, phường) của tỉnh, để kiểm tra "
    "doanh nghiệp được hỗ trợ có ở trong tỉnh. Khi địa giới thay đổi, ghi cả danh sách mới với "
    "năm (và ngày) áp dụng. Dòng hỗ trợ có “Ngày hỗ trợ” được so với danh sách của ngày đó; "
    "dòng không ghi ngày, với mọi danh sách áp dụng trong năm.",
    required=False,
)

PROFILE_FORMATION = SheetSpec(
    "Hình thành",
    (Column("date", "Ngày thành lập", DATE, width=16,
            help="Ngày tỉnh (sau sắp xếp) được thành lập, ví dụ 1/7/2025."),
     Column("name", "Tỉnh trước sắp xếp", width=24, help="Ví dụ “Tiền Giang”, “Đồng Tháp (cũ)”."),
     Column("folder", "Thư mục số liệu", required=False, width=20,
            help="Thư mục trong inputs/ chứa số liệu các năm của tỉnh đó (ví dụ tien-giang); "
                 "ghi chính thư mục này nếu tỉnh cũ cùng tên; để trống nếu không có số liệu."),
     Column("absent", "Câu khi không có số liệu", required=False, may_be_absent=True, width=60,
            help="Khi để trống “Thư mục số liệu”: câu báo cáo tổng kết in thay cho số liệu của "
                 "tỉnh này, ví dụ “Kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Kiên "
                 "Giang (trước sắp xếp) sẽ được Sở báo cáo bổ sung.”")),
    "(Chỉ với tỉnh hình thành do sắp xếp đơn vị hành chính) Các tỉnh trước sắp xếp, mỗi tỉnh "
    "một dòng, cùng một ngày thành lập. Số liệu các năm trước ngày đó của các tỉnh này được dùng "
    "khi tổng kết giai đoạn 2021-2025 của tỉnh mới.",
    required=False,
)

PROFILE_NO_DATA = SheetSpec(
    "Năm không có số liệu",
    (Column("year", "Năm", YEAR, low=2021, high=2100, width=10),
     Column("note", "Ghi chú", required=False, width=60)),
    "Năm trước không có thư mục số liệu: ghi ở đây thì lũy kế coi năm đó bằng 0.",
    required=False,
)

PROFILE_UNITS = SheetSpec(
    "Đơn vị phối hợp",
    (FROM_YEAR, Column("unit", "Đơn vị", width=44, help="Tên in trong báo cáo: Sở Công Thương."),
     Column("groups", "Nhóm nhiệm vụ tham gia", required=False, width=22,
            help="Nhóm của mục I.2, ví dụ “2.2, 2.3” (trống: cả sáu); phiếu chỉ có các nhóm này."),
     Column("note", "Ghi chú", required=False, width=40)),
    "Sở, ngành, địa phương (huyện; từ 1/7/2025: xã, phường) được đề nghị gửi phiếu đóng góp "
    "(lệnh unit-form). Khi danh sách đổi, ghi cả danh sách mới với năm bắt đầu áp dụng.",
    required=False,
)

PROFILE_SHEETS = (PROFILE_AGENCY, PROFILE_PLAN, PROFILE_RECIPIENTS, PROFILE_INDICATORS,
                  PROFILE_TARGETS, PROFILE_BUDGET, PROFILE_CAPS, PROFILE_LOCALITIES,
                  PROFILE_NO_DATA, PROFILE_UNITS, PROFILE_FORMATION)

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

COUNT = {"low": 0, "high": 10**6}

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
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh sách"  # hidden: the drop-down lists
