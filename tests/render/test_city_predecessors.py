"""A merged city names its predecessors by their own kind (issue 22): Hải Phòng was formed from
the former city of Hải Phòng and the province of Hải Dương, so its summary says “thành phố Hải
Phòng (trước sắp xếp)” and “tỉnh Hải Dương (trước sắp xếp)”, and names itself “thành phố Hải
Phòng” — never “tỉnh Hải Phòng”. The kind comes from the division data (inputs.divisions)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from conftest import ROOT
from docx import Document

from ncnsc_reports.inputs.divisions import former_kind
from ncnsc_reports.inputs.schema import HELP_SHEET, LISTS_SHEET, PROFILE_AGENCY, PROFILE_SHEETS
from ncnsc_reports.inputs.sheets import read_workbook
from ncnsc_reports.kinds import sample_context
from ncnsc_reports.new_province import start_province
from ncnsc_reports.problems import Problems
from ncnsc_reports.render.docx import render
from ncnsc_reports.report.formation import read_formation
from ncnsc_reports.report.model import province_words
from ncnsc_reports.report.validation import agency_in_force


def test_the_kind_of_every_former_province_is_the_converters():
    """former_kind reads the six cities of today; every former city kept its name in a city
    (NQ 202/2025/QH15), so it agrees with the old names of vietnam-address-converter."""
    from vietnam_address_converter.data import DEFAULT_DATA

    old = {row["old"]["province_name"] for row in DEFAULT_DATA["mapping"]["rows"]}
    assert len(old) == 63
    for name in old:
        kind = "thành phố" if name.lower().startswith("thành phố ") else "tỉnh"
        short = name.split(" ", 2)[2] if kind == "thành phố" else name.split(" ", 1)[1]
        assert former_kind(short) == kind, name
    assert former_kind("Cần Thơ (trước sắp xếp)") == "thành phố"
    assert former_kind("Sóc Trăng") == "tỉnh"


@pytest.mark.parametrize(("place", "parent", "words"), [
    ("An Giang", "UBND TỈNH AN GIANG", "tỉnh An Giang"),
    ("Hải Phòng", "UBND THÀNH PHỐ HẢI PHÒNG", "thành phố Hải Phòng"),
    ("Thành phố Hồ Chí Minh", "UBND THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh")])
def test_the_province_names_itself_by_its_kind(place, parent, words):
    assert province_words(place, parent) == words


@pytest.fixture(scope="module")
def hai_phong(tmp_path_factory):
    """A new project's Hải Phòng, as `new-province inputs/hai-phong` writes it."""
    root = tmp_path_factory.mktemp("project")
    start_province(root / "inputs" / "hai-phong")
    return root / "inputs" / "hai-phong"


def test_new_province_hai_phong_names_each_predecessor_by_its_kind(hai_phong):
    formation = read_formation(hai_phong, Problems())
    assert [p.words for p in formation.predecessors] == [
        "tỉnh Hải Dương (trước sắp xếp)", "thành phố Hải Phòng (trước sắp xếp)"]


def test_a_merged_citys_summary_says_thanh_pho(hai_phong):
    problems = Problems()
    sheets = read_workbook(hai_phong / "ho-so-tinh.xlsx", PROFILE_SHEETS, problems,
                           (HELP_SHEET, LISTS_SHEET))
    agency = agency_in_force(sheets[PROFILE_AGENCY.name], {}, 2025, problems)
    assert agency.province_words == "thành phố Hải Phòng"
    names = [p.words for p in read_formation(hai_phong, problems).predecessors]
    # the An Giang sample's context (a merged province's summary), as Hải Phòng would have it
    context = sample_context("tong-ket")
    context = replace(context, agency=agency,
                      merger=replace(context.merger, names=names, counted=names))
    data = render(ROOT / "templates" / "tong-ket-giai-doan.docx", context)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert ("Thành phố Hải Phòng được thành lập từ ngày 01/7/2025 trên cơ sở hợp nhất tỉnh Hải "
            "Dương (trước sắp xếp) và thành phố Hải Phòng (trước sắp xếp).") in text
    assert ("đến ngày 30/6/2025 và của thành phố Hải Phòng từ ngày 01/7/2025; kết quả thực hiện "
            "kế hoạch của mỗi tỉnh, thành phố trước sắp xếp được tính trên địa bàn của tỉnh, "
            "thành phố đó, kết quả chung của toàn thành phố tính mỗi doanh nghiệp (theo mã số "
            "thuế) một lần dù được hỗ trợ ở nhiều tỉnh, thành phố trước sắp xếp.") in text
    assert "Kết quả chung trên toàn địa bàn thành phố Hải Phòng (mỗi doanh nghiệp" in text
    assert "trên toàn địa bàn thành phố Hải Phòng" in text.split("Bảng", 3)[-1]
    assert "trên toàn địa bàn thành phố; chỉ tiêu giai đoạn theo" in text  # a survey (M10)
    generated = text.split("III. Đánh giá chung")[0]  # III–V are the An Giang clerk's text
    assert "tỉnh Hải Phòng" not in text and "toàn địa bàn tỉnh" not in generated
