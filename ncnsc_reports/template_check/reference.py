"""The reference of what a report template may use: fields, loops, their attributes, filters.

Owns the reference as text for the terminal (`ncnsc-report fields`) and as the Markdown kept
in docs/truong-du-lieu.md: the names come from the code (the context's keys,
`dataclasses.fields`, `FILTERS`), their meanings from `meanings`, the examples from the sample.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from jinja2 import UndefinedError

from ncnsc_reports.formatting import FILTERS, short_date
from ncnsc_reports.kinds import templates
from ncnsc_reports.render.environment import make_environment
from ncnsc_reports.template_check.kinds import YEARLY
from ncnsc_reports.template_check.meanings import (
    ATTRIBUTES,
    FILTER_MEANINGS,
    LOOP_ATTRIBUTES,
    PERIOD_ATTRIBUTES,
    TOP_LEVEL,
    Meaning,
)
from ncnsc_reports.template_check.shapes import context_shapes, shape_paths

REGENERATE = "ncnsc-report fields --markdown > docs/truong-du-lieu.md"
NO_MEANING = "(chưa có mô tả)"


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


def _first_instance(context: dict, type_name: str):
    """Return the first object of the named type in the context (depth-first), for examples."""
    stack = list(reversed(list(context.values())))
    while stack:
        value = stack.pop()
        if type(value).__name__ == type_name:
            return value
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(reversed([getattr(value, f.name) for f in dataclasses.fields(value)]))
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list | tuple):
            stack.extend(reversed(value))
    return None


Row = tuple[str, str, str, str]  # name, kind, meaning, example


def top_level(kind: str) -> dict[str, Meaning]:
    """The top-level names a template of `kind` sees and what they mean: its kind's context
    dataclass says them (`kinds.Template.described`, loaded only for that kind's template),
    else the yearly report's `meanings.TOP_LEVEL`."""
    described = templates()[kind].context_class()
    if described is None:
        return TOP_LEVEL
    return {f.name: Meaning(f.metadata["meaning"], f.metadata["of"])
            for f in dataclasses.fields(described)}


def reference(context: dict, kind: str = YEARLY) -> list[tuple[str, list[Row]]]:
    """Return the reference of a template of `kind` (kinds.py) as sections of rows (name, kind,
    meaning, example)."""
    meanings = top_level(kind)
    top = [(name, _kind(value), meanings[name].text if name in meanings else NO_MEANING,
            example(value)) for name, value in context.items()]
    sections = [("Trường và danh sách", top)]
    shapes = context_shapes(context, meanings)
    attributes = [(cls.__name__, {f.name: m.get(f.name, "") for f in dataclasses.fields(cls)})
                  for cls, m in ATTRIBUTES.items()] + list(PERIOD_ATTRIBUTES.items())
    for type_name, texts in attributes:
        sample = _first_instance(context, type_name)
        if sample is None and not shape_paths(shapes, type_name):
            continue  # not used by this kind of template (the summary has no SupportLine…)
        rows = [(f".{name}", _kind(getattr(sample, name, None)), text,
                 example(getattr(sample, name)) if sample else "—") for name, text in texts.items()]
        users = ", ".join(shape_paths(shapes, type_name))
        sections.append((f"{type_name}: thuộc tính của {users}", rows))
    loop = [(f"loop.{k}", _KIND_FIELD, text, "—") for k, text in LOOP_ATTRIBUTES.items()]
    sections.append(("loop: trong một vòng lặp {%p for … %}", loop))
    sections.append(("Bộ lọc: viết sau dấu | trong thẻ", _filter_rows(context)))
    return sections


def _filter_rows(context: dict) -> list[Row]:
    env = make_environment()
    rows = []
    for name in FILTERS:
        meaning, expression = FILTER_MEANINGS.get(name, (NO_MEANING, ""))
        output = _try(env, expression, context) if expression else ""
        rows.append((name, _KIND_FILTER, meaning, f"{{{{ {expression} }}}} → {output}"))
    return rows


def _try(env, expression: str, context: dict) -> str:
    """The example's output, or “—” when its fields are not this kind of template's."""
    try:
        return env.from_string("{{ " + expression + " }}").render(context)
    except UndefinedError:
        return "—"


def reference_text(context: dict, kind: str = YEARLY) -> str:
    """Return the reference of a template of `kind` for the terminal."""
    lines = []
    for title, rows in reference(context, kind):
        lines += ["", title.upper()]
        lines += [f"  {name} — {kind}: {meaning} Ví dụ: {ex}" for name, kind, meaning, ex in rows]
    return "\n".join(lines[1:]) + "\n"


def reference_markdown(context: dict, title: str = "mẫu báo cáo",
                       sample: str = "Hưng Yên năm 2023 (inputs/hung-yen/2023)",
                       regenerate: str = REGENERATE, kind: str = YEARLY) -> str:
    """Return the reference as Markdown: docs/truong-du-lieu.md for the yearly report."""
    lines = [f"# Trường dữ liệu dùng trong {title}", "",
             f"Tệp này được tạo tự động từ mã nguồn; đừng sửa tay. Tạo lại bằng: `{regenerate}`.",
             f"Ví dụ lấy từ dữ liệu mẫu {sample}; “—” là mẫu "
             "không có giá trị này. `x[…]` là một phần tử của danh sách x, tức biến của vòng "
             "lặp `{%p for … in x %}`. Cách viết thẻ: xem "
             "[huong-dan-sua-mau.md](huong-dan-sua-mau.md)."]
    for title, rows in reference(context, kind):
        lines += ["", f"## {title}", "", "| Tên | Loại | Ý nghĩa | Ví dụ |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(_cell(c) for c in (f"`{name}`", kind, meaning, ex)) + " |"
                  for name, kind, meaning, ex in rows]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
