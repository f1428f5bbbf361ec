"""What the period summary template (templates/tong-ket-giai-doan.docx) sees.

Like `context.build_context` for the yearly report: every value arrives computed, and numbers
or dates become text only through the filters of `formatting`. The header, signature and
paragraph layout share the yearly report's field names, so the two templates share their parts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ncnsc_reports.formatting import place_date_line
from ncnsc_reports.inputs.period_schema import RULE_MAX, RULE_RESULT, RULE_TARGET
from ncnsc_reports.inputs.schema import MEASURES
from ncnsc_reports.render.context import (
    BLANK_NUMBER,
    ILLUSTRATIVE_NOTE,
    TASK_GROUPS,
    described,
)
from ncnsc_reports.render.plan_bases import plan_bases
from ncnsc_reports.render.sentences import plan_target_sentence
from ncnsc_reports.report.model import Agency, Document, Paragraph
from ncnsc_reports.report.period import PeriodReport, PlanVersion

if TYPE_CHECKING:
    from ncnsc_reports.compute.next_phase import NextPhase, NextTarget
    from ncnsc_reports.compute.period import PeriodLine, PeriodResults

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


@dataclass(frozen=True)
class PeriodTaskGroup:
    """One task group of QĐ 1322 in the summary: its results year by year, then its prose."""

    number: str
    title: str
    years: list[GroupYear]
    paragraphs: tuple


@dataclass(frozen=True)
class PlanTasks:
    """One task group of QĐ 1322 in the draft plan (III): its number, title and the clerk's
    paragraphs typed under “KH.III.<n>”."""

    number: int
    title: str
    paragraphs: tuple


@dataclass(frozen=True)
class Merger:
    """A province formed by merging others (1/7/2025): when, from whom, whose years count."""

    date: dt.date
    until: dt.date
    names: list[str]  # “tỉnh Kiên Giang (trước sắp xếp)”: one term throughout (review L1)
    counted: list[str]
    notes: list[str]  # the clerk's sentence for each former province without figures


@dataclass(frozen=True)
class FormerPart:
    """Another former province's plan in a merged province's summary, on its own territory."""

    words: str  # “tỉnh Kiên Giang (trước sắp xếp)”
    plan: Document
    amendments: tuple[Document, ...]
    indicators: tuple  # PeriodLine, as Bảng 1's
    spent_total: int
    planned_total: int | None
    budget_completion: Decimal | None
    budget_source: Document | None  # None: its plan sets no budget
    table: int  # the number of its table (“Bảng 2”)


def _content(section: str, name: str):
    return described(f"Các đoạn của mục {section} (sổ tổng kết, trang “Nội dung”); in bằng "
                     f"{{{{p paras({name}) }}}}.")


@dataclass(frozen=True)
class PeriodFrame:
    """The names a summary and a draft plan share with each other (and, most of them, with the
    yearly report, so that the templates share their header, signature and paragraphs)."""

    year: int = described("Năm cuối của giai đoạn báo cáo (như period_end).")
    period: str = described("Các năm báo cáo: cả giai đoạn (tổng kết, ví dụ 2021-2025) hoặc "
                            "từ năm đầu giai đoạn đến năm sơ kết (ví dụ 2026-2028).")
    period_start: int = described("Năm đầu của các năm báo cáo (năm đầu giai đoạn).")
    period_end: int = described("Năm cuối của các năm báo cáo.")
    kind: str = described("“tổng kết” (cả giai đoạn) hoặc “sơ kết” (giữa giai đoạn).")
    phase: str = described("Giai đoạn của Chương trình chứa các năm báo cáo, ví dụ 2021-2025.")
    next_phase: str = described("Giai đoạn sau, ví dụ 2026-2030 (mục IV; tên dự thảo kế "
                                "hoạch).")
    whole_phase: bool = described("Đúng khi báo cáo bao trọn giai đoạn (tổng kết): khi đó có "
                                  "dự thảo kế hoạch giai đoạn sau.")
    province: str = described("Tên thư mục tỉnh, ví dụ an-giang (không in trong báo cáo).")
    agency: Agency = described("Cơ quan ban hành và người ký (hồ sơ tỉnh, trang “Cơ quan”, "
                               "theo năm cuối).")
    plan: Document = described("Kế hoạch của giai đoạn (hồ sơ tỉnh, trang “Kế hoạch”).")
    amendments: tuple[Document, ...] = described(
        "Các văn bản sửa đổi, bổ sung kế hoạch có hiệu lực đến ngày báo cáo.")
    illustrative: bool = described("Đúng khi số liệu là dữ liệu minh họa, không phải thật.")
    illustrative_note: str = described("Dòng ghi chú in khi số liệu là dữ liệu minh họa.")
    draft_note: str = described("Luôn trống ở báo cáo tổng kết (dòng “BẢN NHÁP” chỉ dùng cho "
                                "báo cáo năm); có để mẫu dùng chung phần đầu với báo cáo năm.")
    number_text: str = described("Số của báo cáo, hai chữ số; để trống cho văn thư ghi tay.")
    place_date: str = described("Dòng địa danh, ngày tháng năm ký (sổ tổng kết, trang “Thông "
                                "tin chung”).")
    opening: tuple[Paragraph, ...] = _content("Mở đầu", "opening")
    empty_group: str = described("Câu in khi một nhóm nhiệm vụ không có nội dung, ví dụ “Giai "
                                 "đoạn 2021-2025 không phát sinh nội dung này.”")
    recipients: tuple[str, ...] = described(
        "Các nơi nhận (hồ sơ tỉnh, năm cuối), mỗi phần tử một dòng (chưa có “- ” và “;”).")
    document_title: str = described("Tiêu đề ghi vào thuộc tính của tệp Word.")
    document_comment: str = described("Ghi chú ghi vào thuộc tính của tệp Word.")


@dataclass(frozen=True)
class PeriodContext(PeriodFrame):
    """Every name the summary template (tong-ket-giai-doan.docx) sees, typed and described once:
    `build_period_context` must fill each, and `ncnsc-report fields --mau tong-ket` lists them."""

    plan_versions: tuple[PlanVersion, ...] = described(
        "Kế hoạch và từng văn bản sửa đổi, theo thứ tự hiệu lực (mục I).")
    merger: Merger | None = described(
        "Việc hợp nhất tỉnh (hồ sơ tỉnh, trang “Hình thành”); trống khi tỉnh không sắp xếp.")
    own_territory: str = described(
        "Tỉnh sắp xếp: địa bàn mà kế hoạch chính (plan) áp dụng, ví dụ “tỉnh An Giang (trước "
        "sắp xếp)”; trống khi kế hoạch áp dụng cho toàn tỉnh.")
    former_parts: list[FormerPart] = described(
        "Tỉnh sắp xếp: kế hoạch và kết quả của từng tỉnh trước sắp xếp khác, trên địa bàn "
        "của tỉnh đó (mục I, II.2, II.3).", of=FormerPart)
    merged_total: tuple[PeriodLine, ...] = described(
        "Tỉnh sắp xếp: kết quả từng năm trên toàn địa bàn tỉnh, mỗi doanh nghiệp đếm một lần "
        "(không có chỉ tiêu); trống khi không cần.")
    total_table: int = described("Số của bảng tổng hợp toàn tỉnh (khi có).")
    budget_table: int = described("Số của bảng kinh phí.")
    plan_notes: tuple[Paragraph, ...] = _content("I", "plan_notes")
    task_groups: list[PeriodTaskGroup] = described(
        "Sáu nhóm nhiệm vụ, giải pháp của QĐ 1322 (mục II.1), theo thứ tự.")
    years: tuple[int, ...] = described("Các năm của giai đoạn, ví dụ 2021 … 2025 (cột của Bảng "
                                       "1).")
    indicators: tuple[PeriodLine, ...] = described(
        "Các chỉ tiêu của kế hoạch: kết quả từng năm, lũy kế, tỷ lệ đạt (mục II.2, Bảng 1).")
    indicator_notes: tuple[Paragraph, ...] = _content("II.2", "indicator_notes")
    budget: PeriodResults = described(
        "Kết quả tính của giai đoạn: kinh phí từng năm và tổng (mục II.3, Bảng 2), cùng các "
        "chỉ tiêu.")
    budget_source: Document | None = described(
        "Văn bản giao kinh phí; trống khi kế hoạch không giao kinh phí.")
    has_budget: bool = described("Đúng khi kế hoạch giao kinh phí: in mục II.3 có Bảng 2.")
    budget_notes: tuple[Paragraph, ...] = _content("II.3", "budget_notes")
    indicator_caption: str = described("Chú thích Biểu đồ 1 (chỉ tiêu).")
    budget_caption: str = described("Chú thích Biểu đồ 2 (kinh phí).")
    highlights: tuple[Paragraph, ...] = _content("III.1", "highlights")
    shortcomings: tuple[Paragraph, ...] = _content("III.2", "shortcomings")
    causes: tuple[Paragraph, ...] = _content("III.3", "causes")
    lessons: tuple[Paragraph, ...] = _content("III.4", "lessons")
    direction: tuple[Paragraph, ...] = _content("IV", "direction")
    recommendations: tuple[Paragraph, ...] = _content("V", "recommendations")
    indicator_chart: str = described(
        "Biểu đồ 1 (chỉ tiêu), chèn thành hình khi tạo báo cáo: đặt {{ indicator_chart }} một "
        "mình trong một đoạn (khi kiểm tra mẫu, là chữ chú thích).", default="")
    budget_chart: str = described(
        "Biểu đồ 2 (kinh phí), chèn thành hình khi tạo báo cáo: đặt {{ budget_chart }} một mình "
        "trong một đoạn (khi kiểm tra mẫu, là chữ chú thích).", default="")


@dataclass(frozen=True)
class PlanContext(PeriodFrame):
    """Every name the draft plan template (du-thao-ke-hoach.docx) sees, typed and described
    once: `build_plan_context` must fill each."""

    issuer: str = described("Tên cơ quan ban hành kế hoạch, dòng đầu: “ỦY BAN NHÂN DÂN” (NĐ "
                            "30/2020, Phụ lục I, II.2.a: tên chính thức, đầy đủ; không viết "
                            "tắt).")
    issuer_place: str = described("Dòng thứ hai của tên cơ quan ban hành: “TỈNH AN GIANG” "
                                  "(“THÀNH PHỐ …” với thành phố trực thuộc trung ương).")
    bases: tuple[str, ...] = described(
        "Các đoạn “Căn cứ …” trước mục I, đoạn cuối kết thúc “… như sau:” (QĐ 1322 định nghĩa "
        "“Chương trình 1322”; tỉnh sắp xếp thêm Luật Tổ chức chính quyền địa phương, Nghị quyết "
        "202/2025/QH15 và kết quả kế hoạch của từng tỉnh trước sắp xếp; mục KH.Căn cứ của sổ "
        "tổng kết).")
    target_sentences: tuple[str, ...] = described(
        "Các chỉ tiêu giai đoạn sau thành câu, “Hỗ trợ ít nhất 14 hệ thống quản lý” (mục II.2; "
        "cách tính chỉ ở du-thao-chi-tieu.xlsx), chưa có “- ” và dấu cuối.")
    plan_tasks: list[PlanTasks] = described(
        "Sáu nhóm nhiệm vụ, giải pháp của QĐ 1322 (mục III), mỗi nhóm với các đoạn KH.III.1 … "
        "KH.III.6 của nó.")
    rule_text: str = described("Cách tính chỉ tiêu giai đoạn sau đã chọn (sổ tổng kết, trang "
                               "“Thông tin chung”), viết thành cụm từ trong câu.")
    percent: int = described("Tỷ lệ chỉ tiêu giai đoạn sau so với căn cứ, %, ví dụ 110.")
    targets: tuple[NextTarget, ...] = described(
        "Các chỉ tiêu giai đoạn sau và cách tính từng chỉ tiêu (Bảng 1).")
    plan_budget: NextPhase = described("Dự thảo kinh phí giai đoạn sau, từng năm và tổng "
                                       "(Bảng 2).")
    purpose: tuple[Paragraph, ...] = _content("KH.I", "purpose")
    goal: tuple[Paragraph, ...] = _content("KH.II", "goal")
    tasks: tuple[Paragraph, ...] = _content("KH.III", "tasks")
    organisation: tuple[Paragraph, ...] = _content("KH.V", "organisation")
    task_titles: list[str] = described("Tên sáu nhóm nhiệm vụ, giải pháp của QĐ 1322, theo thứ "
                                       "tự.")


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
        "purpose": period.sections["KH.I"],
        "goal": period.sections["KH.II"],
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
