"""Every sentence II.1 can say, as one text (tests/golden/cau-chi-tieu.txt; issue 22, item 4).

Every counting rule × a year's result {0, 1, many} × {first year of the phase, a later year
(cumulative none or some)} × {phase target, none}; then the lead-ins and the money sentences.
The verbs and nouns are those of the sample profiles (An Giang, Đồng Tháp); the two rules no
sample profile uses get the words a clerk would type. Read it aloud after each change.
"""

from __future__ import annotations

import datetime as dt

from ncnsc_reports.inputs.schema import MEASURES
from ncnsc_reports.render import sentences
from ncnsc_reports.report.model import BudgetLine, Document, IndicatorLine, Spending

# measure: (verb, noun, unit), as the profiles' sheet “Chỉ tiêu” writes them
WORDS = dict(zip(MEASURES, (
    ("hỗ trợ", "hệ thống quản lý", "Hệ thống"),
    ("hỗ trợ", "công cụ năng suất chất lượng", "Công cụ"),
    ("hỗ trợ", "doanh nghiệp đăng ký mã số mã vạch", "Doanh nghiệp"),
    ("hỗ trợ", "doanh nghiệp áp dụng truy xuất nguồn gốc", "Doanh nghiệp"),
    ("hỗ trợ chứng nhận cho", "doanh nghiệp", "Doanh nghiệp"),
    ("vận động, hỗ trợ", "doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia",
     "Doanh nghiệp"),
    ("hỗ trợ", "doanh nghiệp áp dụng hệ thống quản lý, công cụ năng suất, truy xuất nguồn gốc",
     "Doanh nghiệp"),
    ("tổ chức", "lớp tập huấn", "Lớp"),
    ("tập huấn", "lượt người", "Lượt người"),
    ("tập huấn", "cán bộ, công chức, viên chức và cán bộ quản lý doanh nghiệp", "Người"),
    ("đào tạo", "chuyên gia năng suất", "Người"),
    ("đăng tải", "tin", "Tin"),
    ("đăng tải", "bài viết", "Bài"),
    ("khảo sát", "lượt doanh nghiệp", "Lượt doanh nghiệp"),
), strict=True))
PLAN = Document("Kế hoạch", "45/KH-UBND", dt.date(2026, 3, 2), "UBND tỉnh An Giang",
                "thực hiện Chương trình 1322 (văn bản minh họa)")
RULE = "tăng ít nhất 10% so với giai đoạn 2021-2025"
FIRST, LATER = (2026, "năm 2026 (năm đầu giai đoạn 2026-2030)"), (
    2028, "từ năm 2026 đến hết năm 2028")


def line(measure: str, year_result: int, cumulative: int, target: int | None,
         year_target: int | None = None) -> IndicatorLine:
    verb, noun, unit = WORDS[measure]
    return IndicatorLine("X", measure, unit, verb, noun, target, year_target, year_result,
                         cumulative, sentences.completion(cumulative, target), PLAN)


def indicator_cases(measure: str) -> list[str]:
    out = []
    for target in (12, None):
        for result in (0, 1, 12):
            out.append(sentences.indicator_sentence(line(measure, result, result, target),
                                                    measure, FIRST[0], True, FIRST[1]))
        for result, cumulative in ((0, 0), (0, 3), (1, 1), (1, 4), (12, 15)):
            out.append(sentences.indicator_sentence(line(measure, result, cumulative, target),
                                                    measure, LATER[0], False, LATER[1]))
    out.append(sentences.indicator_sentence(line(measure, 0, 2, 12, year_target=3), measure,
                                            LATER[0], False, LATER[1]))
    out.append(sentences.indicator_sentence(line(measure, 2, 5, 12, year_target=3), measure,
                                            LATER[0], False, LATER[1]))
    return out


def money_cases() -> list[str]:
    here = "tỉnh An Giang (trước sắp xếp)"
    elsewhere = (("tỉnh Kiên Giang (trước sắp xếp)", 90_800_000),)
    spend = {"không chi": Spending(),
             "chỉ hỗ trợ": Spending(146_000_000, 0, ("Ngân sách tỉnh",)),
             "hỗ trợ và tập huấn": Spending(300_000_000, 55_000_000, ("Ngân sách tỉnh",)),
             "hỗ trợ, tập huấn và chi khác": Spending(300_000_000, 55_000_000, ()),
             # a plan covering one former province: its territory, the whole province beside
             "địa bàn kế hoạch, chỉ hỗ trợ": Spending(
                 73_100_000, 0, ("Ngân sách tỉnh",), here, 163_900_000, elsewhere),
             "địa bàn kế hoạch, hỗ trợ và tập huấn": Spending(
                 300_000_000, 55_000_000, ("Ngân sách tỉnh",), here, 445_800_000, elsewhere),
             "địa bàn kế hoạch, không chi": Spending(
                 0, 0, (), here, 90_800_000, elsewhere),
             "toàn tỉnh, kế hoạch trên một địa bàn": Spending(
                 146_000_000, 60_000_000, ("Ngân sách tỉnh",), whole_basis=True)}
    spent = {"không chi": 0, "chỉ hỗ trợ": 146_000_000, "hỗ trợ và tập huấn": 355_000_000,
             "hỗ trợ, tập huấn và chi khác": 400_000_000,
             "địa bàn kế hoạch, chỉ hỗ trợ": 73_100_000,
             "địa bàn kế hoạch, hỗ trợ và tập huấn": 355_000_000,
             "địa bàn kế hoạch, không chi": 0, "toàn tỉnh, kế hoạch trên một địa bàn": 206_000_000}
    out = []
    for name, spending in spend.items():
        for planned in (900_000_000, None):
            for years in ((2026,), (2026, 2027, 2028)):
                lines = tuple(BudgetLine(y, planned, spent[name] if y == years[-1] else 50_000_000)
                              for y in years)
                since = FIRST[1] if len(years) == 1 else LATER[1]
                out.append(f"[{name}; dự toán {'có' if planned else 'không'}; "
                           f"{len(years)} năm] " + sentences.money_sentence(
                               lines, spending, PLAN if planned else None, PLAN, since,
                               "các năm 2026-2028"))
    return out


def table() -> str:
    parts = []
    for measure in MEASURES:
        parts.append(f"## {measure}")
        parts += [f"- {s};" for s in indicator_cases(measure)]
    parts.append("## Câu dẫn")
    parts.append(sentences.lead_in("2026-2030", PLAN, set(), "I"))
    parts.append(sentences.lead_in("2026-2030", PLAN, {RULE}, "I"))
    parts.append(sentences.lead_in("2026-2030", PLAN, {RULE}, ""))
    parts.append("## Kinh phí")
    parts += [f"- {s}" for s in money_cases()]
    return "\n".join(parts) + "\n"
