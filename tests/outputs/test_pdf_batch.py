"""PDFs of many reports: runs of LibreOffice side by side, every PDF checked, failures named."""

from __future__ import annotations

import contextlib
import shutil
import subprocess

import pytest
from conftest import ROOT

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import pdf_batch
from ncnsc_reports.outputs.pdf_batch import RUN_SIZE, convert_all, processes_for, runs_of
from ncnsc_reports.pipeline import build


@pytest.mark.parametrize("count", [1, 2, 5, 19, 20, 21, 40, 41, 340])
@pytest.mark.parametrize("processes", [1, 2])
def test_runs_cover_every_document_once_in_bounded_even_runs(count, processes):
    documents = [f"bao-cao-{i}.docx" for i in range(count)]
    runs = runs_of(documents, processes)
    assert sorted(d for run in runs for d in run) == sorted(documents)
    assert all(0 < len(run) <= RUN_SIZE for run in runs)
    assert max(map(len, runs)) - min(map(len, runs)) <= 1
    if count >= processes:
        assert len(runs) % processes == 0


def test_few_documents_use_one_process():
    assert processes_for(2, jobs=2) == 1
    assert processes_for(6, jobs=2) == 2
    assert processes_for(340, jobs=1) == 1


@pytest.mark.libreoffice
def test_two_processes_side_by_side_make_every_pdf(tmp_path):
    report = build(ROOT / "inputs" / "hung-yen" / "2023", out_root=tmp_path / "out").path
    documents = []
    for i in range(4):
        documents.append(tmp_path / f"bao-cao-{i}.docx")
        shutil.copyfile(report, documents[-1])
    pdfs = convert_all(documents, processes=2)
    assert pdfs == [d.with_suffix(".pdf") for d in documents]
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)


def test_every_failed_run_is_named_after_all_have_finished(monkeypatch, tmp_path):
    done = []

    def fake(documents, profile=None):
        done.append(documents)
        if documents[0].name == "a.docx":
            raise OutputError("LibreOffice không tạo được PDF cho: a.docx")
        raise subprocess.TimeoutExpired("soffice", 600)

    monkeypatch.setattr(pdf_batch, "convert", fake)
    monkeypatch.setattr(pdf_batch, "profiles", lambda count, soffice: contextlib.nullcontext(
        [tmp_path / f"ho-so-{n}" for n in range(count)]))
    with pytest.raises(OutputError) as caught:
        convert_all([tmp_path / "a.docx", tmp_path / "b.docx"], processes=2)
    assert len(done) == 2
    assert str(caught.value) == (
        "LibreOffice không tạo được PDF cho: a.docx; LibreOffice không xong sau 600 giây khi "
        "tạo PDF cho: b.docx; các tệp .docx vẫn đã được tạo, hãy chạy lại với --pdf")
