"""The program's own .xlsx reader (inputs.xlsx_book, inputs.sheet_xml) against openpyxl.

The reader replaced openpyxl on the read path; it must read every cell exactly as openpyxl
3.1.5 read it in data-only mode (same value, same Python type, same data type), with the format
code the display rules use, and its text as Excel shows it: openpyxl's own `unescape` applied
once to what openpyxl parsed (openpyxl removed "x005F_" from shared strings and left the rest
escaped, so a typed "BC_x0041_2023" read "BCA2023"; issue 25, item 7). Workbooks are written
with openpyxl here (or their XML patched for what openpyxl does not write: cached formula
values, phonetic runs, rows without numbers), then read by both and compared cell by cell; a
property test does so over generated sheets.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import hostile
import openpyxl
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncnsc_reports.inputs.excel_formats import BUILTIN_IDS, LOCALE_FORMATS
from ncnsc_reports.inputs.sheet_xml import SheetData, read_sheet_data
from ncnsc_reports.inputs.xlsx_book import open_book


def read_all(path: Path) -> dict[str, SheetData]:
    with open_book(path) as book:
        return {name: read_sheet_data(book, name) for name in book.sheetnames}


def shown_format(code: str) -> str:
    """The format code the reader gives for what openpyxl calls `code` (14 and 22 follow the
    Vietnamese short date, ECMA-376 Part 1, 18.8.30)."""
    return LOCALE_FORMATS.get(BUILTIN_IDS.get(code, -1), code)


def openpyxl_cells(path: Path, **options) -> dict[str, dict]:
    """{sheet: {(row, column): (value, data type, format)}} as openpyxl reads, data only, the
    text's `_xHHHH_` escapes decoded once by openpyxl's own `unescape`."""
    with excel_escapes_kept():
        wb = openpyxl.load_workbook(path, data_only=True, **options)
    return {ws.title: {(c.row, c.column): (shown_text(c.value, c.data_type), c.data_type,
                                           shown_format(c.number_format))
                       for row in ws.iter_rows() for c in row if c.value is not None}
            for ws in wb.worksheets}


@contextlib.contextmanager
def excel_escapes_kept():
    """openpyxl reading shared strings as stored (without its removal of every "x005F_")."""
    from openpyxl.cell.text import Text
    from openpyxl.reader import excel
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    def as_stored(source):
        tag = f"{{{SHEET_MAIN_NS}}}si"
        return [Text.from_tree(node).content for _, node in iterparse(source) if node.tag == tag]

    original = excel.read_string_table
    excel.read_string_table = as_stored
    try:
        yield
    finally:
        excel.read_string_table = original


def shown_text(value, data_type: str):
    """A text cell as Excel shows it: openpyxl's `unescape` (one pass, `_x005F_` is "_")."""
    from openpyxl.utils.escape import unescape

    return unescape(value) if data_type == "s" and isinstance(value, str) else value


def strict(cells: dict) -> dict:
    """Cells with each value's type beside it: 1 == 1.0 == True must not pass as equal."""
    return {at: (type(v).__name__, v, kind, fmt) for at, (v, kind, fmt) in cells.items()}


def assert_same_as_openpyxl(path: Path) -> dict[str, SheetData]:
    ours = read_all(path)
    theirs = openpyxl_cells(path)
    assert list(ours) == list(theirs)
    for name, data in ours.items():
        assert strict(data.cells) == strict(theirs[name]), name
    return ours


ROWS = [  # (value, number format)
    (7, "General"), (-12, "0"), (3.25, "0.00"), (1e20, "General"), (10**20, "General"),
    (0.155, "0.00%"), (1234567.891, "#,##0.00"),
    (dt.datetime(2023, 4, 11), "mm-dd-yy"), (dt.datetime(2023, 4, 11, 8, 30), "m/d/yy h:mm"),
    (dt.datetime(2024, 2, 29), "dd/mm/yyyy"), (dt.datetime(1900, 2, 27), "dd/mm/yyyy"),
    (dt.time(8, 30), "h:mm"), (dt.time(17, 45, 10), "hh:mm:ss AM/PM"),
    (dt.timedelta(hours=30, minutes=5), "[h]:mm:ss"), (dt.date(2023, 1, 5), '"Ngày" d'),
    (45000, '0" ngày"'), (True, "General"), (False, "General"), ("843/QĐ-UBND", "@"),
    ("  khoảng trắng  ", "General"), ("dòng 1\ndòng 2", "General"), ("_x000D_ là xuống dòng", "@"),
    ("#DIV/0!", "General"),
]


def crafted_book(path: Path, date1904: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    for value, fmt in ROWS:
        ws.append(["nhãn", value])
        ws.cell(ws.max_row, 2).number_format = fmt
    ws["D2"] = "gộp"
    ws.merge_cells("D2:E3")
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[6].height = 30  # a row with attributes, not hidden
    hidden = wb.create_sheet("Ẩn")
    hidden.sheet_state = "hidden"
    hidden["A1"] = 1
    wb.create_sheet("Rất ẩn").sheet_state = "veryHidden"
    if date1904:
        wb.epoch = dt.datetime(1904, 1, 1)
    wb.save(path)
    return path


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_a_crafted_workbook_reads_as_openpyxl_reads_it(tmp_path, date1904):
    sheets = assert_same_as_openpyxl(crafted_book(tmp_path / "so.xlsx", date1904))
    data = sheets["Số liệu"]
    assert [sheets[n].state for n in sheets] == ["visible", "hidden", "veryHidden"]
    assert data.date1904 is date1904 and data.hidden_rows == {4}
    assert [(m.coord, m.min_row, m.min_col, m.max_row, m.max_col) for m in data.merged] == [
        ("D2:E3", 2, 4, 3, 5)]
    assert data.cells[(1, 2)] == (7, "n", "General") and type(data.cells[(2, 2)][0]) is int
    assert data.cells[(8, 2)] == (dt.datetime(2023, 4, 11), "d", "dd/mm/yyyy")  # format 14
    assert data.cells[(9, 2)][2] == "dd/mm/yyyy h:mm"  # format 22
    assert data.cells[(14, 2)] == (dt.timedelta(hours=30, minutes=5), "d", "[h]:mm:ss")


_INLINE = re.compile(r'<c ([^>]*?)t="inlineStr"><is><t([^>]*)>(.*?)</t></is></c>', re.S)


def share_strings(path: Path, extra: str = "") -> None:
    """Store the inline strings openpyxl writes as shared strings, as Excel stores them, with
    the <si> items `extra` after them."""
    items: list[str] = []

    def shared(match: re.Match) -> str:
        items.append(f"<si><t{match[2]}>{match[3]}</t></si>")
        return f'<c {match[1]}t="s"><v>{len(items) - 1}</v></c>'

    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    for part in sheets:
        hostile.rewrite(path, part, lambda xml: _INLINE.sub(shared, xml))
    hostile.add_part(path, "xl/sharedStrings.xml", (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(items) + extra + "</sst>").encode())
    hostile.rewrite(path, "[Content_Types].xml", lambda xml: xml.replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats'
        '-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')))


def patched_book(tmp_path: Path, rows: str, strings: str | None = None) -> Path:
    """A workbook whose first sheet holds A1, B1 and the raw <row> XML `rows`; with `strings`,
    its strings are shared, the <si> items `strings` after A1's and B1's."""
    path = tmp_path / "vá.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Trang"
    wb.active["A1"] = "đầu"
    wb.active["B1"] = "sau"
    wb.save(path)
    if strings is not None:
        share_strings(path, strings)
    hostile.rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        "</sheetData>", rows + "</sheetData>"))
    return path


PATCHED_ROWS = (
    '<row r="2"><c r="A2"><v>1E+20</v></c><c r="B2"><v>12345</v></c><c r="C2"><v>2.50</v></c>'
    '<c r="D2"><v/></c><c r="E2" t="s"><v/></c></row>'
    '<row r="3"><c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    '<c r="B3" t="str"><f>A1&amp;B1</f><v>đầusau</v></c>'
    '<c r="C3" t="str"><f>IF(A1="","",1)</f><v></v></c>'
    '<c r="D3"><f>SUM(A1:A2)</f></c><c r="E3"><f>1+1</f><v>2</v></c>'
    '<c r="F3" t="b"><v>1</v></c><c r="G3" t="d"><v>2023-04-11T08:30:00</v></c></row>'
    '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="s"><v>3</v></c>'
    '<c r="C4" t="s"><v>4</v></c>'
    '<c r="D4" t="inlineStr"><is><r><t>nội </t></r><r><rPr><b/></rPr><t>tuyến</t></r></is></c>'
    '<c r="E4" t="inlineStr"><is><t>_x005F_x0041_</t></is></c><c r="F4" t="inlineStr"/></row>'
    '<row><c><v>5</v></c><c t="inlineStr"><is><t>không số</t></is></c>'
    '<c r="E5" s="0"/><c><v>6</v></c></row>'
    '<row r="9"><c r="B9"><v>9</v></c></row><row><c r="C10"><v>10</v></c></row>'
)
PATCHED_STRINGS = (
    '<si><r><t>Chữ </t></r><r><rPr><i/></rPr><t>nghiêng</t></r>'
    '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>'
    '<si><t>_x005F_x0041_ và _x000D_</t></si>'
    '<si><t xml:space="preserve"> cách </t></si>'
)


def test_cells_openpyxl_does_not_write_read_as_openpyxl_reads_them(tmp_path):
    path = patched_book(tmp_path, PATCHED_ROWS, PATCHED_STRINGS)
    data = assert_same_as_openpyxl(path)["Trang"]
    cells = {at: value for at, (value, _, _) in data.cells.items()}
    assert cells[(2, 1)] == 1e20 and type(cells[(2, 1)]) is float
    assert cells[(2, 2)] == 12345 and type(cells[(2, 2)]) is int
    assert (2, 4) not in cells and (2, 5) not in cells  # empty <v/>
    assert data.cells[(3, 1)] == ("#DIV/0!", "e", "General")
    assert cells[(3, 2)] == "đầusau" and cells[(3, 5)] == 2
    assert (3, 3) not in cells  # a formula Excel calculated to "": an empty cell
    assert (3, 4) not in cells and data.formulas == {(3, 4): "=SUM(A1:A2)"}
    assert cells[(3, 6)] is True and cells[(3, 7)] == dt.datetime(2023, 4, 11, 8, 30)
    assert [cells[(4, c)] for c in range(1, 6)] == [
        "Chữ nghiêng", "_x0041_ và \r", " cách ", "nội tuyến", "_x0041_"]
    # a row without r follows row 4; cells without r follow the last cell's column
    assert cells[(5, 1)] == 5 and cells[(5, 2)] == "không số" and cells[(5, 6)] == 6
    assert cells[(9, 2)] == 9 and cells[(10, 3)] == 10


def test_a_number_python_cannot_convert_names_its_cell(tmp_path):
    path = patched_book(tmp_path, f'<row r="40"><c r="C40"><v>{"1" * 5000}</v></c></row>')
    with open_book(path) as book:
        assert read_sheet_data(book, "Trang").unreadable == (40, 3)


@pytest.mark.parametrize(("cell", "what"), [
    (f'<c r="C40"><v>{"1" * 5000}</v></c>', "ô chứa một số dài hàng nghìn chữ số"),
    ('<c r="C40"><v>1,5</v></c>', "ô lưu một số không hợp lệ (“1,5”)"),
    ('<c r="C40" t="d"><v>abc</v></c>', "ô lưu một ngày không hợp lệ (“abc”)"),
    ('<c r="C40" t="b"><v>true</v></c>', "ô lưu một giá trị đúng/sai (TRUE/FALSE) không hợp lệ"),
    ('<c r="C40" s="x"><v>1</v></c>', "định dạng của ô bị hỏng"),
    # without r: the cell after B40, named before its style is converted
    ('<c r="B40"><v>2</v></c><c s="x"><v>1</v></c>', "định dạng của ô bị hỏng"),
], ids=["long-number", "number", "date", "boolean", "style", "style-without-r"])
def test_a_cell_python_cannot_convert_is_named_and_said_for_what_it_holds(tmp_path, cell, what):
    """openpyxl refuses these cells too; the clerk is told which cell and what is wrong."""
    path = patched_book(tmp_path, f'<row r="40">{cell}</row>')
    with open_book(path) as book:
        data = read_sheet_data(book, "Trang")
    assert data.unreadable == (40, 3) and data.unreadable_what.startswith(what)


def test_a_date_outside_pythons_dates_is_an_error_cell_as_with_openpyxl(tmp_path):
    path = patched_book(tmp_path, '<row r="2"><c r="A2" s="1"><v>1E+300</v></c></row>')
    hostile.rewrite(path, "xl/styles.xml", lambda xml: xml.replace(
        '<cellXfs count="1">', '<cellXfs count="2">').replace(
        "</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellXfs>'))
    with pytest.warns(UserWarning, match="marked as a date"):  # openpyxl's warning
        data = assert_same_as_openpyxl(path)["Trang"]
    assert data.cells[(2, 1)] == ("#VALUE!", "e", "dd/mm/yyyy")


def test_an_empty_style_attribute_is_never_a_date_as_with_openpyxl(tmp_path):
    path = patched_book(tmp_path, '<row r="2"><c r="A2" s=""><v>45000</v></c>'
                                  '<c r="B2"><v>45000</v></c></row>')
    hostile.rewrite(path, "xl/styles.xml", lambda xml: xml.replace(
        '<cellXfs count="1"><xf numFmtId="0"', '<cellXfs count="1"><xf numFmtId="14"'))
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)  # normal mode fails on s=""
    assert [c.value for c in next(wb.active.iter_rows(min_row=2, max_row=2))] == [
        45000, dt.datetime(2023, 3, 15)]
    with open_book(path) as book:
        data = read_sheet_data(book, "Trang")
    assert data.cells[(2, 1)] == (45000, "n", "dd/mm/yyyy")
    assert data.cells[(2, 2)] == (dt.datetime(2023, 3, 15), "d", "dd/mm/yyyy")


def test_a_custom_format_is_numbered_as_openpyxl_numbers_it(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for i, fmt in enumerate(["0.000", "dd/mm/yyyy", "0.000", "0%", '#,##0" đ"'], start=1):
        ws.cell(i, 1, 0.5).number_format = fmt
    wb.save(tmp_path / "dinh-dang.xlsx")
    data = assert_same_as_openpyxl(tmp_path / "dinh-dang.xlsx")["Sheet"]
    assert [data.cells[(i, 1)][2] for i in range(1, 6)] == [
        "0.000", "dd/mm/yyyy", "0.000", "0%", '#,##0" đ"']


EXCEL_WRITTEN = sorted((ROOT / "tests" / "data" / "excel-written").glob("*.xlsx"))


@pytest.mark.filterwarnings("ignore:Workbook contains no stylesheet")  # openpyxl's
@pytest.mark.parametrize("path", EXCEL_WRITTEN, ids=[p.stem for p in EXCEL_WRITTEN])
def test_workbooks_written_by_excel_read_as_openpyxl_reads_them(path):
    ours = read_all(path)
    if path.stem == "empty_s_attribute":  # openpyxl's normal mode fails on s=""; read-only reads
        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
        for ws in wb.worksheets:
            values = {(r, c): v for r, row in enumerate(ws.iter_rows(values_only=True), 1)
                      for c, v in enumerate(row, 1) if v is not None}
            assert {at: (type(v), v) for at, (v, _, _) in ours[ws.title].cells.items()} == {
                at: (type(v), v) for at, v in values.items()}
        return
    wb = openpyxl.load_workbook(path, data_only=True)
    assert list(ours) == wb.sheetnames  # chart sheets included, in the workbook's order
    theirs = openpyxl_cells(path)
    for ws in wb.worksheets:
        data = ours[ws.title]
        assert strict(data.cells) == strict(theirs[ws.title]), ws.title
        assert data.state == ws.sheet_state and data.date1904 == (wb.epoch.year == 1904)
        assert data.hidden_rows == {r for r, d in ws.row_dimensions.items() if d.hidden}
        assert sorted(m.coord for m in data.merged) == sorted(
            r.coord for r in ws.merged_cells.ranges)
    assert all(not ours[c.title].cells for c in wb.chartsheets)


# --- Generated sheets, compared cell by cell -------------------------------------------------

FORMATS = ["General", "0", "0.00", "#,##0", "0%", "mm-dd-yy", "m/d/yy h:mm", "dd/mm/yyyy",
           "h:mm", "hh:mm:ss", "[h]:mm:ss", "@", "d-mmm-yy", '0.0" kg"', "yyyy", "[Red]0.00"]
VALUES = st.one_of(
    st.none(),  # a formatted blank cell: no value, only a style
    st.integers(-10**18, 10**18), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.dates(dt.date(1900, 3, 1)), st.times().map(lambda t: t.replace(microsecond=0)))
CELLS = st.dictionaries(st.tuples(st.integers(1, 30), st.integers(1, 12)),
                        st.tuples(VALUES, st.sampled_from(FORMATS)), max_size=40)


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date")  # openpyxl's, not ours
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=CELLS, hidden=st.sets(st.integers(1, 30), max_size=4), date1904=st.booleans(),
       shared=st.booleans(), merged=st.lists(st.tuples(st.integers(1, 30), st.integers(1, 12),
                                                        st.integers(0, 3), st.integers(0, 3)),
                                              max_size=3))
def test_generated_sheets_read_as_openpyxl_reads_them(tmp_path, cells, hidden, date1904,
                                                      shared, merged):
    wb = openpyxl.Workbook()
    ws = wb.active
    for (row, col), (value, fmt) in cells.items():
        ws.cell(row, col, value).number_format = fmt
    for row in hidden:
        ws.row_dimensions[row].hidden = True
    for row, col, rows, cols in merged:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows,
                       end_column=col + cols)
    if date1904:
        wb.epoch = dt.datetime(1904, 1, 1)
    path = tmp_path / "sinh.xlsx"
    wb.save(path)
    if shared:
        share_strings(path)
    data = assert_same_as_openpyxl(path)["Sheet"]
    assert data.hidden_rows == hidden
    ranges = openpyxl.load_workbook(path).active.merged_cells.ranges
    assert sorted((m.min_row, m.min_col, m.max_row, m.max_col, m.coord) for m in data.merged) == (
        sorted((r.min_row, r.min_col, r.max_row, r.max_col, r.coord) for r in ranges))


# --- Excel's escapes, read once (ECMA-376 Part 1, 22.9.2.19 ST_Xstring; issue 25, item 7) ---

def excel_escaped(text: str) -> str:
    """`text` as Excel and LibreOffice store it: a "_" that would start an escape is itself
    escaped (_x005F_), and a character XML cannot hold is written _xHHHH_."""
    text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]",
                  lambda m: f"_x{ord(m[0]):04X}_", text)
    return xml_escape(text)


# Pieces that make escapes, near-escapes and escapes of escapes likely; any text besides.
PIECES = st.sampled_from(["_", "x", "X", "_x", "005F", "_x005F_", "_x005f_", "_x0041_", "0041_",
                          "_x000D_", "_x00E9_", "_xD800_", "_x12G4_", "\r", "\n", "\x07", "ệ",
                          " ", "BC", "2023"])
ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=3)
ESCAPABLE = st.lists(st.one_of(PIECES, ANY), min_size=1, max_size=10).map("".join).filter(bool)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ESCAPABLE)
def test_a_typed_text_reads_as_typed_in_shared_inline_and_formula_strings(tmp_path, text):
    """Stored the way Excel and LibreOffice store it (a shared string), the way openpyxl and
    other writers store it (an inline string) and as a formula's text, the cell reads exactly
    as typed, and as openpyxl's own `unescape` reads what openpyxl parsed, once."""
    stored = excel_escaped(text)
    path = patched_book(tmp_path, (
        f'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is>'
        f'<t xml:space="preserve">{stored}</t></is></c><c r="C2" t="str"><f>A2</f>'
        f'<v xml:space="preserve">{stored}</v></c></row>'), f'<si><t xml:space="preserve">'
        f"{stored}</t></si>")
    data = assert_same_as_openpyxl(path)["Trang"]
    assert [data.value(2, c) for c in (1, 2, 3)] == [text] * 3


def test_a_literal_escape_typed_in_a_cell_reaches_the_report_as_typed(province_copy):
    """“BC_x0041_2023” typed in Excel or LibreOffice is stored “BC_x005F_x0041_2023”; openpyxl
    read it as "BC_x0041_2023" and the loader decoded it again to "BCA2023"."""
    from conftest import edit_workbook, year_book
    from docx_text import docx_lines

    from ncnsc_reports.pipeline import build

    book = year_book(province_copy)
    edit_workbook(book, "Nội dung", {"C2": "Mã hồ sơ BC_x005F_x0041_2023 và dòng_x000D_"})
    share_strings(book)  # as Excel and LibreOffice store text
    with zipfile.ZipFile(book) as z:
        assert "BC_x005F_x0041_2023" in z.read("xl/sharedStrings.xml").decode()
    result = build(province_copy / "2023", province_copy.parent.parent / "ra")
    assert "Mã hồ sơ BC_x0041_2023 và dòng" in docx_lines(result.path)
    assert not any("BCA2023" in line for line in docx_lines(result.path))


# --- Damaged workbooks and what reading imports ------------------------------------------------

def test_a_damaged_sheet_is_a_clerk_facing_error_naming_the_sheet(province_copy):
    from conftest import year_book

    from ncnsc_reports.inputs.schema import YEAR_SHEETS
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.problems import Problems

    book = year_book(province_copy)
    hostile.rewrite(book, hostile.sheet_part(book, "Văn bản"),
                    lambda xml: xml.replace("</sheetData>", "<row><c></row></sheetData>"))
    problems = Problems()
    read_workbook(book, YEAR_SHEETS, problems)
    assert [str(p) for p in problems.errors] == [
        "bao-cao-2023.xlsx › trang “Văn bản”: sổ Excel bị hỏng, không đọc được (ExpatError); "
        "hãy mở bằng Excel, lưu lại rồi chạy lại"]


def test_a_shared_string_the_table_lacks_is_a_damaged_workbook(tmp_path):
    from ncnsc_reports.inputs.schema import YEAR_DOCUMENTS
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.problems import Problems

    wb = openpyxl.Workbook()
    wb.active.title = YEAR_DOCUMENTS.name
    wb.active.append([c.header for c in YEAR_DOCUMENTS.columns])
    wb.save(tmp_path / "so.xlsx")
    hostile.append_xml_rows(tmp_path / "so.xlsx", YEAR_DOCUMENTS.name,
                            '<row r="2"><c r="A2" t="s"><v>99</v></c></row>')
    problems = Problems()
    read_workbook(tmp_path / "so.xlsx", (YEAR_DOCUMENTS,), problems)
    assert [str(p) for p in problems.errors] == [
        "so.xlsx › trang “Văn bản”: sổ Excel bị hỏng, không đọc được (IndexError); hãy mở bằng "
        "Excel, lưu lại rồi chạy lại"]


def test_a_missing_sheet_part_drops_the_sheet_as_openpyxl_did(tmp_path):
    path = crafted_book(tmp_path / "so.xlsx")
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist() if i.filename != "xl/worksheets/sheet2.xml"]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            z.writestr(info, data)
    with open_book(path) as book:
        assert book.sheetnames == openpyxl.load_workbook(path, read_only=True).sheetnames == [
            "Số liệu", "Rất ẩn"]


def test_reading_inputs_does_not_import_openpyxl(tmp_path):
    """A Hưng Yên build writes no workbook: openpyxl (≈ 0.1 s to import) is never loaded."""
    code = ("import sys; from ncnsc_reports.cli import main\n"
            "try:\n    main(['build', sys.argv[1], '--out', sys.argv[2]])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'))")
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "inputs" / "hung-yen" / "2023"),
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    lines = proc.stdout.strip().splitlines()
    assert lines[-2].startswith("Đã tạo báo cáo"), proc.stdout + proc.stderr
    assert lines[-1] == "[]"


def test_formatted_blank_rows_never_reach_the_xml_parser(tmp_path, monkeypatch):
    """100 000 formatted blank rows (a clerk formatted whole columns) are cut before parsing:
    the parser sees the sheet's real elements only, so reading stays well under a second."""
    from ncnsc_reports.inputs import sheet_xml

    path = tmp_path / "so.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["tiêu đề", 1])
    wb.save(path)
    rows = "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/>'
                   f"</row>" for r in range(2, 100_002))
    hostile.append_xml_rows(path, "Sheet", rows + '<row r="100002"><c r="C100002" s="1"/>'
                            '<c r="D100002"><v>7</v></c></row>')
    seen = []
    start = sheet_xml._SheetReader.start
    monkeypatch.setattr(sheet_xml._SheetReader, "start",
                        lambda self, name, attrs: seen.append(name) or start(self, name, attrs))
    with open_book(path) as book:
        data = read_sheet_data(book, "Sheet")
    assert data.cells == {(1, 1): ("tiêu đề", "s", "General"), (1, 2): (1, "n", "General"),
                          (100002, 4): (7, "n", "General")}
    assert len(seen) < 100


def test_a_sheet_part_that_does_not_inflate_is_a_damaged_workbook(province_copy):
    """A copy cut or scrambled inside one part: the zip's directory is sound, the part is not."""
    from conftest import year_book

    from ncnsc_reports.inputs.schema import YEAR_SHEETS
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.problems import Problems

    book = year_book(province_copy)
    with zipfile.ZipFile(book) as z:
        info = z.getinfo(hostile.sheet_part(book, "Văn bản"))
    data = bytearray(book.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + info.compress_size - 10, 7):
        data[i] ^= 0x5A
    book.write_bytes(bytes(data))
    problems = Problems()
    read_workbook(book, YEAR_SHEETS, problems)
    [error] = [str(p) for p in problems.errors]
    # scrambled deflate data fails to inflate (zlib) or inflates to bytes whose CRC fails
    assert error in (f"bao-cao-2023.xlsx › trang “Văn bản”: sổ Excel bị hỏng, không đọc được "
                     f"({kind}); hãy mở bằng Excel, lưu lại rồi chạy lại"
                     for kind in ("zlib.error", "BadZipFile"))
