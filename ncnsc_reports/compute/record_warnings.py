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
    YEAR_GENERAL,
    YEAR_SUPPORT,
    YEAR_TRAINING,
)
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.localities import locality_key, names_for
from ncnsc_reports.report.model import Report


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
    plan = report.plan_in_force
    if plan.caps is None:
        if len(rows):
            problems.warning(Location(PROFILE_FILE, PROFILE_CAPS.name),
                             _no_caps(plan.caps_source, report.year))
        return
    for _, row in rows.iterrows():
        for cap in plan.caps:
            applies = (cap.kind == row["kind"] and cap.item == row["item"] and
                       cap.detail.casefold() in ("", row["detail_key"]))
            if applies and cap.cap is not None and row["amount"] and row["amount"] > cap.cap:
                problems.warning(row["where"].at(column="Số tiền (đồng)"), (
                    f"{_money(row['amount'])} vượt mức tối đa {_money(cap.cap)} cho "
                    f"“{cap.kind} – {cap.item}” theo {cite_short(cap.source)}"))


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
    limits: dict[str, object] = {}
    for cap in report.plan_in_force.caps or ():
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
