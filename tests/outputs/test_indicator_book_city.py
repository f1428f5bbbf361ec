"""chi-tieu.xlsx names the whole territory as the report does (issue 22): “toàn thành phố” for a
centrally-run city such as Hải Phòng, “toàn tỉnh” for a province."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from types import SimpleNamespace

import openpyxl
from conftest import ROOT

from ncnsc_reports.compute import gather as gathering
from ncnsc_reports.kinds import yearly

AN_GIANG_2025 = ROOT / "inputs" / "an-giang" / "2025"
WHEN = dt.datetime(2026, 1, 15, 8, 0)


def _rows(monkeypatch, province_words: str | None) -> list[tuple]:
    """chi-tieu.xlsx of the merged An Giang 2025 sample, as a build writes it; with
    `province_words`, the province in force names itself so (as Hải Phòng's profile does)."""
    def gather(folder, accept=()):
        report, results, warnings = gathering.gather(folder, accept)
        if province_words:
            report = replace(report, agency=replace(report.agency,
                                                    province_words=province_words))
        return report, results, warnings

    monkeypatch.setattr(yearly, "gather", gather)
    prepared = yearly.prepare(AN_GIANG_2025, SimpleNamespace(accept=()))
    data = prepared.workbooks(WHEN)["chi-tieu.xlsx"]
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return list(ws.iter_rows(values_only=True))


def test_a_centrally_run_city_says_toan_thanh_pho(monkeypatch):
    rows = _rows(monkeypatch, "thành phố Hải Phòng")
    assert rows[0][9:] == ("Kết quả năm toàn thành phố", "Lũy kế toàn thành phố")
    places = {r[8] for r in rows[1:]}
    assert "toàn thành phố (không tách được theo địa bàn)" in places
    assert not any("toàn tỉnh" in str(cell) for row in rows for cell in row)


def test_a_province_still_says_toan_tinh(monkeypatch):
    rows = _rows(monkeypatch, None)
    assert rows[0][9:] == ("Kết quả năm toàn tỉnh", "Lũy kế toàn tỉnh")
    assert "toàn tỉnh (không tách được theo địa bàn)" in {r[8] for r in rows[1:]}
