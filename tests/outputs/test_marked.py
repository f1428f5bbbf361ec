"""Errors on the workbook itself (issue 23, item 2): a marked copy, the original untouched."""

from __future__ import annotations

import hashlib

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import edit_workbook, year_book

from ncnsc_reports.cli import main
from ncnsc_reports.errors import InputError
from ncnsc_reports.outputs.marked import mark_workbooks
from ncnsc_reports.pipeline import build

THREE_FAULTS = {"D2": "31/4/2023", "D3": "ngày mai", "D4": "2023-13-45"}


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _problems(year_dir, tmp_path):
    with pytest.raises(InputError) as caught:
        build(year_dir, tmp_path / "out")
    return caught.value.problems


def test_three_faulty_cells_are_marked_on_a_copy_and_listed(province_copy, tmp_path):
    book = year_book(province_copy)
    edit_workbook(book, "Văn bản", THREE_FAULTS)
    before = _sha(book)
    problems = _problems(province_copy / "2023", tmp_path)
    paths = mark_workbooks(problems, province_copy / "2023", tmp_path / "out")
    assert _sha(book) == before  # the original is only read
    assert [p.name for p in paths] == ["bao-cao-2023-loi.xlsx"]
    assert paths[0].parent == tmp_path / "out" / "loi"
    wb = openpyxl.load_workbook(paths[0])
    assert wb.sheetnames[0] == "Lỗi"
    ws = wb["Văn bản"]
    for ref, typed in THREE_FAULTS.items():
        assert ws[ref].value == typed  # the copy keeps what the clerk typed
        assert ws[ref].fill.fgColor.rgb.endswith("FFC7CE")
        assert ws[ref].comment.text.startswith("Lỗi: cần một ngày dạng ngày/tháng/năm")
        assert f"“{typed}”" in ws[ref].comment.text
    assert ws["D5"].comment is None
    listed = list(wb["Lỗi"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3]) for r in listed] == [("Lỗi", "Văn bản", ref)
                                                   for ref in THREE_FAULTS]
    assert listed[0][4].startswith("bao-cao-2023.xlsx › trang “Văn bản” › dòng 2 › cột "
                                   "“Ngày ban hành”: cần một ngày")
    links = [wb["Lỗi"].cell(row=n, column=4).hyperlink for n in (2, 3, 4)]
    assert [link.location for link in links] == [f"'Văn bản'!{r}" for r in THREE_FAULTS]


def test_a_missing_column_marks_the_header_row_and_warnings_only_when_asked(province_copy,
                                                                           tmp_path):
    book = year_book(province_copy)
    edit_workbook(book, "Văn bản", {"D1": "Ngày", "H1": "Ghi chú riêng"})
    problems = _problems(province_copy / "2023", tmp_path)
    copy = mark_workbooks(problems, province_copy / "2023", tmp_path / "out")[0]
    ws = openpyxl.load_workbook(copy)["Văn bản"]
    assert ws["A1"].comment.text.startswith("Lỗi: thiếu cột “Ngày ban hành”")
    assert ws["G1"].fill.fgColor.rgb.endswith("FFC7CE") and ws["G1"].comment is None
    assert ws["H1"].comment is None  # an unused column is a warning: not marked by default
    copy = mark_workbooks(problems, province_copy / "2023", tmp_path / "out2",
                          include_warnings=True)[0]
    ws = openpyxl.load_workbook(copy)["Văn bản"]
    assert ws["H1"].comment.text.startswith("Cảnh báo: cột không dùng đến")
    assert ws["H1"].fill.fgColor.rgb.endswith("FFC7CE")  # in the faulty header row: red stays


def test_build_prints_the_marked_copy_after_the_errors(province_copy):
    book = year_book(province_copy)
    edit_workbook(book, "Văn bản", THREE_FAULTS)
    before = _sha(book)
    result = CliRunner().invoke(main, ["build", str(province_copy / "2023")])
    assert result.exit_code == 1
    copy = province_copy.parent.parent / "outputs" / "hung-yen" / "2023" / "loi" / \
        "bao-cao-2023-loi.xlsx"
    assert result.output.splitlines()[-1] == (
        f"Các ô có lỗi được tô màu, ghi chú ngay trên bản sao của sổ: {copy}")
    assert copy.is_file() and _sha(book) == before
    # no report was written: only the marked copy
    assert sorted(p.name for p in copy.parent.parent.iterdir()
                  if not p.name.startswith(".")) == ["loi"]


def test_warnings_are_marked_when_asked(province_copy):
    book = year_book(province_copy)
    edit_workbook(book, "Văn bản", {"H1": "Ghi chú riêng"})
    result = CliRunner().invoke(main, ["build", str(province_copy / "2023"), "--canh-bao-tren-so"])
    assert result.exit_code == 0, result.output
    copy = province_copy.parent.parent / "outputs" / "hung-yen" / "2023" / "loi" / \
        "bao-cao-2023-loi.xlsx"
    assert f"Các ô có cảnh báo được tô màu, ghi chú ngay trên bản sao của sổ: {copy}" in \
        result.output.splitlines()
    ws = openpyxl.load_workbook(copy)["Văn bản"]
    assert ws["H1"].comment.text == "Cảnh báo: cột không dùng đến, bỏ qua (cột thứ 8)"
    assert ws["H1"].fill.fgColor.rgb.endswith("FFEB9C")


def test_a_passing_build_removes_the_marked_copies_of_fixed_errors(province_copy):
    book = year_book(province_copy)
    original = book.read_bytes()
    edit_workbook(book, "Văn bản", THREE_FAULTS)
    assert CliRunner().invoke(main, ["build", str(province_copy / "2023")]).exit_code == 1
    folder = province_copy.parent.parent / "outputs" / "hung-yen" / "2023"
    assert (folder / "loi" / "bao-cao-2023-loi.xlsx").is_file()
    book.write_bytes(original)  # the clerk fixed the workbook
    result = CliRunner().invoke(main, ["build", str(province_copy / "2023")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao-hung-yen-2023.docx"]
    assert not list(folder.parent.glob(".ncnsc-manifest-loi*"))
