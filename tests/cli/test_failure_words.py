"""A failure is worded from its typed problems (`Problem.kind`), never from the exception that
carried it (issue 21 item 3): located problems listed with the next step that fits their kind;
a step that could not be done in one line of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from ncnsc_reports.cli.failure import attempt, word_failure
from ncnsc_reports.errors import ArgumentError, InputError, OutputError, TemplateError
from ncnsc_reports.problems import Location, Problem, ProblemKind, Severity
from ncnsc_reports.template_check.parts import Place, TemplateProblem

CELL = Problem(Location("bao-cao-2023.xlsx", "Nội dung", 2, "Giá trị"), "cần số, nhưng gặp “x”")
FOLDER = Problem(Location("inputs/hung-yen"), "không có hồ sơ tỉnh")
PLACE = TemplateProblem(Place("thân văn bản", 3), "thẻ {{ ten }} không có trong dữ liệu")


def test_each_problem_knows_what_it_is_about():
    assert CELL.kind is ProblemKind.WORKBOOK and FOLDER.kind is ProblemKind.FOLDER
    assert Problem(Location("inputs/hung-yen/2023/bao-cao-2023.xlsx"), "…").kind \
        is ProblemKind.WORKBOOK  # a workbook's file, no sheet yet
    assert PLACE.kind is ProblemKind.TEMPLATE
    assert all(p.kind.located for p in (CELL, FOLDER, PLACE))


@pytest.mark.parametrize(("error", "kind"), [
    (OutputError("không ghi được tệp “a.docx”"), ProblemKind.OUTPUT),
    (TemplateError("không tìm thấy mẫu"), ProblemKind.TEMPLATE_FILE),
    (ArgumentError("không có đơn vị “X”"), ProblemKind.ARGUMENT),
])
def test_an_error_that_is_not_located_hands_on_one_problem_of_its_kind(error, kind):
    [problem] = error.problems_at(Location("inputs/hung-yen/2023"))
    assert problem.kind is kind and not kind.located and problem.message == str(error)
    assert problem.where == Location("inputs/hung-yen/2023")


def test_an_input_error_hands_on_every_problem_it_carries():
    warning = Problem(FOLDER.where, "thư mục lạ", Severity.WARNING)
    assert InputError([CELL, warning]).problems_at(Location("x")) == [CELL, warning]


def test_every_located_kind_adds_its_own_next_step(capsys):
    word_failure([CELL, FOLDER, PLACE], [], "Chưa tạo báo cáo nào.",
                 template=Path("mau.docx"))
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == ("Chưa tạo báo cáo nào. Hãy sửa các lỗi trên trong sổ Excel, sửa thư mục, "
                    "tệp theo hướng dẫn ở từng lỗi, sửa mẫu Word “mau.docx” (xem lại bằng: "
                    "ncnsc-report check-template mau.docx; thêm --fix để tự sửa nháy cong, thẻ "
                    "bị tách định dạng) rồi chạy lại.")


def test_a_step_that_could_not_be_done_is_one_line_then_what_was_not_done(capsys):
    [problem] = OutputError("LibreOffice không tạo được PDF").problems_at()
    word_failure([problem], [], "Chưa tạo PDF nào.")
    assert capsys.readouterr().err.splitlines() == [
        "Lỗi: LibreOffice không tạo được PDF", "Chưa tạo PDF nào."]


def test_attempt_words_a_raised_error_the_same_way_and_exits_1(capsys):
    def fails():
        raise InputError([CELL])

    with pytest.raises(SystemExit) as stopped:
        attempt(False, fails, "Chưa tạo sổ Excel nào.")
    assert stopped.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        "Lỗi (1):", f"  - {CELL}",
        "Chưa tạo sổ Excel nào. Hãy sửa các lỗi trên trong sổ Excel rồi chạy lại."]
