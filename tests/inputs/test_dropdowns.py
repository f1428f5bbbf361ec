"""Every drop-down of every workbook the tool writes refuses other values (Excel and
LibreOffice both honour showErrorMessage with errorStyle “stop”) and says why in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT

SAMPLES = sorted((ROOT / "inputs").glob("**/*.xlsx"))


def dropdowns(path: Path):
    wb = openpyxl.load_workbook(path)
    return [(ws.title, dv) for ws in wb for dv in ws.data_validations.dataValidation]


def refusing(dv) -> bool:
    return (dv.type == "list" and dv.showErrorMessage and dv.errorStyle in (None, "stop")
            and dv.errorTitle == "Giá trị không hợp lệ"
            and "chỉ nhận một giá trị trong danh sách" in (dv.error or ""))


@pytest.mark.parametrize("path", SAMPLES, ids=[str(p.relative_to(ROOT)) for p in SAMPLES])
def test_every_sample_workbook_refuses_values_outside_its_lists(path):
    found = dropdowns(path)
    assert [f"{sheet} {dv.sqref}" for sheet, dv in found if not refusing(dv)] == []


def test_a_new_year_workbook_refuses_values_outside_its_lists(province_copy):
    from ncnsc_reports.inputs.blank import write_blank_year_workbook

    path = write_blank_year_workbook(province_copy / "2024")
    found = dropdowns(path)
    assert found and all(refusing(dv) for _, dv in found)
    section = next(dv for sheet, dv in found if sheet == "Nội dung")
    assert section.error == ("Cột “Mục” chỉ nhận một giá trị trong danh sách: bấm mũi tên bên "
                             "phải ô để chọn.")
