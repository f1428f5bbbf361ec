"""The one function that builds what the report template sees (style: mkdocs' page context).

Templates never compute: every value arrives here ready, and numbers or dates are turned into
text only through the named filters of `formatting`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ncnsc_reports.formatting import date_parts, format_number, place_date_line, two_digits
from ncnsc_reports.inputs.schema import YEAR_SUPPORT
from ncnsc_reports.render import sentences
from ncnsc_reports.render.records import (
    GROUP_RECORDS,
    ClassItem,
    Count,
    ExpertItem,
    MediaItem,
    SupportedEnterprise,
    SurveyItem,
    support_phrase,
    year_records,
)
from ncnsc_reports.render.territory_text import (
    appendix_territory,
    programme_note,
    territory_note,
)
from ncnsc_reports.report.model import (
    Agency,
    BudgetSummary,
    Document,
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


def described(meaning: str, of: type | None = None, **default):
    """A field of a template's context, with what it means for the template's editor; `of`
    names the type of a value whose members the template reads, when the type hint does not
    say it; `default=` for a name added after the context is built (a chart's caption)."""
    return field(metadata={"meaning": meaning, "of": of}, **default)


def _section(label: str, name: str):
    return described(f"Các đoạn của mục {label} (trang “Nội dung”); in bằng "
                      f"{{{{p paras({name}) }}}}.")


@dataclass(frozen=True)
class IndicatorGroup:
    """The indicators whose targets one document sets: one sentence cites it, then its lines."""

    source: Document
    lines: tuple
    lead: str = ""  # “Kết quả thực hiện các chỉ tiêu … theo …:” (render/sentences.py)
    sentences: tuple[str, ...] = ()  # one item of II.1 per line, punctuated


@dataclass(frozen=True)
class AppendixNumbers:
    """Roman number of each appendix printed, "" for one left out."""

    indicators: str
    enterprises: str


@dataclass(frozen=True)
class ReportContext:
    """Every name a report template sees, typed and described once:
    `build_context` must fill each (a missing or extra name fails at once), and the reference
    (`ncnsc-report fields`, the template checker's shapes) is generated from these fields."""

    year: int = described("Năm báo cáo.")
    province: str = described("Tên thư mục tỉnh, ví dụ hung-yen (không in trong báo cáo).")
    agency: Agency = described("Cơ quan ban hành và người ký (hồ sơ tỉnh, trang “Cơ quan”).")
    plan: Document = described(
        "Kế hoạch của tỉnh thực hiện Chương trình 1322 (hồ sơ tỉnh, trang “Kế hoạch”)."
    )
    number_text: str = described("Số của báo cáo, hai chữ số; để trống cho văn thư ghi tay.")
    place_date: str = described("Dòng địa danh, ngày tháng năm ký.")
    opening: tuple[Paragraph, ...] = _section("Mở đầu", "opening")
    plans_intro: tuple[Paragraph, ...] = _section("I.1.a", "plans_intro")
    plans_documents: tuple[Document, ...] = described("Văn bản của mục I.1.a (trang “Văn bản”).")
    rules_intro: tuple[Paragraph, ...] = _section("I.1.b", "rules_intro")
    rules_documents: tuple[Document, ...] = described("Văn bản của mục I.1.b (trang “Văn bản”).")
    integration: tuple[Paragraph, ...] = _section("I.1.c", "integration")
    task_groups: list[dict] = described(
        "Sáu nhóm nhiệm vụ, giải pháp của QĐ 1322 (mục I.2), theo thứ tự."
    )
    evaluation: tuple[Paragraph, ...] = _section("II.1", "evaluation")
    shortcomings: tuple[Paragraph, ...] = _section("II.2", "shortcomings")
    causes: tuple[Paragraph, ...] = _section("II.3", "causes")
    direction: tuple[Paragraph, ...] = _section("III.1", "direction")
    solutions: tuple[Paragraph, ...] = _section("III.2", "solutions")
    recommendations: tuple[Paragraph, ...] = _section("IV", "recommendations")
    empty_group: str = described(
        "Câu in khi một mục không có nội dung (trang “Thông tin chung”); trống thì mẫu tự đặt "
        "câu."
    )
    recipients: tuple[str, ...] = described(
        "Các nơi nhận, mỗi phần tử một dòng (chưa có “- ” và “;”)."
    )
    document_title: str = described("Tiêu đề ghi vào thuộc tính của tệp Word.")
    document_comment: str = described("Ghi chú ghi vào thuộc tính của tệp Word.")
    document_company: str = described("Tên cơ quan ghi vào thuộc tính “Company” của tệp Word.")
    amendments: tuple[Document, ...] = described(
        "Các văn bản sửa đổi, bổ sung kế hoạch của tỉnh."
    )
    illustrative: bool = described(
        "Đúng khi số liệu chỉ tiêu là dữ liệu minh họa, không phải thật."
    )
    illustrative_note: str = described("Dòng ghi chú in khi số liệu là dữ liệu minh họa.")
    draft_note: str = described(
        "Dòng “BẢN NHÁP …” khi sổ của năm chỉ có nội dung chép từ năm trước, chưa xem lại dòng "
        "nào; trống khi không phải bản nháp."
    )
    has_indicators: bool = described(
        "Đúng khi có kế hoạch dạng dữ liệu và số liệu chỉ tiêu (sổ chi-tieu.xlsx); sai thì bỏ "
        "các phần chỉ tiêu."
    )
    period_start: int = described("Năm đầu của giai đoạn của năm báo cáo (2021 hoặc 2026).")
    period: str = described("Giai đoạn của năm báo cáo, ví dụ 2026-2030.")
    phase_first_year: bool = described(
        "Đúng khi năm báo cáo là năm đầu giai đoạn (2021, 2026): không có lũy kế nhiều năm."
    )
    since_start: str = described(
        "“từ đầu Chương trình” (2021-2025) hoặc “từ đầu giai đoạn 2026-2030”, dùng ở tên mục "
        "II."
    )
    since_start_year: str = described(
        "Như since_start, kèm năm: “từ đầu giai đoạn 2026-2030 (năm 2026)”, dùng ở mục II.1 "
        "từ năm thứ hai của giai đoạn (năm đầu, mục II.1 chỉ ghi “trong năm 2026”)."
    )
    cumulative_since: str = described(
        "Khoảng lũy kế trong câu: “từ năm 2021 đến hết năm 2023”; năm đầu giai đoạn: “năm "
        "2026 (năm đầu giai đoạn 2026-2030)”."
    )
    cumulative_span: str = described("Khoảng lũy kế ở tiêu đề bảng: “2021-2023” hoặc “năm 2026”.")
    budget_years: str = described(
        "Các năm của dự toán lũy kế: “các năm 2021-2023” hoặc “năm 2026”."
    )
    indicator_groups: list[IndicatorGroup] = described(
        "Các chỉ tiêu gom theo văn bản giao chỉ tiêu: mỗi nhóm một câu dẫn “theo …” rồi các "
        "dòng."
    )
    money_sentence: str = described(
        "Câu “Về kinh phí: …” của mục II.1 (đã có dấu chấm cuối): dự toán, đã sử dụng theo "
        "từng nội dung chi cộng đúng bằng tổng; kế hoạch chỉ áp dụng trên địa bàn một tỉnh "
        "trước sắp xếp thì tính trên địa bàn đó, kèm câu về toàn địa bàn tỉnh; trống khi không "
        "có chỉ tiêu."
    )
    indicators: list[IndicatorLine] = described(
        "Các chỉ tiêu của kế hoạch với kết quả năm và lũy kế."
    )
    appendix_targets: dict[str, str] = described(
        "Ô “Chỉ tiêu giai đoạn” của Phụ lục I theo mã chỉ tiêu: “33”, hoặc “trên 33” khi tên "
        "chỉ tiêu ghi “(chỉ tiêu: trên {chỉ tiêu})” (tên in trong bảng bỏ phần ngoặc đó)."
    )
    territory_note: str = described(
        "Câu in trước các chỉ tiêu (mục II.1) khi kế hoạch chỉ áp dụng trên địa bàn một tỉnh "
        "trước sắp xếp mà kết quả có ở địa bàn khác: kế hoạch áp dụng ở đâu, tỷ lệ đạt tính "
        "trên địa bàn nào; trống khi không cần."
    )
    programme_note: str = described(
        "Giai đoạn sau (2026-2030): câu nhắc kết quả giai đoạn trước và lũy kế từ đầu Chương "
        "trình (năm 2021) của các chỉ tiêu có ở cả hai giai đoạn, in ngay dưới tên mục II; "
        "trống khi không có số liệu giai đoạn trước."
    )
    since_programme: bool = described(
        "Đúng khi có programme_note: tên mục II nêu lũy kế từ đầu Chương trình (seed 004)."
    )
    appendix_territory: str = described(
        "Dòng dưới tên Phụ lục chỉ tiêu khi kế hoạch chỉ áp dụng trên địa bàn một tỉnh trước "
        "sắp xếp: kết quả, tỷ lệ đạt tính trên địa bàn đó, số trong ngoặc là của toàn tỉnh."
    )
    has_year_targets: bool = described(
        "Đúng khi ít nhất một chỉ tiêu có chỉ tiêu riêng của năm báo cáo; sai thì Phụ lục I "
        "in bảng không có cột “Chỉ tiêu năm”."
    )
    budget: BudgetSummary | None = described(
        "Kinh phí kế hoạch và đã chi; trống khi kế hoạch không giao kinh phí."
    )
    enterprises: list[SupportLine] = described("Doanh nghiệp được hỗ trợ trong năm (Phụ lục II).")
    appendix_note: str = described("Dòng “(Kèm theo Báo cáo số … ngày …)” dưới tên phụ lục.")
    appendix: AppendixNumbers = described(
        "Số La Mã của từng phụ lục được in (trống: không in).",
        of=AppendixNumbers,
    )
    targets_source: Document | None = described(
        "Văn bản giao chỉ tiêu đang dùng (như plan); trống khi không có chỉ tiêu."
    )
    enterprises_total: int = described(
        "Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng (dòng “Tổng cộng” của danh sách "
        "doanh nghiệp)."
    )
    media: list[MediaItem] = described(
        "Tin, bài trong năm (trang “Tin bài”), liệt kê ở mục I.2.2."
    )
    media_counts: list[Count] = described(
        "Số tin, bài theo từng loại, ví dụ 02 tin, 01 bài viết."
    )
    classes: list[ClassItem] = described(
        "Lớp tập huấn trong năm (trang “Tập huấn”), liệt kê ở mục I.2.4."
    )
    trainees: int = described("Tổng số lượt người tham dự các lớp tập huấn trong năm.")
    experts: list[ExpertItem] = described(
        "Chuyên gia năng suất được đào tạo trong năm (trang “Chuyên gia”)."
    )
    surveys: list[SurveyItem] = described(
        "Các đợt khảo sát doanh nghiệp trong năm (trang “Khảo sát”)."
    )
    supported: list[SupportedEnterprise] = described(
        "Doanh nghiệp được hỗ trợ trong năm, mỗi doanh nghiệp một phần tử với mọi nội dung hỗ "
        "trợ (liệt kê ở mục I.2.3)."
    )
    support_total: int = described("Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng.")


def build_context(report: Report, results: Results | None = None) -> ReportContext:
    """Return the template context of one report: every field a template may use, typed (a
    name missing or not described fails here, at once); `render` makes it a dict last."""
    values = {**_text_fields(report), **_indicator_fields(report, results),
              **year_records(report)}
    values["appendix"] = _appendix_numbers(values)
    values["task_groups"] = [
        {**group, "has_records": any(values[k] for k in GROUP_RECORDS.get(group["number"], ()))}
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
        "indicators": [replace(i, name=_TARGET_NOTE.sub("", i.name)) for i in lines],
        "appendix_targets": {i.code: _target_cell(i) for i in lines},
        "indicator_groups": _indicator_groups(report, lines, money),
        "money_sentence": money,
        "territory_note": territory_note(report, results),
        "programme_note": programme_note(report, results),
        "since_programme": bool(results and results.programme),
        "appendix_territory": appendix_territory(results),
        "has_year_targets": any(i.year_target is not None for i in lines),
        "targets_source": plan.targets_source if plan else None,
        "budget": results.budget_summary if results else None,
        "enterprises": _enterprises(report),
        "enterprises_total": sum(e.amount for e in _enterprises(report)),
        "appendix_note": _appendix_note(report),
    }


# “(chỉ tiêu: trên 33)” at the end of a profile's indicator name: the qualifier belongs in the
# target cell of Phụ lục I, not beside a target cell saying “33” (issue 22, review M5).
_TARGET_NOTE = re.compile(r"\s*\(chỉ tiêu:\s*([^()]*?)\s*[\d.]+\)\s*$")


def _target_cell(line: IndicatorLine) -> str:
    if line.period_target is None:
        return ""
    note = _TARGET_NOTE.search(line.name)
    qualifier = f"{note.group(1)} " if note and note.group(1) else ""
    return qualifier + format_number(line.period_target)


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
            phase["cumulative_since"], with_rule=not said_once) for i in own]
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
                                    phase["cumulative_since"], phase["budget_years"])


def _enterprises(report: Report) -> list[SupportLine]:
    records = report.history.get(report.year)
    rows = records.rows.get(YEAR_SUPPORT.name, []) if records else []
    return [SupportLine(r["name"], r["tax_code"], r["locality"], r["kind"], r["detail"] or "",
                        r["item"], r["amount"], r["funding"], _capital(
                            support_phrase(r["kind"], r["detail"] or "", r["item"],
                                              r["amount"])))
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
