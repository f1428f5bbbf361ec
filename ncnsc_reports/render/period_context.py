"""What the period summary template (templates/tong-ket-giai-doan.docx) sees.

Like `context.build_context` for the yearly report: every value arrives computed, and numbers
or dates become text only through the filters of `formatting`. The header, signature and
paragraph layout share the yearly report's field names, so the two templates share their parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ncnsc_reports.formatting import place_date_line
from ncnsc_reports.inputs.period_schema import RULE_MAX, RULE_RESULT, RULE_TARGET
from ncnsc_reports.inputs.schema import MEASURES
from ncnsc_reports.render.context import BLANK_NUMBER, ILLUSTRATIVE_NOTE, TASK_GROUPS
from ncnsc_reports.report.period import PeriodReport

if TYPE_CHECKING:
    from ncnsc_reports.compute.period import PeriodResults

# Which task group of QĐ 1322 (Điều 1, mục III) each counting rule reports on: support to
# enterprises and surveys of their needs (2.3), training and experts (2.4), media (2.2).
MEASURE_GROUP = dict(zip(MEASURES, ("2.3",) * 7 + ("2.4",) * 4 + ("2.2",) * 2 + ("2.3",),
                         strict=True))
INDICATOR_CAPTION = ("Biểu đồ 1. Kết quả thực hiện các chỉ tiêu chính từng năm và lũy kế so với "
                     "chỉ tiêu giai đoạn {period}")
BUDGET_CAPTION = "Biểu đồ 2. Kinh phí dự toán và kinh phí đã sử dụng từng năm, giai đoạn {period}"


@dataclass(frozen=True)
class Fact:
    """One counted result of a year, printed “<verb> <value> <noun>”."""

    verb: str
    value: int
    noun: str


@dataclass(frozen=True)
class GroupYear:
    year: int
    facts: tuple[Fact, ...]
    paragraphs: tuple  # yearly prose the clerk carried


def build_period_context(period: PeriodReport, results: PeriodResults) -> dict:
    """Return the template context of a period summary (charts are added when rendering)."""
    span = period.period.label
    return {
        **_frame(period, span),
        "plan_versions": period.plan_versions,
        "merger": _merger(period),
        "plan_notes": period.sections["I"],
        "task_groups": _task_groups(period, results),
        "years": results.phase_years,
        "indicators": results.indicators,
        "indicator_notes": period.sections["II.2"],
        "budget": results,
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


def _merger(period: PeriodReport) -> dict | None:
    """What the summary says of a merged province: when, from which provinces, whose years are
    added up and whose are not in the tool (domain.md §7)."""
    formation = period.formation
    if formation is None:
        return None
    names = [p.name for p in formation.predecessors]
    return {"date": formation.date, "until": formation.date - dt.timedelta(days=1),
            "names": names, "counted": list(period.merged_from),
            "missing": [n for n in names if n not in period.merged_from]}


def _task_groups(period: PeriodReport, results: PeriodResults) -> list[dict]:
    """The six groups of QĐ 1322, each with its results year by year and the clerk's prose."""
    groups = []
    for number, key, title in TASK_GROUPS:
        carried = dict(period.carried.get(key, ()))
        years = []
        for index, year in enumerate(results.phase_years):
            facts = tuple(Fact(i.verb, i.results[index], i.noun) for i in results.indicators
                          if MEASURE_GROUP[i.measure] == number and i.results[index])
            if facts or carried.get(year):
                years.append(GroupYear(year, facts, carried.get(year, ())))
        groups.append({"number": f"1.{number[-1]}", "title": title, "years": years,
                       "paragraphs": period.sections[f"II.1.{number[-1]}"]})
    return groups


# The rule as the draft plan states it (the clerk's choice, seen in the text).
RULE_TEXT = {RULE_MAX: "số lớn hơn giữa chỉ tiêu và kết quả thực hiện giai đoạn {span}",
             RULE_TARGET: "chỉ tiêu giai đoạn {span}",
             RULE_RESULT: "kết quả thực hiện giai đoạn {span}"}


def build_plan_context(period: PeriodReport, plan) -> dict:
    """Return what the draft plan template (templates/du-thao-ke-hoach.docx) sees."""
    span = period.period.label
    return {
        **_frame(period, span),
        "issuer": period.agency.parent_agency,
        "next_phase": f"{plan.phase[0]}-{plan.phase[1]}",
        "rule_text": RULE_TEXT[plan.rule].format(span=span),
        "percent": plan.percent,
        "targets": plan.targets,
        "plan_budget": plan,
        "purpose": period.sections["KH.I"],
        "goal": period.sections["KH.II"],
        "tasks": period.sections["KH.III"],
        "organisation": period.sections["KH.V"],
        "task_titles": [title for _, _, title in TASK_GROUPS],
        "document_title": f"Dự thảo Kế hoạch thực hiện Chương trình 1322 giai đoạn "
                          f"{plan.phase[0]}-{plan.phase[1]} - {period.agency.place}",
    }
