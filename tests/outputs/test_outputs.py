"""Outputs: hand edits survive a rebuild, writes are all or nothing, every output is valid.

The manifest beside the output folder records what each build wrote; a file that differs was
edited in Word and is kept under `…-sua-tay-<ngày giờ>…` (or replaced with `--force`).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import unicodedata
import zipfile

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_YEAR, edit_workbook, pdf_of, year_book
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import write as outputs
from ncnsc_reports.outputs.write import manifest_path, write_outputs
from ncnsc_reports.pipeline import build
from ncnsc_reports.render.docx import check_docx

EDITED_AT = time.mktime((2024, 1, 15, 9, 30, 12, 0, 0, -1))  # local time, as the name shows


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "outputs" / "hung-yen" / "2023"


def hand_edit(path, text: bytes = b" sua tay") -> None:
    path.write_bytes(path.read_bytes() + text)
    os.utime(path, (EDITED_AT, EDITED_AT))


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_build_records_the_hash_of_every_file_it_wrote(folder):
    written = write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    assert written.paths == [folder / "bao-cao.docx", folder / "chi-tieu.xlsx"]
    assert (written.kept, written.replaced) == ({}, [])
    recorded = json.loads(manifest_path(folder).read_text(encoding="utf-8"))["files"]
    assert recorded == {"bao-cao.docx": [hashlib.sha256(b"v1").hexdigest()],
                        "chi-tieu.xlsx": [hashlib.sha256(b"x1").hexdigest()]}
    assert manifest_path(folder).parent == folder.parent  # the report folder holds reports only
    assert listing(folder) == ["bao-cao.docx", "chi-tieu.xlsx"]
    assert not list(folder.parent.glob(".dang-ghi-*"))


def test_an_untouched_output_is_simply_replaced(folder):
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    written = write_outputs(folder, {"bao-cao.docx": b"v2"})
    assert (written.kept, written.replaced) == ({}, [])
    assert (folder / "bao-cao.docx").read_bytes() == b"v2"
    assert listing(folder) == ["bao-cao.docx"]


def test_a_hand_edited_output_is_kept_under_a_dated_name(folder):
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    hand_edit(folder / "bao-cao.docx")
    written = write_outputs(folder, {"bao-cao.docx": b"v2"})
    kept = folder / "bao-cao-sua-tay-20240115-093012.docx"
    assert written.kept == {folder / "bao-cao.docx": kept}
    assert kept.read_bytes() == b"v1 sua tay"
    assert kept.stat().st_mtime == EDITED_AT
    assert (folder / "bao-cao.docx").read_bytes() == b"v2"
    assert listing(folder) == ["bao-cao-sua-tay-20240115-093012.docx", "bao-cao.docx"]
    # the new file is the generated one: the next build replaces it without keeping anything
    assert write_outputs(folder, {"bao-cao.docx": b"v3"}).kept == {}


def test_two_edits_saved_in_the_same_second_are_both_kept(folder):
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    hand_edit(folder / "bao-cao.docx", b" lan 1")
    write_outputs(folder, {"bao-cao.docx": b"v2"})
    hand_edit(folder / "bao-cao.docx", b" lan 2")
    written = write_outputs(folder, {"bao-cao.docx": b"v3"})
    second = folder / "bao-cao-sua-tay-20240115-093012-2.docx"
    assert written.kept == {folder / "bao-cao.docx": second}
    assert second.read_bytes() == b"v2 lan 2"
    assert (folder / "bao-cao-sua-tay-20240115-093012.docx").read_bytes() == b"v1 lan 1"


def test_force_replaces_a_hand_edited_output_and_says_so(folder):
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    hand_edit(folder / "bao-cao.docx")
    written = write_outputs(folder, {"bao-cao.docx": b"v2"}, force=True)
    assert (written.kept, written.replaced) == ({}, [folder / "bao-cao.docx"])
    assert listing(folder) == ["bao-cao.docx"]


@pytest.mark.parametrize("manifest", [None, "{không phải json", '{"files": []}'])
def test_a_file_of_unknown_origin_counts_as_hand_edited(folder, manifest):
    folder.mkdir(parents=True)
    (folder / "bao-cao.docx").write_bytes(b"ai da ghi?")
    os.utime(folder / "bao-cao.docx", (EDITED_AT, EDITED_AT))
    if manifest is not None:
        manifest_path(folder).write_text(manifest, encoding="utf-8")
    written = write_outputs(folder, {"bao-cao.docx": b"v1"})
    assert list(written.kept.values()) == [folder / "bao-cao-sua-tay-20240115-093012.docx"]


def test_a_failure_while_moving_puts_every_previous_file_back(folder, monkeypatch):
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    hand_edit(folder / "bao-cao.docx")
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith("chi-tieu.xlsx"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", failing_replace)
    with pytest.raises(OutputError) as caught:
        write_outputs(folder, {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
    assert str(caught.value) == (f"không ghi được “{folder / 'chi-tieu.xlsx'}”: Permission "
                                 "denied. Nếu tệp đang mở trong Word hoặc Excel, hãy đóng lại "
                                 "rồi chạy lại. Bản đã sửa tay vẫn nguyên ở "
                                 f"“{folder / 'bao-cao.docx'}”.")
    assert (folder / "bao-cao.docx").read_bytes() == b"v1 sua tay"
    assert (folder / "chi-tieu.xlsx").read_bytes() == b"x1"
    assert listing(folder) == ["bao-cao.docx", "chi-tieu.xlsx"]  # no copy left behind
    assert not list(folder.parent.glob(".dang-ghi-*"))


def test_a_part_of_the_outputs_leaves_the_others_recorded(folder):
    write_outputs(folder, {"a.xlsx": b"a1", "b.xlsx": b"b1"})
    written = write_outputs(folder, {"a.xlsx": b"a2"}, keep_others=True)
    assert written.removed == [] and listing(folder) == ["a.xlsx", "b.xlsx"]
    assert write_outputs(folder, {"a.xlsx": b"a3"}).removed == [folder / "b.xlsx"]


def test_a_staging_folder_left_by_a_killed_build_is_removed_later(folder):
    """An unnamed one (an earlier version's) when old enough; this year's at once (test_crash)."""
    folder.mkdir(parents=True)
    old, fresh = folder.parent / ".dang-ghi-cu", folder.parent / ".dang-ghi-dang-chay"
    old.mkdir()
    fresh.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    assert not old.exists() and fresh.exists()  # a running build's folder is left alone


KILLED = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from ncnsc_reports.outputs import write as outputs
    real_move, calls = outputs._move, []

    def slow_move(staged, target):
        calls.append(target)
        if target.name == sys.argv[2] or len(calls) > int(sys.argv[3]):
            print("ready", flush=True)
            time.sleep(60)
        return real_move(staged, target)

    outputs._move = slow_move
    outputs.write_outputs(Path(sys.argv[1]), {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
""")


@pytest.mark.parametrize("moment, stop_at, after_calls", [
    ("before-any-file-moves", "bao-cao.docx", 99),
    ("between-two-files", "chi-tieu.xlsx", 99),
    ("before-the-manifest", "-", 0),
])
def test_a_kill_mid_build_leaves_whole_files_and_no_false_hand_edit(folder, moment, stop_at,
                                                                     after_calls):
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(folder), stop_at,
                             str(after_calls)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (folder / "bao-cao.docx").read_bytes() in (b"v1", b"v2")
    assert (folder / "chi-tieu.xlsx").read_bytes() == b"x1"
    assert listing(folder) == ["bao-cao.docx", "chi-tieu.xlsx"]
    # whatever the moment, the next build recognises both versions as generated
    assert write_outputs(folder, {"bao-cao.docx": b"v3", "chi-tieu.xlsx": b"x3"}).kept == {}


# --- Through the command ---------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rebuild_keeps_the_report_edited_in_word_and_says_so(tmp_path):
    out = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert run("build", str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    hand_edit(out)
    result = run("build", str(SAMPLE_YEAR), "--out", str(tmp_path))
    kept = out.with_name("bao-cao-hung-yen-2023-sua-tay-20240115-093012.docx")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Tệp “{out.name}” đã được sửa tay sau lần tạo trước nên được giữ lại thành: {kept}",
        f"Đã tạo báo cáo: {out}"]
    assert kept.read_bytes().endswith(b" sua tay")
    check_docx(out.read_bytes())


def test_rebuild_with_force_replaces_the_edited_report_and_says_so(tmp_path):
    out = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert run("build", str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    hand_edit(out)
    result = run("build", str(SAMPLE_YEAR), "--out", str(tmp_path), "--force")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Đã thay tệp đã sửa tay (do --force), không giữ bản sao: {out}",
        f"Đã tạo báo cáo: {out}"]
    assert listing(out.parent) == [out.name]


# --- Every output is valid --------------------------------------------------------------------

AWKWARD = {
    "C2": "R&D <ISO 9001> “trích” \"kép\" 'đơn'\tcột 2\ndòng 2 & </w:t> ]]> {{ x }}",
    "C3": unicodedata.normalize("NFD", "Hội đồng đánh giá, nghiệm thu cấp tỉnh"),
    "C4": "Báo_x0007_ cáo có ký tự điều khiển_x000B_",
    "C6": "Dòng dài " * 400,
}


@pytest.mark.libreoffice
def test_a_report_from_awkward_inputs_is_valid_and_converts_to_pdf(province_copy, tmp_path):
    edit_workbook(year_book(province_copy), "Nội dung", AWKWARD)
    report = build(province_copy / "2023").path
    check_docx(report.read_bytes())  # every XML part parses
    with zipfile.ZipFile(report) as z:
        assert z.testzip() is None
    lines = docx_lines(report)
    # a line break starts a paragraph of its own (issue 10)
    assert all(piece.strip() in lines for piece in AWKWARD["C2"].split("\n"))
    assert unicodedata.normalize("NFC", AWKWARD["C3"]) in lines
    assert "Báo cáo có ký tự điều khiển" in lines
    _, _, text = pdf_of(report, tmp_path)
    assert "R&D <ISO 9001>" in text and "Hội đồng đánh giá, nghiệm thu" in text




def test_workbooks_are_saved_in_memory_with_openpyxl_s_own_bytes(monkeypatch):
    """outputs.xlsx_save writes each sheet in memory (no temporary file per sheet), and the
    dated, normalised bytes are those of openpyxl's own writer: a workbook with an image too."""
    import datetime as dt
    import io

    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.worksheet import _writer as sheet_writer
    from openpyxl.writer.excel import ExcelWriter

    from ncnsc_reports.outputs.xlsx_save import save_dated
    from ncnsc_reports.reproducible import normalise_zip

    def workbook():
        wb = Workbook()
        wb.active.append(["Mã", "Chỉ tiêu", 12, 3.5])
        wb.create_sheet("Ghi chú").append(["dữ liệu minh họa"])
        png = io.BytesIO()
        from PIL import Image as Picture
        Picture.new("RGB", (4, 4)).save(png, "PNG")
        wb.active.add_image(Image(png), "A3")
        return wb

    when = dt.datetime(2023, 11, 30, 8)
    theirs = io.BytesIO()
    wb = workbook()
    wb.properties.created = wb.properties.modified = when
    ExcelWriter(wb, zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED)).save()
    made = []
    monkeypatch.setattr(sheet_writer, "create_temporary_file", lambda: made.append(1))
    ours = save_dated(workbook(), when)
    assert made == []
    assert normalise_zip(ours, when) == normalise_zip(theirs.getvalue(), when)
