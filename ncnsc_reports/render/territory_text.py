"""What a yearly report says when its plan covers only part of a merged province.

domain.md §7 and the signing review (H3, M20): until a merged province issues its own plan, a
former province's plan (Tiền Giang 224/KH-UBND in Đồng Tháp; An Giang 573/KH-UBND in An
Giang 2025) sets targets for that former territory only. The rates are then measured on the
results in that territory (`compute.indicators`), and the report says so in words before the
indicators: which plan covers which territory, which other territories the year's results
include, and that the whole province's results are given beside the rates. Nothing is said
when every result lies in the plan's territory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ncnsc_reports.formatting import cite_short, short_date, two_digits
from ncnsc_reports.report.model import Report

if TYPE_CHECKING:
    from ncnsc_reports.compute.indicators import Results


def province_kind(report: Report) -> str:
    """“tỉnh”, or “thành phố” for a centrally-run city: how the whole territory is named
    (“trên toàn địa bàn thành phố”, issue 22)."""
    return "thành phố" if report.agency.province_words.startswith("thành phố") else "tỉnh"


def territory_note(report: Report, results: Results | None) -> str:
    """The sentences before II.1's indicators; "" when the bases are the same."""
    lines = results.indicators if results else ()
    apart = [i for i in lines if i.whole_year is not None or not i.placed]
    if not apart or report.plan_in_force is None:
        return ""
    words = apart[0].territory
    plan, where = report.plan_in_force, report.territories
    first = f"{' và '.join(cite_short(d) for d in plan.documents)} áp dụng trên địa bàn {words}"
    carried = where is not None and plan.period.start > where.formed.year
    if carried:  # a plan issued before the merger, still in force in a later phase
        first += (", tiếp tục được thực hiện trên địa bàn này đến khi "
                  f"{province_kind(report)} ban hành Kế hoạch giai đoạn {plan.period.label}")
    if results.other_territories:
        since = (f" từ ngày {short_date(where.formed)}"
                 if where is not None and report.year == where.formed.year else "")
        first += (f"; kết quả năm {report.year} gồm cả địa bàn "
                  f"{' và '.join(results.other_territories)}{since}")
        if carried:
            first += f", chưa có chỉ tiêu giai đoạn {plan.period.label}"
    money = " và kinh phí so với dự toán" if plan.budget else ""
    second = (f"Tỷ lệ đạt{money} tính trên kết quả tại địa bàn {words}; kết quả trên toàn địa "
              f"bàn {province_kind(report)} ghi trong ngoặc")
    loose = [f"{i.noun} được {i.verb}" for i in apart if not i.placed
             and (i.period_target is not None or i.year_target is not None)]
    if loose:
        second += (f"; số {', '.join(loose)} không tách được theo địa bàn nên chỉ nêu kết quả "
                   f"trên toàn địa bàn {province_kind(report)}")
    return f"{first}. {second}."


def appendix_territory(results: Results | None, kind: str = "tỉnh") -> str:
    """The line under the appendix's title when its figures are measured on a territory."""
    lines = results.indicators if results else ()
    apart = [i for i in lines if i.whole_year is not None or not i.placed]
    if not apart:
        return ""
    return (f"(Kết quả và tỷ lệ đạt tính trên địa bàn {apart[0].territory}; số trong ngoặc là "
            f"kết quả trên toàn địa bàn {kind})")


def programme_note(report: Report, results: Results | None) -> str:
    """One sentence recalling the previous phase and the total since the programme began (seed
    004: “lũy kế … từ đầu Chương trình”), for the indicators measured in both phases; "" in
    the first phase or without its years. A merged province names its former territories."""
    lines = results.programme if results else ()
    if not lines:
        return ""
    first, phase = lines[0].first, report.phase or report.plan_in_force.period
    where = report.territories
    area = (f", trên địa bàn {' và '.join(where.words.values())}" if where else "")
    done = [f"{i.verb} {two_digits(i.earlier)} {i.noun}" for i in lines if i.earlier]
    total = [f"{i.verb} {two_digits(i.since_start)} {i.noun}" for i in lines if i.since_start]
    before = f"Giai đoạn {first}-{phase.start - 1}{area}, đã {'; '.join(done)}." if done else (
        f"Giai đoạn {first}-{phase.start - 1}{area}, chưa có kết quả về các chỉ tiêu này.")
    since = (f" Lũy kế từ đầu Chương trình (năm {first}) đến hết năm {report.year} đã "
             f"{'; '.join(total)}." if total else "")
    return f"{before}{since}"
