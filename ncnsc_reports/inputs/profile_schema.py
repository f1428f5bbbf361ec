"""The province profile's shape: inputs/<tỉnh>/ho-so-tinh.xlsx, sheet by sheet.

Owns the profile's sheets — the agency and signer, the plans and their targets, budget and
support caps, localities, the provinces a merged one was formed from, the units asked for a
contribution — with their Vietnamese headers, value kinds and help (`sheet_spec` types, the
drop-down words of `choices`).
"""

from __future__ import annotations

from ncnsc_reports.inputs.choices import DOCUMENT_KINDS, MEASURES, SUPPORT_ITEMS, SUPPORT_KINDS
from ncnsc_reports.inputs.sheet_spec import (
    CHOICE,
    DATE,
    INT,
    MONEY,
    YEAR,
    Column,
    Setting,
    SheetSpec,
)

PROFILE_FILE = "ho-so-tinh.xlsx"

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

# --- The plan as data: what the indicators count, the targets, budget and support caps ------

DOC_REF = Column("document", "Văn bản", width=16,
                 help="Số, ký hiệu của văn bản ở trang “Kế hoạch” quy định số liệu này.")

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
