"""What every name a report template may use means, in Vietnamese, for the template's editor.

Owns the meaning of the attributes of the model's dataclasses, of a loop's `loop.*` and of
every filter in `formatting.FILTERS`; the top-level names are typed and described once, in
`render.report_fields.ReportContext`, and read from it into `TOP_LEVEL` (those of the summary and
the draft plan: `reference.top_level`, so a yearly build loads no period module). Tests fail
when a meaning is missing, so the reference (`ncnsc-report fields`, docs/truong-du-lieu.md)
cannot drift.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from ncnsc_reports.inputs.schema import AGENCY_SETTINGS, LINE_KINDS, PROFILE_PLAN
from ncnsc_reports.render.records import (
    ClassItem,
    Count,
    ExpertItem,
    MediaItem,
    SupportedEnterprise,
    SurveyItem,
)
from ncnsc_reports.render.report_fields import (
    AppendixNumbers,
    IndicatorGroup,
    ReportContext,
    TaskGroup,
)
from ncnsc_reports.report.model import (
    Agency,
    BudgetLine,
    BudgetSummary,
    Document,
    IndicatorLine,
    Paragraph,
    SupportLine,
)


@dataclass(frozen=True)
class Meaning:
    text: str
    of: type | None = None  # a list's element type, or the type of a value that may be None


def _element(hint) -> type | None:
    """Return the type of a list's elements, or of a value that may be None (else None)."""
    args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
    if typing.get_origin(hint) in (list, tuple) or len(args) == 1 and type(None) in \
            typing.get_args(hint):
        return args[0] if args else None
    return None


# Generated from the one description of the context (render.report_fields.ReportContext).
_HINTS = typing.get_type_hints(ReportContext)
TOP_LEVEL: dict[str, Meaning] = {
    f.name: Meaning(f.metadata["meaning"], f.metadata["of"] or _element(_HINTS[f.name]))
    for f in dataclasses.fields(ReportContext)}

_KINDS = ", ".join(f"{v} ({k})" for k, v in LINE_KINDS.items())
ATTRIBUTES: dict[type, dict[str, str]] = {
    Agency: {**{s.key: f"{s.label}. {s.help}".strip() for s in AGENCY_SETTINGS},
             "agency_name": "Tên cơ quan viết thường, dùng trong câu (trống: không ghi).",
             "province_words": "Tên tỉnh, thành phố như câu văn viết, theo Địa danh và Cơ quan "
                               "chủ quản: “tỉnh An Giang”, “thành phố Hải Phòng”."},
    Document: {c.key: c.header + "." for c in PROFILE_PLAN.columns
               if c.key in {f.name for f in dataclasses.fields(Document)}},
    Paragraph: {"kind": f"Kiểu dòng: {_KINDS}.", "text": "Nội dung của đoạn.",
                "label": "Số hoặc chữ đầu đoạn do phần mềm đánh, ví dụ a) hoặc 2.1.",
                "runs": "Các phần chữ đậm, nghiêng gõ trong ô Excel (đã in sẵn trong text).",
                "light": "Đúng với “Tiêu đề nhỏ nghiêng (*)”: tiêu đề nhỏ in nghiêng, không đậm.",
                "unit": "Đơn vị phối hợp gửi đoạn này (phiếu trong thư mục don-vi), ví dụ Sở Công "
                        "Thương; trống với đoạn của Sở KH&CN.",
                "attributed": "Nội dung kèm tên đơn vị gửi (“Sở Công Thương đã tổ chức …”); bằng "
                              "text với đoạn của Sở KH&CN. Dùng text để gộp không ghi tên."},
    IndicatorLine: {
        "code": "Mã chỉ tiêu trong kế hoạch.", "name": "Tên chỉ tiêu.", "unit": "Đơn vị tính.",
        "verb": "Động từ dùng trong câu, ví dụ “hỗ trợ”.",
        "noun": "Danh từ dùng trong câu, ví dụ “doanh nghiệp”.",
        "period_target": "Chỉ tiêu cả giai đoạn (trống nếu không giao).",
        "year_target": "Chỉ tiêu của năm báo cáo (trống nếu không giao).",
        "year_result": "Kết quả trong năm báo cáo.", "cumulative": "Lũy kế từ đầu giai đoạn.",
        "completion": "Tỷ lệ hoàn thành chỉ tiêu giai đoạn, % (trống nếu không tính được); "
                      "in bằng bộ lọc percent.",
        "source": "Văn bản giao chỉ tiêu, hoặc quy định cách tính chỉ tiêu (như plan).",
        "rule": "Cách tính chỉ tiêu giai đoạn theo văn bản, ví dụ “tăng ít nhất 10% so với giai "
                "đoạn 2021-2025”; trống khi chỉ tiêu được ghi thẳng trong văn bản.",
        "derived_from": "Chỉ tiêu giai đoạn trước dùng để tính (trống khi ghi thẳng).",
        "territory": "Tỉnh sắp xếp, kế hoạch của một tỉnh trước sắp xếp: địa bàn tính kết quả, "
                     "ví dụ “tỉnh Tiền Giang (trước sắp xếp)”; trống khi là toàn tỉnh.",
        "whole_year": "Kết quả năm trên toàn địa bàn tỉnh khi khác kết quả trên địa bàn của kế "
                      "hoạch (trống khi như nhau).",
        "whole_cumulative": "Lũy kế trên toàn địa bàn tỉnh khi khác lũy kế trên địa bàn của kế "
                            "hoạch (trống khi như nhau).",
        "placed": "Sai khi kết quả không tách được theo địa bàn (lớp tập huấn sau sắp xếp): "
                  "kết quả là của toàn tỉnh, không tính tỷ lệ đạt."},
    BudgetSummary: {
        "years": "Kinh phí từng năm của giai đoạn đến năm báo cáo.",
        "planned_year": "Kinh phí kế hoạch của năm báo cáo, đồng.",
        "spent_year": "Kinh phí đã chi trong năm báo cáo, đồng.",
        "planned_to_date": "Kinh phí kế hoạch lũy kế, đồng.",
        "spent_to_date": "Kinh phí đã chi lũy kế, đồng.",
        "completion": "Tỷ lệ đã chi so với kế hoạch lũy kế, %.",
        "source": "Văn bản giao kinh phí (như plan)."},
    BudgetLine: {"year": "Năm.", "planned": "Kinh phí kế hoạch của năm, đồng.",
                 "spent": "Kinh phí đã chi trong năm, đồng."},
    SupportLine: {
        "name": "Tên doanh nghiệp.", "tax_code": "Mã số thuế.", "locality": "Huyện, thị xã.",
        "kind": "Loại hỗ trợ.", "detail": "Nội dung chi tiết.", "item": "Hạng mục hỗ trợ.",
        "amount": "Số tiền hỗ trợ, đồng; in bằng bộ lọc number hoặc amount.",
        "funding": "Nguồn kinh phí.",
        "what": "Nội dung hỗ trợ thành câu, ví dụ “Tư vấn áp dụng hệ thống quản lý ISO 9001”."},
    TaskGroup: {
        "number": "Số thứ tự của nhóm, ví dụ 2.1.",
        "title": "Tên nhóm theo QĐ 1322.",
        "paragraphs": "Các đoạn của nhóm (như opening); in bằng {{p paras(group.paragraphs) }}.",
        "has_records": "Đúng khi số liệu của năm có nội dung cho nhóm (2.2: tin bài; 2.3: hỗ "
                       "trợ, khảo sát; 2.4: tập huấn, chuyên gia)."},
    AppendixNumbers: {"indicators": "Số của phụ lục chỉ tiêu, kinh phí (I) hoặc trống.",
                      "enterprises": "Số của phụ lục danh sách doanh nghiệp (I hoặc II) hoặc "
                                     "trống."},
    IndicatorGroup: {"source": "Văn bản giao chỉ tiêu (như plan).",
                     "lines": "Các chỉ tiêu của văn bản (như indicators).",
                     "lead": "Câu dẫn “Kết quả thực hiện các chỉ tiêu … theo …:” (nêu cách tính "
                             "chỉ tiêu giai đoạn sau một lần).",
                     "sentences": "Câu của từng chỉ tiêu (mục II.1), đã có “;” hoặc “.” cuối."},
    Count: {"count": "Số lượng.", "what": "Loại, viết thường, ví dụ “bài viết”."},
    MediaItem: {"kind": "Loại: tin, bài viết, phóng sự, hội nghị.", "title": "Tiêu đề.",
                "published": "Ngày đăng.", "outlet": "Nơi đăng (có thể trống)."},
    ClassItem: {"title": "Tên lớp.", "start": "Từ ngày.", "end": "Đến ngày (có thể trống).",
                "participants": "Số người tham dự.",
                "officials": "Trong đó cán bộ, công chức, viên chức (có thể trống).",
                "managers": "Trong đó cán bộ quản lý doanh nghiệp (có thể trống).",
                "cost": "Kinh phí của lớp, đồng (có thể trống)."},
    ExpertItem: {"name": "Họ và tên.", "unit": "Đơn vị công tác.",
                 "course": "Khóa đào tạo, chứng chỉ (có thể trống)."},
    SurveyItem: {"title": "Nội dung khảo sát.", "date": "Ngày.",
                 "enterprises": "Số doanh nghiệp được khảo sát."},
    SupportedEnterprise: {"name": "Tên doanh nghiệp.", "locality": "Địa bàn.",
                          "what": "Các nội dung hỗ trợ, mỗi phần tử một cụm từ, ví dụ “phí đăng "
                                  "ký mã số mã vạch”.",
                          "amount": "Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng."},
}

# The attributes of what the summary and the draft plan see (kinds.SUMMARY, kinds.DRAFT_PLAN),
# by class name: the classes of compute.period and compute.next_phase are not imported here,
# which would load pandas for every template check (tests compare these with the classes).
_SOURCE = "Văn bản giao chỉ tiêu (như plan)."
PERIOD_ATTRIBUTES: dict[str, dict[str, str]] = {
    "PlanVersion": {
        "document": "Kế hoạch hoặc văn bản sửa đổi (như plan).",
        "effective": "Ngày có hiệu lực.",
        "parts": "Các phần văn bản này thay thế: “Chỉ tiêu”, “Định mức”, “Kinh phí”.",
        "is_plan": "Đúng với kế hoạch, sai với văn bản sửa đổi."},
    "Merger": {
        "date": "Ngày tỉnh mới được thành lập, ví dụ 01/7/2025.",
        "until": "Ngày cuối của các tỉnh cũ (ngày trước date).",
        "names": "Các tỉnh hợp nhất, ví dụ “tỉnh Kiên Giang (trước sắp xếp)”.",
        "counted": "Các tỉnh trước sắp xếp có số liệu các năm, đã được cộng.",
        "notes": "Câu của văn thư cho mỗi tỉnh trước sắp xếp không có số liệu (hồ sơ tỉnh, "
                 "trang “Hình thành”, cột “Câu khi không có số liệu”)."},
    "FormerPart": {
        "words": "Tỉnh trước sắp xếp, ví dụ “tỉnh Kiên Giang (trước sắp xếp)”.",
        "plan": "Kế hoạch của tỉnh đó (hồ sơ tỉnh trong thư mục số liệu của tỉnh).",
        "amendments": "Các văn bản sửa đổi kế hoạch đó.",
        "indicators": "Các chỉ tiêu của kế hoạch đó trên địa bàn của tỉnh (như indicators).",
        "spent_total": "Kinh phí đã sử dụng trên địa bàn đó cả giai đoạn, đồng.",
        "planned_total": "Dự toán cả giai đoạn theo kế hoạch đó, đồng (trống nếu không giao).",
        "budget_completion": "Kinh phí đã sử dụng / dự toán, %.",
        "budget_source": "Văn bản giao kinh phí; trống khi kế hoạch không giao kinh phí.",
        "table": "Số của bảng chỉ tiêu của tỉnh đó (Bảng 2, …)."},
    "PeriodTaskGroup": {
        "number": "Số thứ tự của nhóm, ví dụ 1.3.", "title": "Tên nhóm theo QĐ 1322.",
        "years": "Các năm có kết quả hoặc đoạn văn mang từ báo cáo năm.",
        "paragraphs": "Các đoạn tổng kết cả giai đoạn của nhóm (sổ tổng kết, mục II.1.1 … "
                      "II.1.6)."},
    "PlanTasks": {
        "number": "Số thứ tự của nhóm trong mục III của dự thảo kế hoạch (1 … 6).",
        "title": "Tên nhóm theo QĐ 1322.",
        "paragraphs": "Các đoạn của nhóm (sổ tổng kết, mục KH.III.1 … KH.III.6)."},
    "GroupYear": {
        "year": "Năm.", "facts": "Các kết quả đếm được của nhóm trong năm.",
        "paragraphs": "Các đoạn của nhóm trong báo cáo năm đó (trang “Mang từ báo cáo năm”)."},
    "Fact": {"verb": "Động từ, ví dụ “hỗ trợ”.", "value": "Số lượng.",
             "noun": "Danh từ, ví dụ “doanh nghiệp”."},
    "PeriodLine": {
        "code": "Mã chỉ tiêu trong kế hoạch.", "name": "Tên chỉ tiêu.", "unit": "Đơn vị tính.",
        "verb": "Động từ dùng trong câu, ví dụ “hỗ trợ”.",
        "noun": "Danh từ dùng trong câu, ví dụ “doanh nghiệp”.",
        "measure": "Cách đếm kết quả (trang “Chỉ tiêu” của hồ sơ tỉnh).",
        "period_target": "Chỉ tiêu cả giai đoạn (trống nếu không giao).",
        "results": "Kết quả từng năm của giai đoạn, theo thứ tự years (trống: năm sau kỳ sơ kết).",
        "cumulative": "Lũy kế các năm báo cáo.",
        "completion": "Tỷ lệ lũy kế / chỉ tiêu giai đoạn, % (trống nếu không giao chỉ tiêu).",
        "met": "Đúng khi đạt chỉ tiêu, sai khi chưa đạt, trống khi không giao chỉ tiêu.",
        "source": _SOURCE,
        "placed": "Sai khi kết quả không tách được theo địa bàn của kế hoạch (khảo sát sau "
                  "ngày sắp xếp): số là của toàn tỉnh, không có tỷ lệ đạt."},
    "PeriodResults": {
        "phase_years": "Các năm của giai đoạn.",
        "period": "Các năm báo cáo (start, end; label là “2021-2025”).",
        "indicators": "Các chỉ tiêu (như indicators).",
        "budget": "Kinh phí từng năm của các năm báo cáo.",
        "planned_total": "Tổng dự toán theo kế hoạch, đồng (trống nếu kế hoạch không ghi số).",
        "spent_total": "Tổng kinh phí đã sử dụng, đồng.",
        "budget_completion": "Tỷ lệ đã sử dụng / dự toán, %.",
        "former": "Tỉnh sắp xếp: kết quả theo kế hoạch của từng tỉnh trước sắp xếp khác (dùng "
                  "former_parts).",
        "total": "Tỉnh sắp xếp: kết quả trên toàn địa bàn tỉnh (dùng merged_total)."},
    "Phase": {"start": "Năm đầu.", "end": "Năm cuối."},
    "BudgetYear": {"year": "Năm.", "planned": "Dự toán theo kế hoạch của năm, đồng.",
                   "spent": "Kinh phí đã sử dụng trong năm, đồng.",
                   "rate": "Tỷ lệ đã sử dụng / dự toán của năm, %."},
    "NextTarget": {
        "code": "Mã chỉ tiêu.", "name": "Tên chỉ tiêu.", "unit": "Đơn vị tính.",
        "verb": "Động từ dùng trong câu.", "noun": "Danh từ dùng trong câu.",
        "previous_target": "Chỉ tiêu giai đoạn trước (trống nếu không giao).",
        "previous_result": "Kết quả thực hiện giai đoạn trước.",
        "base": "Căn cứ tính theo cách đã chọn (chỉ tiêu, kết quả hoặc số lớn hơn).",
        "percent": "Tỷ lệ so với căn cứ, %.",
        "exact": "Căn cứ × tỷ lệ, trước khi làm tròn.",
        "target": "Chỉ tiêu giai đoạn sau (làm tròn lên số nguyên).",
        "trace": "Tỉnh sắp xếp: chỉ tiêu của từng tỉnh trước sắp xếp và kết quả toàn tỉnh đã "
                 "dùng làm căn cứ (ghi ở du-thao-chi-tieu.xlsx)."},
    "NextBudgetYear": {
        "year": "Năm của giai đoạn sau.", "amount": "Kinh phí dự kiến, đồng.",
        "from_rule": "Đúng khi tính theo quy tắc (bình quân năm đã sử dụng × tỷ lệ), sai khi "
                     "ghi trong sổ tổng kết (trang “Kinh phí giai đoạn sau”)."},
    "NextPhase": {
        "phase": "Giai đoạn sau (năm đầu, năm cuối).", "rule": "Cách tính chỉ tiêu đã chọn.",
        "percent": "Tỷ lệ so với căn cứ, %.", "targets": "Các chỉ tiêu (như targets).",
        "budget": "Kinh phí dự kiến từng năm.", "budget_total": "Tổng kinh phí dự kiến, đồng.",
        "average_spent": "Kinh phí đã sử dụng bình quân một năm của giai đoạn vừa qua, đồng."},
}


LOOP_ATTRIBUTES: dict[str, str] = {
    "index": "Số thứ tự của lượt lặp, từ 1.", "index0": "Số thứ tự của lượt lặp, từ 0.",
    "first": "Đúng ở lượt đầu tiên.", "last": "Đúng ở lượt cuối cùng.",
    "length": "Số phần tử của danh sách.", "revindex": "Số lượt còn lại, kể cả lượt này.",
    "revindex0": "Số lượt còn lại, không kể lượt này.", "previtem": "Phần tử của lượt trước.",
    "nextitem": "Phần tử của lượt sau.", "cycle": "Luân phiên giữa các giá trị đưa vào.",
    "depth": "Độ sâu (vòng lặp đệ quy), từ 1.", "depth0": "Độ sâu, từ 0.",
    "changed": "Đúng khi giá trị khác lượt trước.",
}

# Each filter: its meaning and an example tag whose output is computed from the sample.
FILTER_MEANINGS: dict[str, tuple[str, str]] = {
    "short_date": ("Ngày dạng ngắn dùng khi trích dẫn (NĐ 30/2020).", "plan.issued|short_date"),
    "long_date": ("Ngày dạng “ngày … tháng … năm …”.", "plan.issued|long_date"),
    "number": ("Số có dấu chấm ngăn nghìn, dấu phẩy thập phân; số chữ số thập phân đặt trong "
               "ngoặc.", "1234567.891|number(2)"),
    "percent": ("Tỷ lệ phần trăm, một chữ số thập phân (hoặc số đặt trong ngoặc).",
                "66.666|percent"),
    "rate": ("Tỷ lệ như cán bộ viết: một chữ số thập phân, bỏ “,0” (100; 66,7); viết thêm "
             "“%” trong câu.", "66.666|rate"),
    "two_digits": ("Số đếm từ 1 đến 9 viết hai chữ số.", "plans_documents|length|two_digits"),
    "words": ("Số viết bằng chữ.", "year|words"),
    "amount_words": ("Số tiền bằng chữ, viết hoa chữ đầu, kèm “đồng”.", "3260800000|amount_words"),
    "amount": ("Số tiền bằng số rồi bằng chữ trong ngoặc.", "3260800000|amount"),
    "cite": ("Trích dẫn đầy đủ một văn bản (lần đầu nhắc đến).", "plan|cite"),
    "cite_short": ("Trích dẫn ngắn một văn bản (những lần sau).", "plan|cite_short"),
    "cite_after": ("Trích dẫn đầy đủ một văn bản mà trích yếu nhắc lại văn bản đặt trong ngoặc "
                   "(đã trích đầy đủ trước đó): trích yếu dừng ở số, ký hiệu của văn bản ấy.",
                   "plan|cite_after(plan)"),
}
