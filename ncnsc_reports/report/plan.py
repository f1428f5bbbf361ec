"""The province's plan and its amendments as data: which targets, norms and budget are in force.

Owns reading the profile sheets “Kế hoạch”, “Chỉ tiêu”, “Chỉ tiêu kế hoạch”, “Kinh phí kế
hoạch”, “Định mức hỗ trợ” into a `PlanInForce` for a report date. The first row of “Kế hoạch”
is the plan; later rows amend it from their effective date, each replacing the parts it names
(e.g. QĐ 648/QĐ-UBND replaced An Giang's appendix of targets and its norms).
"""

from __future__ import annotations

import datetime as dt
import re

from ncnsc_reports.inputs.schema import (
    PROFILE_BUDGET,
    PROFILE_CAPS,
    PROFILE_FILE,
    PROFILE_INDICATORS,
    PROFILE_PLAN,
    PROFILE_TARGETS,
)
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems, expected_found
from ncnsc_reports.report.model import Cap, Document, Indicator, PlanInForce

PARTS = ("Chỉ tiêu", "Định mức", "Kinh phí")
# QĐ 1322/QĐ-TTg runs 2021-2030 in two phases; plans set targets per phase.
PERIODS = ((2021, 2025), (2026, 2030))
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


def plan_documents(rows: list[Row], problems: Problems) -> list[tuple[Document, dt.date, set, Row]]:
    """Return (document, effective date, parts replaced, row) for each row of “Kế hoạch”."""
    if not rows:
        problems.error(Location(PROFILE_FILE, PROFILE_PLAN.name),
                       expected_found("ít nhất một dòng: Kế hoạch của tỉnh", "trang trống"))
    result = []
    for row in rows:
        v = row.values
        if not all(v[k] for k in ("kind", "number", "issued", "issuer", "subject")):
            continue
        doc = Document(v["kind"], v["number"], v["issued"], v["issuer"], v["subject"])
        parts = set(PARTS) if not result else _parts(v["replaces"], row, problems)
        result.append((doc, v["effective"] or v["issued"], parts, row))
    return result


def _parts(text: str | None, row: Row, problems: Problems) -> set[str]:
    names = {p.strip().capitalize() for p in re.split(r"[,;]", text or "") if p.strip()}
    unknown = names - set(PARTS)
    if unknown:
        problems.error(row.where.at(column="Thay thế"), expected_found(
            "một hay nhiều trong “Chỉ tiêu”, “Định mức”, “Kinh phí”", ", ".join(sorted(unknown))))
    return names & set(PARTS)


def in_force(documents, on: dt.date) -> tuple[list[Document], dict[str, Document]]:
    """Return the documents in force on a date and, for each part, the one that sets it."""
    active = [d for d in documents if d[1] <= on] or documents[:1]
    source = {}
    for doc, _, parts, _ in active:
        for part in parts:
            source[part] = doc
    return [d[0] for d in active], source


def period_of(year: int) -> tuple[int, int]:
    return next((p for p in PERIODS if p[0] <= year <= p[1]), (year, year))


def read_plan(profile: dict[str, list[Row]], year: int, on: dt.date,
              problems: Problems) -> tuple[list[Document], PlanInForce | None]:
    """Return the documents to cite and the plan in force, or None without indicators."""
    documents = plan_documents(profile[PROFILE_PLAN.name], problems)
    if not documents:
        return [], None
    cited, source = in_force(documents, on)
    indicators = _indicators(profile[PROFILE_INDICATORS.name], problems)
    if not indicators:
        return cited, None
    numbers = {d[0].number: d for d in documents}
    _check_references(profile, numbers, problems)
    period = period_of(year)
    targets = _targets(profile[PROFILE_TARGETS.name], source["Chỉ tiêu"], period, year,
                       documents, problems)
    return cited, PlanInForce(
        documents=tuple(cited), indicators=indicators, period=period,
        period_targets=targets[0], year_targets=targets[1],
        targets_source=source["Chỉ tiêu"],
        caps=_caps(profile[PROFILE_CAPS.name], source["Định mức"]),
        caps_source=source["Định mức"],
        budget={r["year"]: r["amount"] for r in profile[PROFILE_BUDGET.name]
                if r["document"] == source["Kinh phí"].number and r["year"]},
        budget_source=source["Kinh phí"],
    )


def _indicators(rows: list[Row], problems: Problems) -> tuple[Indicator, ...]:
    seen: dict[str, Row] = {}
    result = []
    for row in rows:
        v = row.values
        if not all(v[k] for k in ("code", "name", "unit", "measure", "verb", "noun")):
            continue
        if v["code"] in seen:
            problems.error(row.where.at(column="Mã"), f"mã “{v['code']}” đã dùng ở dòng "
                           f"{seen[v['code']].where.row}; mỗi chỉ tiêu một mã riêng")
            continue
        seen[v["code"]] = row
        result.append(Indicator(v["code"], v["name"], v["unit"], v["measure"], v["verb"],
                                v["noun"]))
    return tuple(result)


def _check_references(profile: dict[str, list[Row]], numbers: dict, problems: Problems) -> None:
    """Every “Văn bản” cell must name a row of “Kế hoạch”; every “Mã” a row of “Chỉ tiêu”."""
    known = ", ".join(f"“{n}”" for n in numbers)
    codes = {r["code"] for r in profile[PROFILE_INDICATORS.name] if r["code"]}
    for spec in (PROFILE_TARGETS, PROFILE_BUDGET, PROFILE_CAPS):
        for row in profile[spec.name]:
            if row["document"] and row["document"] not in numbers:
                problems.error(row.where.at(column="Văn bản"), expected_found(
                    f"số, ký hiệu của một văn bản ở trang “Kế hoạch” ({known})", row["document"]))
    for row in profile[PROFILE_TARGETS.name]:
        if row["code"] and row["code"] not in codes:
            problems.error(row.where.at(column="Mã"), expected_found(
                "mã của một chỉ tiêu ở trang “Chỉ tiêu”", row["code"]))


def _targets(rows: list[Row], source: Document, period: tuple[int, int], year: int,
             documents, problems: Problems) -> tuple[dict[str, int], dict[str, int]]:
    """Return ({code: period target}, {code: target of `year`}) set by the source document."""
    by_period: dict[tuple[int, int], dict[str, int]] = {}
    yearly: dict[str, int] = {}
    for row in rows:
        if row["document"] != source.number or row["code"] is None or row["target"] is None:
            continue
        kind = _period(row, problems)
        if kind == (year, year):
            yearly[row["code"]] = row["target"]
        elif kind in PERIODS:
            by_period.setdefault(kind, {})[row["code"]] = row["target"]
    targets = by_period.get(period) or _derived(by_period, period, documents)
    return targets, yearly


def _period(row: Row, problems: Problems) -> tuple[int, int] | None:
    text = str(row["period"] or "")
    if m := _PERIOD.match(text):
        return int(m[1]), int(m[2])
    if text.strip().isdigit() and len(text.strip()) == 4:
        return int(text), int(text)
    problems.error(row.where.at(column="Kỳ"), expected_found(
        "một giai đoạn như “2021-2025” hoặc một năm như “2023”", text))
    return None


def _derived(by_period, period, documents) -> dict[str, int]:
    """Targets of a later phase not written down: previous phase × the plan's percentage.

    Tiền Giang 224/KH-UBND §I.2.b: 2026-2030 targets are at least 110% of 2021-2025, so the
    derived target is rounded up.
    """
    previous = (period[0] - 5, period[1] - 5)
    pct = next((d[3].values.get("next_period_pct") for d in reversed(documents)
                if d[3].values.get("next_period_pct")), None)
    if pct is None or previous not in by_period:
        return {}
    # integer ceiling: 20 × 110 / 100 in floating point is 22.000000000000004
    return {code: -(-value * pct // 100) for code, value in by_period[previous].items()}


def _caps(rows: list[Row], source: Document) -> tuple[Cap, ...] | None:
    caps = tuple(Cap(r["kind"], r["item"], r["detail"] or "", r["cap"], r["per_year"], source)
                 for r in rows if r["document"] == source.number and r["kind"] and r["item"])
    return caps or None
