"""What every name a report template may use means, in Vietnamese, for the template's editor.

Owns the meaning of every name `context.build_context` returns, of the attributes of the
model's dataclasses, of a loop's `loop.*` and of every filter in `formatting.FILTERS`. Tests
fail when a meaning is missing, so the reference (`ncnsc-report fields`,
docs/truong-du-lieu.md) cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ncnsc_reports.inputs.schema import AGENCY_SETTINGS, LINE_KINDS, PROFILE_PLAN
from ncnsc_reports.render.context import (
    AppendixNumbers,
    BudgetSummary,
    IndicatorGroup,
    SupportLine,
)
from ncnsc_reports.render.records import (
    ClassItem,
    Count,
    ExpertItem,
    MediaItem,
    SupportedEnterprise,
    SurveyItem,
)
from ncnsc_reports.report.model import Agency, BudgetLine, Document, IndicatorLine, Paragraph


@dataclass(frozen=True)
class Meaning:
    text: str
    of: type | None = None  # a list's element type, or the type of a value that may be None


_SECTION = "Các đoạn của mục {} (trang “Nội dung”); in bằng {{{{p paras({}) }}}}."
TOP_LEVEL: dict[str, Meaning] = {
    "year": Meaning("Năm báo cáo."),
    "province": Meaning("Tên thư mục tỉnh, ví dụ hung-yen (không in trong báo cáo)."),
    "agency": Meaning("Cơ quan ban hành và người ký (hồ sơ tỉnh, trang “Cơ quan”)."),
    "plan": Meaning("Kế hoạch của tỉnh thực hiện Chương trình 1322 (hồ sơ tỉnh, trang "
                    "“Kế hoạch”)."),
    "number_text": Meaning("Số của báo cáo, hai chữ số; để trống cho văn thư ghi tay."),
    "place_date": Meaning("Dòng địa danh, ngày tháng năm ký."),
    "opening": Meaning(_SECTION.format("Mở đầu", "opening"), Paragraph),
    "plans_intro": Meaning(_SECTION.format("I.1.a", "plans_intro"), Paragraph),
    "plans_documents": Meaning("Văn bản của mục I.1.a (trang “Văn bản”).", Document),
    "rules_intro": Meaning(_SECTION.format("I.1.b", "rules_intro"), Paragraph),
    "rules_documents": Meaning("Văn bản của mục I.1.b (trang “Văn bản”).", Document),
    "integration": Meaning(_SECTION.format("I.1.c", "integration"), Paragraph),
    "task_groups": Meaning("Sáu nhóm nhiệm vụ, giải pháp của QĐ 1322 (mục I.2), theo thứ tự.",
                           dict),
    "evaluation": Meaning(_SECTION.format("II.1", "evaluation"), Paragraph),
    "shortcomings": Meaning(_SECTION.format("II.2", "shortcomings"), Paragraph),
    "causes": Meaning(_SECTION.format("II.3", "causes"), Paragraph),
    "direction": Meaning(_SECTION.format("III.1", "direction"), Paragraph),
    "solutions": Meaning(_SECTION.format("III.2", "solutions"), Paragraph),
    "recommendations": Meaning(_SECTION.format("IV", "recommendations"), Paragraph),
    "empty_group": Meaning("Câu in khi một mục không có nội dung (trang “Thông tin chung”); "
                           "trống thì mẫu tự đặt câu."),
    "recipients": Meaning("Các nơi nhận, mỗi phần tử một dòng (chưa có “- ” và “;”).", str),
    "document_title": Meaning("Tiêu đề ghi vào thuộc tính của tệp Word."),
    "document_comment": Meaning("Ghi chú ghi vào thuộc tính của tệp Word."),
    "document_company": Meaning("Tên cơ quan ghi vào thuộc tính “Company” của tệp Word."),
    "amendments": Meaning("Các văn bản sửa đổi, bổ sung kế hoạch của tỉnh.", Document),
    "illustrative": Meaning("Đúng khi số liệu chỉ tiêu là dữ liệu minh họa, không phải thật."),
    "illustrative_note": Meaning("Dòng ghi chú in khi số liệu là dữ liệu minh họa."),
    "draft_note": Meaning("Dòng “BẢN NHÁP …” khi sổ của năm chỉ có nội dung chép từ năm "
                          "trước, chưa xem lại dòng nào; trống khi không phải bản nháp."),
    "has_indicators": Meaning("Đúng khi có kế hoạch dạng dữ liệu và số liệu chỉ tiêu (sổ "
                              "chi-tieu.xlsx); sai thì bỏ các phần chỉ tiêu."),
    "period_start": Meaning("Năm đầu của giai đoạn của năm báo cáo (2021 hoặc 2026)."),
    "period": Meaning("Giai đoạn của năm báo cáo, ví dụ 2026-2030."),
    "phase_first_year": Meaning("Đúng khi năm báo cáo là năm đầu giai đoạn (2021, 2026): "
                                "không có lũy kế nhiều năm."),
    "since_start": Meaning("“từ đầu Chương trình” (2021-2025) hoặc “từ đầu giai đoạn "
                           "2026-2030”, dùng ở tên mục II."),
    "since_start_year": Meaning("Như since_start, kèm năm: “từ đầu giai đoạn 2026-2030 (năm "
                                "2026)”, dùng ở mục II.1."),
    "cumulative_since": Meaning("Khoảng lũy kế trong câu: “từ năm 2021 đến hết năm 2023”; năm "
                                "đầu giai đoạn: “từ đầu giai đoạn 2026-2030 đến hết năm 2026”."),
    "cumulative_span": Meaning("Khoảng lũy kế ở tiêu đề bảng: “2021-2023” hoặc “năm 2026”."),
    "budget_years": Meaning("Các năm của dự toán lũy kế: “các năm 2021-2023” hoặc “năm 2026”."),
    "indicator_groups": Meaning("Các chỉ tiêu gom theo văn bản giao chỉ tiêu: mỗi nhóm một câu "
                                "dẫn “theo …” rồi các dòng.", IndicatorGroup),
    "indicators": Meaning("Các chỉ tiêu của kế hoạch với kết quả năm và lũy kế.", IndicatorLine),
    "budget": Meaning("Kinh phí kế hoạch và đã chi; trống khi kế hoạch không giao kinh phí.",
                      BudgetSummary),
    "enterprises": Meaning("Doanh nghiệp được hỗ trợ trong năm (Phụ lục II).", SupportLine),
    "appendix_note": Meaning("Dòng “(Kèm theo Báo cáo số … ngày …)” dưới tên phụ lục."),
    "appendix": Meaning("Số La Mã của từng phụ lục được in (trống: không in).", AppendixNumbers),
    "targets_source": Meaning("Văn bản giao chỉ tiêu đang dùng (như plan); trống khi không có "
                              "chỉ tiêu.", Document),
    "enterprises_total": Meaning("Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng (dòng "
                                 "“Tổng cộng” của danh sách doanh nghiệp)."),
    "media": Meaning("Tin, bài trong năm (trang “Tin bài”), liệt kê ở mục I.2.2.", MediaItem),
    "media_counts": Meaning("Số tin, bài theo từng loại, ví dụ 02 tin, 01 bài viết.", Count),
    "classes": Meaning("Lớp tập huấn trong năm (trang “Tập huấn”), liệt kê ở mục I.2.4.",
                       ClassItem),
    "trainees": Meaning("Tổng số lượt người tham dự các lớp tập huấn trong năm."),
    "experts": Meaning("Chuyên gia năng suất được đào tạo trong năm (trang “Chuyên gia”).",
                       ExpertItem),
    "surveys": Meaning("Các đợt khảo sát doanh nghiệp trong năm (trang “Khảo sát”).",
                       SurveyItem),
    "supported": Meaning("Doanh nghiệp được hỗ trợ trong năm, mỗi doanh nghiệp một phần tử với "
                         "mọi nội dung hỗ trợ (liệt kê ở mục I.2.3).", SupportedEnterprise),
    "support_total": Meaning("Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng."),
}

# Keys of each element of a list of dicts, e.g. `group.title` in `{%p for group in task_groups %}`.
ITEM_KEYS: dict[str, dict[str, str]] = {
    "task_groups": {
        "number": "Số thứ tự của nhóm, ví dụ 2.1.",
        "title": "Tên nhóm theo QĐ 1322.",
        "paragraphs": "Các đoạn của nhóm (như opening); in bằng {{p paras(group.paragraphs) }}.",
        "has_records": "Đúng khi số liệu của năm có nội dung cho nhóm (2.2: tin bài; 2.3: hỗ "
                       "trợ, khảo sát; 2.4: tập huấn, chuyên gia).",
    },
}

_KINDS = ", ".join(f"{v} ({k})" for k, v in LINE_KINDS.items())
ATTRIBUTES: dict[type, dict[str, str]] = {
    Agency: {**{s.key: f"{s.label}. {s.help}".strip() for s in AGENCY_SETTINGS},
             "agency_name": "Tên cơ quan viết thường, dùng trong câu (trống: không ghi)."},
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
        "derived_from": "Chỉ tiêu giai đoạn trước dùng để tính (trống khi ghi thẳng)."},
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
    AppendixNumbers: {"indicators": "Số của phụ lục chỉ tiêu, kinh phí (I) hoặc trống.",
                      "enterprises": "Số của phụ lục danh sách doanh nghiệp (I hoặc II) hoặc "
                                     "trống."},
    IndicatorGroup: {"source": "Văn bản giao chỉ tiêu (như plan).",
                     "lines": "Các chỉ tiêu của văn bản (như indicators)."},
    Count: {"count": "Số lượng.", "what": "Loại, viết thường, ví dụ “bài viết”."},
    MediaItem: {"kind": "Loại: tin, bài viết, phóng sự, hội nghị.", "title": "Tiêu đề.",
                "published": "Ngày đăng.", "outlet": "Nơi đăng (có thể trống)."},
    ClassItem: {"title": "Tên lớp.", "start": "Từ ngày.", "end": "Đến ngày (có thể trống).",
                "participants": "Số người tham dự.",
                "officials": "Trong đó cán bộ, công chức, viên chức (có thể trống).",
                "managers": "Trong đó cán bộ quản lý doanh nghiệp (có thể trống)."},
    ExpertItem: {"name": "Họ và tên.", "unit": "Đơn vị công tác.",
                 "course": "Khóa đào tạo, chứng chỉ (có thể trống)."},
    SurveyItem: {"title": "Nội dung khảo sát.", "date": "Ngày.",
                 "enterprises": "Số doanh nghiệp được khảo sát."},
    SupportedEnterprise: {"name": "Tên doanh nghiệp.", "locality": "Địa bàn.",
                          "what": "Các nội dung hỗ trợ, mỗi phần tử một cụm từ, ví dụ “phí đăng "
                                  "ký mã số mã vạch”.",
                          "amount": "Tổng kinh phí hỗ trợ doanh nghiệp trong năm, đồng."},
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
