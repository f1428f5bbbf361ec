"""The phase summary read as the Director who signs it (issue 22; review M7, M8, M9, L6, L7).

Guards what the wording fixes made of tong-ket-giai-doan.docx: “đạt 100% chỉ tiêu giai đoạn
theo …” with “(chưa đạt)” only where a target was missed, rates written as in the yearly reports
(“100”, “96”, never “100,0”), the amending decision citing the plan short, a paragraph carried
from two yearly reports printed once, “Tổng cộng”, the title “Tổng kết việc thực hiện …”.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from docx_text import docx_lines

PERIOD = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"


@pytest.fixture(scope="module")
def lines(built_samples) -> list[str]:
    return docx_lines(built_samples(PERIOD).path)


def test_met_targets_are_not_marked_and_missed_ones_are(lines):
    text = "\n".join(lines)
    assert "(đạt chỉ tiêu)" not in text and "chưa đạt chỉ tiêu)" not in text
    # the lines with a rate (the survey's has none: its result cannot be placed, review M10)
    items = [x for x in lines if x.startswith("- ") and "% chỉ tiêu giai đoạn theo" in x]
    assert len(items) >= 8
    # missed: the count below its target (a former province may exceed its own, 112,5%)
    assert [x for x in items if x.endswith(("(chưa đạt);", "(chưa đạt)."))] == [
        x for x in items if _below(x)]


def _below(item: str) -> bool:
    done, target = re.search(r"(\d+)/(\d+) ", item).groups()
    return int(done) < int(target)


def test_rates_read_as_in_the_yearly_reports(lines):
    assert not any("100,0" in x or "96,0" in x for x in lines)
    assert "| 92" in lines and "| 100" in lines  # mã số mã vạch 23/25 (issue 22 item 1)


def test_the_amendment_cites_the_plan_short_and_the_title_reads_right(lines):
    text = "\n".join(lines)
    assert "bãi bỏ một số nội dung của Kế hoạch số 573/KH-UBND." in text
    assert "28 tháng 9 năm 2021" not in text
    assert "Tổng kết việc thực hiện giai đoạn 2021-2025" in text
    assert "| Tổng cộng" in lines and "| Cộng" not in lines


def test_a_carried_paragraph_is_printed_once(lines):
    carried = [x for x in lines if x.startswith("Sở Khoa học và Công nghệ tiếp nhận hồ sơ")]
    assert len(carried) == 1
