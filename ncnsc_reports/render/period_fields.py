"""Every name the period summary (tong-ket-giai-doan.docx) and the draft plan
(du-thao-ke-hoach.docx) templates see, typed and described once.

Owns `PeriodContext` and `PlanContext` (with `PeriodFrame`, the names they share with each other
and, most, with the yearly report) and the small types only they hold: a task group's facts
year by year, the merger, a former province's part, the plan's task groups.
`period_context` fills them; `ncnsc-report fields --mau tong-ket` (or `du-thao-ke-hoach`) lists
them from these declarations (kinds.Template.described).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ncnsc_reports.render.names import described
from ncnsc_reports.report.model import Agency, Document, Paragraph
from ncnsc_reports.report.period import PlanVersion

if TYPE_CHECKING:
    from ncnsc_reports.compute.next_phase import NextPhase, NextTarget
    from ncnsc_reports.compute.period import PeriodLine, PeriodResults


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
