"""Checks of the year's records against the plan in force, run before the build.

Owns the rules of An Giang 573/KH-UBND §V.3 and their kind: support above a norm, more than the
allowed systems or tools for one enterprise in a year, the same enterprise supported twice for
the same thing, an enterprise outside the province, totals that do not add up. Each finding is
a warning naming its row; `build --strict` turns them into errors.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ncnsc_reports.compute.indicators import Results
from ncnsc_reports.formatting import cite_short, format_number
from ncnsc_reports.inputs.schema import (
    PROFILE_BUDGET,
    PROFILE_CAPS,
    PROFILE_FILE,
    PROFILE_FORMATION,
    PROFILE_PLAN,
    YEAR_GENERAL,
    YEAR_SUPPORT,
    YEAR_TRAINING,
)
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.localities import locality_key, names_for
from ncnsc_reports.report.model import Norms, Report, TerritoryPlan


def check_records(report: Report, f: dict[str, pd.DataFrame], results: Results) -> Problems:
    """Return the warnings about the report year's records; `f` holds every year's records
    (`indicators.frames`), `results` what `indicators.compute` made of them."""
    problems = Problems()
    plan = report.plan_in_force
    if plan is None:
        return problems
    support = f[YEAR_SUPPORT.name]
    this_year = support[support["year"] == report.year]
    _caps(report, this_year, problems)
    _budget_row(report, problems)
    _per_year(report, this_year, problems)
    _twice(support, report.year, problems)
    _localities(report, this_year, problems)
    _totals(report, f, results.spent_recorded, problems)
    return problems


def _int(value) -> int:
    return 0 if pd.isna(value) else int(value)


def _money(value) -> str:
    return f"{format_number(int(value))} đồng"


def _caps(report: Report, rows: pd.DataFrame, problems: Problems) -> None:
    """Each support row against the norms of the plan in force for its territory on its date
    (domain.md §7): Phường Rạch Giá after 1/7/2025 against the former Kiên Giang's plan, never
    An Giang's; norms not written are said once per document (or territory without a plan)."""
    unchecked: dict[object, str] = {}
    for _, row in rows.iterrows():
        norms, where = norms_of(report, row)
        if norms is None or norms.caps is None:
            key = norms.source if norms is not None else where.territory
            unchecked.setdefault(key, _unchecked(report, norms, where))
            continue
        for cap in norms.caps:
            applies = (cap.kind == row["kind"] and cap.item == row["item"] and
                       cap.detail.casefold() in ("", row["detail_key"]))
            if applies and cap.cap is not None and row["amount"] and row["amount"] > cap.cap:
                problems.warning(row["where"].at(column="Số tiền (đồng)"), (
                    f"{_money(row['amount'])} vượt mức tối đa {_money(cap.cap)} cho "
                    f"“{cap.kind} – {cap.item}” theo {cite_short(cap.source)}"
                    f"{_on_territory(where)}"))
    for location, message in unchecked.values():
        problems.warning(location, message)


def norms_of(report: Report, row) -> tuple[Norms | None, TerritoryPlan | None]:
    """The norms a support row is checked against, and the other territory's plan when the row
    lies outside the territory of the report's plan (None: the report's plan covers it)."""
    day = row["date"] if isinstance(row["date"], dt.date) else None
    plan, territory = report.plan_in_force, row["territory"]
    if plan.territory and isinstance(territory, str) and territory != plan.territory:
        other = next((p for p in report.other_plans if p.territory == territory), None)
        if other is not None:
            return (other.plan.norms_on(day) if other.plan else None), other
    return plan.norms_on(day), None


def _on_territory(other: TerritoryPlan | None) -> str:
    return f" (áp dụng trên địa bàn {other.words})" if other is not None else ""


def _unchecked(report: Report, norms: Norms | None,
               other: TerritoryPlan | None) -> tuple[Location, str]:
    """Where to add the norms and what was left unchecked; a former province's territory is
    never checked against another province's norms (domain.md §7)."""
    if other is None:
        return Location(PROFILE_FILE, PROFILE_CAPS.name), _no_caps(norms.source, report.year)
    plan = report.plan_in_force
    words = report.territories.words.get(plan.territory, plan.territory)
    left = (f"nên các khoản hỗ trợ trên địa bàn {other.words} chưa được kiểm tra so với định "
            f"mức (không đối chiếu với định mức của {cite_short(plan.documents[0])}, chỉ áp "
            f"dụng trên địa bàn {words})")
    if other.absent:
        return Location(PROFILE_FILE, PROFILE_FORMATION.name), (
            f"không có hồ sơ tỉnh của {other.words} (trang “{PROFILE_FORMATION.name}”, cột “Thư "
            f"mục số liệu”) để biết kế hoạch, định mức hỗ trợ áp dụng trên địa bàn đó, {left}")
    if norms is None:
        return Location(other.profile or PROFILE_FILE, PROFILE_PLAN.name), (
            f"vào ngày báo cáo, trên địa bàn {other.words} không có kế hoạch nào đang áp dụng, "
            f"{left}")
    return Location(other.profile, PROFILE_CAPS.name), (
        f"{cite_short(norms.source)} của {other.words} chưa ghi định mức hỗ trợ (trang "
        f"“{PROFILE_CAPS.name}” của hồ sơ tỉnh đó, cột “Văn bản” ghi “{norms.source.number}”), "
        f"{left}")


def _budget_row(report: Report, problems: Problems) -> None:
    """Warn when the plan in force has no estimate for the year: the “Về kinh phí” sentence then
    says only what was spent (issue 22, review M4), and without any estimate the report has no
    budget table; nothing else would say why."""
    plan, year = report.plan_in_force, report.year
    if plan.budget.get(year) is not None:
        return
    source = plan.budget_source
    effect = f"câu “Về kinh phí” chỉ nêu kinh phí đã sử dụng, không nêu được dự toán năm {year}"
    if not plan.budget:
        effect += " và Phụ lục I không có bảng kinh phí"
    problems.warning(Location(PROFILE_FILE, PROFILE_BUDGET.name), (
        f"chưa có dự toán năm {year} của {cite_short(source)}, nên {effect}. Hãy thêm một "
        f"dòng: cột “Văn bản” ghi “{source.number}”, cột “Năm” ghi {year}, cột “Dự toán (đồng)” "
        f"ghi dự toán kinh phí năm {year} để thực hiện văn bản đó (văn bản không ghi số tiền "
        "thì lấy số được giao trong dự toán ngân sách năm)"))


def _no_caps(source, year: int) -> str:
    """Say which rows to add: the document whose norms apply in `year`, and the columns."""
    return (f"chưa có dòng nào của {cite_short(source)} (văn bản quy định định mức hỗ trợ áp "
            f"dụng năm {year}), nên chưa kiểm tra được số tiền hỗ trợ so với định mức. Hãy "
            f"thêm mỗi mức hỗ trợ của văn bản đó một dòng: cột “Văn bản” ghi “{source.number}”, "
            "chọn “Nội dung hỗ trợ” và “Khoản chi”, ghi “Mức tối đa (đồng)” (và “Tối đa mỗi "
            "doanh nghiệp mỗi năm” nếu văn bản có quy định)")


def _per_year(report: Report, rows: pd.DataFrame, problems: Problems) -> None:
    """Không quá 01 hệ thống (công cụ)/doanh nghiệp/năm (An Giang 573/KH-UBND §V.3.a–b)."""
    others = [norms_of(report, row)[1] for _, row in rows.iterrows()]
    plans = {o.territory if o else "": o.plan if o else report.plan_in_force for o in others}
    keys = [o.territory if o else "" for o in others]
    for key, plan in plans.items():  # each territory's plan limits the rows on its territory
        if plan is not None:
            _limits(report, rows[[k == key for k in keys]], plan.norms_on(None), problems)


def _limits(report: Report, rows: pd.DataFrame, norms: Norms, problems: Problems) -> None:
    limits: dict[str, object] = {}
    for cap in norms.caps or ():
        if cap.per_year is not None and (cap.kind not in limits
                                         or cap.per_year < limits[cap.kind].per_year):
            limits[cap.kind] = cap  # one check per kind, at the smallest limit written
    for cap in limits.values():
        of_kind = rows[rows["kind"] == cap.kind].drop_duplicates(["enterprise", "detail_key"])
        for _, group in of_kind.groupby("enterprise"):
            for _, row in group.iloc[cap.per_year:].iterrows():
                problems.warning(row["where"].at(column="Nội dung hỗ trợ"), (
                    f"doanh nghiệp “{row['name']}” được hỗ trợ {len(group)} "
                    f"“{cap.kind}” trong năm {report.year}, vượt mức {cap.per_year:02d}/doanh "
                    f"nghiệp/năm theo {cite_short(cap.source)}"))


def _twice(support: pd.DataFrame, year: int, problems: Problems) -> None:
    keys = ["enterprise", "kind", "detail_key"]
    earlier = support[support["year"] < year].drop_duplicates(keys).set_index(keys)
    for _, row in support[support["year"] == year].drop_duplicates(keys).iterrows():
        key = tuple(row[k] for k in keys)
        if key in earlier.index:
            before = earlier.loc[key]
            thing = row["kind"] + (f" – {row['detail']}" if row["detail_key"] else "")
            problems.warning(row["where"].at(column="Mã số thuế"), (
                f"doanh nghiệp “{row['name']}” đã được hỗ trợ “{thing}” năm {before['year']} "
                f"({before['where']}); kiểm tra lại để không hỗ trợ hai lần"))


def _localities(report: Report, rows: pd.DataFrame, problems: Problems) -> None:
    """Day precision: a record dated before 1/7/2025 may name a district (localities)."""
    if not report.localities:
        return
    for _, row in rows.iterrows():
        day = row["date"] if isinstance(row["date"], dt.date) else None
        known, when = names_for(report.localities, report.year, day)
        if locality_key(row["locality"]) not in known:
            problems.warning(row["where"].at(column="Địa bàn"), (
                f"“{row['locality']}” không có trong danh sách địa bàn của tỉnh {when} "
                "(hồ sơ tỉnh, trang “Địa bàn”): doanh nghiệp ngoài tỉnh?"))


def _totals(report: Report, f: dict[str, pd.DataFrame], recorded: int,
            problems: Problems) -> None:
    training = f[YEAR_TRAINING.name]
    for _, row in training[training["year"] == report.year].iterrows():
        officials, managers = _int(row["officials"]), _int(row["managers"])
        if officials + managers > _int(row["participants"]):
            problems.warning(row["where"].at(column="Số người tham dự"), (
                f"số cán bộ, công chức ({officials}) cộng số quản lý doanh nghiệp ({managers}) "
                f"lớn hơn số người tham dự ({_int(row['participants'])})"))
    records = report.history[report.year]
    if records.stated_spent is not None and records.stated_spent < recorded:
        problems.warning(Location(records.file, YEAR_GENERAL.name, column="Giá trị"), (
            f"“Kinh phí đã chi” ({_money(records.stated_spent)}) nhỏ hơn tổng các khoản ghi ở "
            f"trang “Hỗ trợ doanh nghiệp” và “Tập huấn” ({_money(recorded)})"))
