"""Phases (issue 9): a 2026 report speaks of 2026–2030, cites the plans in force for it and
says where each target comes from; nothing typed in the plan sheets is silently ignored."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.inputs.blank import write_blank_year_workbook
from ncnsc_reports.pipeline import build


@pytest.fixture
def tien_giang_2026(tmp_path):
    province = tmp_path / "inputs" / "tien-giang"
    shutil.copytree(ROOT / "inputs" / "tien-giang", province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    write_blank_year_workbook(province / "2026")
    return province


def test_first_year_of_phase_two_is_worded_as_one_year(tien_giang_2026):
    text = "\n".join(docx_lines(build(tien_giang_2026 / "2026").path))
    assert not re.search(r"(\d{4})\s*[-–]\s*\1", text), "a range with the same year twice"
    assert "(năm 2021)" not in text
    assert not re.search(r"[Ll]ũy kế từ năm 202[1-5]", text)
    assert ("1. Đánh giá kết quả, hiệu quả đã đạt được từ đầu giai đoạn 2026-2030 (năm 2026) "
            "đến hết năm 2026:") in text
    assert "lũy kế kết quả, hiệu quả đạt được từ đầu giai đoạn 2026-2030 đến hết năm 2026" in text
    assert "Lũy kế năm 2026" in text
    assert ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH NĂM 2026, NĂM ĐẦU GIAI ĐOẠN "
            "2026-2030") in text


def test_derived_targets_are_cited_to_the_plan_and_its_rule(tien_giang_2026):
    text = "\n".join(docx_lines(build(tien_giang_2026 / "2026").path))
    assert ("- Năm 2026 đã tổ chức 0 lớp tập huấn; lũy kế từ đầu giai đoạn 2026-2030 đến hết "
            "năm 2026 đã tổ chức 0/11 lớp tập huấn, đạt 0,0% chỉ tiêu giai đoạn 2026-2030 theo "
            "Kế hoạch số 224/KH-UBND (tăng ít nhất 10% so với giai đoạn 2021-2025).") in text
    # the label that repeated the 2021-2025 target (“trên 30”) follows the derived one
    assert "Doanh nghiệp được hỗ trợ chứng nhận (chỉ tiêu: trên 33)" in text
    assert "trên 30" not in text
