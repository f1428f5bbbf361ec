"""What the period summary template (templates/tong-ket-giai-doan.docx) and the draft plan
template (du-thao-ke-hoach.docx) see: the functions that fill their contexts.

Like `context.build_context` for the yearly report: every value arrives computed, and numbers
or dates become text only through the filters of `formatting`. The header, signature and
paragraph layout share the yearly report's field names, so the two templates share their parts.
The names themselves, typed and described, are declared in `period_fields`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ncnsc_reports.formatting import place_date_line
from ncnsc_reports.inputs.period_schema import RULE_MAX, RULE_RESULT, RULE_TARGET
from ncnsc_reports.inputs.schema import MEASURES
from ncnsc_reports.render.context import BLANK_NUMBER, ILLUSTRATIVE_NOTE, TASK_GROUPS
from ncnsc_reports.render.period_fields import (
    Fact,
    FormerPart,
    GroupYear,
    Merger,
    PeriodContext,
    PeriodTaskGroup,
    PlanContext,
    PlanTasks,
)
from ncnsc_reports.render.plan_bases import plan_bases, standard_goal, standard_purpose
from ncnsc_reports.render.sentences import plan_target_sentence
from ncnsc_reports.report.model import Paragraph
from ncnsc_reports.report.period import PeriodReport

if TYPE_CHECKING:
    from ncnsc_reports.compute.next_phase import NextPhase
    from ncnsc_reports.compute.period import PeriodResults

# Which task group of QĐ 1322 (Điều 1, mục III) each counting rule reports on: support to
# enterprises and surveys of their needs (2.3), training and experts (2.4), media (2.2).
MEASURE_GROUP = dict(zip(MEASURES, ("2.3",) * 7 + ("2.4",) * 4 + ("2.2",) * 2 + ("2.3",),
                         strict=True))
INDICATOR_CAPTION = ("Biểu đồ 1. Kết quả thực hiện các chỉ tiêu chính từng năm và lũy kế so với "
                     "chỉ tiêu giai đoạn {period}")
BUDGET_CAPTION = "Biểu đồ 2. Kinh phí dự toán và kinh phí đã sử dụng từng năm, giai đoạn {period}"


def build_period_context(period: PeriodReport, results: PeriodResults) -> PeriodContext:
    """Return the template context of a period summary, typed (a name missing or not described
    fails here, at once); the charts' fields are filled when they are drawn."""
    return PeriodContext(**_period_values(period, results))


def _period_values(period: PeriodReport, results: PeriodResults) -> dict:
    span = period.period.label
    return {
        **_frame(period, span),
        "plan_versions": period.plan_versions,
        "merger": _merger(period),
        **_territory_values(period, results),
        "plan_notes": period.sections["I"],
        "task_groups": _task_groups(period, results),
        "years": results.phase_years,
        "indicators": results.indicators,
        "indicator_notes": period.sections["II.2"],
        "budget": replace(results, former=(), total=()),  # those are former_parts, merged_total
        "budget_source": period.plan_in_force.budget_source,
        "has_budget": bool(period.plan_in_force.budget),
        "budget_notes": period.sections["II.3"],
        "indicator_caption": INDICATOR_CAPTION.format(period=span),
        "budget_caption": BUDGET_CAPTION.format(period=span),
        "highlights": period.sections["III.1"],
        "shortcomings": period.sections["III.2"],
        "causes": period.sections["III.3"],
        "lessons": period.sections["III.4"],
        "direction": period.sections["IV"],
        "recommendations": period.sections["V"],
    }


def _frame(period: PeriodReport, span: str) -> dict:
    """The fields the summary shares with the yearly report: header, opening, signature."""
    first, last = period.period.start, period.period.end
    versions = period.plan_versions
    return {
        "year": last, "period": span, "period_start": first, "period_end": last,
        "kind": period.kind, "phase": period.phase.label,
        "next_phase": f"{period.phase.end + 1}-{period.phase.end + 5}",
        "whole_phase": period.period == period.phase,
        "province": period.province, "agency": period.agency,
        "plan": versions[0].document if versions else period.plan_in_force.documents[0],
        "amendments": tuple(v.document for v in versions[1:]),
        "illustrative": period.illustrative, "illustrative_note": ILLUSTRATIVE_NOTE,
        "draft_note": "",  # the yearly banner for a book only carried over; not a summary's
        "number_text": f"{period.number:02d}" if period.number else BLANK_NUMBER,
        "place_date": place_date_line(period.agency.place, period.day, period.month,
                                      period.sign_year),
        "opening": period.sections["Mở đầu"],
        "empty_group": f"Giai đoạn {span} không phát sinh nội dung này.",
        "recipients": period.recipients,
        "document_title": f"Báo cáo {period.kind} giai đoạn {span} Chương trình 1322 - "
                          f"{period.agency.place}",
        "document_comment": ILLUSTRATIVE_NOTE if period.illustrative else "",
    }


def _merger(period: PeriodReport) -> Merger | None:
    """What the summary says of a merged province: when, from which provinces, whose years are
    added up and whose are not in the tool (domain.md §7)."""
    formation = period.formation
    if formation is None:
        return None
    return Merger(formation.date, formation.date - dt.timedelta(days=1),
                  [p.words for p in formation.predecessors],
                  [p.words for p in formation.predecessors if p.name in period.merged_from],
                  [p.absent for p in formation.predecessors
                   if p.name not in period.merged_from and p.absent])


def _territory_values(period: PeriodReport, results: PeriodResults) -> dict:
    """The former provinces' plans and the merged total (domain.md §7; issue 22 item 2): each
    plan measured on its own territory, then the whole province with no target."""
    where = period.territories
    own = where.words.get(period.plan_in_force.territory, "") if where else ""
    parts = [FormerPart(f.former.words, f.former.documents[0], f.former.documents[1:],
                        f.results.indicators, f.results.spent_total, f.results.planned_total,
                        f.results.budget_completion,
                        f.former.plan.budget_source if f.former.plan.budget else None, n)
             for n, f in enumerate(results.former, start=2)]
    total_table = len(parts) + 2
    return {"own_territory": own if parts or results.total else "",
            "former_parts": parts, "merged_total": results.total,
            "total_table": total_table, "budget_table": total_table + bool(results.total)}


def _task_groups(period: PeriodReport, results: PeriodResults) -> list[PeriodTaskGroup]:
    """The six groups of QĐ 1322, each with its results year by year and the clerk's prose."""
    groups = []
    for number, key, title in TASK_GROUPS:
        carried = _once(dict(period.carried.get(key, ())))
        years = []
        for index, year in enumerate(results.phase_years):
            facts = tuple(Fact(i.verb, i.results[index], i.noun)  # the whole territory's
                          for i in results.total or results.indicators
                          if MEASURE_GROUP[i.measure] == number and i.results[index])
            if facts or carried.get(year):
                years.append(GroupYear(year, facts, carried.get(year, ())))
        groups.append(PeriodTaskGroup(f"1.{number[-1]}", title, years,
                                      period.sections[f"II.1.{number[-1]}"]))
    return groups


def _once(carried: dict[int, tuple]) -> dict[int, tuple]:
    """The paragraphs carried from each year, a paragraph already carried from an earlier year
    left out (review M9: a standing sentence of the Sở, typed in 2022 and again in 2024, is
    said once, under the first year)."""
    seen: set[str] = set()
    kept = {}
    for year in sorted(carried):
        fresh = tuple(p for p in carried[year] if " ".join(str(p.text).split()) not in seen)
        seen.update(" ".join(str(p.text).split()) for p in carried[year])
        kept[year] = fresh
    return kept


# The rule as the draft plan states it (the clerk's choice, seen in the text).
RULE_TEXT = {RULE_MAX: "số lớn hơn giữa chỉ tiêu và kết quả thực hiện giai đoạn {span}",
             RULE_TARGET: "chỉ tiêu giai đoạn {span}",
             RULE_RESULT: "kết quả thực hiện giai đoạn {span}"}


def build_plan_context(period: PeriodReport, plan: NextPhase) -> PlanContext:
    """Return what the draft plan template (templates/du-thao-ke-hoach.docx) sees, typed."""
    return PlanContext(**_plan_values(period, plan))


def _plan_values(period: PeriodReport, plan: NextPhase) -> dict:
    span = period.period.label
    return {
        **_frame(period, span),
        **(issuer := _issuer(period.agency.parent_agency)),
        "bases": plan_bases(period, issuer["issuer_place"], f"{plan.phase[0]}-{plan.phase[1]}"),
        "target_sentences": tuple(plan_target_sentence(t) for t in plan.targets),
        "plan_tasks": [PlanTasks(n, title, tuple(period.sections[f"KH.III.{n}"]))
                       for n, (_, _, title) in enumerate(TASK_GROUPS, 1)],
        "next_phase": f"{plan.phase[0]}-{plan.phase[1]}",
        "rule_text": RULE_TEXT[plan.rule].format(span=span),
        "percent": plan.percent,
        "targets": plan.targets,
        "plan_budget": plan,
        "purpose": period.sections["KH.I"] or standard_purpose(
            f"{plan.phase[0]}-{plan.phase[1]}", issuer["issuer_place"]),
        "goal": period.sections["KH.II"] or standard_goal(issuer["issuer_place"]),
        "tasks": period.sections["KH.III"],
        "organisation": _ending(period.sections["KH.V"]),
        "task_titles": [title for _, _, title in TASK_GROUPS],
        "document_title": f"Dự thảo Kế hoạch thực hiện Chương trình 1322 giai đoạn "
                          f"{plan.phase[0]}-{plan.phase[1]} - {period.agency.place}",
    }


# NĐ 30/2020, Phụ lục I, II.2.a: the issuer's full official name on two lines; a profile
# usually writes the parent agency abbreviated (“UBND TỈNH AN GIANG”).
_UBND = re.compile(r"^\s*(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+", re.IGNORECASE)


def _issuer(parent_agency: str) -> dict:
    place = _UBND.sub("", parent_agency).strip().upper()
    return {"issuer": "ỦY BAN NHÂN DÂN", "issuer_place": place}


# NĐ 30/2020, Phụ lục I, II.6: the body ends with “./.”; without a KH.V text, the usual
# sentence of a provincial plan (the Sở as standing body, QĐ 1322 Điều 2).
DEFAULT_ORGANISATION = ("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, "
                        "ngành, Ủy ban nhân dân các xã, phường tổ chức thực hiện Kế hoạch này")


def _ending(paragraphs) -> tuple[Paragraph, ...]:
    """KH.V with “./.” at the end of its last paragraph, whatever the clerk typed there."""
    items = list(paragraphs) or [Paragraph("text", DEFAULT_ORGANISATION)]
    last = items[-1]
    text = str(last.text).rstrip()
    if not text.endswith("./."):
        text = (text[:-1] if text.endswith((".", ";")) else text) + "./."
    items[-1] = replace(last, text=text, attributed=text, runs=())
    return tuple(items)
