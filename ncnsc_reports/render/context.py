"""The one function that builds what the report template sees (style: mkdocs' page context).

Templates never compute: every value arrives here ready, and numbers or dates are turned into
text only through the named filters of `formatting`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ncnsc_reports.formatting import date_parts, format_number, place_date_line, two_digits
from ncnsc_reports.inputs.records import Support
from ncnsc_reports.render import sentences
from ncnsc_reports.render.records import (
    GROUP_RECORDS,
    support_phrase,
    year_records,
)
from ncnsc_reports.render.report_fields import (
    AppendixNumbers,
    IndicatorGroup,
    ReportContext,
    TaskGroup,
)
from ncnsc_reports.render.territory_text import (
    appendix_territory,
    programme_note,
    province_kind,
    territory_note,
)
from ncnsc_reports.report.model import (
    IndicatorLine,
    Paragraph,
    Report,
    SupportLine,
)
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


def build_context(report: Report, results: Results | None = None) -> ReportContext:
    """Return the template context of one report: every field a template may use, typed (a
    name missing or not described fails here, at once); `render` makes it a dict last."""
    values = {**_text_fields(report), **_indicator_fields(report, results),
              **year_records(report)}
    values["appendix"] = _appendix_numbers(values)
    values["task_groups"] = [
        replace(group, has_records=any(values[k] for k in GROUP_RECORDS.get(group.number, ())))
        for group in values["task_groups"]]
    return ReportContext(**values)


def _appendix_numbers(values: dict) -> AppendixNumbers:
    """Number the appendices present, in order (NĐ 30/2020, Phụ lục I, III.1.a); the list of
    enterprises is printed whenever there are enterprises, even without indicators."""
    present = [key for key, shown in (("indicators", values["has_indicators"]),
                                      ("enterprises", values["has_indicators"]
                                       or values["enterprises"])) if shown]
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
    money = _money_sentence(report, results)
    return {
        "has_indicators": results is not None,
        **_phase_fields(report),
        "indicators": [replace(i, name=sentences.TARGET_NOTE.sub("", i.name)) for i in lines],
        "appendix_targets": {i.code: _target_cell(i) for i in lines},
        "indicator_groups": _indicator_groups(report, lines, money),
        "money_sentence": money,
        "territory_note": territory_note(report, results),
        "programme_note": programme_note(report, results),
        "since_programme": bool(results and results.programme),
        "appendix_territory": appendix_territory(results, province_kind(report)),
        "has_year_targets": any(i.year_target is not None for i in lines),
        "targets_source": plan.targets_source if plan else None,
        "budget": results.budget_summary if results else None,
        "enterprises": _enterprises(report),
        "enterprises_total": sum(e.amount for e in _enterprises(report)),
        "appendix_note": _appendix_note(report),
    }


def _target_cell(line: IndicatorLine) -> str:
    """“trên 33” in Phụ lục I (issue 22, review M5); II.1 says the same (render/sentences.py)."""
    if line.period_target is None:
        return ""
    return sentences.target_qualifier(line) + format_number(line.period_target)


def _indicator_groups(report: Report, lines: list, money: str,
                      appendix: str = "I") -> list[IndicatorGroup]:
    """The indicators by the document setting their targets, each with its lead-in and its
    sentences (render/sentences.py); the last item ends with “;” when the money item follows
    (review L4)."""
    sources = list(dict.fromkeys(i.source for i in lines))
    if not sources:
        return []
    phase = _phase_fields(report)
    measures = {i.code: i.measure for i in report.plan_in_force.indicators}
    groups = []
    for number, source in enumerate(sources, 1):
        own = tuple(i for i in lines if i.source == source)
        rules = {i.rule for i in own}
        said_once = len(rules) == 1 and "" not in rules
        texts = [sentences.indicator_sentence(
            i, measures[i.code], report.year, phase["phase_first_year"],
            phase["cumulative_since"], with_rule=not said_once, kind=province_kind(report))
            for i in own]
        last = "." if number < len(sources) or not money else ";"
        texts = [t + (last if k == len(texts) - 1 else ";") for k, t in enumerate(texts)]
        groups.append(IndicatorGroup(source, own, sentences.lead_in(
            phase["period"], source, rules if said_once else set(), appendix), tuple(texts)))
    return groups


def _money_sentence(report: Report, results: Results | None) -> str:
    """“Về kinh phí: …”, also without a dự toán (review M4): what was spent, on what."""
    if results is None:
        return ""
    plan = report.plan_in_force
    phase = _phase_fields(report)
    source = results.budget_summary.source if results.budget_summary else None
    # by purpose on the basis of the spent figure, computed with it (compute.indicators)
    return sentences.money_sentence(results.budget, results.spending, source,
                                    plan.targets_source if plan else None,
                                    phase["cumulative_since"], phase["budget_years"],
                                    province_kind(report))



def _enterprises(report: Report) -> list[SupportLine]:
    records = report.history.get(report.year)
    rows = records.typed(Support) if records else ()
    return [SupportLine(r.name, r.tax_code, r.locality, r.kind, r.detail or "", r.item,
                        r.amount, r.funding,
                        _capital(support_phrase(r.kind, r.detail or "", r.item, r.amount)))
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
        # domain.md §7: each former territory's own plan in force, cited beside the province's
        "other_plans": tuple(d for o in report.other_plans if o.plan for d in o.plan.documents),
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
        "task_groups": [TaskGroup(n, report.headings.get(key, t), s[key])
                        for n, key, t in TASK_GROUPS],
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
