"""The phrasing table of II.1 (issue 22, item 4): every indicator × {0, 1, many} × {first year,
later year} × {target, none}, the lead-ins and the money, against tests/golden/cau-chi-tieu.txt
(regenerate with `python tests/golden/regenerate.py`, then read it aloud), and the shapes a
broken sentence takes (review H5, M2, M5, M16, L12) never appear."""

from __future__ import annotations

import re

from conftest import GOLDEN
from phrasing_table import table

PHRASING = GOLDEN / "cau-chi-tieu.txt"


def test_table_matches_the_golden_text_read_aloud():
    assert table() == PHRASING.read_text(encoding="utf-8"), (
        "II.1 wording changed: run python tests/golden/regenerate.py and read the diff aloud")


def test_no_broken_shapes():
    text = table()
    for shape in ("chưa có doanh", "chưa có lượt", "chưa có bài", " cho;", " cho nào", " cho (",
                  "đã sử dụng 0 ", " 0 đồng", ") (", "  ", " ,", ",,", ";;",
                  "lượt doanh nghiệp được khảo sát",
                  "tăng ít nhất 10% so với giai đoạn 2021-2025)", "chưa khảo sát lượt",
                  "chưa có dự toán theo Kế hoạch số 45/KH-UBND,"):
        assert shape not in text.replace(
            "(chỉ tiêu giai đoạn 2026-2030 tăng ít nhất 10% so với giai đoạn 2021-2025",
            "(rule"), shape
    # spending against a budget is “bằng …% dự toán”, both for the year and cumulatively
    assert not re.search(r"đạt [\d,]+% dự toán", text)


def test_the_rule_is_said_in_the_lead_in_only():
    lines = table().splitlines()
    assert sum("tăng ít nhất 10%" in line for line in lines) == 2
    assert all(line.startswith("Kết quả thực hiện") for line in lines if "tăng ít nhất" in line)


def test_every_money_sentence_adds_up():
    for line in table().split("## Kinh phí")[1].splitlines()[1:]:
        total = re.search(r"đã sử dụng ([\d.]+) đồng \(", line)
        if total:
            inside = line[total.end():line.index(")", total.end())]
            parts = [int(p.replace(".", "")) for p in re.findall(r"([\d.]+) đồng", inside)]
            assert sum(parts) == int(total.group(1).replace(".", "")), line


def test_the_whole_province_is_the_territory_plus_the_others():
    """Money measured on a plan's territory (domain.md §7): the whole province's spend said
    beside it is that territory's plus each other territory's (review M3, M20)."""
    lines = [line for line in table().split("## Kinh phí")[1].splitlines()
             if "Trên toàn địa bàn tỉnh" in line]
    assert lines
    for line in lines:
        here = re.search(r"trên địa bàn [^,;]*?\) (?:đã sử dụng ([\d.]+) đồng|chưa sử dụng)",
                         line)
        whole = re.search(r"Trên toàn địa bàn tỉnh, năm \d+ đã sử dụng ([\d.]+) đồng(.*)$", line)
        others = [int(v.replace(".", "")) for v in re.findall(r" ([\d.]+) đồng", whole.group(2))]
        if "toàn bộ trên địa bàn" in whole.group(2):
            others = [int(whole.group(1).replace(".", ""))]
        inside = int(here.group(1).replace(".", "")) if here.group(1) else 0
        assert inside + sum(others) == int(whole.group(1).replace(".", "")), line


def test_a_merged_city_names_its_whole_territory_thanh_pho():
    """Hải Phòng (+ Hải Dương) is a centrally-run city: “toàn thành phố”, never “toàn tỉnh”."""
    from dataclasses import replace

    from phrasing_table import PLAN, line

    from ncnsc_reports.inputs.schema import SYSTEMS_SUPPORTED
    from ncnsc_reports.render import sentences
    from ncnsc_reports.render.territory_text import province_kind
    from ncnsc_reports.report.model import Agency, BudgetLine, Spending

    city = Agency("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "BC-SKHCN",
                  "Hải Phòng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "A", "VT", "")
    kind = province_kind(type("R", (), {"agency": city})())
    assert kind == "thành phố"
    here = "thành phố Hải Phòng (trước sắp xếp)"
    measured = replace(line(SYSTEMS_SUPPORTED, 1, 3, 12), territory=here, whole_year=2,
                       whole_cumulative=4)
    loose = replace(line(SYSTEMS_SUPPORTED, 1, 3, 12), territory=here, placed=False)
    texts = [sentences.indicator_sentence(i, SYSTEMS_SUPPORTED, 2025, False,
                                          "từ năm 2021 đến hết năm 2025", kind=kind)
             for i in (measured, loose)]
    assert "(toàn thành phố: 02)" in texts[0] and "(toàn thành phố: 04)" in texts[0]
    assert texts[1].endswith("(kết quả trên toàn địa bàn thành phố)")
    money = sentences.money_sentence(
        (BudgetLine(2025, 100_000_000, 50_000_000),),
        Spending(50_000_000, 0, (), here, 80_000_000, (("tỉnh Hải Dương (trước sắp xếp)",
                                                         30_000_000),)), PLAN, PLAN, "", "",
        kind)
    assert "Trên toàn địa bàn thành phố, năm 2025 đã sử dụng 80.000.000 đồng" in money
    whole = sentences.money_sentence((BudgetLine(2025, None, 50_000_000),),
                                     Spending(50_000_000, whole_basis=True), None, PLAN, "", "",
                                     kind)
    assert "trên toàn địa bàn thành phố đã sử dụng 50.000.000 đồng" in whole
    said = " ".join(texts) + money + whole
    assert "toàn tỉnh" not in said and "toàn địa bàn tỉnh" not in said


def test_none_on_a_territory_names_it_beside_the_whole_province():
    """An Giang 2025: “chưa hỗ trợ hệ thống quản lý nào (toàn tỉnh: 01)” read as a
    contradiction; the “none” measured on a former territory says where (issue 22 item 4)."""
    from dataclasses import replace

    from phrasing_table import line

    from ncnsc_reports.inputs.schema import SYSTEMS_SUPPORTED
    from ncnsc_reports.render import sentences

    here = "tỉnh An Giang (trước sắp xếp)"
    since = "từ năm 2021 đến hết năm 2025"
    none = replace(line(SYSTEMS_SUPPORTED, 0, 11, 12), territory=here, whole_year=1,
                   whole_cumulative=12)
    text = sentences.indicator_sentence(none, SYSTEMS_SUPPORTED, 2025, False, since)
    assert text.startswith(f"Năm 2025, trên địa bàn {here} chưa hỗ trợ hệ thống quản lý nào "
                           "(toàn tỉnh: 01); lũy kế")
    same = replace(none, whole_year=None, whole_cumulative=None)
    assert sentences.indicator_sentence(same, SYSTEMS_SUPPORTED, 2025, False, since).startswith(
        "Năm 2025 chưa hỗ trợ hệ thống quản lý nào; lũy kế")


def test_a_qualified_target_reads_as_in_the_appendix():
    """Đồng Tháp 2026: Phụ lục I says “trên 33”, so II.1 says “(trên 33 doanh nghiệp)”, never
    a bare “(33 doanh nghiệp)” (sample review, issue 22 item 4)."""
    from dataclasses import replace

    from phrasing_table import line

    from ncnsc_reports.inputs.schema import CERT_SUPPORTED
    from ncnsc_reports.render import sentences

    named = replace(line(CERT_SUPPORTED, 1, 1, 33), name="Chứng nhận (chỉ tiêu: trên 33)")
    first = sentences.indicator_sentence(named, CERT_SUPPORTED, 2026, True, "")
    assert first.endswith("đạt 3% chỉ tiêu giai đoạn (trên 33 doanh nghiệp)")
    none = replace(line(CERT_SUPPORTED, 0, 0, 33), name=named.name)
    later = sentences.indicator_sentence(none, CERT_SUPPORTED, 2027, False,
                                         "từ năm 2026 đến hết năm 2027")
    assert later.endswith("(chỉ tiêu giai đoạn: trên 33 doanh nghiệp)")
    assert sentences.target_qualifier(line(CERT_SUPPORTED, 1, 1, 33)) == ""
