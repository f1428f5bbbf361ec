"""The 2021–2025 samples: An Giang 2021–2025, Tiền Giang 2021 (written with every other sample by
`python -m tools.samples`; shared pieces used by tools/make_samples_2026.py and
tools/make_samples_kien_giang.py, which import from here and never the other way).

The plans are real (seeds 000, 001, 002: An Giang 573/KH-UBND and its amendment QĐ 648/QĐ-UBND,
Tiền Giang 224/KH-UBND): documents, targets, budget, norms as the plans state them. Every record
(enterprises, classes, news, names) is invented, consistent with the plans' yearly targets, and
marked as illustrative data (dữ liệu minh họa) in the workbooks and in the reports built from them.
"""

from __future__ import annotations

import datetime as dt
import random

from ncnsc_reports.inputs import schema as s
from tools import sample_prose as prose

NOTE = "DỮ LIỆU MINH HỌA: kế hoạch, chỉ tiêu là thật; mọi số liệu thực hiện là giả định."
MH = "(minh họa)"
AG_PLAN = "573/KH-UBND"
AG_AMEND = "648/QĐ-UBND"
AG_SUBJECT = ("triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất chất lượng "
              "sản phẩm, hàng hóa giai đoạn 2021 - 2025 và định hướng đến năm 2030 trên địa bàn "
              "tỉnh An Giang")
AG_AMEND_SUBJECT = ("về việc sửa đổi, bổ sung, bãi bỏ một số nội dung của Kế hoạch số 573/KH-UBND "
                    "ngày 28 tháng 9 năm 2021 của Ủy ban nhân dân tỉnh triển khai Chương trình "
                    "quốc gia hỗ trợ doanh nghiệp nâng cao năng suất chất lượng sản phẩm, hàng hóa "
                    "giai đoạn 2021-2025 và định hướng đến năm 2030 trên địa bàn tỉnh An Giang")

# (code, name, unit, measure, verb, noun) — An Giang 573/KH-UBND §I.2 and its appendix.
AG_INDICATORS = (
    ("DT", "Cán bộ, công chức và quản lý doanh nghiệp được đào tạo, tập huấn về năng suất chất "
           "lượng", "Người", s.MEASURES[9], "tập huấn",
     "cán bộ, công chức, viên chức và cán bộ quản lý doanh nghiệp"),
    ("CG", "Chuyên gia năng suất chất lượng được đào tạo", "Người", s.MEASURES[10], "đào tạo",
     "chuyên gia năng suất"),
    ("HTQL", "Hệ thống quản lý tiên tiến được hỗ trợ xây dựng, áp dụng", "Hệ thống",
     s.MEASURES[0], "hỗ trợ", "hệ thống quản lý"),
    ("CC", "Công cụ năng suất chất lượng được hỗ trợ áp dụng", "Công cụ", s.MEASURES[1],
     "hỗ trợ", "công cụ năng suất chất lượng"),
    ("MSMV", "Doanh nghiệp được hỗ trợ đăng ký sử dụng mã số mã vạch", "Doanh nghiệp",
     s.MEASURES[2], "hỗ trợ", "doanh nghiệp đăng ký mã số mã vạch"),
    ("TXNG", "Doanh nghiệp được hỗ trợ áp dụng giải pháp truy xuất nguồn gốc", "Doanh nghiệp",
     s.MEASURES[3], "hỗ trợ", "doanh nghiệp áp dụng truy xuất nguồn gốc"),
    ("GTCL", "Doanh nghiệp được vận động, hỗ trợ tham dự Giải thưởng Chất lượng Quốc gia",
     "Doanh nghiệp", s.MEASURES[5], "vận động, hỗ trợ",
     "doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia"),
    # surveys are summed over the years: the same enterprise may be surveyed twice (“lượt”)
    ("KS", "Doanh nghiệp được khảo sát nhu cầu nâng cao năng suất chất lượng",
     "Lượt doanh nghiệp", s.MEASURES[13], "khảo sát", "lượt doanh nghiệp"),
    ("BV", "Bài viết về hiệu quả áp dụng hệ thống quản lý, công cụ", "Bài", s.MEASURES[12],
     "đăng tải", "bài viết"),
)
# Yearly targets of the 573 appendix (IV.1–4), its period totals (§I.2), and QĐ 648's appendix.
AG_YEARLY = {"HTQL": (1, 4, 3, 3, 1), "CC": (1, 5, 4, 4, 1), "MSMV": (2, 6, 6, 6, 5),
             "TXNG": (0, 3, 2, 2, 1)}
AG_PERIOD = {"DT": 100, "CG": 5, "HTQL": 12, "CC": 15, "MSMV": 25, "TXNG": 8, "GTCL": 5,
             "BV": 3}
AG_BUDGET = (300_000_000, 1_083_000_000, 843_650_000, 749_000_000, 285_150_000)
# 573/KH-UBND §V.3: (kind, item, detail, cap, per enterprise per year)
AG_CAPS = (
    (s.SUPPORT_KINDS[0], s.SUPPORT_ITEMS[0], "", 70_000_000, 1),
    (s.SUPPORT_KINDS[0], s.SUPPORT_ITEMS[1], "", 50_000_000, None),
    (s.SUPPORT_KINDS[1], s.SUPPORT_ITEMS[0], "", 70_000_000, 1),
    (s.SUPPORT_KINDS[2], s.SUPPORT_ITEMS[2], "", 2_000_000, None),
    (s.SUPPORT_KINDS[3], s.SUPPORT_ITEMS[2], "", 8_000_000, None),
    (s.SUPPORT_KINDS[5], s.SUPPORT_ITEMS[3], "Giải vàng", 40_000_000, None),
    (s.SUPPORT_KINDS[5], s.SUPPORT_ITEMS[3], "Giải thưởng", 30_000_000, None),
)
AG_DISTRICTS = ("Long Xuyên", "Châu Đốc", "Tân Châu", "An Phú", "Châu Phú", "Châu Thành",
                "Chợ Mới", "Phú Tân", "Thoại Sơn", "Tịnh Biên", "Tri Tôn")
# From 1/7/2025 two-level local government: communes and wards (a part of the list, illustrative).
AG_COMMUNES = ("Phường Long Xuyên", "Phường Bình Đức", "Phường Châu Đốc", "Phường Rạch Giá",
               "Xã Chợ Mới", "Xã Thoại Sơn", "Xã Phú Tân")
# The merged An Giang also takes in Kiên Giang's communes (a part of the list, illustrative).
KG_COMMUNES = ("Phường Hà Tiên", "Đặc khu Phú Quốc", "Xã Kiên Lương", "Xã Hòn Đất")
AG_FORMER, KG_FORMER = "An Giang (trước sắp xếp)", "Kiên Giang"
# The former province of each commune (the old → new commune mapping; Rạch Giá was Kiên Giang's).
KG_WARDS = KG_COMMUNES + ("Phường Rạch Giá",)
MERGED = dt.date(2025, 7, 1)  # two-level local government, provinces merged (domain.md §7)
SYSTEMS = ("ISO 9001", "ISO 22000", "HACCP", "ISO 14001", "ISO 45001", "VietGAP")
TOOLS = ("5S", "Kaizen", "KPI", "TQM", "TPM", "QCC", "Lean")


# 573/KH-UBND §VI (Tổ chức thực hiện): the units with a task, the groups of I.2 it serves; the
# lists from 2025 follow the reorganisation (districts abolished, departments merged):
# illustrative where the plan does not name them.
AG_UNITS = (
    (2021, "Sở Tài chính", "2.1", "KH 573 §VI.2"),
    (2021, "Sở Kế hoạch và Đầu tư", "2.1", "KH 573 §VI.3"),
    (2021, "Sở Công Thương", "2.2, 2.3", "KH 573 §VI.4"),
    (2021, "Sở Nông nghiệp và Phát triển nông thôn", "2.2, 2.3", "KH 573 §VI.4"),
    (2021, "Hiệp hội Doanh nghiệp tỉnh An Giang", "2.2", "KH 573 §VI.6"),
    (2021, "Liên minh Hợp tác xã tỉnh An Giang", "2.2", "KH 573 §VI.6"),
) + tuple((2021, f"UBND {d}", "2.2, 2.3", "KH 573 §VI.5")
          for d in ("thành phố Long Xuyên", "thành phố Châu Đốc", "huyện Chợ Mới")) + (
    (2025, "Sở Tài chính", "2.1", "KH 573 §VI.2–3 (sau sắp xếp)"),
    (2025, "Sở Công Thương", "2.2, 2.3", "KH 573 §VI.4"),
    (2025, "Sở Nông nghiệp và Môi trường", "2.2, 2.3", "KH 573 §VI.4 (sau sắp xếp)"),
    (2025, "Hiệp hội Doanh nghiệp tỉnh An Giang", "2.2", "KH 573 §VI.6"),
    (2025, "Liên minh Hợp tác xã tỉnh An Giang", "2.2", "KH 573 §VI.6"),
) + tuple((2025, f"UBND {c.replace('Phường', 'phường').replace('Xã', 'xã')}", "2.2, 2.3",
           "minh họa") for c in AG_COMMUNES[:3])


def profile_an_giang() -> dict:
    agency = [(2021, label, value) for label, value in (
        ("Cơ quan chủ quản", "UBND TỈNH AN GIANG"),
        ("Cơ quan ban hành", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        ("Ký hiệu báo cáo", "BC-SKHCN"), ("Địa danh", "An Giang"),
        ("Quyền hạn ký", "KT. GIÁM ĐỐC"), ("Chức vụ người ký", "PHÓ GIÁM ĐỐC"),
        ("Họ tên người ký", "Người Ký Minh Họa"), ("Lưu", "VT, TĐC"),
        ("Tên cơ quan (chữ thường)", "Sở Khoa học và Công nghệ tỉnh An Giang"),
        ("Câu kết", "Sở Khoa học và Công nghệ trân trọng báo cáo Ủy ban nhân dân tỉnh và Bộ "
                    "Khoa học và Công nghệ./."))]
    plan = [("Kế hoạch", AG_PLAN, dt.date(2021, 9, 28), "Ủy ban nhân dân tỉnh An Giang",
             AG_SUBJECT, "2021-2025", None, None, None, AG_FORMER),
            ("Quyết định", AG_AMEND, dt.date(2025, 4, 25), "Chủ tịch Ủy ban nhân dân tỉnh An Giang",
             AG_AMEND_SUBJECT, None, dt.date(2025, 4, 25), "Chỉ tiêu, Định mức", None)]
    targets = [(AG_PLAN, code, "2021-2025", value) for code, value in AG_PERIOD.items()]
    targets += [(AG_PLAN, code, str(2021 + i), v) for code, values in AG_YEARLY.items()
                for i, v in enumerate(values)]
    targets += [(AG_PLAN, "KS", "2023", 50), (AG_PLAN, "KS", "2025", 50)]
    targets += [(AG_AMEND, code, "2021-2025", value) for code, value in AG_PERIOD.items()]
    targets += [(AG_AMEND, "KS", "2025", 50)]  # QĐ 648, appendix II: 50 enterprises, 2025
    return {
        s.PROFILE_AGENCY.name: agency, s.PROFILE_PLAN.name: plan,
        s.PROFILE_RECIPIENTS.name: [(2021, r) for r in (
            "Bộ Khoa học và Công nghệ (để b/c)", "UBND tỉnh (để b/c)", "Ban Giám đốc Sở")],
        s.PROFILE_INDICATORS.name: list(AG_INDICATORS),
        s.PROFILE_TARGETS.name: targets,
        s.PROFILE_BUDGET.name: [(AG_PLAN, 2021 + i, v) for i, v in enumerate(AG_BUDGET)],
        s.PROFILE_CAPS.name: [(AG_PLAN, *cap) for cap in AG_CAPS],
        s.PROFILE_LOCALITIES.name: [(2021, d) for d in AG_DISTRICTS]
        + [(2025, c, MERGED, former_of(c)) for c in AG_COMMUNES + KG_COMMUNES],
        s.PROFILE_UNITS.name: list(AG_UNITS),
        # merged with Kiên Giang on 1/7/2025 (domain.md §7): a fact of 2025, not of phase 2
        s.PROFILE_FORMATION.name: [(MERGED, AG_FORMER, "an-giang"),
                                   (MERGED, KG_FORMER, "kien-giang")],
    }


def former_of(commune: str) -> str:
    return KG_FORMER if commune in KG_WARDS else AG_FORMER


class Enterprises:
    """Invented enterprises: names and tax codes that say they are illustrative."""

    def __init__(self, rng: random.Random):
        self.rng, self.n = rng, 0

    def next(self, localities) -> tuple[str, str, str]:
        self.n += 1
        kind = self.rng.choice(("Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã"))
        return (f"{kind} Minh Họa {self.n:02d}", f"99990{self.n:05d}",
                self.rng.choice(localities))


# Records per year, within the yearly targets: systems, tools, barcodes, traceability, awards.
AG_PLAN_OF_YEAR = {2021: (1, 1, 2, 0, 0), 2022: (4, 5, 6, 3, 1), 2023: (3, 4, 6, 2, 1),
                   2024: (3, 4, 5, 2, 1), 2025: (1, 1, 5, 1, 1)}


def support_rows(year: int, rng: random.Random, firms: Enterprises) -> list[tuple]:
    localities = AG_COMMUNES if year >= 2025 else AG_DISTRICTS
    systems, tools, barcodes, traces, awards = AG_PLAN_OF_YEAR[year]
    rows = []
    for i in range(systems):
        name, tax, place = firms.next(localities)
        standard = SYSTEMS[(year + i) % len(SYSTEMS)]
        rows.append((name, tax, place, s.SUPPORT_KINDS[0], standard, s.SUPPORT_ITEMS[0],
                     rng.randrange(45, 71) * 1_000_000, s.FUNDING[0]))
        rows.append((name, tax, place, s.SUPPORT_KINDS[0], standard, s.SUPPORT_ITEMS[1],
                     rng.randrange(25, 51) * 1_000_000, s.FUNDING[0]))
    for i in range(tools):
        name, tax, place = firms.next(localities)
        rows.append((name, tax, place, s.SUPPORT_KINDS[1], TOOLS[(year + i) % len(TOOLS)],
                     s.SUPPORT_ITEMS[0], rng.randrange(35, 71) * 1_000_000, s.FUNDING[0]))
    for kind, count, top in ((2, barcodes, 2), (3, traces, 8)):
        for _ in range(count):
            name, tax, place = firms.next(localities)
            rows.append((name, tax, place, s.SUPPORT_KINDS[kind], "", s.SUPPORT_ITEMS[2],
                         rng.randrange(top * 5, top * 10 + 1) * 100_000, s.FUNDING[0]))
    for _ in range(awards):
        name, tax, place = firms.next(localities)
        rows.append((name, tax, place, s.SUPPORT_KINDS[5], "Giải thưởng", s.SUPPORT_ITEMS[3],
                     30_000_000 if year == 2023 else 0, s.FUNDING[0]))
    return rows


def other_records(year: int, rng: random.Random) -> dict[str, list[tuple]]:
    training = {2022: (50, 30, 20), 2023: (52, 27, 23)}
    experts = {2022: 2, 2023: 1, 2024: 1, 2025: 1}
    records = {
        s.YEAR_TRAINING.name: [(f"Tập huấn kiến thức năng suất chất lượng năm {year} {MH}",
                                dt.date(year, 6, 15), dt.date(year, 6, 16), *training[year],
                                rng.randrange(40, 61) * 1_000_000)] if year in training else [],
        # review L3: “…: hoàn thành khóa đào tạo chuyên gia năng suất”
        s.YEAR_EXPERTS.name: [(f"Chuyên gia Minh Họa {year}-{i + 1}", "Chi cục Tiêu chuẩn Đo lường "
                               "Chất lượng", f"hoàn thành khóa đào tạo chuyên gia năng suất {MH}")
                              for i in range(experts.get(year, 0))],
        s.YEAR_SURVEYS.name: [(f"Khảo sát nhu cầu nâng cao năng suất chất lượng {MH}",
                               dt.date(year, 8, 20), 50)] if year in (2023, 2025) else [],
        s.YEAR_MEDIA.name: [("Bài viết", f"Hiệu quả áp dụng 5S tại doanh nghiệp {MH}",
                             dt.date(year, 10, 14), "Website Sở KH&CN")]
        if year in (2022, 2023, 2024) else [],
    }
    return records


def ag_direction(year: int) -> tuple[str, str]:
    """III.1's opening and IV's purpose: 573/KH-UBND until 2025, then a plan for 2026–2030."""
    if year < 2025:
        plan = "Kế hoạch số 573/KH-UBND ngày 28/9/2021 của UBND tỉnh"
        return f"Năm {year + 1}, tiếp tục triển khai {plan}", f"tiếp tục thực hiện {plan}"
    return ("Năm 2026, tham mưu UBND tỉnh ban hành và triển khai Kế hoạch thực hiện Chương trình "
            "giai đoạn 2026-2030 trên toàn địa bàn tỉnh",
            "thực hiện Kế hoạch giai đoạn 2026-2030")


def year_an_giang(year: int, rng: random.Random, firms: Enterprises) -> dict:
    general = [("Năm báo cáo", year), ("Số báo cáo", None), ("Ngày ký", None),
               ("Tháng ký", 11), ("Năm ký", year), ("Dữ liệu minh họa", "Có")]
    content = [
        prose.opening(year),
        ("I.2.3", "Đoạn văn", "Sở Khoa học và Công nghệ tiếp nhận hồ sơ, thẩm định và hỗ trợ "
         "doanh nghiệp theo định mức của Kế hoạch (minh họa)."),
        *prose.closing_sections(*ag_direction(year)),
    ]
    return {s.YEAR_GENERAL.name: general, s.YEAR_CONTENT.name: content,
            s.YEAR_SUPPORT.name: support_rows(year, rng, firms), **other_records(year, rng)}


TG_PLAN_AGAIN = "Kế hoạch số 224/KH-UBND ngày 16/7/2021 của UBND tỉnh"


def tien_giang() -> tuple[dict, dict]:
    plan = [("Kế hoạch", "224/KH-UBND", dt.date(2021, 7, 16), "UBND tỉnh Tiền Giang",
             "thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
             "sản phẩm, hàng hóa trên địa bàn tỉnh Tiền Giang giai đoạn 2021 - 2025 và định hướng "
             "đến năm 2030", "2021-2030", None, None, 110)]
    indicators = [
        ("LTH", "Lớp đào tạo, tập huấn về năng suất chất lượng", "Lớp", s.MEASURES[7], "tổ chức",
         "lớp tập huấn"),
        ("DNAD", "Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý, công cụ, truy xuất nguồn gốc",
         "Doanh nghiệp", s.MEASURES[6], "hỗ trợ",
         "doanh nghiệp áp dụng hệ thống quản lý, công cụ năng suất, truy xuất nguồn gốc"),
        ("DNCN", "Doanh nghiệp được hỗ trợ chứng nhận (chỉ tiêu: trên {chỉ tiêu})", "Doanh nghiệp",
         s.MEASURES[4], "hỗ trợ chứng nhận", "doanh nghiệp"),
    ]
    agency = [(2021, label, value) for label, value in (
        ("Cơ quan chủ quản", "UBND TỈNH TIỀN GIANG"),
        ("Cơ quan ban hành", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), ("Ký hiệu báo cáo", "BC-SKHCN"),
        ("Địa danh", "Tiền Giang"), ("Quyền hạn ký", "KT. GIÁM ĐỐC"),
        ("Chức vụ người ký", "PHÓ GIÁM ĐỐC"), ("Họ tên người ký", "Người Ký Minh Họa"),
        ("Lưu", "VT, TĐC"),
        ("Tên cơ quan (chữ thường)", "Sở Khoa học và Công nghệ tỉnh Tiền Giang"),
        ("Câu kết", "Sở Khoa học và Công nghệ trân trọng báo cáo UBND tỉnh và Bộ Khoa học và "
                    "Công nghệ./."))]
    profile = {
        s.PROFILE_AGENCY.name: agency, s.PROFILE_PLAN.name: plan,
        s.PROFILE_RECIPIENTS.name: [(2021, "Bộ Khoa học và Công nghệ (để b/c)"),
                                    (2021, "UBND tỉnh (để b/c)")],
        s.PROFILE_INDICATORS.name: indicators,
        s.PROFILE_TARGETS.name: [("224/KH-UBND", "LTH", "2021-2025", 10),
                                 ("224/KH-UBND", "DNAD", "2021-2025", 20),
                                 ("224/KH-UBND", "DNCN", "2021-2025", 30)],
    }
    year = {
        s.YEAR_GENERAL.name: [("Năm báo cáo", 2021), ("Tháng ký", 11), ("Năm ký", 2021),
                              ("Dữ liệu minh họa", "Có")],
        s.YEAR_CONTENT.name: [
            prose.opening(2021),
            # not the count I.2.4 prints from the Tập huấn sheet (issue 22, review M1)
            ("I.2.4", "Đoạn văn", "Các lớp tập huấn giới thiệu công cụ năng suất 5S, Kaizen cho "
             "cán bộ, công chức, viên chức và cán bộ quản lý doanh nghiệp (minh họa)."),
            *prose.closing_sections(f"Năm 2022, tiếp tục triển khai {TG_PLAN_AGAIN}",
                                    f"tiếp tục thực hiện {TG_PLAN_AGAIN}")],
        s.YEAR_TRAINING.name: [(f"Lớp tập huấn năng suất chất lượng {i} {MH}",
                                dt.date(2021, 9, 10 + i), None, 40, 25, 15, None)
                               for i in (1, 2)],
        s.YEAR_SUPPORT.name: [
            ("Công ty TNHH Minh Họa TG 01", "9998000001", "Mỹ Tho", s.SUPPORT_KINDS[0],
             "ISO 9001", s.SUPPORT_ITEMS[0], 60_000_000, s.FUNDING[0]),
            ("Công ty TNHH Minh Họa TG 01", "9998000001", "Mỹ Tho", s.SUPPORT_KINDS[4],
             "ISO 9001", s.SUPPORT_ITEMS[1], 40_000_000, s.FUNDING[0]),
            ("Hợp tác xã Minh Họa TG 02", "9998000002", "Cái Bè", s.SUPPORT_KINDS[3], "",
             s.SUPPORT_ITEMS[2], 6_000_000, s.FUNDING[0])],
    }
    return profile, year


TITLE = "Hồ sơ tỉnh {} – Chương trình 1322"
