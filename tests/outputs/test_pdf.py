"""PDFs: the same report gives the same bytes; a kept hand edit gets its own PDF; LibreOffice is
found where its installers put it on Windows and macOS (simulated here), or where
NCNSC_SOFFICE points."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_YEAR

from ncnsc_reports.cli import main
from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import pdf as pdf_module
from ncnsc_reports.outputs.pdf import SOFFICE_ENV, convert, find_soffice, reproducible


def build(*args: str):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


@pytest.mark.libreoffice
def test_the_same_report_gives_byte_identical_pdfs(tmp_path):
    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    report = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    first = convert([report])[0].read_bytes()
    second = convert([report])[0].read_bytes()  # a second LibreOffice run, a later clock
    assert first == second
    info = subprocess.run(["pdfinfo", str(report.with_suffix(".pdf"))], capture_output=True,
                          text=True, check=True).stdout
    # the report's own date (docProps/core.xml), not the clock
    assert re.search(r"CreationDate:\s+Thu Nov 30 08:00:00 2023", info), info


def test_reproducible_keeps_the_length_and_replaces_clock_and_ids():
    pdf = (b"%PDF-1.7\n/CreationDate(D:20261125093721Z')/ModDate(D:20261125093722+07'00')\n"
           b"trailer\n/ID [ <5660F1A98BA0C1B09C4BA0D1A97811C6>\n"
           b"<5660F1A98BA0C1B09C4BA0D1A97811C6> ]\n"
           b"/DocChecksum /CD5AE5624D76226D30816D49CAC12BD9\n%%EOF\n")
    later = pdf.replace(b"093721", b"101500").replace(b"5660F1A9", b"0000AAAA")
    out = reproducible(pdf, "20231130080000")
    assert out == reproducible(later, "20231130080000") and len(out) == len(pdf)
    assert b"/CreationDate(D:20231130080000Z')" in out
    assert b"/ModDate(D:20231130080000+07'00')" in out
    assert b"5660F1A9" not in out and b"CD5AE562" not in out


@pytest.mark.libreoffice
def test_a_kept_hand_edit_gets_its_own_pdf(tmp_path):
    import docx

    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    folder = tmp_path / "hung-yen" / "2023"
    report = folder / "bao-cao-hung-yen-2023.docx"
    document = docx.Document(str(report))
    document.paragraphs[-1].add_run(" ĐÃ SỬA TAY")
    document.save(str(report))
    result = build(str(SAMPLE_YEAR), "--out", str(tmp_path), "--rebuild", "--pdf")
    assert result.exit_code == 0, result.output
    kept = next(folder.glob("*-sua-tay-*.docx"))
    assert result.output.splitlines()[-2:] == [
        f"Đã tạo PDF: {report.with_suffix('.pdf')} (bản vừa tạo từ sổ Excel)",
        f"Đã tạo PDF của bản đã sửa tay được giữ lại: {kept.with_suffix('.pdf')}"]

    def text(pdf):
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    assert "ĐÃ SỬA TAY" in text(kept.with_suffix(".pdf"))
    assert "ĐÃ SỬA TAY" not in text(report.with_suffix(".pdf"))


# --- Finding LibreOffice (simulated Windows and macOS) ----------------------------------------

@pytest.fixture
def no_soffice_on_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)


def fake_program(path) -> str:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    return str(path)


@pytest.mark.parametrize("variable, root", [
    ("ProgramFiles", "Program Files"),
    ("ProgramFiles(x86)", "Program Files (x86)"),
    ("LOCALAPPDATA", "AppData/Local"),
])
def test_found_where_the_windows_installer_puts_it(no_soffice_on_path, monkeypatch, tmp_path,
                                                   variable, root):
    monkeypatch.setenv(variable, str(tmp_path / root))
    sub = "Programs/LibreOffice" if variable == "LOCALAPPDATA" else "LibreOffice"
    program = fake_program(tmp_path / root / sub / "program" / "soffice.exe")
    monkeypatch.setattr(os, "name", "nt")
    try:
        found = find_soffice()
    finally:
        monkeypatch.undo()
    assert found == program


def test_found_where_the_macos_installer_puts_it(no_soffice_on_path, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    program = fake_program(tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS"
                           / "soffice")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert find_soffice() == program
    assert pdf_module.install_locations("posix", "darwin", {})[0] == (
        "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def test_ncnsc_soffice_points_to_it(no_soffice_on_path, monkeypatch, tmp_path):
    program = fake_program(tmp_path / "D" / "LibreOffice" / "program" / "soffice.exe")
    monkeypatch.setenv(SOFFICE_ENV, program)
    assert find_soffice() == program
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "khong-co.exe"))
    with pytest.raises(OutputError) as caught:
        find_soffice()
    assert str(caught.value) == (
        f"biến môi trường NCNSC_SOFFICE chỉ tới “{tmp_path / 'khong-co.exe'}”, nhưng không có "
        "tệp đó; hãy sửa cho đúng đường dẫn tới soffice (Windows: soffice.exe) rồi chạy lại; "
        "các tệp .docx vẫn đã được tạo.")


def test_not_found_says_how_to_install_or_point_to_it(no_soffice_on_path, monkeypatch):
    monkeypatch.setattr(os, "name", "nt")
    try:
        with pytest.raises(OutputError) as caught:
            find_soffice()
    finally:
        monkeypatch.undo()
    assert str(caught.value) == (
        "không tìm thấy LibreOffice để tạo PDF. Cài LibreOffice (https://www.libreoffice.org; "
        "Debian/Ubuntu: apt-get install libreoffice-writer-nogui) rồi chạy lại; nếu đã cài ở chỗ "
        "khác, đặt biến môi trường NCNSC_SOFFICE là đường dẫn tới soffice, ví dụ trên Windows: "
        "set NCNSC_SOFFICE=D:\\LibreOffice\\program\\soffice.exe (PowerShell: "
        "$env:NCNSC_SOFFICE=\"D:\\LibreOffice\\program\\soffice.exe\"). Các tệp .docx vẫn đã "
        "được tạo.")
