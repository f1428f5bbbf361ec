"""The draft plan as the Chủ tịch signs it (issue 22, item 5; review H1, M11, M12, M13, M15, L9).

Its last page: the Nơi nhận and signature block never splits and never stands without the end
of the text (which ends with “./.”), read from LibreOffice's PDF for bodies whose length grows one
line at a time over more than a page, as tests/test_last_page.py does for the yearly report. Its
text: the issuer's full name, the targets as sentences without their method, each KH.III.n text
under its group. Every table row of the summary and the plan is kept whole.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile

import pytest
from conftest import ROOT
from docx_text import docx_lines
from lxml import etree
from test_last_page import convert, pages

from ncnsc_reports.render.docx import render
from ncnsc_reports.render.period_context import build_plan_context
from ncnsc_reports.report.model import Paragraph

PERIOD = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"
TEMPLATE = ROOT / "templates" / "du-thao-ke-hoach.docx"
LINE = " ".join(["chữ"] * 17)  # one full line of body text at 14 pt on 16.5 cm
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def plan_inputs():
    from ncnsc_reports.compute.next_phase import next_phase
    from ncnsc_reports.compute.period import compute_period
    from ncnsc_reports.report.period import load_period

    period, _ = load_period(PERIOD)
    results = compute_period(period.plan_in_force, period.history, period.period,
                             period.territories, period.former)  # as summary.build_summary
    return period, next_phase(results, period.rule.base, period.rule.percent,
                              period.next_budget)


def plan_with(plan_inputs, **sections) -> bytes:
    period, plan = plan_inputs
    changed = dataclasses.replace(period, sections={**period.sections, **sections})
    return render(TEMPLATE, build_plan_context(changed, plan))


@pytest.fixture(scope="module")
def sample_lines(plan_inputs, tmp_path_factory) -> list[str]:
    path = tmp_path_factory.mktemp("plan") / "du-thao.docx"
    path.write_bytes(plan_with(plan_inputs, **{
        "KH.III.6": [Paragraph("dash", "Tham gia các hoạt động hợp tác quốc tế (minh họa).")]}))
    return docx_lines(path)


def test_the_issuer_is_named_in_full(sample_lines):
    assert "| ỦY BAN NHÂN DÂN" in sample_lines and "| TỈNH AN GIANG" in sample_lines
    assert not any("UBND TỈNH" in line for line in sample_lines[:8])


def test_targets_are_sentences_without_their_method(sample_lines):
    text = "\n".join(sample_lines)
    # the figures follow the territory's phase-1 results; the wording is checked here
    assert any(re.fullmatch(r"- Tập huấn ít nhất \d+ cán bộ, công chức, viên chức và cán bộ "
                            r"quản lý doanh nghiệp;", x) for x in sample_lines)
    assert any(re.fullmatch(r"- Đăng tải ít nhất \d\d+ bài viết\.", x) for x in sample_lines)
    for method in ("×", "Cách tính", "làm tròn", "110%", "Bảng 1", "thực hiện 100"):
        assert method not in text, method


def test_each_group_text_lands_under_its_heading(sample_lines):
    at = sample_lines.index("6. Đẩy mạnh hợp tác quốc tế về năng suất chất lượng")
    assert sample_lines[at + 1] == "- Tham gia các hoạt động hợp tác quốc tế (minh họa)."
    assert sample_lines[at + 2] == "IV. Kinh phí thực hiện"


def test_the_text_ends_with_the_mark(sample_lines):
    before = sample_lines[:sample_lines.index("| Nơi nhận:")]
    assert [line for line in before if line.strip()][-1].endswith("./.")


def test_every_row_of_the_summary_and_the_plan_is_kept_whole(plan_inputs, tmp_path):
    from ncnsc_reports.summary import build_summary

    built = build_summary(PERIOD, tmp_path)
    for docx in dict.fromkeys([built.path, *(p for p in built.outputs if p.suffix == ".docx")]):
        root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
        rows = list(root.iter(f"{W}tr"))
        assert len(rows) >= 8  # header, budget (and indicator) tables, signature
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows), docx.name


@pytest.fixture(scope="module")
def varied(plan_inputs, tmp_path_factory):
    """The sample plan with 1…44 one-line paragraphs in V (about a page), as PDFs."""
    tmp = tmp_path_factory.mktemp("varied-plan")
    docs = []
    for n in range(1, 45):
        path = tmp / f"ke-hoach-{n:02d}.docx"
        path.write_bytes(plan_with(plan_inputs, **{"KH.V": [Paragraph("text", LINE)] * n}))
        docs.append(path)
    return convert(docs, tmp)


@pytest.mark.libreoffice
def test_signature_block_keeps_whole_with_the_end_of_the_text(varied):
    signature_pages = set()
    for pdf in varied.values():
        texts = pages(pdf)
        holding = [i for i, t in enumerate(texts) if "Nơi nhận:" in t]
        assert len(holding) == 1, f"{pdf.name}: “Nơi nhận” on pages {holding}"
        page = texts[holding[0]]
        for part in ("Lưu: VT.", "UBND các xã, phường;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
            assert part in page, f"{pdf.name}: “{part}” not with Nơi nhận (block split)"
        before = page.split("Nơi nhận:")[0]
        assert "./." in before, f"{pdf.name}: the text's end is not on the signature's page"
        body = [x for x in before.splitlines() if x.strip() and not x.strip().isdigit()]
        assert len(body) >= 2, f"{pdf.name}: the signature block alone on its page"
        signature_pages.add(holding[0])
    assert len(signature_pages) >= 2  # the lengths did cross a page boundary
