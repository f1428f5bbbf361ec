"""Rendering: every value reaches the report intact, strictly, and the .docx is sound."""

from __future__ import annotations

import shutil
import time
import zipfile

import pytest
from conftest import DATA, edit_workbook, pdf_of, year_book
from docx import Document
from docx_text import docx_lines

from ncnsc_reports.errors import InputError, TemplateError
from ncnsc_reports.inputs.sheets import clean_text
from ncnsc_reports.pipeline import build
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.render.docx import render


def test_markup_characters_tabs_and_line_breaks_reach_the_report(province_copy):
    tricky = "R&D <ISO 9001> “trích” \"kép\" 'đơn'\tcột 2\ndòng 2"
    edit_workbook(year_book(province_copy), "Nội dung", {"C2": tricky})
    lines = docx_lines(build(province_copy / "2023").path)
    # a line break starts a new paragraph of the same kind (issue 10), never a manual break
    first, second = tricky.split("\n")
    assert lines[lines.index(first) + 1] == second


def test_xml_illegal_characters_are_removed_with_a_warning():
    problems = Problems()
    where = Location("a.xlsx", "Nội dung", 4, "Nội dung")
    assert clean_text("Báo\x07 cáo\x1b", where, problems) == "Báo cáo"
    assert [str(p) for p in problems] == [
        "a.xlsx › trang “Nội dung” › dòng 4 › cột “Nội dung”: đã bỏ ký tự điều khiển không in "
        "được (thường do dán từ nơi khác)"]


def test_decomposed_vietnamese_is_normalised():
    problems = Problems()
    nfd = "Ho\u0302\u0323i đo\u0302\u0300ng"  # "Hội đồng" typed with combining marks
    assert clean_text(nfd, Location("a.xlsx"), problems) == "Hội đồng"


def minimal_template(tmp_path, text: str):
    doc = Document()
    doc.add_paragraph(text)
    path = tmp_path / "mau.docx"
    doc.save(path)
    return path


def test_unknown_field_is_an_error_not_an_empty_string(tmp_path):
    with pytest.raises(TemplateError) as caught:
        render(minimal_template(tmp_path, "Năm {{ nam_bao_cao }}"), {"year": 2023})
    assert str(caught.value).startswith(
        "mẫu “mau.docx”: trường “nam_bao_cao” không có trong dữ liệu")


def test_sandbox_refuses_python_internals(tmp_path):
    with pytest.raises(TemplateError):
        render(minimal_template(tmp_path, "{{ year.__class__.__mro__ }}"), {"year": 2023})


def test_every_xml_part_parses(sample_report):
    from lxml import etree

    with zipfile.ZipFile(sample_report) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))


def test_failed_build_leaves_the_previous_report_untouched(province_copy):
    first = build(province_copy / "2023").path
    before = first.read_bytes()
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "hôm nay"})
    with pytest.raises(InputError):
        build(province_copy / "2023")
    assert first.read_bytes() == before
    assert sorted(p.name for p in first.parent.iterdir()) == [first.name]


@pytest.mark.libreoffice
def test_libreoffice_converts_the_report_to_pdf(sample_report, tmp_path):
    _, pages, text = pdf_of(sample_report, tmp_path)
    assert pages >= 5
    assert "BÁO CÁO" in text and "Nguyễn Thái Kiều Ngân" in text


def test_sandbox_refusal_is_worded_for_an_editor(tmp_path):
    with pytest.raises(TemplateError) as caught:
        render(minimal_template(tmp_path, "{{ year.__class__ }}"), {"year": 2023})
    assert str(caught.value).startswith(
        "mẫu “mau.docx”: thẻ mẫu truy cập phần nội bộ của chương trình, không được phép")


def test_same_inputs_give_byte_identical_outputs(built_samples, tmp_path):
    from conftest import ROOT

    first = built_samples("an-giang/2023")  # built earlier in the run, maybe by another worker
    time.sleep(1.1)  # a clock second later: nothing may carry the time of the build
    second = build(ROOT / "inputs" / "an-giang" / "2023", tmp_path / "b")
    for name in (first.path.name, "chi-tieu.xlsx"):
        assert (first.path.parent / name).read_bytes() == (second.path.parent / name).read_bytes()
    props = Document(str(first.path)).core_properties
    assert (props.created.year, props.created.month) == (2023, 11)  # the report's date


def test_a_changed_template_is_checked_again(province_copy):
    build(province_copy / "2023")  # the intact template passes and is remembered
    broken = DATA / "templates" / "unknown-field.docx"
    shutil.copyfile(broken, province_copy.parent.parent / "templates" / "bao-cao-nam.docx")
    with pytest.raises(TemplateError) as caught:
        build(province_copy / "2023")
    assert "ncnsc-report check-template" in str(caught.value)


@pytest.mark.parametrize("text", ["", "a & b < c > d", 'say "hi"', "it's", "both \"'", "\n\r\t",
                                  "&amp; “ngoặc” ‘đơn’", "x" * 100])
def test_xml_escapes_are_those_of_the_standard_library(text):
    """render.docx escapes as xml.sax.saxutils without importing it (start-up time)."""
    from xml.sax.saxutils import escape, quoteattr

    from ncnsc_reports.render.docx import escaped, quoted

    assert escaped(text) == escape(text)
    assert quoted(text) == quoteattr(text)
