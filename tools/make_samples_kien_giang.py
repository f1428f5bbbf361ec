"""The former Kiên Giang, 2021–2025, written by tools/samples.py (not run alone).

Kiên Giang merged into An Giang on 1/7/2025 (domain.md §7); the An Giang summary 2021–2025 adds
its years to An Giang's (profile “Hình thành”). No seed gives Kiên Giang's plan: its number,
date, targets and budget are ILLUSTRATIVE and its citation says so (“văn bản minh họa”). Every
record (enterprises, classes, names) is invented and marked illustrative (dữ liệu minh họa).
Its 2025 folder holds the first half of 2025 only: from 1/7/2025 the merged An Giang reports.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ncnsc_reports.inputs import schema as s
from ncnsc_reports.inputs.blank import write_workbook
from tools import sample_prose as prose
from tools.make_samples import AG_INDICATORS, MH, NOTE, SYSTEMS, TITLE, TOOLS

KG_PLAN = "126/KH-UBND"  # illustrative number
KG_SUBJECT = ("thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
              "lượng sản phẩm, hàng hóa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang (văn bản "
              "minh họa: số, ngày, chỉ tiêu, kinh phí là giả định)")
KG_CODES = ("DT", "HTQL", "CC", "MSMV", "TXNG")  # the indicators An Giang's plan counts too
KG_TARGETS = {"DT": 80, "HTQL": 8, "CC": 10, "MSMV": 20, "TXNG": 6}
KG_BUDGET = (200_000_000, 600_000_000, 600_000_000, 500_000_000, 250_000_000)
KG_DISTRICTS = ("Rạch Giá", "Hà Tiên", "Phú Quốc", "Kiên Lương", "Hòn Đất", "Châu Thành",
                "Tân Hiệp", "Giồng Riềng")
# Records per year: systems, tools, barcodes, traceability; classes (participants, officials,
# managers).
KG_OF_YEAR = {2021: (1, 1, 2, 0), 2022: (2, 2, 4, 1), 2023: (2, 3, 4, 2), 2024: (2, 2, 5, 2),
              2025: (1, 1, 3, 1)}
KG_TRAINING = {2022: (35, 20, 15), 2024: (40, 22, 18)}


def profile() -> dict:
    agency = [(2021, label, value) for label, value in (
        ("Cơ quan chủ quản", "UBND TỈNH KIÊN GIANG"),
        ("Cơ quan ban hành", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), ("Ký hiệu báo cáo", "BC-SKHCN"),
        ("Địa danh", "Kiên Giang"), ("Quyền hạn ký", "KT. GIÁM ĐỐC"),
        ("Chức vụ người ký", "PHÓ GIÁM ĐỐC"), ("Họ tên người ký", "Người Ký Minh Họa"),
        ("Lưu", "VT, TĐC"),
        ("Tên cơ quan (chữ thường)", "Sở Khoa học và Công nghệ tỉnh Kiên Giang"),
        ("Câu kết", "Sở Khoa học và Công nghệ trân trọng báo cáo Ủy ban nhân dân tỉnh và Bộ "
                    "Khoa học và Công nghệ./."))]
    return {
        s.PROFILE_AGENCY.name: agency,
        s.PROFILE_PLAN.name: [("Kế hoạch", KG_PLAN, dt.date(2021, 8, 20),
                               "Ủy ban nhân dân tỉnh Kiên Giang", KG_SUBJECT, "2021-2025", None,
                               None, None)],
        s.PROFILE_RECIPIENTS.name: [(2021, r) for r in (
            "Bộ Khoa học và Công nghệ (để b/c)", "UBND tỉnh (để b/c)", "Ban Giám đốc Sở")],
        s.PROFILE_INDICATORS.name: [i for i in AG_INDICATORS if i[0] in KG_CODES],
        s.PROFILE_TARGETS.name: [(KG_PLAN, c, "2021-2025", v) for c, v in KG_TARGETS.items()],
        s.PROFILE_BUDGET.name: [(KG_PLAN, 2021 + i, v) for i, v in enumerate(KG_BUDGET)],
        s.PROFILE_LOCALITIES.name: [(2021, d) for d in KG_DISTRICTS],
    }


def support(year: int, rng: random.Random) -> list[tuple]:
    """Invented support rows; 2025 dated before 1/7/2025 (the former province's last days)."""
    systems, tools, barcodes, traces = KG_OF_YEAR[year]
    kinds = ([(0, SYSTEMS[(year + i) % len(SYSTEMS)]) for i in range(systems)]
             + [(1, TOOLS[(year + i) % len(TOOLS)]) for i in range(tools)]
             + [(2, "")] * barcodes + [(3, "")] * traces)
    rows = []
    for n, (kind, detail) in enumerate(kinds, start=1):
        name = f"Công ty TNHH Minh Họa KG{year % 100:02d} {n:02d}"
        tax = f"99950{year % 100:02d}{n:03d}"
        item = s.SUPPORT_ITEMS[0] if kind < 2 else s.SUPPORT_ITEMS[2]
        amount = (rng.randrange(35, 66) * 1_000_000 if kind < 2
                  else rng.randrange(10, 21) * 100_000 if kind == 2
                  else rng.randrange(40, 81) * 100_000)
        day = dt.date(year, 3 + n % 4, 10 + n) if year == 2025 else None
        rows.append((name, tax, KG_DISTRICTS[n % len(KG_DISTRICTS)], s.SUPPORT_KINDS[kind],
                     detail, item, amount, s.FUNDING[0], day))
    return rows


def year_book(year: int, rng: random.Random) -> dict:
    general = [("Năm báo cáo", year), ("Số báo cáo", None), ("Ngày ký", None),
               ("Tháng ký", 6 if year == 2025 else 11), ("Năm ký", year),
               ("Dữ liệu minh họa", "Có")]
    plan = f"Kế hoạch số {KG_PLAN} ngày 20/8/2021 của UBND tỉnh"
    if year < 2025:
        content = [prose.opening(year), *prose.closing_sections(
            f"Năm {year + 1}, tiếp tục triển khai {plan}", f"tiếp tục thực hiện {plan}")]
    else:  # its last report, up to 30/6/2025: what it hands over to the merged An Giang
        content = [prose.half_year_opening(year), *prose.closing_sections(
            f"Từ ngày 01/7/2025, bàn giao hồ sơ, số liệu thực hiện {plan} để Sở Khoa học "
            "và Công nghệ tỉnh An Giang tổng kết giai đoạn 2021-2025",
            f"hoàn thành các nội dung của {plan}")]
    training = [(f"Tập huấn năng suất chất lượng tỉnh Kiên Giang năm {year} {MH}",
                 dt.date(year, 5, 20), dt.date(year, 5, 21), *KG_TRAINING[year],
                 rng.randrange(30, 46) * 1_000_000)] if year in KG_TRAINING else []
    return {s.YEAR_GENERAL.name: general, s.YEAR_CONTENT.name: content,
            s.YEAR_SUPPORT.name: support(year, rng), s.YEAR_TRAINING.name: training}


def write(inputs: Path) -> None:
    folder = inputs / "kien-giang"
    write_workbook(folder / s.PROFILE_FILE, s.PROFILE_SHEETS, profile(),
                   TITLE.format("Kiên Giang (trước sắp xếp, đến 30/6/2025)"),
                   ("DỮ LIỆU MINH HỌA: kế hoạch (văn bản minh họa), chỉ tiêu và mọi số liệu "
                    "thực hiện là giả định.",))
    rng = random.Random(2025)
    for year in range(2021, 2026):
        write_workbook(folder / str(year) / f"bao-cao-{year}.xlsx", s.YEAR_SHEETS,
                       year_book(year, rng),
                       f"Số liệu năm {year} – Kiên Giang (dữ liệu minh họa)", (NOTE,))
