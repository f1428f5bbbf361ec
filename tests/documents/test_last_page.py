"""The last page: Nơi nhận and the signature never stand alone on a page and never split;
nor does the short budget table of Phụ lục I leave its “Tổng cộng” row alone on a page.

NĐ 30/2020, Phụ lục I, II.7–II.9: the signature block follows the text. Read from LibreOffice's
PDF page by page, on every sample and on bodies whose length grows one line at a time over more
than two pages.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.pipeline import build
from ncnsc_reports.render.context import build_context
from ncnsc_reports.render.docx import render
from ncnsc_reports.report.model import Paragraph

SAMPLES = sorted(p for p in (ROOT / "inputs").glob("*/[0-9][0-9][0-9][0-9]") if p.is_dir())
LINE = " ".join(["chữ"] * 17)  # one full line of body text at 14 pt on 16.5 cm
VARIANTS = range(0, 70)  # one-line paragraphs: more than two pages' worth


def convert(docs: list[Path], tmp_path: Path) -> dict[Path, Path]:
    """Convert all documents in one LibreOffice run; return {docx: pdf}, each PDF checked."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (bash tools/install-test-deps.sh)"
    out = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
                   capture_output=True, timeout=600)
    pdfs = {d: out / (d.stem + ".pdf") for d in docs}
    for docx, pdf in pdfs.items():
        assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", f"no PDF for {docx.name}"
    return pdfs


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext, one page at a time)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(info.split("Pages:")[1].split()[0])
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", str(pdf), "-"],
                           capture_output=True, text=True).stdout for i in range(1, count + 1)]


def assert_closing_keeps_with_text(pdf: Path, closing_end: str, signer: str, authority: str):
    texts = pages(pdf)
    holding = [i for i, t in enumerate(texts) if "Nơi nhận:" in t]
    assert len(holding) == 1, f"{pdf.name}: “Nơi nhận” on pages {[i + 1 for i in holding]}"
    page = texts[holding[0]]
    before = page.split("Nơi nhận:")[0]
    body = [line for line in before.splitlines() if line.strip() and not line.strip().isdigit()]
    assert len(body) >= 2, f"{pdf.name} p.{holding[0] + 1}: Nơi nhận alone on its page"
    assert closing_end in " ".join(before.split()), f"{pdf.name}: closing not on p.{holding[0]+1}"
    for part in (authority, signer):
        assert part in page, f"{pdf.name}: “{part}” not on the page of Nơi nhận (row split)"


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """The An Giang 2021 report with 0…69 one-line paragraphs in IV, converted to PDF."""
    tmp = tmp_path_factory.mktemp("varied")
    report, results, _ = gather(ROOT / "inputs" / "an-giang" / "2021")
    context = build_context(report, results)
    docs = []
    for n in VARIANTS:
        lines = tuple(Paragraph("text", LINE) for _ in range(n)) or context.recommendations
        path = tmp / f"dai-{n:02d}.docx"
        path.write_bytes(render(ROOT / "templates" / "bao-cao-nam.docx",
                                replace(context, recommendations=lines)))
        docs.append(path)
    return report, convert(docs, tmp)


@pytest.mark.libreoffice
def test_closing_block_keeps_with_text_at_every_length(varied):
    report, pdfs = varied
    signature_pages = set()
    for pdf in pdfs.values():
        assert_closing_keeps_with_text(pdf, "Công nghệ./.", report.agency.signer_name,
                                       report.agency.authority)
        signature_pages.add(next(i for i, t in enumerate(pages(pdf)) if "Nơi nhận:" in t))
    assert len(signature_pages) >= 3  # the lengths did cross at least two page boundaries


def assert_budget_on_one_page(pdf: Path) -> None:
    """The budget table (title, years, “Tổng cộng”) stands on one page; a budget of one year has
    no total row (issue 22, review L5)."""
    texts = pages(pdf)
    holding = [i for i, t in enumerate(texts) if "Kinh phí thực hiện theo" in t]
    for i in holding:
        table = texts[i].split("Kinh phí thực hiện theo")[1]
        years = [line for line in table.splitlines() if line.split()[:1] and
                 line.split()[0].isdigit() and len(line.split()[0]) == 4]
        assert len(years) == 1 or "Tổng cộng" in table, (
            f"{pdf.name}: the budget's “Tổng cộng” row is not on p.{i + 1} with its table")


@pytest.mark.libreoffice
def test_closing_block_keeps_with_text_in_every_sample(tmp_path):
    built = [build(year_dir, tmp_path / "out") for year_dir in SAMPLES]
    pdfs = convert([b.path for b in built], tmp_path)
    assert len(pdfs) >= 7
    for year_dir, result in zip(SAMPLES, built, strict=True):
        report, _, _ = gather(year_dir)
        assert_closing_keeps_with_text(pdfs[result.path], report.agency.closing[-12:],
                                       report.agency.signer_name, report.agency.authority)
        assert_budget_on_one_page(pdfs[result.path])
    assert sum("Kinh phí thực hiện theo" in "".join(pages(p)) for p in pdfs.values()) >= 5
