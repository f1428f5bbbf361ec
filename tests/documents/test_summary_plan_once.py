"""Each plan once in a merged province's summary (issue 22 item 2, “one enterprise counted
once”): Đồng Tháp 2021–2025, where the merged province keeps the folder of the former Đồng
Tháp and its profile carries Tiền Giang 224/KH-UBND (still in force). KH 224 is listed once, on
the former Tiền Giang, and the draft plan's targets derive from each distinct plan once — not
from KH 224 read again from dong-thap/ (the defect: 224 listed three times, 33 classes)."""

from __future__ import annotations

import math
import shutil

import openpyxl
from click.testing import CliRunner
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.cli import main

PERIOD = "tong-ket-2021-2025"
ABSENT = ("Kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Đồng Tháp (trước sắp xếp) giai "
          "đoạn 2021-2025 sẽ được Sở báo cáo bổ sung.")  # the clerk's words (dữ liệu minh họa)
VERBS = {"LTH": "- Tổ chức ít nhất {} lớp tập huấn",
         "DNAD": "- Hỗ trợ ít nhất {} doanh nghiệp áp dụng",
         "DNCN": "- Hỗ trợ chứng nhận ít nhất {} doanh nghiệp"}


def _rows(path, sheet):
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True))


def _dong_thap_without_its_years(tmp_path):
    for name in ("dong-thap", "tien-giang"):
        shutil.copytree(ROOT / "inputs" / name, tmp_path / "inputs" / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    province = tmp_path / "inputs" / "dong-thap"
    wb = openpyxl.load_workbook(province / "ho-so-tinh.xlsx")
    for year in (2022, 2023, 2024, 2025):  # 2021 comes from Tiền Giang's folder
        wb["Năm không có số liệu"].append([year, "dữ liệu minh họa: không có số liệu"])
    formation = wb["Hình thành"]
    row = next(r for r in formation.iter_rows(min_row=2) if r[1].value.startswith("Đồng Tháp"))
    row[3].value = ABSENT
    wb.save(province / "ho-so-tinh.xlsx")
    return province


def _expected_targets(profile) -> dict[str, int]:
    """The draft targets from each distinct plan's 2021–2025 targets once (rule of its row)."""
    percent = {r[1]: r[8] for r in _rows(profile, "Kế hoạch") if r[1]}
    totals: dict[str, int] = {}
    for document, code, span, value in {r[:4] for r in _rows(profile, "Chỉ tiêu kế hoạch")
                                        if r[0]}:  # a set: a plan's row once
        if span == "2021-2025":
            totals[code] = totals.get(code, 0) + math.ceil(value * percent[document] / 100)
    return totals


def test_a_plan_in_force_is_listed_once_and_its_targets_counted_once(tmp_path):
    province = _dong_thap_without_its_years(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["new-summary", str(province / PERIOD)]).exit_code == 0
    result = runner.invoke(main, ["build", str(province / PERIOD)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "outputs" / "dong-thap" / PERIOD
    summary = docx_lines(out / "bao-cao-tong-ket-dong-thap-2021-2025.docx")
    plans = summary[summary.index("I. Kế hoạch triển khai thực hiện và các văn bản sửa đổi, "
                                  "bổ sung") + 1:summary.index(
                                      "II. Kết quả thực hiện giai đoạn 2021-2025")]
    assert sum("224/KH-UBND" in line for line in plans) == 1, plans
    assert not any("Trên địa bàn tỉnh Đồng Tháp (trước sắp xếp)" in line for line in summary)
    # KH 224 measured on the territory it was issued for, the rate on matching bases
    assert summary.count("Trên địa bàn tỉnh Tiền Giang (trước sắp xếp), theo Kế hoạch số "
                         "224/KH-UBND:") == 1
    assert ("Bảng 1. Kết quả thực hiện các chỉ tiêu giai đoạn 2021-2025 trên địa bàn tỉnh "
            "Tiền Giang (trước sắp xếp)") in summary
    assert any(ABSENT in line for line in summary)  # said in the clerk's words
    assert any("trên toàn địa bàn tỉnh Đồng Tháp" in line for line in summary)

    plan = docx_lines(out / "du-thao-ke-hoach-dong-thap-2026-2030.docx")
    expected = _expected_targets(tmp_path / "inputs" / "tien-giang" / "ho-so-tinh.xlsx")
    assert expected == {"LTH": 11, "DNAD": 22, "DNCN": 33}  # 110% of 224's 10, 20, 30
    for code, target in expected.items():
        assert any(line.startswith(VERBS[code].format(target)) for line in plan), (code, plan)
