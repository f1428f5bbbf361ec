"""A template applies from a year on (issue 21 item 7): templates/2026/bao-cao-nam.docx is used
for the 2026 report and later; every 2021–2025 report stays byte-identical."""

from __future__ import annotations

import shutil

import docx
from conftest import ROOT

from ncnsc_reports.engine import BuildOptions, build


def test_a_province_template_for_2026_on_leaves_earlier_years_as_signed(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    years = [inputs / "an-giang" / str(y) for y in range(2021, 2027)]
    before = {y.name: build(y, BuildOptions(out_root=tmp_path / "a")) for y in years}
    assert all(r.ok for r in before.values())

    edited = docx.Document(str(ROOT / "templates" / "bao-cao-nam.docx"))
    edited.add_paragraph("Mẫu giai đoạn 2026-2030 của tỉnh.")
    (inputs / "an-giang" / "templates" / "2026").mkdir(parents=True)
    edited.save(str(inputs / "an-giang" / "templates" / "2026" / "bao-cao-nam.docx"))
    after = {y.name: build(y, BuildOptions(out_root=tmp_path / "b")) for y in years}

    for year in map(str, range(2021, 2026)):
        assert after[year].path.read_bytes() == before[year].path.read_bytes(), year
    text = [p.text for p in docx.Document(str(after["2026"].path)).paragraphs]
    assert "Mẫu giai đoạn 2026-2030 của tỉnh." in text
    again = build(years[-1], BuildOptions(out_root=tmp_path / "b"))
    assert again.up_to_date  # the record follows the dated template
