"""The illustrative mark follows every source a document uses (issue 22): a merged province
whose own workbooks are real but whose predecessor's years (inputs/kien-giang/) are
illustrative data builds a summary marked “DỮ LIỆU MINH HỌA”, and so does a report of
2026–2030 that recalls the programme since 2021 from those years; with every source real,
no mark."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from docx_text import docx_lines

from ncnsc_reports.pipeline import build
from ncnsc_reports.report.period import load_period
from ncnsc_reports.report.validation import validate

BANNER = "DỮ LIỆU MINH HỌA – không phải số liệu báo cáo thật"
PERIOD = "tong-ket-2021-2025"


def _mark(book: Path, value: str) -> None:
    """Set “Dữ liệu minh họa” in the workbook's “Thông tin chung”."""
    wb = openpyxl.load_workbook(book)
    for row in wb["Thông tin chung"].iter_rows():
        if row[0].value == "Dữ liệu minh họa":
            row[1].value = value
            break
    else:
        raise AssertionError(f"{book}: no “Dữ liệu minh họa” row")
    wb.save(book)


def _books(province: Path) -> list[Path]:
    return sorted(province.glob("20*/*.xlsx")) + sorted(province.glob("tong-ket-*/*.xlsx"))


def _real(province: Path) -> None:
    for book in _books(province):
        _mark(book, "Không")


def test_a_predecessors_illustrative_years_mark_the_summary(an_giang_copy, tmp_path):
    kien_giang = an_giang_copy.parent / "kien-giang"
    _real(an_giang_copy)  # An Giang's own workbooks say they are real
    assert _books(an_giang_copy) and _books(kien_giang)
    period, _ = load_period(an_giang_copy / PERIOD)
    assert "kien-giang" in {f.parts[0] for h in period.history.values()
                            for f in _files(h)}  # Kiên Giang's years are added up
    assert period.illustrative
    lines = docx_lines(build(an_giang_copy / PERIOD, tmp_path / "out").path)
    assert lines[0] == BANNER

    _real(kien_giang)
    period, _ = load_period(an_giang_copy / PERIOD)
    assert not period.illustrative  # the document's banner follows it (render.context)


def test_earlier_years_of_a_predecessor_mark_a_later_phase_report(an_giang_copy, tmp_path):
    kien_giang = an_giang_copy.parent / "kien-giang"
    _real(an_giang_copy)
    report, _ = validate(an_giang_copy / "2026")
    assert report.earlier  # the programme since 2021 is recalled from 2021–2025
    assert report.illustrative  # Kiên Giang's 2021–2025 are illustrative

    _real(kien_giang)
    report, _ = validate(an_giang_copy / "2026")
    assert not report.illustrative


def _files(records) -> list[Path]:
    """The workbooks a stacked year was read from (“kien-giang/2021/bao-cao-2021.xlsx”)."""
    return [Path(f.strip()) for f in records.file.split(",") if f.strip()]
