"""Write the Hưng Yên sample inputs from seed 004, the real 2023 report (reviewable record).

Run once: `python -m tools.transcribe_hung_yen_2023 [path/to/seeds]` (default: tests/data/seeds,
the repository's copy of the seed). It writes
inputs/hung-yen/ho-so-tinh.xlsx and inputs/hung-yen/2023/bao-cao-2023.xlsx. Only conversion
artefacts of the seed are fixed (domain.md §2): markdown markers, "Hung Yên", "SKH-CN",
"SLĐT BXH", page breaks inside paragraphs. Typos of the original document are kept.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from ncnsc_reports.inputs.blank import write_workbook
from ncnsc_reports.inputs.schema import (
    PROFILE_AGENCY,
    PROFILE_PLAN,
    PROFILE_RECIPIENTS,
    PROFILE_SHEETS,
    PROFILE_UNITS,
    YEAR_CONTENT,
    YEAR_DOCUMENTS,
    YEAR_GENERAL,
    YEAR_SHEETS,
)

ROOT = Path(__file__).resolve().parent.parent

SEED = "004_790641b6cac8c49d.txt"
FIXES = (("Hung Yên", "Hưng Yên"), ("SKH-CN-", "SKHCN-"), ("SLĐT BXH", "SLĐTBXH"))
KINDS = {"-": "Gạch đầu dòng (-)", "+": "Dấu cộng (+)", "*": "Tiêu đề nhỏ (*)",
         "*i": "Tiêu đề nhỏ nghiêng (*)", "title": "Tên mục (thay tên in sẵn)",
         "point": "Điểm a), b), c)", "group": "Nhóm giải pháp (2.1, 2.2…)", "": "Đoạn văn"}


def clean(text: str) -> str:
    text = text.replace("\\*", "*").replace("*", "").replace("#", "")
    for old, new in FIXES:
        text = text.replace(old, new)
    return " ".join(text.split())


def lines(seeds: Path) -> dict[int, str]:
    raw = (seeds / SEED).read_text(encoding="utf-8").splitlines()
    return {i: line for i, line in enumerate(raw, start=1)}


def joined(L: dict[int, str], *numbers: int) -> str:
    """A paragraph the PDF conversion split at a page break."""
    return clean(" ".join(L[n] for n in numbers))


def item(L, n: int) -> tuple[str, str]:
    """(kind, text) of a seed line: "- + x" is a "+" item, "a) x" a lettered point."""
    raw = L[n]
    text = clean(raw)
    if re.match(r"^\*\*\*\\\*", raw):  # "***\* Title***": a bold italic sub-title
        return "*", text
    if re.match(r"^\*\\\*", raw):  # "*\* Title*": an italic one
        return "*i", text
    if text.startswith("- + "):
        return "+", text[4:]
    if text.startswith("- "):
        return "-", text[2:]
    if text.startswith("* "):
        return "*", text[2:]
    if re.match(r"^[a-zđ]\) ", text):
        return "point", text[3:]
    return "", text


def world_standards_day(raw: str):
    """“(*World Standards Day/International standards day*)”: italic inside upright brackets,
    typed so in the workbook (bold or italic on part of a cell reaches the report)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    head, italic, tail = clean(raw)[4:].partition("World Standards Day/International standards "
                                                  "day")
    return CellRichText([head, TextBlock(InlineFont(i=True), italic), tail])


def content_rows(L) -> list[tuple]:
    rows = []

    def add(section, *numbers):
        for n in numbers:
            kind, text = item(L, n) if not isinstance(n, tuple) else n
            rows.append((section, KINDS[kind], text))

    add("Mở đầu", 13)
    add("I.1.a", 21)
    add("I.1.c", 47, 49, 51, 53, 55, 57, ("", joined(L, 59, 61)), 63, 65)
    add("I.2.1", ("title", clean(L[69])[5:]), 71)
    add("I.2.2", 75, 77, ("+", world_standards_day(L[79])), 81, 83, 85)
    add("I.2.3", ("title", clean(L[87])[5:]), 89)
    add("I.2.4", 93)
    add("I.2.5", ("title", clean(L[95])[5:]))
    add("II.1", 107, 109)
    add("II.2", 113, 115)
    add("II.3", 119, ("-", joined(L, 121, 123)[2:]))
    add("III.1", 129)
    add("III.2", ("group", clean(L[133])[5:]), 135, ("point", joined(L, 137, 139)[3:]), 141,
        143, ("group", clean(L[145])[5:]), 147, 149, 151, 153,
        ("group", clean(L[155])[5:]), 157)
    add("IV", ("", joined(L, 161, 163)))
    return rows


def document_rows(L) -> list[tuple]:
    pattern = re.compile(r"^- (\S+(?: \S+)?) số (\S+(?: \S+)?) ngày (\d+)/(\d+)/(\d{4}) "
                         r"của (.+?) (về việc .*?)[;.]$")
    rows = []
    for section, numbers in (("I.1.a", (23, 25, 27, 29, 31)), ("I.1.b", (35, 37, 39, 41, 43))):
        for n in numbers:
            m = pattern.match(clean(L[n]))
            kind, number, d, mo, y, issuer, subject = m.groups()
            rows.append((section, kind, number, dt.date(int(y), int(mo), int(d)), issuer,
                         subject))
    return rows


# The units Công văn 955/SKHCN-TĐC (seed 004, Mở đầu) asked: departments, districts, the
# cooperative alliance, the business association, the union of science associations. Which
# task groups each takes part in is not in the seed: illustrative (dữ liệu minh họa).
UNIT_NOTE = "Nhóm nhiệm vụ: dữ liệu minh họa"
HY_UNITS = (
    ("Sở Công Thương", "2.1, 2.2, 2.3"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "2.1, 2.3, 2.4"),
    ("Sở Lao động – Thương binh và Xã hội", "2.4"),
    ("Sở Kế hoạch và Đầu tư", "2.1"),
    ("Sở Tài chính", "2.1"),
    ("Sở Thông tin và Truyền thông", "2.2"),
    ("Liên minh Hợp tác xã tỉnh", "2.2, 2.3"),
    ("Hiệp hội doanh nghiệp tỉnh", "2.2, 2.3, 2.6"),
    ("Liên hiệp các hội khoa học và kỹ thuật tỉnh", "2.2, 2.5"),
) + tuple((f"UBND {d}", "2.2, 2.3") for d in (
    "thành phố Hưng Yên", "thị xã Mỹ Hào", "huyện Văn Lâm", "huyện Văn Giang", "huyện Yên Mỹ",
    "huyện Khoái Châu", "huyện Ân Thi", "huyện Kim Động", "huyện Phù Cừ", "huyện Tiên Lữ"))


def main() -> int:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "seeds"
    L = lines(seeds)
    province = ROOT / "inputs" / "hung-yen"
    agency = [
        (2021, "Cơ quan chủ quản", "UBND TỈNH HƯNG YÊN"),
        (2021, "Cơ quan ban hành", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        (2021, "Ký hiệu báo cáo", "BC-SKHCN"),
        (2021, "Địa danh", "Hưng Yên"),
        (2021, "Quyền hạn ký", "KT. GIÁM ĐỐC"),
        (2021, "Chức vụ người ký", "PHÓ GIÁM ĐỐC"),
        (2021, "Họ tên người ký", "Nguyễn Thái Kiều Ngân"),
        (2021, "Lưu", "VT, TĐC"),
        (2021, "Câu kết", clean(L[165])),
    ]
    plan = [("Kế hoạch", "101/KH-UBND", dt.date(2021, 6, 30), "UBND tỉnh Hưng Yên",
             "thực hiện chương trình quốc gia hỗ trợ tổ chức, doanh nghiệp nâng cao năng suất "
             "và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn tỉnh Hưng Yên",
             "2021-2030")]
    recipients = [(2021, "Bộ KH&CN (để b/c)"), (2021, "UBND tỉnh (để b/c)"),
                  (2021, "GD Sở, các phó GD Sở")]
    title = "Hồ sơ tỉnh Hưng Yên – báo cáo Chương trình 1322 (chép từ báo cáo thật năm 2023)"
    write_workbook(province / "ho-so-tinh.xlsx", PROFILE_SHEETS,
                   {PROFILE_AGENCY.name: agency, PROFILE_PLAN.name: plan,
                    PROFILE_RECIPIENTS.name: recipients,
                    PROFILE_UNITS.name: [(2021, u, g, UNIT_NOTE) for u, g in HY_UNITS]}, title,
                   (f"Trang “{PROFILE_UNITS.name}”: các đơn vị theo Công văn 955/SKHCN-TĐC; "
                    "nhóm nhiệm vụ của từng đơn vị là dữ liệu minh họa.",))
    general = [("Năm báo cáo", 2023), ("Số báo cáo", None), ("Ngày ký", None),
               ("Tháng ký", 11), ("Năm ký", 2023)]
    title = "Số liệu báo cáo năm 2023 – chép từ báo cáo thật của Sở KH&CN Hưng Yên (seed 004)"
    write_workbook(province / "2023" / "bao-cao-2023.xlsx", YEAR_SHEETS,
                   {YEAR_GENERAL.name: general, YEAR_DOCUMENTS.name: document_rows(L),
                    YEAR_CONTENT.name: content_rows(L)}, title)
    return 0


if __name__ == "__main__":
    sys.exit(main())
