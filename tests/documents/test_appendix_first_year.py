"""Phụ lục I in a phase's first year (review L5): the cumulative figures are the year's, so the
indicator table has no “Lũy kế” column repeating “Kết quả năm …”; a later year keeps it (An
Giang 2025: Hưng Yên 2023 has no Phụ lục I, its plan having no indicators, and its golden text is
unchanged). The table stays 16.5 cm wide, with as many grid columns as cells in each row."""

from __future__ import annotations

import pytest

TEXT_WIDTH_TWIPS = round(16.5 * 567)


def indicator_table(path):
    """The appendix's indicator table: the one whose header names the phase's targets."""
    from docx import Document

    tables = [t for t in Document(str(path)).tables
              if any(c.text.startswith("Chỉ tiêu giai đoạn") for c in t.rows[0].cells)]
    assert len(tables) == 1, f"{len(tables)} bảng chỉ tiêu trong {path.name}"
    return tables[0]


def headers(table) -> list[str]:
    return [c.text for c in table.rows[0].cells]


def grid_widths(table) -> list[int]:
    from docx.oxml.ns import qn

    return [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def assert_well_formed(table) -> None:
    widths = grid_widths(table)
    assert abs(sum(widths) - TEXT_WIDTH_TWIPS) <= len(widths), widths
    for row in table.rows:
        assert len(row._tr.findall(row._tr.tc_lst[0].tag)) == len(widths)


@pytest.mark.parametrize("folder", ["an-giang/2026", "tien-giang/2021"])
def test_first_year_has_no_duplicate_cumulative_column(built_samples, folder):
    table = indicator_table(built_samples(folder).path)
    year = folder.split("/")[1]
    names = headers(table)
    assert not [h for h in names if h.startswith("Lũy kế")], names
    assert f"Kết quả năm {year}" in names
    assert names[-1] == "Tỷ lệ đạt (%)"
    assert_well_formed(table)


def test_later_year_keeps_the_cumulative_column(built_samples):
    table = indicator_table(built_samples("an-giang/2025").path)
    names = headers(table)
    assert "Lũy kế 2021-2025" in names, names
    assert names.index("Lũy kế 2021-2025") == names.index("Kết quả năm 2025") + 1
    assert_well_formed(table)


def test_template_has_each_table_once_with_its_widths():
    """The four indicator tables of the checked-in template (year targets or not, first year or
    not; the samples print two of them): only the later-year ones have “Lũy kế”, all 16.5 cm."""
    from conftest import ROOT
    from docx import Document

    tables = [t for t in Document(str(ROOT / "templates" / "bao-cao-nam.docx")).tables
              if "Chỉ tiêu giai đoạn {{ period }}" in headers(t)]
    cumulative = ["Lũy kế {{ cumulative_span }}" in headers(t) for t in tables]
    with_year_target = ["Chỉ tiêu năm {{ year }}" in headers(t) for t in tables]
    assert sorted(zip(cumulative, with_year_target, strict=True)) == [
        (False, False), (False, True), (True, False), (True, True)]
    for table in tables:
        assert_well_formed(table)
