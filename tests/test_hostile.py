"""A corpus of hostile inputs: each ends quickly, in bounded memory, with a located message.

Every case is made on the fly (tests/hostile.py) and named after the defect it carries; the
command runs in a child process whose time and peak memory are measured, on generous limits
(this machine is shared: the bounds catch an unbounded read, not a slow one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import hostile
import pytest
from conftest import year_book

SECONDS, MEGABYTES = 10, 400
CONTENT = "bao-cao-2023.xlsx › trang “Nội dung”"
# Runs the command in this child and reports its own peak memory (ru_maxrss is in kB on Linux).
CHILD = """
import json, resource, sys
from ncnsc_reports.cli import main
try:
    main(sys.argv[1:], prog_name="ncnsc-report")
except SystemExit as end:
    code = end.code or 0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"code": code, "peak": peak}), file=sys.stderr)
"""


def run_bounded(*args: str) -> tuple[int, str]:
    """Run `ncnsc-report args` in a child; assert the bounds; return (exit code, its output)."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONHASHSEED": "0"})
    seconds = time.monotonic() - start
    *lines, last = proc.stderr.rstrip("\n").split("\n")
    measured = json.loads(last)
    output = proc.stdout + "\n".join(lines)
    assert "Traceback" not in output and "Lỗi không mong đợi" not in output, output
    assert seconds < SECONDS, f"{seconds:.1f} s"
    assert measured["peak"] < MEGABYTES, f"{measured['peak']} MB"
    return measured["code"], output


def build(province) -> tuple[int, str]:
    return run_bounded("build", str(province / "2023"))


def errors(output: str) -> list[str]:
    return [line.strip()[2:] for line in output.splitlines() if line.startswith("  - ")]


def test_a_formatted_blank_cell_at_xfd1048576_costs_nothing(province_copy):
    hostile.formatted_blank_cell(year_book(province_copy), "Nội dung", "XFD1048576")
    code, output = build(province_copy)
    assert code == 0 and "Đã tạo báo cáo" in output


def test_100000_formatted_blank_rows_are_read_in_bounds(province_copy):
    hostile.formatted_blank_rows(year_book(province_copy), "Nội dung", 100, 100_000)
    code, output = build(province_copy)
    assert code == 0 and "Đã tạo báo cáo" in output


def test_a_sheet_inflating_to_150_mb_is_refused_naming_the_file(province_copy):
    hostile.inflate_sheet(year_book(province_copy), "Nội dung", 150)
    code, output = build(province_copy)
    assert code == 1
    assert errors(output) == [
        "bao-cao-2023.xlsx: tệp khi giải nén lớn bất thường (150 MB, giới hạn 100 MB; phần "
        "“xl/worksheets/sheet5.xml” nén 0,2 MB thành 150 MB) — thường do hàng triệu ô, khoảng "
        "trắng hay định dạng thừa; hãy mở bằng Excel, xóa các dòng, cột thừa ở cuối trang, lưu "
        "lại rồi chạy lại"]


def test_a_part_packed_over_200_times_is_refused_even_under_the_total_limit(province_copy):
    hostile.inflate_sheet(year_book(province_copy), "Nội dung", 30)
    code, output = build(province_copy)
    assert code == 1 and errors(output)[0].startswith(
        "bao-cao-2023.xlsx: tệp khi giải nén lớn bất thường (30 MB, giới hạn 100 MB; phần "
        "“xl/worksheets/sheet5.xml” nén 0,0 MB thành 30 MB)")


NOT_A_FILE = ("bao-cao-2023.xlsx: không phải một tệp thông thường (có thể là liên kết tới thiết "
              "bị, ống dẫn hay thư mục); hãy thay bằng sổ Excel thật")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_named_xlsx_is_refused(province_copy):
    year_book(province_copy).unlink()
    os.mkfifo(year_book(province_copy))
    code, output = build(province_copy)
    assert (code, errors(output)) == (1, [NOT_A_FILE])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_named_xlsx_is_refused(province_copy):
    year_book(province_copy).unlink()
    year_book(province_copy).symlink_to("/dev/zero")
    code, output = build(province_copy)
    assert (code, errors(output)) == (1, [NOT_A_FILE])


def test_text_in_a_column_without_header_is_an_error_naming_the_cell(province_copy):
    hostile.append_xml_rows(year_book(province_copy), "Nội dung", (
        '<row r="7"><c r="K7" t="inlineStr"><is><t>Ghi chú quan trọng</t></is></c></row>'))
    code, output = build(province_copy)
    assert code == 1
    assert errors(output) == [
        f"{CONTENT} › dòng 7 › cột “K”: ô K7 có nội dung “Ghi chú quan trọng” nhưng cột K không "
        "có tiêu đề ở dòng 1 nên nội dung sẽ bị bỏ sót; hãy chuyển nội dung sang đúng cột, hoặc "
        "xóa nếu không cần"]
