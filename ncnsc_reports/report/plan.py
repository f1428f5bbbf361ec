"""The province's plans and their amendments as data: which one is in force for a phase.

Owns reading the profile sheet “Kế hoạch” into `PlanRow`s and choosing, for a report, the plan
in force for the report year's phase on the report date with its amendments, then assembling
the `PlanInForce` (targets from `targets`, norms, budget). Each plan row names its period
(2021-2025, 2026-2030, 2021-2030); an amendment is written under the plan it amends and
replaces the parts it names from its effective date (QĐ 648/QĐ-UBND replaced An Giang
573/KH-UBND's targets and norms). A new 2026–2030 plan is a plan of its own: it supersedes,
for that phase, a 2021–2030 plan issued before it; a plan whose period has ended is not cited.
The chain of a plan and its amendments in force is `plan_chain`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ncnsc_reports.formatting import cite_short, short_date
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
from ncnsc_reports.report.model import Cap, Document, Indicator, Norms, Phase, PlanInForce
from ncnsc_reports.report.phases import (
    PHASE_EXPECTED,
    PHASES,
    PLAN_PERIOD_EXPECTED,
    covers,
    parse_plan_period,
    phase_of,
)
from ncnsc_reports.report.plan_chain import PlanRow, chain_in_force, sources
from ncnsc_reports.report.superseded import say_superseded
from ncnsc_reports.report.targets import check_profile, targets_in_force
from ncnsc_reports.report.territory import plan_territory

if TYPE_CHECKING:
    from ncnsc_reports.report.formation import Formation

PARTS = ("Chỉ tiêu", "Định mức", "Kinh phí")


def plan_rows(rows: list[Row], problems: Problems) -> list[PlanRow]:
    """Return every usable row of “Kế hoạch”; a row that would have no effect is an error."""
    if not rows:
        problems.error(Location(PROFILE_FILE, PROFILE_PLAN.name),
                       "chưa có kế hoạch nào; hãy ghi kế hoạch thực hiện Chương trình 1322 của "
                       "tỉnh (Loại văn bản, Số, ký hiệu, Ngày ban hành, Cơ quan ban hành, Trích "
                       "yếu, Giai đoạn): báo cáo năm trích dẫn và đối chiếu với kế hoạch đó")
    result: list[PlanRow] = []
    plan: PlanRow | None = None
    for row in rows:
        v = row.values
        if not all(v[k] for k in ("kind", "number", "issued", "issuer", "subject")):
            continue
        doc = Document(v["kind"], v["number"], v["issued"], v["issuer"], v["subject"])
        effective = v["effective"] or v["issued"]
        if v["replaces"]:
            amendment = _amendment(row, doc, effective, plan, problems)
            result += [amendment] if amendment else []
        elif period := _plan_period(row, problems):
            plan = PlanRow(doc, period, effective, frozenset(PARTS), doc.number,
                           v["next_period_pct"], row)
            result.append(plan)
    return result


def _plan_period(row: Row, problems: Problems) -> Phase | None:
    period = parse_plan_period(row["period"])
    if period is None:
        problems.error(row.where.at(column="Giai đoạn"), expected_found(
            f"{PLAN_PERIOD_EXPECTED}; nếu dòng này là văn bản sửa đổi kế hoạch ở dòng trên, "
            "ghi phần nó thay thế ở cột “Thay thế”", row["period"]))
    return period


def _amendment(row: Row, doc: Document, effective: dt.date, plan: PlanRow | None,
               problems: Problems) -> PlanRow | None:
    parts = _parts(row["replaces"], row, problems)
    if plan is None:
        problems.error(row.where.at(column="Thay thế"), "văn bản sửa đổi phải ghi ngay dưới kế "
                       "hoạch mà nó sửa, nhưng phía trên không có dòng kế hoạch nào (dòng kế "
                       "hoạch để trống cột “Thay thế” và ghi “Giai đoạn”)")
        return None
    period = parse_plan_period(row["period"]) if row["period"] else plan.period
    if period != plan.period:
        problems.error(row.where.at(column="Giai đoạn"), expected_found(
            f"ô trống hoặc “{plan.period.label}” (văn bản sửa đổi {cite_short(plan.document)} "
            f"thuộc giai đoạn của kế hoạch đó)", row["period"]))
    if effective.year > plan.period.end:
        problems.warning(row.where.at(column="Hiệu lực từ ngày"), (
            f"văn bản có hiệu lực từ {short_date(effective)}, sau khi giai đoạn "
            f"{plan.period.label} của {cite_short(plan.document)} đã kết thúc, nên không được "
            "dùng trong báo cáo nào; nếu nó sửa kế hoạch khác, ghi nó ngay dưới kế hoạch đó"))
    return PlanRow(doc, plan.period, effective, frozenset(parts), plan.base,
                   row["next_period_pct"], row) if parts else None


def _parts(text: str | None, row: Row, problems: Problems) -> set[str]:
    names = {p.strip().capitalize() for p in re.split(r"[,;]", text or "") if p.strip()}
    unknown = names - set(PARTS)
    if unknown:
        problems.error(row.where.at(column="Thay thế"), expected_found(
            "một hay nhiều trong “Chỉ tiêu”, “Định mức”, “Kinh phí”", ", ".join(sorted(unknown))))
    return names & set(PARTS)


def read_plan(profile: dict[str, list[Row]], year: int, on: dt.date, problems: Problems,
              formation: Formation | None = None) -> tuple[list[Document], PlanInForce | None]:
    """Return the documents to cite and the plan in force, or None without indicators; in a
    merged province (`formation`), the plan knows the territory it covers (`territory`)."""
    rows = plan_rows(profile[PROFILE_PLAN.name], problems)
    if not rows:
        return [], None
    phase = phase_of(year)
    chain = chain_in_force(rows, phase, on)
    if not chain:
        if not any(p.where.sheet == PROFILE_PLAN.name for p in problems.errors):
            _no_plan(rows, phase, on, problems)  # else the row's own error says why
        return [], None
    cited = [r.document for r in chain]
    say_superseded(rows, chain, phase, year, problems)  # a plan no longer cited: say why
    indicators = indicators_of(profile[PROFILE_INDICATORS.name], phase, problems)
    if not indicators:
        return cited, None
    _check_references(profile, [r.document.number for r in rows], problems)
    check_profile(profile, rows, problems)
    source = sources(chain)
    targets = targets_in_force(profile[PROFILE_TARGETS.name], rows, phase, year, on, indicators,
                               problems)
    return cited, PlanInForce(
        documents=tuple(cited), indicators=indicators, period=phase,
        period_targets={code: t for code, (t, _) in targets.period.items()},
        year_targets=targets.year, targets_source=source["Chỉ tiêu"].document,
        target_rules={code: rule for code, (_, rule) in targets.period.items() if rule},
        caps=_caps(profile[PROFILE_CAPS.name], source["Định mức"].document),
        caps_source=source["Định mức"].document,
        budget={r["year"]: r["amount"] for r in profile[PROFILE_BUDGET.name]
                if r["document"] == source["Kinh phí"].document.number and r["year"]
                and phase.start <= r["year"] <= phase.end},
        budget_source=source["Kinh phí"].document,
        territory=plan_territory(chain[0], formation, problems),
        norms=_norms(rows, phase, on, profile[PROFILE_CAPS.name]),
    )


def _norms(rows: list[PlanRow], phase: Phase, on: dt.date, caps: list[Row]) -> tuple[Norms, ...]:
    """The norms in force for `phase` as they changed up to `on`: each document that set them,
    from the day it took effect (a record is checked against those of its date)."""
    result: list[Norms] = []
    for day in sorted({r.effective for r in rows if r.effective <= on}):
        chain = chain_in_force(rows, phase, day)
        if not chain:
            continue
        source = sources(chain)["Định mức"].document
        if not result or result[-1].source != source:
            result.append(Norms(day, _caps(caps, source), source))
    return tuple(result)


def _no_plan(rows: list[PlanRow], phase: Phase, on: dt.date, problems: Problems) -> None:
    later = [r for r in rows if r.is_plan and covers(r.period, phase)]
    found = (f"{cite_short(later[0].document)} có hiệu lực từ {short_date(later[0].effective)}"
             if later else "chỉ có kế hoạch của giai đoạn khác")
    problems.error(Location(PROFILE_FILE, PROFILE_PLAN.name), expected_found(
        f"một kế hoạch của giai đoạn {phase.label} có hiệu lực vào ngày báo cáo "
        f"{short_date(on)} (dòng kế hoạch ghi “{phase.label}” hoặc “2021-2030” ở cột “Giai "
        "đoạn”)", found))


def indicators_of(rows: list[Row], phase: Phase, problems: Problems) -> tuple[Indicator, ...]:
    """The indicators reported in `phase`: those with no “Giai đoạn” or with that phase."""
    seen: dict[tuple[str, Phase | None], Row] = {}
    result = []
    for row in rows:
        v = row.values
        if not all(v[k] for k in ("code", "name", "unit", "measure", "verb", "noun")):
            continue
        period = _indicator_phase(row, problems)
        if period is False:
            continue
        clash = [k for k in seen if k[0] == v["code"] and None in (k[1], period)
                 or k == (v["code"], period)]
        if clash:
            problems.error(row.where.at(column="Mã"), f"mã “{v['code']}” đã dùng ở dòng "
                           f"{seen[clash[0]].where.row} cho cùng giai đoạn; mỗi chỉ tiêu một "
                           "mã riêng")
            continue
        seen[(v["code"], period)] = row
        if period in (None, phase):
            result.append(Indicator(v["code"], v["name"], v["unit"], v["measure"], v["verb"],
                                    v["noun"]))
    return tuple(result)


def _indicator_phase(row: Row, problems: Problems) -> Phase | None | bool:
    """None (every phase), a phase, or False when the cell is not a phase (an error)."""
    if not row["period"]:
        return None
    period = parse_plan_period(row["period"])
    if period is None or period not in PHASES:
        problems.error(row.where.at(column="Giai đoạn"), expected_found(
            f"ô trống (mọi giai đoạn) hoặc {PHASE_EXPECTED}", row["period"]))
        return False
    return period


def _check_references(profile: dict[str, list[Row]], numbers: list[str],
                      problems: Problems) -> None:
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


def _caps(rows: list[Row], source: Document) -> tuple[Cap, ...] | None:
    caps = tuple(Cap(r["kind"], r["item"], r["detail"] or "", r["cap"], r["per_year"], source)
                 for r in rows if r["document"] == source.number and r["kind"] and r["item"])
    return caps or None
