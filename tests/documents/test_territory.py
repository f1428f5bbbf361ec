"""A plan covers a territory (issue 22 item 1; review H3, M20): every rate printed in Đồng Tháp
2026 and An Giang 2025 is recomputed here from the workbooks, by territory, without the
program's counting code, and the text names the territory where the bases differ."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest
from conftest import ROOT
from docx_text import docx_lines

from ncnsc_reports.pipeline import build

SYSTEM, TOOL, BARCODE, TRACE, AWARD = ("Hệ thống quản lý", "Công cụ năng suất", "Mã số mã vạch",
                                       "Truy xuất nguồn gốc", "Giải thưởng Chất lượng Quốc gia")


def sheet_rows(path, sheet: str) -> list[dict]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def formers(province: str) -> dict[str, str]:
    """Commune → former province, from the profile's “Địa bàn” › “Tỉnh trước sắp xếp”."""
    return {r["Địa bàn"]: r["Tỉnh trước sắp xếp"] for r in sheet_rows(
        ROOT / "inputs" / province / "ho-so-tinh.xlsx", "Địa bàn") if r.get("Tỉnh trước sắp xếp")}


def support(province: str, years, own: str) -> list[dict]:
    """Every support row of the years, each with the former province it lies in."""
    where = formers(province)
    rows = []
    for year in years:
        book = ROOT / "inputs" / province / str(year) / f"bao-cao-{year}.xlsx"
        for r in sheet_rows(book, "Hỗ trợ doanh nghiệp"):
            r["territory"] = where.get(r["Địa bàn"], own) if year >= 2025 else own
            r["year"] = year
            rows.append(r)
    return rows


def distinct(rows, kinds, by_detail=False, certification=False) -> int:
    keys = {(r["Mã số thuế"], r["Tiêu chuẩn, công cụ"] if by_detail else "") for r in rows
            if (r["Nội dung hỗ trợ"] in kinds) or (certification and (
                r["Nội dung hỗ trợ"] == "Chứng nhận"
                or r["Khoản chi"] == "Đánh giá chứng nhận lần đầu"))}
    return len(keys)


def rate(count: int, target: int) -> str:
    value = (Decimal(count) * 100 / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value:f}".replace(".", ",").removesuffix(",0")


def line_with(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("- Năm") and words in line)


@pytest.fixture(scope="module")
def built(built_samples):
    return {name: "\n".join(docx_lines(built_samples(f"{name}/{year}").path))
            for name, year in (("dong-thap", "2026"), ("an-giang", "2025"))}


def test_dong_thap_2026_rates_are_measured_in_tien_giang(built):
    text = built["dong-thap"]
    rows = support("dong-thap", [2026], "Đồng Tháp (trước sắp xếp)")
    tien_giang = [r for r in rows if r["territory"] == "Tiền Giang"]
    assert len(tien_giang) < len(rows)  # the former Đồng Tháp has records too
    # 224/KH-UBND: 20 and 30 enterprises in 2021-2025, × 110 % for 2026-2030 → 22, 33
    # the certification target is stated “trên 33”; II.1 says it as Phụ lục I does
    for words, kinds, certified, target in (
            ("áp dụng hệ thống quản lý", {SYSTEM, TOOL, TRACE}, False, "22"),
            ("hỗ trợ chứng nhận", set(), True, "trên 33")):
        line = line_with(text, words)
        inside = distinct(tien_giang, kinds, certification=certified)
        whole = distinct(rows, kinds, certification=certified)
        assert f" {inside:02d} doanh nghiệp" in line and f"(toàn tỉnh: {whole:02d})" in line
        assert f"đạt {rate(inside, int(target[-2:]))}% chỉ tiêu giai đoạn ({target} doanh " \
            "nghiệp" in line
    # classes have no commune: the whole province's count, and no rate against 224's target
    classes = line_with(text, "lớp tập huấn")
    assert "trên toàn địa bàn tỉnh" in classes and "đạt" not in classes and "11" not in classes
    assert ("Kế hoạch số 224/KH-UBND áp dụng trên địa bàn tỉnh Tiền Giang (trước sắp xếp)"
            in text)
    assert "Tỷ lệ đạt tính trên kết quả tại địa bàn tỉnh Tiền Giang (trước sắp xếp)" in text
    assert "gồm cả địa bàn tỉnh Đồng Tháp (trước sắp xếp)" in text


def test_an_giang_2025_rates_are_measured_in_the_former_an_giang(built):
    text = built["an-giang"]
    own = "An Giang (trước sắp xếp)"
    rows = support("an-giang", range(2021, 2026), own)
    inside = [r for r in rows if r["territory"] == own]
    assert any(r["territory"] == "Kiên Giang" for r in rows)  # Phường Rạch Giá, 2025
    # QĐ 648's targets (the same as 573's): systems 12, tools 15, barcodes 25, traceability 8,
    # award 5
    for noun, kinds, detail, target in (
            ("hệ thống quản lý", {SYSTEM}, True, 12), ("công cụ năng suất", {TOOL}, True, 15),
            ("mã số mã vạch", {BARCODE}, False, 25), ("truy xuất nguồn gốc", {TRACE}, False, 8),
            ("Giải thưởng", {AWARD}, False, 5)):
        line = line_with(text, noun)
        count, whole = distinct(inside, kinds, detail), distinct(rows, kinds, detail)
        assert f"{count:02d}/{target:02d}" in line, (noun, line)
        assert f"đạt {rate(count, target)}% chỉ tiêu giai đoạn" in line, (noun, line)
        if whole != count:
            assert f"(toàn tỉnh: {whole:02d})" in line, (noun, line)
    assert ("kết quả năm 2025 gồm cả địa bàn tỉnh Kiên Giang (trước sắp xếp) từ ngày "
            "01/7/2025") in text
    assert "(Kết quả và tỷ lệ đạt tính trên địa bàn tỉnh An Giang (trước sắp xếp)" in text


def test_no_rate_mixes_bases(built):
    """Every “đạt R%” of II.1 divides the count printed before it by the target after it."""
    for text in built.values():
        for line in text.splitlines():
            found = re.search(r"(\d+)/(\d+) [^,;]*?, đạt ([\d,]+)%", line)
            if found:
                count, target, printed = found.groups()
                assert rate(int(count), int(target)) == printed, line


# --- Predecessors' numbers in the summary (issue 22 item 2; review H2, M14) ---------------


@pytest.fixture(scope="module")
def summary_text(built_samples):
    result = built_samples("an-giang/tong-ket-2021-2025")
    return {p.name: "\n".join(docx_lines(p)) for p in {result.path, *result.outputs}
            if p.suffix == ".docx"}


def kien_giang_support() -> list[dict]:
    """Kiên Giang's own years, and the Kiên Giang communes of the merged An Giang in 2025."""
    own = support("kien-giang", range(2021, 2026), "Kiên Giang")
    after = [r for r in support("an-giang", [2025], "An Giang (trước sắp xếp)")
             if r["territory"] == "Kiên Giang"]
    return own + after


def test_summary_reports_each_former_plan_and_the_merged_total(summary_text):
    text = summary_text["bao-cao-tong-ket-an-giang-2021-2025.docx"]
    assert "Trên địa bàn tỉnh An Giang (trước sắp xếp):" in text
    assert "Trên địa bàn tỉnh Kiên Giang (trước sắp xếp): Kế hoạch số 126/KH-UBND" in text
    assert "(văn bản minh họa: số, ngày, chỉ tiêu, kinh phí là giả định)" in text
    kien_giang = kien_giang_support()
    an_giang = [r for r in support("an-giang", range(2021, 2026), "An Giang (trước sắp xếp)")
                if r["territory"] != "Kiên Giang"]
    systems_kg = distinct(kien_giang, {SYSTEM}, by_detail=True)
    assert (f"đã hỗ trợ {systems_kg:02d}/08 hệ thống quản lý, đạt "
            f"{rate(systems_kg, 8)}% chỉ tiêu giai đoạn") in text
    # the merged total: every enterprise once by its tax code
    total = distinct(an_giang + kien_giang, {SYSTEM}, by_detail=True)
    assert "Bảng 3. Kết quả thực hiện giai đoạn 2021-2025 trên toàn địa bàn tỉnh An Giang" in text
    row = text.split("Bảng 3. Kết quả")[1].split("Hệ thống quản lý tiên tiến")[1].splitlines()
    assert row[7] == f"| {total}", row


def test_no_output_speaks_of_the_software(summary_text, built):
    for text in [*summary_text.values(), *built.values()]:
        assert "trong công cụ" not in text and "chưa có trong" not in text


def test_a_missing_former_province_fails_the_summary_and_says_what_to_do(an_giang_copy):
    import shutil

    from ncnsc_reports.errors import InputError
    from ncnsc_reports.summary import build_summary

    shutil.rmtree(an_giang_copy.parent / "kien-giang")
    assert any("kien-giang" in str(w) for w in build(an_giang_copy / "2025").warnings)
    with pytest.raises(InputError) as caught:
        build_summary(an_giang_copy / "tong-ket-2021-2025")
    message = next(str(p) for p in caught.value.problems if "kien-giang" in str(p))
    assert message.startswith("ho-so-tinh.xlsx › trang “Hình thành” › dòng 3 › cột “Thư mục "
                              "số liệu”: không có thư mục")
    assert "Câu khi không có số liệu" in message
    from ncnsc_reports.engine import build as build_folder

    result = build_folder(an_giang_copy / "tong-ket-2021-2025")
    said = [str(p) for p in [*result.errors, *result.warnings] if "kien-giang" in str(p)]
    assert said == [message]  # the year's warning on that cell is not said again beside it


def test_figures_not_available_are_said_in_the_clerks_words(an_giang_copy):
    from conftest import edit_workbook

    from ncnsc_reports.summary import build_summary

    sentence = ("Kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Kiên Giang (trước sắp xếp) "
                "sẽ được Sở báo cáo bổ sung.")
    edit_workbook(an_giang_copy / "ho-so-tinh.xlsx", "Hình thành", {"C3": None, "D3": sentence})
    text = "\n".join(docx_lines(build_summary(an_giang_copy / "tong-ket-2021-2025").path))
    assert sentence in text and "trong công cụ" not in text
    assert "Kế hoạch số 126/KH-UBND" not in text


# --- Money on the plan's territory (issue 22 items 1 and 4; review M3, M20) ----------------


def vnd(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def amounts(text: str) -> list[int]:
    return [int(a.replace(".", "")) for a in re.findall(r"([\d.]+) đồng", text)]


def money_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("- Về kinh phí"))


def test_an_giang_2025_money_is_spent_in_the_plans_territory_and_adds_up(built):
    """The year's spend and its purposes on KH 573's territory, the whole province beside."""
    rows = [r for r in support("an-giang", [2025], "An Giang (trước sắp xếp)")]
    inside = sum(r["Số tiền (đồng)"] or 0 for r in rows if r["territory"] != "Kiên Giang")
    kien_giang = sum(r["Số tiền (đồng)"] or 0 for r in rows if r["territory"] == "Kiên Giang")
    line = money_line(built["an-giang"])
    assert inside and kien_giang  # the sample has money on both territories
    assert (f"trên địa bàn tỉnh An Giang (trước sắp xếp) đã sử dụng {vnd(inside)} đồng để hỗ "
            "trợ doanh nghiệp từ nguồn ngân sách tỉnh, bằng") in line
    assert (f"Trên toàn địa bàn tỉnh, năm 2025 đã sử dụng {vnd(inside + kien_giang)} đồng, "
            f"trong đó trên địa bàn tỉnh Kiên Giang (trước sắp xếp) {vnd(kien_giang)} đồng."
            ) in line
    # the rate divides the territory's spend by the plan's dự toán (285.150.000 đồng)
    assert f"bằng {rate(inside, 285_150_000)}% dự toán năm" in line
    # I.2.3 states the whole province's support: the same total the money item reconciles to
    assert f"tổng kinh phí {vnd(inside + kien_giang)} đồng" in built["an-giang"]


def test_purposes_on_the_territory_add_up_to_the_total_said(an_giang_copy):
    """A class before the merger lies in the former An Giang: support and training there add up
    to the spend said, the Kiên Giang support stays out of the parts (review M3)."""
    from conftest import append_row

    append_row(an_giang_copy / "2025" / "bao-cao-2025.xlsx", "Tập huấn", (
        "Lớp tập huấn (minh họa)", dt.date(2025, 3, 10), None, 40, 20, 20, 25_000_000))
    line = money_line("\n".join(docx_lines(build(an_giang_copy / "2025").path)))
    said = re.search(r"trên địa bàn tỉnh An Giang \(trước sắp xếp\) đã sử dụng ([\d.]+) đồng "
                     r"\(([^)]*)\)", line)
    assert said, line
    parts = amounts(said.group(2))
    assert parts == [73_100_000, 25_000_000]
    assert sum(parts) == amounts(said.group(1) + " đồng")[0]
    assert "hỗ trợ doanh nghiệp 73.100.000 đồng từ nguồn ngân sách tỉnh; tập huấn" in line
    assert "năm 2025 đã sử dụng 188.900.000 đồng, trong đó trên địa bàn tỉnh Kiên Giang" in line


def test_dong_thap_2026_money_is_the_whole_provinces_and_says_so(built):
    """KH 224 sets no dự toán: no rate, so the whole province's spend, named as such."""
    line = money_line(built["dong-thap"])
    total = sum(r["Số tiền (đồng)"] for r in support("dong-thap", [2026], "x"))
    training = sum(r["Kinh phí (đồng)"] for r in sheet_rows(
        ROOT / "inputs" / "dong-thap" / "2026" / "bao-cao-2026.xlsx", "Tập huấn"))
    assert (f"trên toàn địa bàn tỉnh đã sử dụng {vnd(total + training)} đồng (hỗ trợ doanh "
            f"nghiệp {vnd(total)} đồng từ nguồn ngân sách tỉnh; tập huấn {vnd(training)} đồng)"
            ) in line
    assert "đạt" not in line


# --- Every former territory's plan cited (issue 22 item 1; review H3, M20; seed 004) ------


def opening(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Thực hiện Quyết định"))


def test_an_giang_2025_cites_the_plan_in_force_on_each_former_territory(built):
    """KH 573 / QĐ 648 cover the former An Giang; the former Kiên Giang's plan (inputs/kien-
    giang, illustrative) stays in force on its territory: the opening cites both, in full."""
    kien_giang = {r["Số, ký hiệu"]: r for r in sheet_rows(
        ROOT / "inputs" / "kien-giang" / "ho-so-tinh.xlsx", "Kế hoạch")}
    plan = kien_giang["126/KH-UBND"]
    text = opening(built["an-giang"])
    assert ("của Kế hoạch số 573/KH-UBND; Kế hoạch số 126/KH-UBND ngày 20/8/2021 của "
            f"{plan['Cơ quan ban hành']} {plan['Trích yếu']}.") in text
    assert text.index("573/KH-UBND") < text.index("648/QĐ-UBND") < text.index("126/KH-UBND")
    assert "(văn bản minh họa" in text  # the illustrative plan says so where it is cited


def test_a_report_before_the_merger_cites_its_own_plan_only(tmp_path):
    text = "\n".join(docx_lines(build(ROOT / "inputs" / "an-giang" / "2024", tmp_path).path))
    assert "126/KH-UBND" not in text and "Kiên Giang" not in opening(text)


def test_a_mistake_in_the_former_provinces_profile_is_a_located_warning(an_giang_copy):
    """The yearly report of the merged province is built; the mistake is said in the former
    province's file, and its plan is neither cited nor used for norms."""
    from conftest import edit_workbook

    edit_workbook(an_giang_copy.parent / "kien-giang" / "ho-so-tinh.xlsx", "Kế hoạch",
                  {"F2": "2021-2099"})
    result = build(an_giang_copy / "2025")
    said = [str(w) for w in result.warnings if str(w).startswith("kien-giang/")]
    assert said[0].startswith("kien-giang/ho-so-tinh.xlsx › trang “Kế hoạch” › dòng 2 › cột "
                              "“Giai đoạn”: ")
    assert said[0].endswith("(hồ sơ của tỉnh Kiên Giang (trước sắp xếp): báo cáo chưa dùng "
                            "được kế hoạch, định mức hỗ trợ của tỉnh đó)")
    assert "126/KH-UBND" not in opening("\n".join(docx_lines(result.path)))
