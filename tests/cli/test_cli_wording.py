"""Click's own messages (usage errors, help page, --help option) reach the clerk in Vietnamese."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ncnsc_reports.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="ncnsc-report", catch_exceptions=False)


@pytest.mark.parametrize(("args", "usage", "message"), [
    (["check-template"], "ncnsc-report check-template [TÙY CHỌN] PATH",
     "Lỗi: thiếu đối số PATH."),
    (["build", "--all", "--jobs", "0"], "ncnsc-report build [TÙY CHỌN] [YEAR_DIR]",
     "Lỗi: giá trị của --jobs phải là một số nguyên từ 1 đến 64, nhận được “0”."),
    (["build", "--jobs", "hai"], "ncnsc-report build [TÙY CHỌN] [YEAR_DIR]",
     "Lỗi: giá trị của --jobs phải là một số nguyên từ 1 đến 64, nhận được “hai”."),
    (["biuld", "inputs"], "ncnsc-report [TÙY CHỌN] LỆNH [ĐỐI SỐ]...",
     "Lỗi: không có lệnh “biuld”. Có phải ý bạn là “build”?"),
    (["xyz"], "ncnsc-report [TÙY CHỌN] LỆNH [ĐỐI SỐ]...",
     "Lỗi: không có lệnh “xyz”. Dùng được: build, check-template, fields, new-province, "
     "new-summary, new-year, serve, unit-form."),
    (["build", "--stritc"], "ncnsc-report build [TÙY CHỌN] [YEAR_DIR]",
     "Lỗi: không có tùy chọn “--stritc”. Có phải ý bạn là “--strict”?"),
    (["build", "Ho so", "2023"], "ncnsc-report build [TÙY CHỌN] [YEAR_DIR]",
     "Lỗi: thừa đối số: 2023 (đường dẫn, tên có dấu cách thì đặt trong ngoặc kép)."),
])
def test_usage_errors_are_vietnamese(args, usage, message):
    result = run(*args)
    assert result.exit_code == 2
    command = "ncnsc-report" + ("" if usage.startswith("ncnsc-report [") else f" {args[0]}")
    assert result.stderr.splitlines() == [f"Cách dùng: {usage}",
                                          f"Xem hướng dẫn: {command} --help", "", message]


def test_option_without_value_is_vietnamese():
    result = run("build", "--out")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Lỗi: tùy chọn “--out” cần một giá trị ngay sau nó."


@pytest.mark.parametrize("args", [["--help"], ["build", "-h"], ["unit-form", "--help"],
                                  ["serve", "--help"], ["fields", "--help"]])
def test_help_page_is_vietnamese(args):
    result = run(*args)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Cách dùng: ncnsc-report ")
    assert "Tùy chọn:" in lines
    assert "  -h, --help" in result.stdout and "Hiện hướng dẫn này rồi thoát." in result.stdout
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[OPTIONS]",
                    "Show the version", "default:", "required", "TEXT"):
        assert english not in result.stdout


def test_an_options_default_is_said_in_vietnamese():
    assert "Cổng của trang.  [mặc định: 8765]" in run("serve", "--help").stdout


def test_command_list_heading_is_vietnamese():
    lines = run("--help").stdout.splitlines()
    assert "Lệnh:" in lines and "  --version   Hiện số phiên bản rồi thoát." in lines


def test_a_province_folder_gets_one_error_naming_its_years(province_copy):
    (province_copy / "2024").mkdir()
    (province_copy / "ghi-chu").mkdir()
    result = CliRunner().invoke(main, ["build", str(province_copy)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "Lỗi (1):",
        f"  - {province_copy}: đây là thư mục tỉnh, chưa phải thư mục năm; hãy ghi thư mục một "
        f"năm trong đó, ví dụ: ncnsc-report build {province_copy / '2024'}. Các năm có trong "
        "đó: 2023, 2024."]
    assert "thiếu hồ sơ tỉnh" not in result.output
