"""The one function that builds what the report template sees (style: mkdocs' page context).

Templates never compute: every value arrives here ready, and numbers or dates are turned into
text only through the named filters of `formatting`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ncnsc_reports.formatting import date_parts, place_date_line, two_digits
from ncnsc_reports.render.records import GROUP_RECORDS, support_phrase, year_records
from ncnsc_reports.report.model import BudgetLine, Document, Paragraph, Report
from ncnsc_reports.report.phases import phase_of, since_text, span_text, start_text, years_text

if TYPE_CHECKING:  # pandas stays unloaded for a province without indicators
    from ncnsc_reports.compute.indicators import Results

# QĐ 1322/QĐ-TTg, Điều 1, mục III: the six groups of tasks and solutions, in its order and words.
TASK_GROUPS = (
    ("2.1", "I.2.1", "Hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao năng suất chất "
                     "lượng"),
    ("2.2", "I.2.2", "Tăng cường công tác thông tin, truyền thông về năng suất chất lượng"),
    ("2.3", "I.2.3", "Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản "
                     "lý, công cụ cải tiến năng suất chất lượng, công cụ hỗ trợ cho sản xuất thông "
                     "minh, dịch vụ thông minh"),
    ("2.4", "I.2.4", "Đào tạo nguồn nhân lực cho hoạt động nâng cao năng suất chất lượng"),
    ("2.5", "I.2.5", "Tăng cường năng lực hoạt động tiêu chuẩn hóa và đánh giá sự phù hợp với "
                     "tiêu chuẩn, quy chuẩn kỹ thuật"),
    ("2.6", "I.2.6", "Đẩy mạnh hợp tác quốc tế về năng suất chất lượng"),
)

# NĐ 30/2020, Phụ lục I, II.3.c: a number not yet registered is left blank for the clerk.
BLANK_NUMBER = " " * 6


ILLUSTRATIVE_NOTE = "DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật"
DRAFT_NOTE = ("BẢN NHÁP – nội dung chép từ sổ năm trước, chưa được xem lại, chưa có số liệu "
              "năm {year}: không dùng để trình ký")


@dataclass(frozen=True)
class BudgetSummary:
    years: tuple[BudgetLine, ...]
    planned_year: int | None
    spent_year: int
    planned_to_date: int | None
    spent_to_date: int
    completion: Decimal | None
    source: Document


@dataclass(frozen=True)
class SupportLine:
    """One row of the list of enterprises supported in the year (Phụ lục II)."""

    name: str
    tax_code: str
    locality: str
    kind: str
    detail: str
    item: str
    amount: int
    funding: str
    what: str  # “Tư vấn áp dụng hệ thống quản lý ISO 9001”: the phrase section I uses too


def build_context(report: Report, results: Results | None = None) -> dict:
    """Return the template context of one report: every field a template may use."""
    fields = {**_text_fields(report), **_indicator_fields(report, results),
              **year_records(report)}
    fields["appendix"] = _appendix_numbers(fields)
    for group in fields["task_groups"]:
        group["has_records"] = any(fields[k] for k in GROUP_RECORDS.get(group["number"], ()))
    return fields


@dataclass(frozen=True)
class AppendixNumbers:
    """Roman number of each appendix printed, "" for one left out."""

    indicators: str
    enterprises: str


def _appendix_numbers(fields: dict) -> AppendixNumbers:
    """Number the appendices present, in order (NĐ 30/2020, Phụ lục I, III.1.a); the list of
    enterprises is printed whenever there are enterprises, even without indicators."""
    present = [key for key, shown in (("indicators", fields["has_indicators"]),
                                      ("enterprises", fields["has_indicators"]
                                       or fields["enterprises"])) if shown]
    return AppendixNumbers(*(("I", "II")[present.index(k)] if k in present else ""
                             for k in ("indicators", "enterprises")))


def _phase_fields(report: Report) -> dict:
    """How the report names its phase (QĐ 1322: 2021-2025, 2026-2030), whether or not the
    province sets indicators: the first year of a phase is “năm 2026”, never “2026-2026”."""
    phase, year = report.phase or phase_of(report.year), report.year
    return {
        "period_start": phase.start,
        "period": phase.label,
        "phase_first_year": year == phase.start,
        "since_start": start_text(phase, with_year=False),
        "since_start_year": start_text(phase, with_year=True),
        "cumulative_since": since_text(phase, year),
        "cumulative_span": span_text(phase.start, year),
        "budget_years": years_text(phase.start, year),
    }


def _indicator_fields(report: Report, results: Results | None) -> dict:
    plan = report.plan_in_force
    lines = list(results.indicators) if results else []
    return {
        "has_indicators": results is not None,
        **_phase_fields(report),
        "indicators": lines,
        "indicator_groups": _indicator_groups(lines),
        "targets_source": plan.targets_source if plan else None,
        "budget": _budget(results, plan) if results else None,
        "enterprises": _enterprises(report),
        "enterprises_total": sum(e.amount for e in _enterprises(report)),
        "appendix_note": _appendix_note(report),
    }


@dataclass(frozen=True)
class IndicatorGroup:
    """The indicators whose targets one document sets: one sentence cites it, then its lines."""

    source: Document
    lines: tuple


def _indicator_groups(lines: list) -> list[IndicatorGroup]:
    sources = list(dict.fromkeys(i.source for i in lines))
    return [IndicatorGroup(d, tuple(i for i in lines if i.source == d)) for d in sources]


def _budget(results: Results, plan) -> BudgetSummary | None:
    from ncnsc_reports.compute.indicators import completion

    years = results.budget
    if not plan.budget:
        return None
    planned = [b.planned for b in years if b.planned is not None]
    planned_to_date = sum(planned) if planned else None
    spent = sum(b.spent for b in years)
    return BudgetSummary(years, years[-1].planned, years[-1].spent, planned_to_date, spent,
                         completion(spent, planned_to_date), plan.budget_source)


def _enterprises(report: Report) -> list[SupportLine]:
    records = report.history.get(report.year)
    rows = records.rows.get("Hỗ trợ doanh nghiệp", []) if records else []
    return [SupportLine(r["name"], r["tax_code"], r["locality"], r["kind"], r["detail"] or "",
                        r["item"], r["amount"], r["funding"], _capital(
                            support_phrase(r["kind"], r["detail"] or "", r["item"])))
            for r in rows]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number_text(report: Report) -> str:
    """“05”, or a blank the records office fills in when it registers the report."""
    return two_digits(report.number) if report.number else BLANK_NUMBER


def _appendix_note(report: Report) -> str:
    """NĐ 30/2020, Phụ lục I, III.1.c: number, date and issuer of the report under a Phụ lục."""
    number = _number_text(report)
    when = date_parts(report.day, report.month, report.sign_year)
    issuer = f" của {report.agency.agency_name}" if report.agency.agency_name else ""
    return f"(Kèm theo Báo cáo số {number}/{report.agency.symbol} {when}{issuer})"


def _spliced(p: Paragraph) -> Paragraph:
    """A paragraph whose text closes the template's run and adds one run per part typed bold
    or italic in Excel (WordprocessingML runs; the template's runs carry no direct format)."""
    if not p.runs or p.attributed != p.text:
        return p  # a unit's paragraph is printed under its name, as plain text
    xml = "".join(
        '</w:t></w:r><w:r>' + (f'<w:rPr>{"<w:b/>" if b else ""}{"<w:i/>" if i else ""}</w:rPr>'
                               if b or i else "")
        + f'<w:t xml:space="preserve">{escape(part)}</w:t></w:r><w:r><w:t xml:space="preserve">'
        for part, b, i in p.runs)
    return replace(p, text=Markup(xml), attributed=Markup(xml))


def _text_fields(report: Report) -> dict:
    s = {name: tuple(map(_spliced, ps)) for name, ps in report.sections.items()}
    return {
        "year": report.year,
        "province": report.province,
        "agency": report.agency,
        "plan": report.plan,
        "amendments": report.amendments,
        "illustrative": report.illustrative,
        "illustrative_note": ILLUSTRATIVE_NOTE,
        "draft_note": DRAFT_NOTE.format(year=report.year) if report.untouched else "",
        "number_text": _number_text(report),
        "place_date": place_date_line(report.agency.place, report.day, report.month,
                                      report.sign_year),
        "opening": s["Mở đầu"],
        "plans_intro": s["I.1.a"],
        "plans_documents": report.documents["I.1.a"],
        "rules_intro": s["I.1.b"],
        "rules_documents": report.documents["I.1.b"],
        "integration": s["I.1.c"],
        "task_groups": [{"number": n, "title": report.headings.get(key, t),
                         "paragraphs": s[key]} for n, key, t in TASK_GROUPS],
        "evaluation": s["II.1"],
        "shortcomings": s["II.2"],
        "causes": s["II.3"],
        "direction": s["III.1"],
        "solutions": s["III.2"],
        "recommendations": s["IV"],
        "empty_group": report.empty_group.replace("{năm}", str(report.year)),
        "recipients": report.recipients,
        "document_title": f"Báo cáo kết quả thực hiện nhiệm vụ năm {report.year} của Chương "
                          f"trình 1322 - {report.agency.place}",
        "document_comment": ILLUSTRATIVE_NOTE if report.illustrative else "",
        "document_company": report.agency.agency_name or report.agency.agency,
    }
