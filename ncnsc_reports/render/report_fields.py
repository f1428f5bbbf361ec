"""Every name the yearly report template (bao-cao-nam.docx) sees, typed and described once.

Owns `ReportContext` and the small types only it holds (`TaskGroup`, `IndicatorGroup`,
`AppendixNumbers`):
`context.build_context` fills each field, `render.names` makes the dict docxtpl renders with,
and the field reference (`ncnsc-report fields`, the template checker's shapes) is generated
from these declarations (template_check.meanings).
"""

from __future__ import annotations

from dataclasses import dataclass

from ncnsc_reports.render.names import described
from ncnsc_reports.render.records import (
    ClassItem,
    Count,
    ExpertItem,
    MediaItem,
    SupportedEnterprise,
    SurveyItem,
)
from ncnsc_reports.report.model import (
    Agency,
    BudgetSummary,
    Document,
    IndicatorLine,
    Paragraph,
    SupportLine,
)


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
class TaskGroup:
    """One group of tasks and solutions of QĐ 1322 in section I.2: the clerk's paragraphs and
    whether the year's records give it lines of its own (render/records.py GROUP_RECORDS)."""

    number: str  # “2.1” … “2.6”
    title: str
    paragraphs: tuple[Paragraph, ...]
    has_records: bool = False


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
    task_groups: list[TaskGroup] = described(
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
    other_plans: tuple[Document, ...] = described(
        "Tỉnh hình thành do sắp xếp, khi kế hoạch của tỉnh chỉ áp dụng trên địa bàn một tỉnh "
        "trước sắp xếp: kế hoạch (và văn bản sửa đổi) đang áp dụng trên địa bàn mỗi tỉnh trước "
        "sắp xếp khác (hồ sơ tỉnh trong thư mục số liệu của tỉnh đó), trích dẫn ở câu mở đầu "
        "sau kế hoạch của tỉnh; trống khi không có.", of=Document)
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
