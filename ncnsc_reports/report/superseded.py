"""Saying why a plan covering the whole programme is no longer cited (issue 23, item 5).

A 2026–2030 plan issued after a 2021–2030 one takes its place for that phase (report.plan):
the report of a 2026–2030 year cites the new plan and its amendments only, and takes its
targets, norms and budget from them. A clerk who sees 101/KH-UBND disappear from the report is
told why in the build's output, naming both plans.
"""

from __future__ import annotations

from ncnsc_reports.formatting import cite_short, short_date
from ncnsc_reports.problems import Problems
from ncnsc_reports.report.model import Phase
from ncnsc_reports.report.phases import covers
from ncnsc_reports.report.plan_chain import PlanRow


def say_superseded(rows: list[PlanRow], chain: list[PlanRow], phase: Phase, year: int,
                   problems: Problems) -> None:
    """Warn, at its row, about each plan that covers `phase` but is not cited because the plan
    in force (`chain[0]`) was issued after it."""
    plan = chain[0]
    for row in rows:
        if row.is_plan and row is not plan and covers(row.period, phase) \
                and row.effective <= plan.effective:
            problems.warning(row.row.where.at(column="Số, ký hiệu"), (
                f"{cite_short(row.document)} (giai đoạn {row.period.label}) không được dẫn trong "
                f"báo cáo năm {year}: {cite_short(plan.document)} ngày "
                f"{short_date(plan.document.issued)} (giai đoạn {plan.period.label}) ban hành "
                f"sau, thay cho nó trong giai đoạn {phase.label}; chỉ tiêu, định mức, kinh phí "
                f"lấy theo {cite_short(plan.document)} và các văn bản sửa đổi của nó"))
