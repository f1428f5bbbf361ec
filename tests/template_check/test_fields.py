"""The field reference: every name the code gives a template is described, and docs/ is current."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner
from conftest import ROOT

from ncnsc_reports.cli import main
from ncnsc_reports.formatting import FILTERS
from ncnsc_reports.template_check.kinds import KIND_NAMES
from ncnsc_reports.template_check.meanings import (
    ATTRIBUTES,
    FILTER_MEANINGS,
    LOOP_ATTRIBUTES,
    PERIOD_ATTRIBUTES,
    TOP_LEVEL,
)
from ncnsc_reports.template_check.reference import (
    NO_MEANING,
    REGENERATE,
    reference,
    reference_markdown,
    top_level,
)
from ncnsc_reports.template_check.sample import sample_context
from ncnsc_reports.template_check.shapes import context_shapes

TEMPLATE_KINDS = tuple(KIND_NAMES)
DOCS_FILE = ROOT / "docs" / "truong-du-lieu.md"


@pytest.fixture(scope="module")
def context():
    return sample_context()


def test_every_field_of_build_context_has_a_meaning_and_no_more(context):
    assert set(context) - set(TOP_LEVEL) == set(), "describe these in fields.TOP_LEVEL"
    assert set(TOP_LEVEL) - set(context) == set(), "build_context has no such fields any more"


def test_every_list_declares_its_elements(context):
    for name, value in context.items():
        if isinstance(value, list | tuple):
            assert TOP_LEVEL[name].of is not None, name
            assert all(isinstance(v, TOP_LEVEL[name].of) for v in value), name


def object_types(shape, found: set) -> set:
    if shape is not None:
        if shape.attrs is not None and shape.type_name not in ("dict", "loop"):
            found.add(shape.type_name)
        object_types(shape.item, found)
        for _, child in shape.attrs or ():
            object_types(child, found)
    return found


def test_every_attribute_of_every_object_has_a_meaning(context):
    reachable = set()
    for shape in context_shapes(context).values():
        object_types(shape, reachable)
    assert reachable == {cls.__name__ for cls in ATTRIBUTES}
    for cls, meanings in ATTRIBUTES.items():
        assert set(meanings) == {f.name for f in dataclasses.fields(cls)}, cls.__name__
        assert all(meanings.values()), cls.__name__


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_no_list_of_a_context_holds_dicts(kind):
    """Typed all the way (issue 21, item 4): a list's elements are dataclasses, whose fields the
    reference describes (ATTRIBUTES), not dicts read by key."""
    context = sample_context(kind)
    assert [n for n, v in context.items() if isinstance(v, list | tuple) and v
            and isinstance(v[0], dict)] == []


def test_every_filter_has_a_meaning_and_an_example():
    assert list(FILTER_MEANINGS) == list(FILTERS)


def test_loop_attributes_are_jinjas():
    from ncnsc_reports.render.environment import make_environment

    env = make_environment()
    for name in LOOP_ATTRIBUTES:
        source = ("{% for x in [1, 2, 3] %}{% if loop.index == 2 %}{{ loop." + name
                  + " is defined }}{% endif %}{% endfor %}")
        assert env.from_string(source).render() == "True", name


def test_docs_reference_is_current(context):
    assert DOCS_FILE.read_text(encoding="utf-8") == reference_markdown(context), (
        f"docs/truong-du-lieu.md is out of date; regenerate it with: {REGENERATE}")


def test_cli_fields():
    runner = CliRunner()
    text = runner.invoke(main, ["fields"])
    assert text.exit_code == 0
    assert "  year — trường: Năm báo cáo. Ví dụ: 2023\n" in text.output
    assert "  cite — bộ lọc: Trích dẫn đầy đủ một văn bản (lần đầu nhắc đến). Ví dụ: " \
           "{{ plan|cite }} → Kế hoạch số 101/KH-UBND ngày 30/6/2021 của UBND tỉnh Hưng Yên" \
           in text.output
    markdown = runner.invoke(main, ["fields", "--markdown"])
    assert markdown.output == DOCS_FILE.read_text(encoding="utf-8")


# --- Every kind of template: the summary and the draft plan are described as fully ----------

def documented_types(value, found: set) -> set:
    """The names of every dataclass reachable from a context value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found.add(type(value).__name__)
        for f in dataclasses.fields(value):
            documented_types(getattr(value, f.name), found)
    elif isinstance(value, dict):
        for v in value.values():
            documented_types(v, found)
    elif isinstance(value, list | tuple):
        for v in value:
            documented_types(v, found)
    return found


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_no_field_of_any_template_kind_lacks_a_meaning(kind):
    context = sample_context(kind)
    for title, rows in reference(context, kind):
        for name, _, meaning, _ in rows:
            assert meaning and meaning != NO_MEANING, f"{kind}: {title} › {name}"
    reached = set()
    for value in context.values():
        documented_types(value, reached)
    described = {cls.__name__ for cls in ATTRIBUTES} | set(PERIOD_ATTRIBUTES)
    assert reached <= described, f"{kind}: describe {sorted(reached - described)}"
    assert set(context) == set(top_level(kind)), kind


def test_period_attribute_meanings_name_each_field_of_their_class():
    from ncnsc_reports.compute.next_phase import NextBudgetYear, NextPhase, NextTarget
    from ncnsc_reports.compute.period import BudgetYear, PeriodLine, PeriodResults
    from ncnsc_reports.render.period_fields import (
        Fact,
        FormerPart,
        GroupYear,
        Merger,
        PeriodTaskGroup,
        PlanTasks,
    )
    from ncnsc_reports.report.model import Phase
    from ncnsc_reports.report.period import PlanVersion

    classes = (PlanVersion, Merger, FormerPart, PeriodTaskGroup, PlanTasks, GroupYear, Fact,
               PeriodLine, PeriodResults, Phase, BudgetYear, NextTarget, NextBudgetYear, NextPhase)
    assert list(PERIOD_ATTRIBUTES) == [cls.__name__ for cls in classes]
    for cls in classes:
        fields = [f.name for f in dataclasses.fields(cls)]
        assert list(PERIOD_ATTRIBUTES[cls.__name__]) == fields, cls.__name__
        assert all(PERIOD_ATTRIBUTES[cls.__name__].values()), cls.__name__


def test_cli_fields_of_the_summary_are_described_in_vietnamese():
    text = CliRunner().invoke(main, ["fields", "--mau", "tong-ket"])
    assert text.exit_code == 0 and NO_MEANING not in text.output
    assert ("  lessons — danh sách (vòng lặp): Các đoạn của mục III.4 (sổ tổng kết, trang “Nội "
            "dung”); in bằng {{p paras(lessons) }}. Ví dụ: 3 phần tử\n") in text.output
    assert "  .counted — danh sách (vòng lặp): Các tỉnh trước sắp xếp có số liệu các năm, đã " \
           "được cộng. Ví dụ: 2 phần tử; đầu tiên: tỉnh An Giang (trước sắp xếp)\n" in text.output
    plan = CliRunner().invoke(main, ["fields", "--mau", "du-thao-ke-hoach"])
    assert plan.exit_code == 0 and NO_MEANING not in plan.output
    assert "  .exact — trường: Căn cứ × tỷ lệ, trước khi làm tròn. Ví dụ: 198\n" in plan.output
