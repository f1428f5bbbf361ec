"""Typed hand-offs (issue 21, item 4): a problem's place is always a `Location`, a template's
place included, and a document's context is typed until `render` makes it a dict."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ncnsc_reports.kinds import Document
from ncnsc_reports.outputs.sources import warning_records
from ncnsc_reports.problems import Location, Problem, Severity
from ncnsc_reports.render.names import template_names
from ncnsc_reports.template_check.parts import Place


@dataclass(frozen=True)
class Toy:
    year: int
    where: Location


def test_a_problem_without_a_location_is_refused():
    with pytest.raises(TypeError, match="Location"):
        Problem("bao-cao-2023.xlsx › trang “Tin bài”", "cần ngày")


def test_a_template_place_is_a_location_said_as_the_editor_reads_it():
    place = Place("thân văn bản (word/document.xml)", 41, "a) Về xây dựng kế hoạch", None,
                  "{{ d|cite }}")
    problem = Problem(place, "thẻ chưa đóng", Severity.WARNING)
    assert isinstance(problem.where, Location) and place.in_template
    assert not Location("bao-cao-2023.xlsx").in_template
    assert str(problem) == ("thân văn bản (word/document.xml), đoạn 41 (sau tiêu đề “a) Về xây "
                            "dựng kế hoạch”) «{{ d|cite }}»: thẻ chưa đóng")
    # recorded for the next build as its text, as before (outputs/sources.py)
    assert warning_records([problem])[0]["where"] == {"file": str(place)}


def test_a_document_context_is_typed_and_becomes_a_dict_only_in_render():
    with pytest.raises(TypeError, match="dataclass"):
        Document("bao-cao.docx", "bao-cao-nam.docx", {"year": 2023})
    context = Toy(2023, Location("ho-so-tinh.xlsx"))
    names = template_names(context)
    assert list(names) == ["year", "where"] and names["where"] is context.where  # top level only
    assert template_names({"year": 2023}) == {"year": 2023}  # a test's small template
    with pytest.raises(TypeError):
        template_names([("year", 2023)])


READERS = {"open_book", "open_workbook", "read_sheet", "read_workbook", "read_workbook_once",
           "find_year_workbook", "rich_strings"}


def test_no_report_module_reads_a_file_itself():
    """Reading files happens in inputs (issue 21, item 4): a report module asks inputs.books
    for what it needs read, and imports no reader of workbooks, sheets or cells."""
    import ast

    from conftest import ROOT

    found = []
    for path in sorted((ROOT / "ncnsc_reports" / "report").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "ncnsc_reports.inputs"):
                found += [f"{path.name}: {a.name}" for a in node.names if a.name in READERS]
    assert found == []
