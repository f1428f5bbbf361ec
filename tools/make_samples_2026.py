"""Phase 2026–2030 samples, written by tools/samples.py (part of it, not run alone).

- An Giang 2026: the province merged with Kiên Giang on 1/7/2025 and issues its own 2026–2030
  plan. No seed gives that plan: its number, date, targets and budget are ILLUSTRATIVE (dữ liệu
  minh họa), and its citation says so. 573/KH-UBND and QĐ 648 (2021–2025) have ended.
- Đồng Tháp 2026: formed on 1/7/2025 from Tiền Giang and the former Đồng Tháp. Tiền Giang's
  224/KH-UBND (2021–2030, real, seed 002) stays in force; its 2026–2030 targets are not written
  but derived by its rule (§I.2.b: at least 110% of 2021–2025, rounded up).
Every record (enterprises, classes, names) is invented and marked illustrative.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ncnsc_reports.inputs import schema as s
from ncnsc_reports.inputs.blank import write_workbook
from tools import sample_prose as prose
from tools.make_samples import (
    AG_CAPS,
    AG_COMMUNES,
    KG_COMMUNES,
    MERGED,
    MH,
    NOTE,
    TITLE,
    TOOLS,
)

AG_NEW_PLAN = "45/KH-UBND"  # illustrative number
AG_NEW_SUBJECT = ("triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và "
                  "chất lượng sản phẩm, hàng hóa giai đoạn 2026-2030 trên địa bàn tỉnh An Giang "
                  "(văn bản minh họa: số, ngày, chỉ tiêu, kinh phí là giả định)")
# Illustrative 2026–2030 targets of the new plan (a little above 2021–2025, as 224 asks).
AG_NEW_TARGETS = {"DT": 150, "CG": 8, "HTQL": 15, "CC": 18, "MSMV": 30, "TXNG": 10, "GTCL": 6,
                  "KS": 100, "BV": 5, "CN": 12}
AG_NEW_BUDGET = (900_000_000, 1_100_000_000, 1_100_000_000, 1_000_000_000, 800_000_000)
MERGED_AGENCY = (
    ("Cơ quan chủ quản", "UBND TỈNH {}"), ("Cơ quan ban hành", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
    ("Ký hiệu báo cáo", "BC-SKHCN"), ("Địa danh", "{}"), ("Quyền hạn ký", "KT. GIÁM ĐỐC"),
    ("Chức vụ người ký", "PHÓ GIÁM ĐỐC"), ("Họ tên người ký", "Người Ký Minh Họa"),
    ("Lưu", "VT, TĐC"), ("Tên cơ quan (chữ thường)", "Sở Khoa học và Công nghệ tỉnh {}"),
    ("Câu kết", "Sở Khoa học và Công nghệ trân trọng báo cáo Ủy ban nhân dân tỉnh và Bộ Khoa "
                "học và Công nghệ./."))
# Recipients of a 2026 report: the merged province's bodies (planning merged into finance).
RECIPIENTS_2026 = ("Bộ Khoa học và Công nghệ (để b/c)", "UBND tỉnh (để b/c)", "Sở Tài chính",
                   "Ban Giám đốc Sở")
DT_COMMUNES = ("Phường Mỹ Tho", "Phường Cao Lãnh", "Phường Sa Đéc", "Phường Gò Công",
               "Xã Cái Bè", "Xã Chợ Gạo", "Xã Lấp Vò")
# The former province of each (the old → new commune mapping): Mỹ Tho, Gò Công, Cái Bè, Chợ Gạo
# were Tiền Giang's; Cao Lãnh, Sa Đéc, Lấp Vò the former Đồng Tháp's.
TG_FORMER, DT_FORMER = "Tiền Giang", "Đồng Tháp (trước sắp xếp)"
DT_OLD_DT = ("Phường Cao Lãnh", "Phường Sa Đéc", "Xã Lấp Vò")

TG_PLAN = "Kế hoạch số 224/KH-UBND ngày 16/7/2021 của UBND tỉnh Tiền Giang"
# review L15 (224/KH-UBND: seed 002): I.1.a while the merged province has no plan of its own
DT_PLANNING = (f"Tỉnh tiếp tục thực hiện {TG_PLAN} (giai đoạn 2021-2025 và định hướng đến năm "
               "2030) trên địa bàn tỉnh Tiền Giang (trước sắp xếp); Sở Khoa học và Công nghệ "
               "đang tham mưu UBND tỉnh xây dựng Kế hoạch thực hiện Chương trình giai đoạn "
               "2026-2030 trên toàn địa bàn tỉnh Đồng Tháp, dự kiến trình ban hành trong Quý I "
               "năm 2027 (minh họa).")


def agency(since: int, upper: str, name: str) -> list[tuple]:
    return [(since, label, value.format(upper if label == "Cơ quan chủ quản" else name))
            for label, value in MERGED_AGENCY]


def an_giang_phase2() -> dict[str, list[tuple]]:
    """The rows a clerk adds to An Giang's profile for phase 2026–2030 (README routine)."""
    return {
        s.PROFILE_AGENCY.name: agency(2026, "AN GIANG", "An Giang"),
        s.PROFILE_PLAN.name: [("Kế hoạch", AG_NEW_PLAN, dt.date(2026, 3, 12),
                               "UBND tỉnh An Giang", AG_NEW_SUBJECT, "2026-2030", None, None,
                               None)],
        s.PROFILE_RECIPIENTS.name: [(2026, r) for r in RECIPIENTS_2026],
        s.PROFILE_INDICATORS.name: [
            ("CN", "Doanh nghiệp được hỗ trợ chứng nhận sản phẩm, hệ thống quản lý",
             "Doanh nghiệp", s.MEASURES[4], "hỗ trợ chứng nhận cho", "doanh nghiệp",
             "2026-2030")],
        s.PROFILE_TARGETS.name: [(AG_NEW_PLAN, code, "2026-2030", value)
                                 for code, value in AG_NEW_TARGETS.items()],
        s.PROFILE_BUDGET.name: [(AG_NEW_PLAN, 2026 + i, v) for i, v in enumerate(AG_NEW_BUDGET)],
        s.PROFILE_CAPS.name: [(AG_NEW_PLAN, *cap) for cap in AG_CAPS],
    }


def add_rows(profile: dict, extra: dict) -> dict:
    return {name: list(profile.get(name, [])) + list(extra.get(name, []))
            for name in dict.fromkeys([*profile, *extra])}


def support(rng: random.Random, prefix: str, tax: str, places, plan) -> list[tuple]:
    """Invented support rows, dated in 2026: (kind index, item index, detail, amount range)."""
    rows = []
    for n, (kind, item, detail, low, high) in enumerate(plan, start=1):
        place = places[(n * 3) % len(places)]
        day = dt.date(2026, 3 + n % 8, 5 + n)
        rows.append((f"Công ty TNHH Minh Họa {prefix} {n:02d}", f"{tax}{n:05d}", place,
                     s.SUPPORT_KINDS[kind], detail, s.SUPPORT_ITEMS[item],
                     rng.randrange(low, high + 1) * 1_000_000, s.FUNDING[0], day))
    return rows


def year_book(content: list[tuple], records: dict, direction: str, fund: str) -> dict:
    general = [("Năm báo cáo", 2026), ("Số báo cáo", None), ("Ngày ký", None), ("Tháng ký", 11),
               ("Năm ký", 2026), ("Dữ liệu minh họa", "Có")]
    # review L1: the agency does not annotate its own name (“… tỉnh X (sau sắp xếp …)”)
    rows = [prose.opening(2026), *content, *prose.closing_sections(direction, fund)]
    return {s.YEAR_GENERAL.name: general, s.YEAR_CONTENT.name: rows, **records}


def an_giang_2026(rng: random.Random) -> dict:
    places = AG_COMMUNES + KG_COMMUNES
    plan = [(0, 0, "ISO 9001", 45, 70), (0, 1, "ISO 9001", 25, 50), (0, 0, "ISO 22000", 45, 70),
            (1, 0, TOOLS[0], 35, 70), (1, 0, TOOLS[1], 35, 70), (2, 2, "", 1, 2),
            (2, 2, "", 1, 2), (3, 2, "", 4, 8), (4, 1, "ISO 22000", 20, 40)]
    records = {
        s.YEAR_SUPPORT.name: support(rng, "AG26", "99970", places, plan),
        s.YEAR_TRAINING.name: [(f"Tập huấn năng suất chất lượng năm 2026 {MH}",
                                dt.date(2026, 6, 18), dt.date(2026, 6, 19), 60, 32, 28,
                                55_000_000)],
        s.YEAR_EXPERTS.name: [("Chuyên gia Minh Họa 2026-1", "Trung tâm Kỹ thuật Tiêu chuẩn Đo "
                               "lường Chất lượng",
                               f"hoàn thành khóa đào tạo chuyên gia năng suất {MH}")],
        s.YEAR_MEDIA.name: [("Bài viết", f"Doanh nghiệp tại Đặc khu Phú Quốc áp dụng ISO 9001 {MH}",
                             dt.date(2026, 9, 10), "Website Sở KH&CN")],
    }
    documents = [("I.1.a", "Kế hoạch", AG_NEW_PLAN, dt.date(2026, 3, 12), "UBND tỉnh An Giang",
                  AG_NEW_SUBJECT)]
    content = [("I.1.a", "Đoạn văn", "Sở Khoa học và Công nghệ tham mưu UBND tỉnh ban hành Kế "
                "hoạch giai đoạn 2026-2030 trên toàn địa bàn tỉnh (minh họa):"),
               # review M1, L1: no count the report writes itself; "(trước sắp xếp)" throughout
               ("I.2.3", "Đoạn văn", "Doanh nghiệp được hỗ trợ gồm cả doanh nghiệp trên địa bàn "
                "tỉnh Kiên Giang (trước sắp xếp); nội dung minh họa.")]
    plan = "Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh"
    book = year_book(content, records, f"Năm 2027, tiếp tục triển khai {plan}",
                     f"tiếp tục thực hiện {plan}")
    book[s.YEAR_DOCUMENTS.name] = documents
    return book


def dong_thap(tien_giang_profile: dict) -> tuple[dict, dict]:
    """Đồng Tháp's profile: Tiền Giang's plan 224/KH-UBND and its 2021–2025 targets carried
    over as they are; the agency, place and recipients of the merged province."""
    keep = (s.PROFILE_PLAN.name, s.PROFILE_INDICATORS.name, s.PROFILE_TARGETS.name)
    profile = {name: rows for name, rows in tien_giang_profile.items() if name in keep}
    # 224/KH-UBND covers the former Tiền Giang only (domain.md §7): said in “Địa bàn áp dụng”
    profile[s.PROFILE_PLAN.name] = [row + (TG_FORMER,) for row in profile[s.PROFILE_PLAN.name]]
    profile.update({
        s.PROFILE_AGENCY.name: agency(2025, "ĐỒNG THÁP", "Đồng Tháp"),
        s.PROFILE_RECIPIENTS.name: [(2025, r) for r in RECIPIENTS_2026],
        s.PROFILE_LOCALITIES.name: [(2025, c, MERGED, DT_FORMER if c in DT_OLD_DT else TG_FORMER)
                                    for c in DT_COMMUNES],
        s.PROFILE_FORMATION.name: [(MERGED, TG_FORMER, "tien-giang"),
                                   (MERGED, DT_FORMER, "dong-thap")],
    })
    rng = random.Random(2026)
    plan = [(0, 0, "ISO 9001", 40, 60), (1, 0, TOOLS[0], 30, 50), (3, 2, "", 4, 8),
            (4, 1, "ISO 9001", 25, 40), (4, 1, "VietGAP", 20, 35)]
    records = {
        s.YEAR_SUPPORT.name: support(rng, "ĐT26", "99960", DT_COMMUNES, plan),
        s.YEAR_TRAINING.name: [(f"Lớp tập huấn năng suất chất lượng {i} {MH}",
                                dt.date(2026, 5, 10 + i), None, 45, 20, 25, 30_000_000)
                               for i in (1, 2)],
    }
    # review M1: the clerk's paragraph says what the figures do not (the count is generated)
    content = [("I.1.a", "Đoạn văn", DT_PLANNING),
               ("I.2.4", "Đoạn văn", "Các lớp tập huấn dành cho doanh nghiệp trên địa bàn cả hai "
                "tỉnh trước sắp xếp, tập trung vào công cụ năng suất (minh họa).")]
    return profile, year_book(content, records, f"Năm 2027, tiếp tục triển khai {TG_PLAN} trên "
                              "địa bàn tỉnh Tiền Giang (trước sắp xếp); tham mưu UBND tỉnh ban "
                              "hành Kế hoạch thực hiện Chương trình giai đoạn 2026-2030 trên toàn "
                              "địa bàn tỉnh", "thực hiện Kế hoạch giai đoạn 2026-2030 trên toàn "
                              "địa bàn tỉnh")


def write(inputs: Path, tien_giang_profile: dict) -> None:
    write_workbook(inputs / "an-giang" / "2026" / "bao-cao-2026.xlsx", s.YEAR_SHEETS,
                   an_giang_2026(random.Random(2026)),
                   "Số liệu năm 2026 – An Giang (dữ liệu minh họa)", (NOTE,))
    profile, year = dong_thap(tien_giang_profile)
    write_workbook(inputs / "dong-thap" / s.PROFILE_FILE, s.PROFILE_SHEETS, profile,
                   TITLE.format("Đồng Tháp (từ 01/7/2025)"), (NOTE,))
    write_workbook(inputs / "dong-thap" / "2026" / "bao-cao-2026.xlsx", s.YEAR_SHEETS, year,
                   "Số liệu năm 2026 – Đồng Tháp (dữ liệu minh họa)", (NOTE,))
