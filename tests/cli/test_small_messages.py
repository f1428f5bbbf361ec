"""The small messages of issue 23 (item 5), each with its exact text: a date the calendar does
not have, a suggested command that works when pasted, no Jinja internals suggested for a typo,
and why a 2021–2030 plan is no longer cited in a 2026–2030 year."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import docx
import openpyxl
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_PROVINCE, edit_workbook, year_book

from ncnsc_reports.cli import main

CORPUS = ROOT / "tests" / "data" / "templates"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_date_the_calendar_does_not_have_is_said_so(province_copy):
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "31/02/2026"})
    result = run("build", province_copy / "2023")
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        "  - bao-cao-2023.xlsx › trang “Văn bản” › dòng 2 › cột “Ngày ban hành”: cần một ngày "
        "dạng ngày/tháng/năm (ví dụ 11/4/2023), nhưng gặp “31/02/2026”: không có ngày này "
        "(tháng 2 năm 2026 chỉ có 28 ngày)")


def test_the_command_suggested_after_a_template_error_works_when_pasted(tmp_path):
    province = tmp_path / "Báo cáo Sở" / "inputs" / "hung-yen"  # a path with spaces
    shutil.copytree(SAMPLE_PROVINCE, province)
    (province / "templates").mkdir()
    shutil.copy(CORPUS / "unknown-field.docx", province / "templates" / "bao-cao-nam.docx")
    result = run("build", province / "2023")
    assert result.exit_code == 1
    template = province / "templates" / "bao-cao-nam.docx"
    pasted = result.stderr.split("Kiểm tra lại bằng: ")[1].splitlines()[0]
    assert pasted == f'ncnsc-report check-template "{template}"'  # straight quotes
    assert "“" not in pasted and "”" not in pasted
    if os.name != "nt":  # run it as a shell reads it
        shell = pasted.replace("ncnsc-report", f"{sys.executable} -m ncnsc_reports", 1)
        proc = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.returncode == 1  # the template's error, found: not a missing file
        assert "«{{ palce_date }}»: không có trường “palce_date” — có phải “place_date”?" in \
            proc.stderr
        assert "không tìm thấy" not in proc.stderr


def test_a_typo_gets_our_field_not_a_jinja_internal(tmp_path):
    document = docx.Document()
    document.add_paragraph("Năm {{ yaer }}")
    document.save(tmp_path / "bao-cao-nam.docx")
    result = run("check-template", tmp_path / "bao-cao-nam.docx")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (
        "  - đoạn 1 (đầu văn bản, trước tiêu đề đầu tiên) «Năm {{ yaer }}»: thẻ «{{ yaer }}»: "
        "không có trường “yaer” — có phải “year”? (danh sách trường: ncnsc-report fields)")
    for internal in ("cycler", "joiner", "namespace", "range", "lipsum", "dict"):
        assert internal not in result.stderr


def test_a_2026_2030_plan_says_why_the_2021_2030_plan_is_no_longer_cited(province_copy):
    profile = province_copy / "ho-so-tinh.xlsx"
    wb = openpyxl.load_workbook(profile)
    wb["Kế hoạch"].append(["Kế hoạch", "12/KH-UBND", dt.datetime(2026, 1, 15),
                           "UBND tỉnh Hưng Yên", "thực hiện Chương trình giai đoạn 2026-2030 "
                           "(văn bản minh họa)", "2026-2030", None, None, None])
    wb.save(profile)
    assert run("new-year", province_copy / "2026").exit_code == 0
    result = run("build", province_copy / "2026")
    assert result.exit_code == 0, result.output
    said = ("  - ho-so-tinh.xlsx › trang “Kế hoạch” › dòng 2 › cột “Số, ký hiệu”: Kế hoạch số "
            "101/KH-UBND (giai đoạn 2021-2030) không được dẫn trong báo cáo năm 2026: Kế hoạch "
            "số 12/KH-UBND ngày 15/01/2026 (giai đoạn 2026-2030) ban hành sau, thay cho nó trong "
            "giai đoạn 2026-2030; chỉ tiêu, định mức, kinh phí lấy theo Kế hoạch số 12/KH-UBND "
            "và các văn bản sửa đổi của nó")
    assert said in result.stdout.splitlines()  # on the last lines, after the report's path
    assert run("build", province_copy / "2023").stdout.count("101/KH-UBND") == 0
