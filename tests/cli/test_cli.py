"""The `ncnsc-report` command: exit codes, Vietnamese messages, no traceback unless --debug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_YEAR, append_row, edit_workbook, year_book
from docx_text import docx_lines

from ncnsc_reports.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_build_sample_prints_the_path(tmp_path):
    result = run("build", str(SAMPLE_YEAR), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    out = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert result.output.strip() == f"Đã tạo báo cáo: {out}"
    assert out.is_file()
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_bad_input_exits_1_with_a_message_and_no_traceback(province_copy):
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "31/4/2023"})
    proc = subprocess.run([sys.executable, "-m", "ncnsc_reports", "build",
                           str(province_copy / "2023")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    marked = province_copy.parent.parent / "outputs/hung-yen/2023/loi/bao-cao-2023-loi.xlsx"
    assert proc.stderr.splitlines() == [
        "Lỗi (1):",
        "  - bao-cao-2023.xlsx › trang “Văn bản” › dòng 2 › cột “Ngày ban hành”: cần một ngày "
        "dạng ngày/tháng/năm (ví dụ 11/4/2023), nhưng gặp “31/4/2023”: "
        "không có ngày này (tháng 4 năm 2023 chỉ có 30 ngày)",
        "Chưa tạo báo cáo nào. Hãy sửa các lỗi trên trong sổ Excel rồi chạy lại.",
        f"Các ô có lỗi được tô màu, ghi chú ngay trên bản sao của sổ: {marked}",
    ]
    # no report: only the marked copy of the workbook (issue 23, item 2)
    assert [p.name for p in marked.parent.parent.iterdir() if p.name[0] != "."] == ["loi"]


def test_debug_shows_the_traceback(province_copy):
    edit_workbook(year_book(province_copy), "Văn bản", {"D2": "31/4/2023"})
    proc = subprocess.run([sys.executable, "-m", "ncnsc_reports", "build", "--debug",
                           str(province_copy / "2023")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "InputError" in proc.stderr


@pytest.mark.parametrize("defect, prepare, expected", [
    ("missing-year-folder", lambda p: p / "2030",
     "{p}/2030: không tìm thấy thư mục năm; tạo thư mục và sổ Excel của năm bằng: "
     "ncnsc-report new-year {p}/2030"),
    ("year-folder-not-a-year", lambda p: _mkdir(p / "nam-nay"),
     "{p}/nam-nay: cần tên thư mục là một năm (ví dụ 2023), nhưng gặp “nam-nay”"),
    ("missing-profile", lambda p: _unlink(p / "ho-so-tinh.xlsx", p / "2023"),
     "{p}: thiếu hồ sơ tỉnh “ho-so-tinh.xlsx” (tên cơ quan, kế hoạch, người ký, nơi nhận) "
     "trong thư mục tỉnh; tạo hồ sơ tỉnh bằng: ncnsc-report new-province {p}"),
    ("no-workbook", lambda p: _unlink(year_book(p), p / "2023"),
     "{p}/2023: không có sổ Excel (.xlsx) nào trong thư mục năm; tạo sổ mới bằng lệnh: "
     "ncnsc-report new-year {p}/2023"),
    ("two-workbooks", lambda p: _copy(year_book(p), p / "2023" / "ban-cu.xlsx"),
     "{p}/2023: cần đúng một sổ Excel, nhưng có 2: ban-cu.xlsx, bao-cao-2023.xlsx; hãy chuyển "
     "các bản cũ ra khỏi thư mục"),
    ("text-file-named-xlsx", lambda p: _write(year_book(p), b"STT;Noi dung\n1;abc\n"),
     "bao-cao-2023.xlsx: tệp không phải sổ Excel .xlsx (không mở được); hãy mở bằng Excel và "
     "lưu lại dạng “Excel Workbook (*.xlsx)”"),
])
def test_folder_and_file_errors(province_copy, defect, prepare, expected):
    year_dir = prepare(province_copy)
    result = CliRunner().invoke(main, ["build", str(year_dir)])
    assert result.exit_code == 1
    assert f"  - {expected.format(p=province_copy)}" in result.output.splitlines()
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _unlink(path: Path, year_dir: Path) -> Path:
    path.unlink()
    return year_dir


def _copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return src.parent


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path.parent


def test_new_year_workbook_builds_a_report_with_standard_sentences(province_copy):
    year_dir = province_copy / "2024"
    result = run("new-year", "--trong", str(year_dir))
    assert result.exit_code == 0, result.output
    assert (year_dir / "bao-cao-2024.xlsx").is_file()
    assert run("new-year", str(year_dir)).exit_code == 1  # never overwrites
    result = run("build", str(year_dir))
    # nothing to report yet (a warning), and III (next year's direction and solutions) cannot
    # "not arise" (errors): every problem named at once, nothing written
    assert result.exit_code == 1
    assert "sổ chưa có nội dung nào để báo cáo" in result.output
    assert "mục III.1 (phương hướng năm tiếp theo) chưa có nội dung" in result.output
    assert "mục III.2 (giải pháp thực hiện) chưa có nội dung" in result.output
    assert "mục IV (đề xuất, kiến nghị) chưa có nội dung" in result.output
    for section in ("III.1", "III.2"):
        append_row(year_dir / "bao-cao-2024.xlsx", "Nội dung", (section, None, "Nội dung."))
    result = run("build", str(year_dir))
    assert result.exit_code == 0, result.output
    assert "sổ chưa có nội dung nào để báo cáo" not in result.output
    assert run("build", "--strict", str(year_dir)).exit_code == 1  # IV empty is a warning
    lines = docx_lines(province_copy.parent.parent / "outputs" / "hung-yen" / "2024"
                       / "bao-cao-hung-yen-2024.docx")
    # I.1.a–c, 2.1–2.6, II.1–3: each gets the standard sentence; IV its own
    assert lines.count("Năm 2024 không phát sinh nội dung này.") == 12
    assert "Không có đề xuất, kiến nghị." in lines
    assert "| Hưng Yên, ngày       tháng       năm 2024" in lines


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from ncnsc_reports.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('docxtpl', 'pandas', 'openpyxl', 'docx', 'lxml')"
            " if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_a_province_without_indicators_never_loads_pandas_or_matplotlib(tmp_path):
    """Hưng Yên sets no indicators: a cold build (its template checked against the shipped
    samples too) costs about the bare import of docxtpl and openpyxl, not pandas' 0.2–0.5 s."""
    code = ("import sys; from ncnsc_reports.cli import main\n"
            f"try:\n    main(['build', {str(SAMPLE_YEAR)!r}, '--out', {str(tmp_path)!r}])\n"
            "except SystemExit as done:\n    assert not done.code, done.code\n"
            "print(sorted(m for m in ('pandas', 'matplotlib', 'docxtpl')"
            " if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx").is_file()
    assert proc.stdout.strip().splitlines()[-1] == "['docxtpl']"  # rendered, nothing more


def test_a_command_leaves_python_no_full_collection_to_run_at_exit(tmp_path):
    """Python's last garbage collection walks every object of the libraries (≈ 75 ms of a cold
    build): the command freezes them at exit, after its own exit handlers, outputs written."""
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))  # runs last\n"
            "from ncnsc_reports.cli import main\n"
            f"main(['build', {str(SAMPLE_YEAR)!r}, '--out', {str(tmp_path)!r}])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx").is_file()
    assert proc.stdout.strip().splitlines()[-1] == "frozen True"


# What only a period summary or a draft plan needs: a yearly build loads none of it.
PERIOD_MODULES = ("ncnsc_reports.render.period_context", "ncnsc_reports.render.period_fields",
                  "ncnsc_reports.report.period",
                  "ncnsc_reports.compute.period", "ncnsc_reports.compute.next_phase",
                  "ncnsc_reports.summary", "ncnsc_reports.kinds.summary",
                  "ncnsc_reports.outputs.period_book", "matplotlib")


@pytest.mark.parametrize("year_folder", [SAMPLE_YEAR, ROOT / "inputs" / "an-giang" / "2025"],
                         ids=["hung-yen-2023", "an-giang-2025"])
def test_a_yearly_build_never_loads_the_period_summary(tmp_path, year_folder):
    """An Giang 2025 (indicators, earlier years read for the cumulative figures) as Hưng Yên: the
    template check describes only the yearly context, so the summary's modules stay unloaded."""
    code = ("import sys; from ncnsc_reports.cli import main\n"
            f"try:\n    main(['build', {str(year_folder)!r}, '--out', {str(tmp_path)!r}])\n"
            "except SystemExit as done:\n    assert not done.code, done.code\n"
            f"print(sorted(m for m in {PERIOD_MODULES + ('docxtpl',)!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.glob("*/*/bao-cao-*.docx")), proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "['docxtpl']"  # rendered, nothing more
