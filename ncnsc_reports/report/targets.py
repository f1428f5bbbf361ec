"""Targets of a phase and where each comes from; profile entries the computation would not use.

Owns the sheet “Chỉ tiêu kế hoạch” read against the plans: the targets in force for a report
(written in the document that sets the targets, or derived by a plan's rule — Tiền Giang
224/KH-UBND §I.2.b: 2026-2030 at least 110% of 2021-2025, rounded up to whole units), and the
checks that nothing typed is silently ignored: a period that is not one of the programme, a
target no report will ever read, a rate no phase uses, an amendment that replaces a part
without giving it, a budget year outside its document's period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ncnsc_reports.formatting import cite_short
from ncnsc_reports.inputs.schema import (
    PROFILE_BUDGET,
    PROFILE_FILE,
    PROFILE_PLAN,
    PROFILE_TARGETS,
)
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems, expected_found
from ncnsc_reports.report.model import Indicator, Phase, TargetRule
from ncnsc_reports.report.phases import (
    PHASE_EXPECTED,
    covers,
    parse_target_period,
    phase_of,
    previous,
)
from ncnsc_reports.report.plan_chain import PlanRow, chain_in_force, sources


@dataclass(frozen=True)
class Targets:
    period: dict[str, tuple[int, TargetRule | None]]  # code -> (target, rule when derived)
    year: dict[str, int]


def _kinds(rows: list[Row], problems: Problems) -> list[tuple[Row, Phase | int]]:
    """Each complete target row with its “Kỳ” read; a “Kỳ” of no phase is an error."""
    result = []
    for row in rows:
        if not (row["document"] and row["code"]) or row["target"] is None:
            continue
        kind = parse_target_period(row["period"])
        if kind is None:
            problems.error(row.where.at(column="Kỳ"), expected_found(
                f"{PHASE_EXPECTED}, hoặc một năm từ 2021 đến 2030 (ví dụ “2023”)",
                row["period"]))
            continue
        result.append((row, kind))
    return result


def targets_in_force(rows: list[Row], plans: list[PlanRow], phase: Phase, year: int,
                     on: dt.date, indicators: tuple[Indicator, ...],
                     problems: Problems) -> Targets:
    """The targets for the report: written by the document that sets them, else derived."""
    kinds = _kinds(rows, Problems())  # errors are reported once, by check_profile
    chain = chain_in_force(plans, phase, on)
    source = sources(chain)["Chỉ tiêu"].document.number
    written = {r["code"]: r["target"] for r, k in kinds if r["document"] == source and k == phase}
    yearly = {r["code"]: r["target"] for r, k in kinds if r["document"] == source and k == year}
    period = {code: (value, None) for code, value in written.items()}
    for code, derived in _derived(kinds, plans, chain, phase).items():
        period.setdefault(code, derived)
    in_phase = {r["code"] for r, k in kinds if r["document"] == source and isinstance(k, int)
                and phase.start <= k <= phase.end}
    for ind in indicators:
        if ind.code not in period and ind.code not in in_phase:
            problems.warning(Location(PROFILE_FILE, PROFILE_TARGETS.name),
                             _no_target(ind, phase, chain))
    return Targets(period, yearly)


def _derived(kinds, plans: list[PlanRow], chain: list[PlanRow],
             phase: Phase) -> dict[str, tuple[int, TargetRule]]:
    """Previous phase's targets × the plan's rate, rounded up (224/KH-UBND §I.2.b)."""
    ruled = [r for r in chain if r.rate]
    before = previous(phase)
    if not ruled or before is None or not covers(chain[0].period, before):
        return {}
    then = chain_in_force(plans, before, dt.date(before.end, 12, 31))
    if not then or then[0].base != chain[0].base:
        return {}
    base = sources(then)["Chỉ tiêu"].document
    rate = ruled[-1].rate
    # integer ceiling: 20 × 110 / 100 in floating point is 22.000000000000004
    return {r["code"]: (-(-r["target"] * rate // 100),
                        TargetRule(ruled[-1].document, rate, before, r["target"]))
            for r, k in kinds if r["document"] == base.number and k == before}


def _no_target(ind: Indicator, phase: Phase, chain: list[PlanRow]) -> str:
    source = sources(chain)["Chỉ tiêu"].document
    return (f"chỉ tiêu “{ind.code}” ({ind.name}) chưa có chỉ tiêu giai đoạn {phase.label}: "
            f"báo cáo để trống chỉ tiêu và tỷ lệ đạt. Thêm một dòng ở trang "
            f"“{PROFILE_TARGETS.name}”: Văn bản “{source.number}”, Mã “{ind.code}”, Kỳ "
            f"“{phase.label}”, Giá trị; hoặc, nếu kế hoạch tính chỉ tiêu theo giai đoạn trước, "
            f"ghi tỷ lệ ở cột “Chỉ tiêu giai đoạn sau (% giai đoạn trước)” của trang "
            f"“{PROFILE_PLAN.name}”; nếu chỉ tiêu không thuộc giai đoạn này, ghi giai đoạn của "
            f"nó ở cột “Giai đoạn” của trang “Chỉ tiêu”")


# --- Nothing typed is silently ignored ---------------------------------------------------


def check_profile(profile: dict[str, list[Row]], plans: list[PlanRow],
                  problems: Problems) -> None:
    """Errors and warnings for profile entries that no report would use."""
    kinds = _kinds(profile[PROFILE_TARGETS.name], problems)
    for row, kind in kinds:
        reason = _unused_target(row["document"], kind, plans)
        if reason:
            shown = kind.label if isinstance(kind, Phase) else str(kind)
            problems.warning(row.where.at(column="Văn bản"), (
                f"chỉ tiêu kỳ {shown} của văn bản “{row['document']}” không được báo cáo nào "
                f"dùng: {reason}"))
    for plan in plans:
        _check_rate(plan, problems)
        _check_replaced(plan, profile, kinds, problems)
    _check_budget_years(profile[PROFILE_BUDGET.name], plans, problems)


def _used_sources(plans: list[PlanRow], phase: Phase, first: int, last: int) -> set[str]:
    """Numbers of the documents that set the targets of `phase` on some date of first…last
    (a report of a year is dated in that year or early in the next)."""
    dates = {dt.date(y, m, d) for y in range(first, last + 2) for m, d in ((1, 1), (12, 31))}
    dates |= {p.effective for p in plans}
    used = set()
    for on in sorted(d for d in dates if dt.date(first, 1, 1) <= d <= dt.date(last + 1, 12, 31)):
        chain = chain_in_force(plans, phase, on)
        if chain:
            used.add(sources(chain)["Chỉ tiêu"].document.number)
    return used


def _unused_target(number: str, kind: Phase | int, plans: list[PlanRow]) -> str:
    phase = kind if isinstance(kind, Phase) else phase_of(kind)
    first, last = (phase.start, phase.end) if isinstance(kind, Phase) else (kind, kind)
    if number in _used_sources(plans, phase, first, last):
        return ""
    row = next((p for p in plans if p.document.number == number), None)
    if row is None:
        return ""  # an unknown number is an error of its own (plan._check_references)
    if "Chỉ tiêu" not in row.parts:
        return (f"văn bản này không thay thế phần “Chỉ tiêu” (trang “{PROFILE_PLAN.name}”, dòng "
                f"{row.row.where.row}, cột “Thay thế”); thêm “Chỉ tiêu” vào cột đó để chỉ tiêu "
                "được dùng")
    if not covers(row.period, phase):
        return (f"văn bản áp dụng giai đoạn {row.period.label}; chỉ tiêu giai đoạn {phase.label} "
                f"ghi dưới số, ký hiệu của kế hoạch giai đoạn {phase.label}")
    return ("văn bản khác quy định chỉ tiêu của kỳ này (văn bản sửa đổi, hoặc kế hoạch ban hành "
            "sau); ghi chỉ tiêu dưới văn bản đó")


def _check_rate(plan: PlanRow, problems: Problems) -> None:
    if plan.rate and not (plan.period.start <= 2025 < plan.period.end):
        problems.warning(plan.row.where.at(column="Chỉ tiêu giai đoạn sau (% giai đoạn trước)"), (
            f"tỷ lệ {plan.rate}% không được dùng: {cite_short(plan.document)} chỉ áp dụng giai "
            f"đoạn {plan.period.label}, không có giai đoạn sau để tính; tỷ lệ chỉ dùng cho kế "
            "hoạch 2021-2030 (chỉ tiêu 2026-2030 không ghi thì tính từ 2021-2025)"))


def _check_replaced(plan: PlanRow, profile, kinds, problems: Problems) -> None:
    """An amendment that replaces targets or budget without giving any leaves them blank."""
    if plan.is_plan:
        return
    given = {"Chỉ tiêu": any(r["document"] == plan.document.number for r, _ in kinds),
             "Kinh phí": any(r["document"] == plan.document.number
                             for r in profile[PROFILE_BUDGET.name])}
    for part, sheet in (("Chỉ tiêu", PROFILE_TARGETS.name), ("Kinh phí", PROFILE_BUDGET.name)):
        if part in plan.parts and not given[part]:
            problems.warning(plan.row.where.at(column="Thay thế"), (
                f"{cite_short(plan.document)} thay thế phần “{part}” nhưng trang “{sheet}” không "
                f"có dòng nào của văn bản này: từ ngày hiệu lực, báo cáo để trống phần đó. Ghi "
                f"số liệu của văn bản ở trang “{sheet}”, hoặc bỏ “{part}” khỏi cột “Thay thế”"))


def _check_budget_years(rows: list[Row], plans: list[PlanRow], problems: Problems) -> None:
    periods = {p.document.number: p.period for p in plans}
    for row in rows:
        period = periods.get(row["document"])
        if period and row["year"] and not period.start <= row["year"] <= period.end:
            problems.warning(row.where.at(column="Năm"), (
                f"năm {row['year']} ngoài giai đoạn {period.label} của văn bản "
                f"“{row['document']}” nên dự toán này không được dùng; ghi dự toán dưới kế "
                f"hoạch của giai đoạn có năm {row['year']}"))
