"""A clerk's paragraph that repeats a count section I writes itself is warned (issue 22, M1)."""

from __future__ import annotations

import shutil

from conftest import ROOT, append_row

from ncnsc_reports.compute.gather import gather


def repeats(year_dir) -> list[str]:
    _, _, warnings = gather(year_dir)
    return [str(w) for w in warnings if "nêu lại" in str(w)]


def test_the_repeated_count_is_named_with_its_paragraph(tmp_path):
    # the paragraph the Đồng Tháp 2026 sample had before review M1 was answered in the sample
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    year_dir = tmp_path / "inputs" / "dong-thap" / "2026"
    append_row(year_dir / "bao-cao-2026.xlsx", "Nội dung", (
        "I.2.4", "Đoạn văn", "Tổ chức 02 lớp tập huấn cho doanh nghiệp trên địa bàn tỉnh sau "
        "sắp xếp (minh họa)."))
    assert repeats(year_dir) == [
        "bao-cao-2026.xlsx › trang “Nội dung”: mục I.2.4, đoạn “Tổ chức 02 lớp tập huấn cho "
        "doanh nghiệp trên địa bàn tỉnh sau sắp …” nêu lại “02 lớp”, số mà báo cáo đã tự viết "
        "từ các trang số liệu ngay sau đoạn này, nên báo cáo sẽ nói hai lần. Hãy xóa đoạn này, "
        "hoặc viết điều số liệu chưa nói (mục đích, đối tượng, kết quả)"]


def test_paragraphs_without_the_count_are_not_warned():
    for year_dir in ("an-giang/2023", "an-giang/2026", "dong-thap/2026", "hung-yen/2023",
                     "tien-giang/2021"):
        assert repeats(ROOT / "inputs" / year_dir) == [], year_dir
