"""The first PDF run works (issue 25, item 8): profiles made before the run, a failed conversion
tried once more, and `build --all --pdf` from an empty profile folder converting every report.

LibreOffice exits 0 even when it converted nothing, so every PDF is read back with pdftotext.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from ncnsc_reports.cli import main
from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.pdf import SOFFICE_ENV, convert
from ncnsc_reports.outputs.soffice import PROFILES_VARIABLE

# A stand-in for soffice: creates the profile on --terminate_after_init; converts (writes a
# PDF for each document) only from the `works_from`-th conversion asked of it.
FAKE = """#!{python}
import pathlib, sys
args = sys.argv[1:]
profile = pathlib.Path(next(a for a in args if a.startswith("-env:"))
                       .split("=", 1)[1].removeprefix("file://"))
log = pathlib.Path({log!r})
log.open("a").write(" ".join(a for a in args if a.startswith("--")) + "\\n")
if "--terminate_after_init" in args:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text("<items/>")
    sys.exit(0)
if log.read_text().count("--convert-to") >= {works_from}:
    out = pathlib.Path(args[args.index("--outdir") + 1])
    for doc in args[args.index("--outdir") + 2:]:
        (out / (pathlib.Path(doc).stem + ".pdf")).write_bytes(b"%PDF-1.4 fake")
"""


def fake_soffice(tmp_path: Path, monkeypatch, works_from: int) -> Path:
    program, log = tmp_path / "soffice", tmp_path / "soffice.log"
    program.write_text(FAKE.format(python=sys.executable, log=str(log), works_from=works_from))
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(SOFFICE_ENV, str(program))
    monkeypatch.setenv(PROFILES_VARIABLE, str(tmp_path / "ho-so"))
    return log


def documents(tmp_path: Path, *names: str) -> list[Path]:
    for name in names:
        (tmp_path / name).write_bytes(b"docx")
    return [tmp_path / name for name in names]


def test_the_profile_is_made_before_the_first_conversion(tmp_path, monkeypatch):
    log = fake_soffice(tmp_path, monkeypatch, works_from=1)
    assert convert(documents(tmp_path, "a.docx")) == [tmp_path / "a.pdf"]
    assert log.read_text().splitlines() == [
        "--headless --norestore --terminate_after_init",
        "--headless --norestore --convert-to --outdir"]
    assert (tmp_path / "ho-so" / "ho-so-0" / "user" / "registrymodifications.xcu").is_file()
    convert(documents(tmp_path, "b.docx"))  # kept: made once
    assert log.read_text().count("--terminate_after_init") == 1


def test_a_conversion_that_fails_is_tried_once_more_in_a_profile_made_anew(tmp_path, monkeypatch):
    log = fake_soffice(tmp_path, monkeypatch, works_from=2)
    pdfs = convert(documents(tmp_path, "a.docx", "b.docx"))
    assert [p.read_bytes()[:5] for p in pdfs] == [b"%PDF-", b"%PDF-"]
    assert log.read_text().count("--convert-to") == 2


def test_a_conversion_that_fails_twice_is_reported(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, works_from=99)
    with pytest.raises(OutputError) as caught:
        convert(documents(tmp_path, "a.docx", "b.docx"))
    assert str(caught.value) == ("LibreOffice không tạo được PDF cho: a.docx, b.docx. Tệp Word đã "
                                 "được ghi; hãy thử lại (lần khởi động đầu của LibreOffice đôi khi "
                                 "lỗi), nếu vẫn lỗi thì đóng LibreOffice đang mở rồi thử lại")
    assert not (tmp_path / "a.pdf").exists()


def test_a_profile_in_use_by_another_run_is_not_shared(tmp_path, monkeypatch):
    from ncnsc_reports.outputs.soffice import profiles

    fake_soffice(tmp_path, monkeypatch, works_from=1)
    with profiles(1, os.environ[SOFFICE_ENV]) as (first,), \
            profiles(1, os.environ[SOFFICE_ENV]) as (second,):
        assert first == tmp_path / "ho-so" / "ho-so-0" and second != first
        assert (second / "user" / "registrymodifications.xcu").is_file()


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice and poppler")
def test_build_all_pdf_from_an_empty_profile_folder_converts_every_report(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv(PROFILES_VARIABLE, str(tmp_path / "ho-so-trong"))
    monkeypatch.setenv("NCNSC_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["build", "--all", str(tmp_path / "inputs"), "--pdf",
                                       "--jobs", "2"], catch_exceptions=False)
    # every document: the yearly reports, the phase summary and its draft plan (build --all)
    documents = sorted((tmp_path / "outputs").glob("*/*/*.docx"))
    assert result.exit_code == 0, result.output
    assert f"Đã tạo {len(documents)} tệp PDF" in result.output and len(documents) >= 16
    for document in documents:
        text = subprocess.run(["pdftotext", str(document.with_suffix(".pdf")), "-"],
                              capture_output=True, text=True, check=True).stdout
        title = "KẾ HOẠCH" if document.name.startswith("du-thao-") else "BÁO CÁO"
        assert title in text and "Chương trình" in text, document
    assert (tmp_path / "ho-so-trong" / "ho-so-0" / "user" / "registrymodifications.xcu").is_file()
