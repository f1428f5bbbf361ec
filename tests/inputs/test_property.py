"""Property: any Unicode text typed into a “Nội dung” cell reaches the report, or is refused.

Hypothesis writes arbitrary texts into three cells the way Excel stores them (a character XML cannot
hold as `_xHHHH_`), builds, and checks the .docx: every part parses, and the paragraph is the
text made NFC, without the characters Word cannot hold (the clerk gets a warning), with outer
spaces trimmed. A text that is empty after that, or looks typed in a legacy encoding (TCVN3,
VNI), is refused with one message for that cell instead. Nothing crashes. (Three cells per
build keep the test fast: a build renders the whole report.)
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
import zipfile
from xml.sax.saxutils import escape

import pytest
from conftest import ROOT, SAMPLE_PROVINCE, edit_workbook, year_book
from docx_text import docx_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.cells import legacy_encoding
from ncnsc_reports.pipeline import build
from ncnsc_reports.render.docx import check_docx

ROWS = (2, 3, 4)
CELL = "bao-cao-2023.xlsx › trang “Nội dung” › dòng {} › cột “Nội dung”"
# XML-illegal characters, C1 controls and bidi overrides: removed, with a warning
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                     "\ufffe\uffff]")
# Every character, plus the ones most likely to break something, so that they come often. A lone
# surrogate is no character and cannot be in a workbook (see test_bad_inputs for its escape).
CHARS = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(list(
    "&<>\"'\t\n\r\x07\x0b\x1b\ufeff\u200b\u2028\u202e\u0085\u00a0_{}%#ẠăĐơữ\u0301\u0323µ¸®")))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A copy of the sample with markers in “Nội dung” C2:C4; return (province, workbook)."""
    root = tmp_path_factory.mktemp("property")
    province = root / "inputs" / "hung-yen"
    shutil.copytree(SAMPLE_PROVINCE, province)
    shutil.copytree(ROOT / "templates", root / "templates")
    edit_workbook(year_book(province), "Nội dung", {f"C{row}": marker(row) for row in ROWS})
    return province, year_book(province).read_bytes()


def excel_xml(text: str) -> str:
    """Return `text` as Excel writes it in a cell's XML (ECMA-376 Part 1, 22.9.2.19)."""
    text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)  # a literal “_x0041_x0042_”
    # XML cannot hold these, and would turn a carriage return into a line feed.
    text = re.sub("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]",
                  lambda m: f"_x{ord(m[0]):04X}_", text)
    return escape(text)


def marker(row: int) -> str:
    return f"NOI-DUNG-THU-{row}"


def with_texts(workbook: bytes, texts: list[str]) -> bytes:
    """Return the workbook with the marker cells holding `texts`."""
    source, target = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info.filename)
            for row, text in zip(ROWS, texts, strict=True):
                data = data.replace(f"<t>{marker(row)}</t>".encode(),
                                    f'<t xml:space="preserve">{excel_xml(text)}</t>'.encode())
            z.writestr(info, data)
    return target.getvalue()


def expected(text: str) -> str:
    """Return what the report must show: no illegal characters, NFC, one kind of line break."""
    shown = unicodedata.normalize("NFC", ILLEGAL.sub("", text))
    return shown.replace("\r\n", "\n").replace("\r", "\n").strip()


def refusal(row: int, shown: str) -> str | None:
    """Return the error a cell showing `shown` must get, or None if it is accepted."""
    if not shown:
        return f"{CELL.format(row)}: cần nội dung (không được để trống), nhưng gặp ô trống"
    if not legacy_encoding(shown):
        return None
    return (f"{CELL.format(row)}: cần chữ tiếng Việt Unicode, nhưng gặp “{shown[:40]}"
            f"{'…' if len(shown) > 40 else ''}” — chữ gõ bằng bảng mã {legacy_encoding(shown)}; "
            "hãy chuyển sang Unicode bằng Unikey (Ctrl+Shift+F6: “Công cụ chuyển mã”) rồi chạy "
            "lại")


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(st.text(CHARS, max_size=80), min_size=3, max_size=3))
def test_any_text_reaches_the_report_or_is_refused_for_that_cell(sample, tmp_path_factory,
                                                                   texts):
    province, workbook = sample
    year_book(province).write_bytes(with_texts(workbook, texts))
    shown = [expected(text) for text in texts]
    refused = [r for r in map(refusal, ROWS, shown) if r]
    try:
        result = build(province / "2023", tmp_path_factory.mktemp("out"))
    except InputError as err:
        assert [str(p) for p in err.problems if p.is_error] == refused
        return
    assert refused == []
    check_docx(result.path.read_bytes())
    lines = docx_lines(result.path)
    # a line break inside a cell starts a paragraph of the same kind (issue 10)
    assert all(piece.strip() in lines for text in shown for piece in text.split("\n")
               if piece.strip())
    removed = [str(p) for p in result.warnings if "ký tự điều khiển" in p.message]
    assert removed == [f"{CELL.format(row)}: đã bỏ ký tự điều khiển không in được (thường do "
                       "dán từ nơi khác)" for row, text in zip(ROWS, texts, strict=True)
                       if ILLEGAL.search(text)]
