"""The reference of what a report template may use: fields, loops, their attributes, filters.

Owns the Vietnamese meaning of every name `context.build_context` returns, of the attributes
of the model's dataclasses and of every filter in `formatting.FILTERS`, and the `Shape` of each
value (which attributes it has, what a loop over it yields). The names come from the code —
`build_context`'s keys, `dataclasses.fields`, `FILTERS` — and tests fail when a meaning is
missing, so the reference (`ncnsc-report fields`, docs/truong-du-lieu.md) cannot drift.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.formatting import FILTERS, short_date
from ncnsc_reports.inputs.schema import AGENCY_SETTINGS, LINE_KINDS, PROFILE_PLAN
from ncnsc_reports.render.context import BudgetSummary, SupportLine
from ncnsc_reports.report.model import Agency, BudgetLine, Document, IndicatorLine, Paragraph

SAMPLE_YEAR = Path(__file__).resolve().parents[2] / "inputs" / "hung-yen" / "2023"
DOCS_FILE = Path(__file__).resolve().parents[2] / "docs" / "truong-du-lieu.md"
REGENERATE = "ncnsc-report fields --markdown > docs/truong-du-lieu.md"


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
    "amendments": Meaning("Các văn bản sửa đổi, bổ sung kế hoạch của tỉnh.", Document),
    "illustrative": Meaning("Đúng khi số liệu chỉ tiêu là dữ liệu minh họa, không phải thật."),
    "illustrative_note": Meaning("Dòng ghi chú in khi số liệu là dữ liệu minh họa."),
    "has_indicators": Meaning("Đúng khi có kế hoạch dạng dữ liệu và số liệu chỉ tiêu (sổ "
                              "chi-tieu.xlsx); sai thì bỏ các phần chỉ tiêu."),
    "period_start": Meaning("Năm đầu của giai đoạn kế hoạch."),
    "period": Meaning("Giai đoạn của kế hoạch, ví dụ 2021-2025; trống khi không có kế hoạch."),
    "indicators": Meaning("Các chỉ tiêu của kế hoạch với kết quả năm và lũy kế.", IndicatorLine),
    "budget": Meaning("Kinh phí kế hoạch và đã chi; trống khi kế hoạch không giao kinh phí.",
                      BudgetSummary),
    "enterprises": Meaning("Doanh nghiệp được hỗ trợ trong năm (Phụ lục II).", SupportLine),
    "appendix_note": Meaning("Dòng “(Kèm theo Báo cáo số … ngày …)” dưới tên phụ lục."),
}

# Keys of each element of a list of dicts, e.g. `group.title` in `{%p for group in task_groups %}`.
ITEM_KEYS: dict[str, dict[str, str]] = {
    "task_groups": {
        "number": "Số thứ tự của nhóm, ví dụ 2.1.",
        "title": "Tên nhóm theo QĐ 1322.",
        "paragraphs": "Các đoạn của nhóm (như opening); in bằng {{p paras(group.paragraphs) }}.",
    },
}

_KINDS = ", ".join(f"{v} ({k})" for k, v in LINE_KINDS.items())
ATTRIBUTES: dict[type, dict[str, str]] = {
    Agency: {**{s.key: f"{s.label}. {s.help}".strip() for s in AGENCY_SETTINGS},
             "agency_name": "Tên cơ quan viết thường, dùng trong câu (trống: không ghi)."},
    Document: {c.key: c.header + "." for c in PROFILE_PLAN.columns
               if c.key in {f.name for f in dataclasses.fields(Document)}},
    Paragraph: {"kind": f"Kiểu dòng: {_KINDS}.", "text": "Nội dung của đoạn.",
                "label": "Số hoặc chữ đầu đoạn do phần mềm đánh, ví dụ a) hoặc 2.1."},
    IndicatorLine: {
        "code": "Mã chỉ tiêu trong kế hoạch.", "name": "Tên chỉ tiêu.", "unit": "Đơn vị tính.",
        "verb": "Động từ dùng trong câu, ví dụ “hỗ trợ”.",
        "noun": "Danh từ dùng trong câu, ví dụ “doanh nghiệp”.",
        "period_target": "Chỉ tiêu cả giai đoạn (trống nếu không giao).",
        "year_target": "Chỉ tiêu của năm báo cáo (trống nếu không giao).",
        "year_result": "Kết quả trong năm báo cáo.", "cumulative": "Lũy kế từ đầu giai đoạn.",
        "completion": "Tỷ lệ hoàn thành chỉ tiêu giai đoạn, % (trống nếu không tính được); "
                      "in bằng bộ lọc percent.",
        "source": "Văn bản giao chỉ tiêu (như plan)."},
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
        "funding": "Nguồn kinh phí."},
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
    "two_digits": ("Số đếm từ 1 đến 9 viết hai chữ số.", "plans_documents|length|two_digits"),
    "words": ("Số viết bằng chữ.", "year|words"),
    "amount_words": ("Số tiền bằng chữ, viết hoa chữ đầu, kèm “đồng”.", "3260800000|amount_words"),
    "amount": ("Số tiền bằng số rồi bằng chữ trong ngoặc.", "3260800000|amount"),
    "cite": ("Trích dẫn đầy đủ một văn bản (lần đầu nhắc đến).", "plan|cite"),
    "cite_short": ("Trích dẫn ngắn một văn bản (những lần sau).", "plan|cite_short"),
}


@dataclass(frozen=True)
class Shape:
    """What a template can do with a value: read `attrs` (an object) or loop over it (`item`)."""

    type_name: str
    attrs: tuple[tuple[str, Shape | None], ...] | None = None
    item: Shape | None = None
    is_list: bool = False

    def attribute(self, name: str) -> Shape | None:
        return dict(self.attrs or ()).get(name)


LOOP = Shape("loop", tuple((name, None) for name in LOOP_ATTRIBUTES))


def sample_context() -> dict:
    """Return the context `build` gives the template for the sample year (Hưng Yên 2023)."""
    from ncnsc_reports.pipeline import _gather  # the same inputs as a build, not a copy of them
    from ncnsc_reports.render.context import build_context

    report, results, _ = _gather(SAMPLE_YEAR, strict=False)
    return build_context(report, results)


def shape_of(value, of: type | None = None) -> Shape | None:
    """Return the shape of a context value; `of` types an empty list's elements or a None."""
    if value is None:
        return class_shape(of)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return class_shape(type(value))
    if isinstance(value, dict):
        return Shape("dict", tuple((str(k), shape_of(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        shapes = [shape_of(v) for v in value] or [class_shape(of)]
        merged = shapes[0]
        for s in shapes[1:]:
            merged = merge(merged, s)
        return Shape("list", item=merged, is_list=True)
    return Shape(type(value).__name__)


def class_shape(cls, depth: int = 0) -> Shape | None:
    """Return the shape of a dataclass from its type hints (nested dataclasses and tuples too)."""
    if cls is None or depth > 4:
        return None
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        return Shape(cls.__name__, tuple((f.name, class_shape(hints.get(f.name), depth + 1))
                                         for f in dataclasses.fields(cls)))
    args = [a for a in typing.get_args(cls) if a is not type(None) and a is not Ellipsis]
    if typing.get_origin(cls) in (tuple, list) and args:
        return Shape("list", item=class_shape(args[0], depth + 1), is_list=True)
    if len(args) == 1:  # X | None
        return class_shape(args[0], depth + 1)
    return Shape(getattr(cls, "__name__", str(cls)))


def merge(a: Shape | None, b: Shape | None) -> Shape | None:
    """Merge the shapes of two list elements: an empty list in one is typed by the other."""
    if a is None or b is None or a == b:
        return a or b
    if a.is_list and b.is_list:
        return Shape("list", item=merge(a.item, b.item), is_list=True)
    if a.attrs is not None and b.attrs is not None and a.type_name == b.type_name:
        keys = dict.fromkeys([k for k, _ in a.attrs] + [k for k, _ in b.attrs])
        return Shape(a.type_name, tuple((k, merge(a.attribute(k), b.attribute(k)))
                                        for k in keys))
    return a


def shape_paths(shapes: dict, type_name: str) -> list[str]:
    """Return where values of a type are found, e.g. "plan", "indicators[…].source"."""
    found, queue = [], list(shapes.items())
    while queue:
        path, shape = queue.pop(0)
        if shape is not None and shape.type_name == type_name:
            found.append(path)
        elif shape is not None:
            queue += [(path + "[…]", shape.item)] if shape.is_list else []
            queue += [(f"{path}.{k}", child) for k, child in shape.attrs or ()]
    return found


def context_shapes(context: dict) -> dict[str, Shape | None]:
    """Return the shape of every top-level name of a template context."""
    return {name: shape_of(value, TOP_LEVEL[name].of if name in TOP_LEVEL else None)
            for name, value in context.items()}


# --- The reference, as text for the terminal or Markdown for docs/ ---------------------------

_KIND_FIELD, _KIND_GROUP, _KIND_LIST, _KIND_FILTER = ("trường", "nhóm trường",
                                                      "danh sách (vòng lặp)", "bộ lọc")


def example(value) -> str:
    """Return a short Vietnamese rendering of a sample value for the reference."""
    if isinstance(value, str):
        if not value.strip():
            return f"(trống, {len(value)} dấu cách)" if value else "(trống)"
        text = " ".join(value.split())
        return text if len(text) <= 70 else text[:69] + "…"
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, list | tuple):
        return f"{len(value)} phần tử" + (f"; đầu tiên: {example(value[0])}"
                                          if value and isinstance(value[0], str) else "")
    if dataclasses.is_dataclass(value) or isinstance(value, dict):
        return f"xem bảng “{type(value).__name__}”"
    return "(trống)" if value is None else str(value)


def _kind(value) -> str:
    if isinstance(value, list | tuple):
        return _KIND_LIST
    grouped = dataclasses.is_dataclass(value) or isinstance(value, dict)
    return _KIND_GROUP if grouped else _KIND_FIELD


def _first_instance(context: dict, cls: type):
    """Return the first object of `cls` in the context (depth-first), for the examples."""
    stack = list(reversed(list(context.values())))
    while stack:
        value = stack.pop()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list | tuple):
            stack.extend(reversed(value))
    return None


def reference(context: dict) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Return the reference as sections of rows (name, kind, meaning, example)."""
    top = [(name, _kind(value), TOP_LEVEL[name].text if name in TOP_LEVEL else "(chưa có mô tả)",
            example(value)) for name, value in context.items()]
    sections = [("Trường và danh sách", top)]
    shapes = context_shapes(context)
    for cls, meanings in ATTRIBUTES.items():
        sample = _first_instance(context, cls)
        rows = [(f".{f.name}", _kind(getattr(sample, f.name, None)), meanings.get(f.name, ""),
                 example(getattr(sample, f.name)) if sample else "—")
                for f in dataclasses.fields(cls)]
        users = ", ".join(shape_paths(shapes, cls.__name__))
        sections.append((f"{cls.__name__}: thuộc tính của {users}", rows))
    for name, keys in ITEM_KEYS.items():
        first = (context.get(name) or [{}])[0]
        rows = [(f".{k}", _kind(first.get(k)), text, example(first.get(k)))
                for k, text in keys.items()]
        sections.append((f"dict: mỗi phần tử của {name}", rows))
    loop = [(f"loop.{k}", _KIND_FIELD, text, "—") for k, text in LOOP_ATTRIBUTES.items()]
    sections.append(("loop: trong một vòng lặp {%p for … %}", loop))
    sections.append(("Bộ lọc: viết sau dấu | trong thẻ", _filter_rows(context)))
    return sections


def _filter_rows(context: dict) -> list[tuple[str, str, str, str]]:
    from ncnsc_reports.render.docx import make_environment

    env = make_environment()
    rows = []
    for name in FILTERS:
        meaning, expression = FILTER_MEANINGS.get(name, ("(chưa có mô tả)", ""))
        output = env.from_string("{{ " + expression + " }}").render(context) if expression else ""
        rows.append((name, _KIND_FILTER, meaning, f"{{{{ {expression} }}}} → {output}"))
    return rows


def reference_text(context: dict) -> str:
    """Return the reference for the terminal."""
    lines = []
    for title, rows in reference(context):
        lines += ["", title.upper()]
        lines += [f"  {name} — {kind}: {meaning} Ví dụ: {ex}" for name, kind, meaning, ex in rows]
    return "\n".join(lines[1:]) + "\n"


def reference_markdown(context: dict) -> str:
    """Return the reference as the Markdown kept in docs/truong-du-lieu.md."""
    lines = ["# Trường dữ liệu dùng trong mẫu báo cáo", "",
             f"Tệp này được tạo tự động từ mã nguồn; đừng sửa tay. Tạo lại bằng: `{REGENERATE}`.",
             "Ví dụ lấy từ dữ liệu mẫu Hưng Yên năm 2023 (inputs/hung-yen/2023); “—” là mẫu "
             "không có giá trị này. `x[…]` là một phần tử của danh sách x, tức biến của vòng "
             "lặp `{%p for … in x %}`. Cách viết thẻ: xem "
             "[huong-dan-sua-mau.md](huong-dan-sua-mau.md)."]
    for title, rows in reference(context):
        lines += ["", f"## {title}", "", "| Tên | Loại | Ý nghĩa | Ví dụ |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(_cell(c) for c in (f"`{name}`", kind, meaning, ex)) + " |"
                  for name, kind, meaning, ex in rows]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
