"""Our docxtpl engine (`render/docxtpl_engine.py`) gives the document plain docxtpl gives.

Its docstring promises that each change keeps docxtpl's output for a sound template: the same
template and context are rendered through both and the documents' text compared, for every
sample year with the shipped template, and for a template with a cell loop (the tree path,
docxtpl's table fix-up) and values holding tabs and line breaks (docxtpl's "listing").
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx_text import docx_lines
from docxtpl import DocxTemplate

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.render.context import build_context
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.environment import make_environment
from ncnsc_reports.render.names import template_names

TEMPLATE = ROOT / "templates" / "bao-cao-nam.docx"
SAMPLES = ("hung-yen/2023", "an-giang/2021", "an-giang/2023", "an-giang/2025", "tien-giang/2021")


def plain_docxtpl(template: Path, context, out: Path) -> Path:
    """Render with docxtpl's own DocxTemplate, in the same environment (given the names a
    typed context holds, as our `render` makes them)."""
    doc = DocxTemplate(template)
    doc.render(template_names(context), make_environment(), autoescape=True)
    doc.save(out)
    return out


def ours(template: Path, context: dict, out: Path) -> Path:
    out.write_bytes(render(template, context))
    return out


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_report_reads_the_same_through_plain_docxtpl(tmp_path, sample):
    report, results, _ = gather(ROOT / "inputs" / sample)
    context = build_context(report, results)
    mine = docx_lines(ours(TEMPLATE, context, tmp_path / "ours.docx"))
    theirs = docx_lines(plain_docxtpl(TEMPLATE, context, tmp_path / "docxtpl.docx"))
    assert len(mine) > 50  # the whole report, not an empty document
    assert mine == theirs


def _cell_loop_template(path: Path) -> Path:
    """A template with a column loop ({%tc for %}: the engine's tree path) and listing text."""
    doc = Document()
    doc.add_paragraph("{{ title }}")
    table = doc.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for x in items %}", "{{ x.name }}",
                                                 "{%tc endfor %}"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("{%tc for x in items %}", "{{ x.amount }}",
                                                 "{%tc endfor %}"), strict=True):
        cell.text = text
    doc.add_paragraph("{%p for x in items %}")
    doc.add_paragraph("{{ loop.index }}. {{ x.note }}")
    doc.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_cell_loops_and_listing_read_the_same(tmp_path):
    template = _cell_loop_template(tmp_path / "mau.docx")
    items = [{"name": f"Cột {i}", "amount": i * 1000, "note": f"dòng một\tcột\ndòng hai {i}"}
             for i in range(1, 5)]
    context = {"title": "Bảng\tthử & <so sánh>", "items": items}
    mine = docx_lines(ours(template, context, tmp_path / "ours.docx"))
    theirs = docx_lines(plain_docxtpl(template, context, tmp_path / "docxtpl.docx"))
    assert "| Cột 4" in mine and "4. dòng một\tcột\ndòng hai 4" in mine
    assert mine == theirs
