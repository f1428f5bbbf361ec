"""The sample summary's clerk text agrees with its tables (review H4; issue 22 sample-content
notes): every rate the An Giang 2021–2025 workbook writes in III (Đánh giá chung) is one that II
prints for an indicator or the budget, “vượt” only above 100%, “chưa đạt” only below, and every
paragraph of the illustrative workbook says it is illustrative."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.pipeline import build

RATE = re.compile(r"(\d+(?:,\d+)?)%")


@pytest.fixture(scope="module")
def sections(tmp_path_factory) -> tuple[str, list[str]]:
    """(section II as one text, the lines of section III) of the built sample summary."""
    folder = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"
    lines = docx_lines(build(folder, tmp_path_factory.mktemp("out")).path)
    two = lines.index("II. Kết quả thực hiện giai đoạn 2021-2025")
    three = lines.index("III. Đánh giá chung")
    four = next(i for i, line in enumerate(lines) if line.startswith("IV. "))
    return "\n".join(lines[two:three]), lines[three:four]


def _number(rate: str) -> float:
    return float(rate.replace(",", "."))


def test_every_rate_in_the_assessment_is_one_the_tables_print(sections):
    results, assessment = sections
    rates = [(line, r) for line in assessment for r in RATE.findall(line)]
    assert len(rates) >= 8  # III.1, III.2 and III.3 quote the tables
    for line, rate in rates:
        assert (f"đạt {rate}% chỉ tiêu giai đoạn" in results
                or f"bằng {rate}% dự toán" in results), (rate, line)


def test_exceeded_and_missed_read_as_their_rates(sections):
    _, assessment = sections
    for line in assessment:
        rates = [_number(r) for r in RATE.findall(line)]
        if "vượt chỉ tiêu" in line:
            assert rates and all(r > 100 for r in rates), line
        if "chưa đạt chỉ tiêu" in line:
            assert rates and all(r < 100 for r in rates), line


def test_the_clerks_paragraphs_are_marked_illustrative(sections):
    _, assessment = sections
    bullets = [line for line in assessment if line.startswith("- ")]
    assert len(bullets) >= 9 and all(line.endswith("(minh họa).") for line in bullets)
