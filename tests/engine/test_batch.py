"""`build --all`: every province × year, in parallel, a failure never stopping the others."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, edit_workbook

from ncnsc_reports.batch import build_all, discover
from ncnsc_reports.cli import main
from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import pdf
from ncnsc_reports.pipeline import BuildOptions


@pytest.fixture
def inputs(tmp_path):
    target = tmp_path / "inputs"
    for province in ("hung-yen", "tien-giang"):
        shutil.copytree(ROOT / "inputs" / province, target / province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return target


def test_discover_lists_every_province_and_year(inputs):
    assert [f"{p.parent.name}/{p.name}" for p in discover(inputs)] == [
        "hung-yen/2023", "tien-giang/2021"]


def test_one_failure_does_not_stop_the_others(inputs):
    edit_workbook(inputs / "hung-yen" / "2023" / "bao-cao-2023.xlsx", "Văn bản",
                  {"D2": "31/4/2023"})
    result = CliRunner().invoke(main, ["build", "--all", str(inputs), "--jobs", "2"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    # Tiền Giang 2021 warns of its missing norms and dự toán; its I.2.4 paragraph no longer
    # repeats the count of classes the report prints (issue 22, review M1)
    assert "Tổng kết: 2 báo cáo — đã tạo 1, không đổi 0, lỗi 1, cảnh báo 2." in lines
    assert "  ✗ hung-yen/2023: không tạo được" in lines
    assert ("      Lỗi: bao-cao-2023.xlsx › trang “Văn bản” › dòng 2 › cột “Ngày ban hành”: cần "
            "một ngày dạng ngày/tháng/năm (ví dụ 11/4/2023), nhưng gặp “31/4/2023”: "
            "không có ngày này (tháng 4 năm 2023 chỉ có 30 ngày)") in lines
    built = inputs.parent / "outputs" / "tien-giang" / "2021" / "bao-cao-tien-giang-2021.docx"
    assert f"  ✓ tien-giang/2021: {built} (2 cảnh báo)" in lines
    assert built.is_file()
    # no report of the failed year: only the workbook's copy with its error marked on the cell
    failed = inputs.parent / "outputs" / "hung-yen" / "2023"
    assert list(failed.rglob("*.xlsx")) == [failed / "loi" / "bao-cao-2023-loi.xlsx"]
    assert not list(failed.rglob("*.docx"))
    assert ("      Các ô có lỗi được tô màu, ghi chú ngay trên bản sao của sổ: "
            f"{failed / 'loi' / 'bao-cao-2023-loi.xlsx'}") in lines


def test_parallel_and_serial_batches_write_the_same_bytes(inputs, tmp_path):
    serial = build_all(discover(inputs), BuildOptions(out_root=tmp_path / "a"), jobs=1)
    parallel = build_all(discover(inputs), BuildOptions(out_root=tmp_path / "b"), jobs=2)
    for one, two in zip(serial, parallel, strict=True):
        assert one.result.path.read_bytes() == two.result.path.read_bytes()


@pytest.mark.libreoffice
def test_pdf_of_every_report_from_one_libreoffice_run(inputs):
    result = CliRunner().invoke(main, ["build", "--all", str(inputs), "--pdf"])
    assert result.exit_code == 0, result.output
    assert "Đã tạo 2 tệp PDF (một lần chạy LibreOffice)." in result.output
    pdfs = sorted((inputs.parent / "outputs").glob("*/*/*.pdf"))
    assert [p.name for p in pdfs] == ["bao-cao-hung-yen-2023.pdf", "bao-cao-tien-giang-2021.pdf"]
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)


def test_missing_libreoffice_is_said_plainly(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(OutputError) as caught:
        pdf.find_soffice()
    assert str(caught.value).startswith("không tìm thấy LibreOffice để tạo PDF. Cài LibreOffice")


def test_build_without_a_folder_asks_for_one(monkeypatch):
    monkeypatch.chdir(ROOT)  # the samples' latest year is named
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Lỗi: cần thư mục năm (hoặc --all để tạo mọi báo cáo); ví dụ: ncnsc-report build "
        "inputs/dong-thap/2026")


def test_batch_says_which_hand_edited_report_it_kept(inputs):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--all", str(inputs), "--jobs", "1"]).exit_code == 0
    report = inputs.parent / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    report.write_bytes(report.read_bytes() + b"\0")  # stands for an edit saved in Word
    result = runner.invoke(main, ["build", "--all", str(inputs), "--jobs", "1"])
    kept = [line for line in result.output.splitlines() if "được giữ lại thành" in line]
    assert len(kept) == 1 and "bao-cao-hung-yen-2023.docx" in kept[0]


def test_batch_says_which_workbooks_are_open_in_excel_per_folder(inputs):
    """As `build` of one folder says it (inputs.excel_lock), under that folder's line."""
    book = inputs / "hung-yen" / "2023" / "bao-cao-2023.xlsx"
    saved = dt.datetime.combine(dt.date.today(), dt.time(9, 5))
    os.utime(book, (saved.timestamp(), saved.timestamp()))
    (book.parent / f"~${book.name}").write_bytes(b"\x00" * 165)  # Excel's lock file
    result = CliRunner().invoke(main, ["build", "--all", str(inputs), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    said = ("      Sổ “2023/bao-cao-2023.xlsx” đang mở trong Excel: báo cáo dùng bản đã lưu lúc "
            "09:05; nếu vừa sửa mà chưa lưu, hãy lưu (Ctrl+S) rồi chạy lại.")
    assert lines.count(said) == 1
    hung_yen = next(i for i, line in enumerate(lines) if line.startswith("  ✓ hung-yen/2023"))
    tien_giang = next(i for i, line in enumerate(lines) if line.startswith("  ✓ tien-giang"))
    assert hung_yen < lines.index(said) < tien_giang  # under its own folder, not another's
    # a failed folder says it too: the unsaved changes may be the fix
    edit_workbook(book, "Văn bản", {"D2": "31/4/2023"})
    os.utime(book, (saved.timestamp(), saved.timestamp()))
    failed = CliRunner().invoke(main, ["build", "--all", str(inputs), "--jobs", "1"])
    assert failed.exit_code == 1 and said in failed.output.splitlines()
