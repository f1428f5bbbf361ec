"""The 2026 samples (issue 9, done-when): An Giang 2026 (merged, its own 2026–2030 plan,
illustrative) and Đồng Tháp 2026 (224/KH-UBND's 110 % rule); phase-1 reports unchanged by them."""

from __future__ import annotations

import math
import re
import shutil

import openpyxl
import pytest
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.pipeline import build

PHASE_ONE = [("an-giang", y) for y in range(2021, 2026)] + [("tien-giang", 2021)]
ENDED = ("573/KH-UBND", "648/QĐ-UBND")


@pytest.fixture(scope="module")
def samples(built_samples):
    return {name: built_samples(f"{name}/2026") for name in ("an-giang", "dong-thap")}


def text_of(result) -> str:
    return "\n".join(docx_lines(result.path))


def indicator_table(result) -> list[tuple]:
    ws = openpyxl.load_workbook(result.path.parent / "chi-tieu.xlsx").worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][3] == "Chỉ tiêu giai đoạn 2026-2030"
    return rows[1:]


@pytest.mark.parametrize("name", ["an-giang", "dong-thap"])
def test_2026_reports_speak_of_phase_two_only(samples, name):
    text = text_of(samples[name])
    for number in ENDED:
        assert number not in text, f"{number} (2021–2025) has ended"
    assert not re.search(r"(\d{4})\s*[-–]\s*\1(?!\d)", text), "a range with one year twice"
    # the programme since 2021 is said once, under II's heading, where the province has the
    # years of 2021-2025 (An Giang, with the former Kiên Giang's; issue 22 item 3, review M6)
    recall = [line for line in text.splitlines() if "từ đầu Chương trình" in line]
    text = "\n".join(line for line in text.splitlines() if line not in recall)
    assert len(recall) == (2 if name == "an-giang" else 0), recall
    assert "(năm 2021)" not in text
    # results and cumulative figures of phase two only; a first year prints no “Lũy kế năm
    # 2026” beside “Kết quả năm 2026” (review L5)
    assert "Lũy kế năm 2026" not in text
    years = re.findall(r"(?:[Ll]ũy kế|[Kk]ết quả)[^.;,]*?(?:từ|năm)[^.;,]*?(20\d\d)", text)
    assert years and all(year >= "2026" for year in years), years


def test_phase_two_recalls_the_programme_since_2021(samples, tmp_path):
    """Review M6 and seed 004: the year against the phase's targets, and the cumulative since
    the programme began for the indicators of both phases, counted over the whole territory."""
    from ncnsc_reports.compute.gather import gather

    lines = text_of(samples["an-giang"]).splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("II. "))
    assert lines[heading] == ("II. Đánh giá kết quả, hiệu quả đã đạt được trong năm 2026 (năm "
                              "đầu giai đoạn 2026-2030) và lũy kế từ đầu Chương trình (năm 2021) "
                              "đến hết năm 2026")
    recall = lines[heading + 1]
    assert lines[heading + 2] == "1. Kết quả thực hiện các chỉ tiêu năm 2026:"
    assert recall.startswith("Giai đoạn 2021-2025, trên địa bàn tỉnh An Giang (trước sắp xếp) "
                             "và tỉnh Kiên Giang (trước sắp xếp), đã ")
    report, results, _ = gather(ROOT / "inputs" / "an-giang" / "2026")
    this_year = {i.code: i.year_result for i in results.indicators}
    for line in results.programme:
        assert line.since_start <= line.earlier + this_year[line.code], line.code
        assert f"{line.verb} {line.earlier:02d} {line.noun}" in recall, line.code
    systems = next(p for p in results.programme if p.code == "HTQL")
    assert (systems.earlier, systems.since_start) == (20, 23)  # 11 + 9 (+ Rạch Giá), then 3
    assert "CN" not in report.earlier_codes  # certification is counted in 2026-2030 only


def test_2026_reports_are_marked_illustrative(samples):
    for result in samples.values():
        assert text_of(result).startswith("DỮ LIỆU MINH HỌA")
    assert "(văn bản minh họa: số, ngày, chỉ tiêu, kinh phí là giả định)" in text_of(
        samples["an-giang"])
    # the mark does not stand in a second parenthesis after “(trước sắp xếp)”
    assert ("Doanh nghiệp được hỗ trợ gồm cả doanh nghiệp trên địa bàn tỉnh Kiên Giang (trước "
            "sắp xếp); nội dung minh họa.") in text_of(samples["an-giang"])
    for result in samples.values():
        assert ") (minh họa)" not in text_of(result)


def test_names_in_force_for_the_merged_provinces(samples):
    dong_thap = text_of(samples["dong-thap"])
    assert "| UBND TỈNH ĐỒNG THÁP" in dong_thap
    assert "| Đồng Tháp, ngày       tháng 11 năm 2026" in dong_thap
    assert "Sở Khoa học và Công nghệ tỉnh Đồng Tháp)" in dong_thap
    assert samples["dong-thap"].path.name == "bao-cao-dong-thap-2026.docx"
    an_giang = text_of(samples["an-giang"])
    assert "| UBND TỈNH AN GIANG" in an_giang and "| - Sở Tài chính;" in an_giang


def test_dong_thap_targets_are_224s_rule_rounded_up(samples):
    rows = {r[0]: r for r in indicator_table(samples["dong-thap"])}
    written_2021_2025 = {"LTH": 10, "DNAD": 20, "DNCN": 30}  # 224/KH-UBND §I.2.a (seed 002)
    for code, before in written_2021_2025.items():
        assert rows[code][3] == math.ceil(before * 110 / 100)
        assert rows[code][7] == (f"Kế hoạch số 224/KH-UBND: tăng ít nhất 10% so với giai đoạn "
                                 f"2021-2025 ({before} → {rows[code][3]}, làm tròn lên)")
    assert rows["DNCN"][1] == "Doanh nghiệp được hỗ trợ chứng nhận (chỉ tiêu: trên 33)"


def test_an_giang_targets_are_its_new_plans(samples):
    from tools.make_samples_2026 import AG_NEW_PLAN, AG_NEW_TARGETS

    rows = indicator_table(samples["an-giang"])
    assert {r[0]: r[3] for r in rows} == AG_NEW_TARGETS
    assert {r[7] for r in rows} == {f"Kế hoạch số {AG_NEW_PLAN}"}
    text = text_of(samples["an-giang"])
    assert ("Kết quả thực hiện các chỉ tiêu giai đoạn 2026-2030 theo Kế hoạch số 45/KH-UBND "
            "(chi tiết tại Phụ lục I kèm theo):") in text
    # certification counts the rows the appendix shows as such (issue 10): 2 of 12
    assert "đạt 16,7% chỉ tiêu giai đoạn (12 doanh nghiệp)" in text


def test_phase_one_reports_unchanged_by_phase_two_data(tmp_path):
    """Every 2021–2025 sample is byte-identical with and without the phase-2 samples."""
    from tools.samples import write_samples

    built = {}
    for variant in (False, True):
        root = tmp_path / str(variant)
        shutil.copytree(ROOT / "templates", root / "templates")
        write_samples(root / "inputs", phase2=variant)
        assert (root / "inputs" / "dong-thap").exists() is variant
        for name, year in PHASE_ONE:
            result = build(root / "inputs" / name / str(year), root / "outputs")
            built[variant, name, year] = {p.name: p.read_bytes()
                                          for p in sorted(result.path.parent.iterdir())}
    for name, year in PHASE_ONE:
        assert built[False, name, year] == built[True, name, year], (name, year)
        assert len(built[True, name, year]) == 2  # the report and chi-tieu.xlsx


def test_build_all_builds_the_2026_samples(built_all):
    project, exit_code, output = built_all  # --all over a copy of inputs/, run once (conftest)
    assert exit_code == 0, output
    for report in ("an-giang/2026/bao-cao-an-giang-2026.docx",
                   "dong-thap/2026/bao-cao-dong-thap-2026.docx"):
        assert (project / "outputs" / report).is_file(), output
