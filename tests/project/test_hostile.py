"""A corpus of hostile inputs: each ends quickly, in bounded memory, with a located message.

Every case is made on the fly (tests/hostile.py) and named after the defect it carries; the
command runs in a child process whose time and peak memory are measured, on generous limits
(this machine is shared: the bounds catch an unbounded read, not a slow one).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

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


# --- Templates ---------------------------------------------------------------------------------

def template_case(province, tags: str) -> tuple:
    template = province.parent.parent / "templates" / "bao-cao-nam.docx"
    hostile.template_paragraph(template, tags)
    return template




@pytest.mark.parametrize("tags, limit", [
    ("{{ (9**(9**9))|string|length }}",
     "phép lũy thừa 9**387420489 cho một số quá lớn; hãy viết số cần in"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
     "vòng lặp range(…) chạy quá 2.000.000 lần; hãy giảm số lần lặp"),
    ("{{ range(10**9)|length }}",
     "range(…) có 1.000.000.000 phần tử, quá giới hạn 100.000; hãy dùng số nhỏ hơn"),
    ("{{ 'x' * 10**9 }}",
     "phép nhân chuỗi tạo ra quá 1.000.000 ký tự hay phần tử; hãy viết nội dung cần in"),
    ("{{ 'x'|center(10**9) }}",
     "độ rộng của bộ lọc “center” = 1000000000 quá lớn (giới hạn 1.000.000)"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
     "macro gọi lại chính nó quá nhiều tầng (đệ quy không dừng); hãy sửa điều kiện dừng của "
     "macro"),
    ('{% include "/etc/passwd" %}',
     "thẻ include/import/extends (“/etc/passwd”) không dùng được: mẫu báo cáo phải là một tệp "
     "Word duy nhất; hãy chép nội dung cần dùng vào mẫu"),
    ('{% import "chung.docx" as m %}',
     "thẻ include/import/extends (“chung.docx”) không dùng được: mẫu báo cáo phải là một tệp "
     "Word duy nhất; hãy chép nội dung cần dùng vào mẫu"),
], ids=["huge-power", "nested-ranges", "huge-range", "string-times-billion", "center-billion",
        "macro-recursion", "include", "import"])
def test_a_template_asking_too_much_ends_with_a_located_message(province_copy, tags, limit):
    template_case(province_copy, tags)
    code, output = build(province_copy)
    near = tags  # the excerpt goes on with the paragraphs that follow
    assert code == 1
    assert output.startswith(f"Lỗi: mẫu “bao-cao-nam.docx”: thẻ mẫu vượt giới hạn: {limit} — "
                             f"gần đoạn: “{near}"), output
    code, output = run_bounded("check-template", str(province_copy.parent.parent / "templates"
                                                     / "bao-cao-nam.docx"))
    assert code == 1
    assert errors(output)[0].startswith(f"toàn mẫu: thử tạo báo cáo với dữ liệu mẫu thì lỗi: "
                                        f"thẻ mẫu vượt giới hạn: {limit} — gần đoạn: “{near}")


DOCTYPE = '<!DOCTYPE w:document [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
SAVE_CLEAN = ("hãy mở mẫu bằng Word, lưu thành bản mới dạng “Word Document (*.docx)” rồi "
              "kiểm tra lại")


def _doctype(template):
    hostile.rewrite(template, "word/document.xml", lambda xml: xml.replace(
        "?>", "?>" + DOCTYPE, 1).replace("CỘNG HÒA", "&b; CỘNG HÒA", 1))


def _remote_image(template):
    hostile.rewrite(template, "word/_rels/document.xml.rels", lambda xml: xml.replace(
        "</Relationships>", '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/image" Target="http://example.invalid/p.png" '
        'TargetMode="External"/></Relationships>'))


def _attached_template(template):
    hostile.add_part(template, "word/_rels/settings.xml.rels", (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="file://may-khac/mau.dotm" TargetMode="External"/></Relationships>'))


def _macros(template):
    hostile.add_part(template, "word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")


@pytest.mark.parametrize("make, expected", [
    (_doctype, "word/document.xml: phần XML có khai báo DOCTYPE (thực thể XML), Word không bao "
               f"giờ tạo ra — tệp đã bị sửa bằng công cụ khác; {SAVE_CLEAN}"),
    (_remote_image, "word/_rels/document.xml.rels: mẫu trỏ ra ngoài tệp (hình ảnh lấy từ xa: "
                    "“http://example.invalid/p.png”), mọi báo cáo sẽ mang theo liên kết này; hãy "
                    "xóa hình rồi chèn lại bằng Insert › Pictures › This Device"),
    (_attached_template, "word/_rels/settings.xml.rels: mẫu trỏ ra ngoài tệp (mẫu đính kèm: "
                         "“file://may-khac/mau.dotm”), mọi báo cáo sẽ mang theo liên kết này; hãy "
                         "gỡ mẫu đính kèm (Developer › Document Template, xóa ô Document "
                         "template) rồi lưu lại"),
    (_macros, "word/vbaProject.bin: mẫu chứa macro hoặc nội dung chạy được (phần này sẽ bị chép "
              f"vào mọi báo cáo); {SAVE_CLEAN}"),
], ids=["doctype", "remote-image", "attached-template", "vba-macros"])
def test_a_template_carrying_outside_content_is_refused_naming_the_part(province_copy, make,
                                                                        expected):
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    make(template)
    code, output = run_bounded("check-template", str(template))
    assert (code, errors(output)) == (1, [expected])
    code, output = build(province_copy)
    assert code == 1 and f"  - {expected}" in output


# --- Nothing altered: generated workbooks hold text as text -----------------------------

FORMULA_LIKE = ('=HYPERLINK("http://example.invalid/?"&B3,"bấm")', "+84 912 345 678",
                "-5% so với năm trước", "@Sở KH&CN", "=1+1")


def _formulas_in(data: bytes) -> list[str]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/")
                and (b"<f>" in z.read(n) or b"<f " in z.read(n))]


def test_the_indicator_workbook_writes_formula_like_names_as_text():
    import io
    from types import SimpleNamespace

    import openpyxl

    from ncnsc_reports.outputs.indicator_book import indicator_workbook

    lines = [SimpleNamespace(code=f"CT{i}", name=name, unit="%", period_target=None,
                             year_result=1, cumulative=2, completion=None)
             for i, name in enumerate(FORMULA_LIKE)]
    data = indicator_workbook(SimpleNamespace(indicators=lines, year=2023, first_year=2021,
                                              phase=SimpleNamespace(label="2021–2025")), False)
    assert _formulas_in(data) == []
    ws = openpyxl.load_workbook(io.BytesIO(data))["Chỉ tiêu"]
    assert [ws.cell(r, 2).value for r in range(2, 7)] == list(FORMULA_LIKE)
    assert {ws.cell(r, 2).data_type for r in range(2, 7)} == {"s"}


def test_a_generated_input_workbook_writes_formula_like_text_as_text(tmp_path):
    import openpyxl

    from ncnsc_reports.inputs.blank import write_workbook
    from ncnsc_reports.inputs.schema import YEAR_SHEETS

    spec = YEAR_SHEETS[0]
    rows = {spec.name: [(text,) * len(spec.columns) for text in FORMULA_LIKE]}
    path = write_workbook(tmp_path / "so.xlsx", YEAR_SHEETS, rows, "Sổ thử")
    assert _formulas_in(path.read_bytes()) == []
    ws = openpyxl.load_workbook(path)[spec.name]
    assert [ws.cell(r, 1).value for r in range(2, 7)] == list(FORMULA_LIKE)


# --- Faults end cleanly ---------------------------------------------------------------------

def test_a_worker_killed_mid_batch_is_that_reports_failure_and_the_others_finish(tmp_path):
    import shutil

    from conftest import ROOT

    from ncnsc_reports.batch import build_all, discover
    from ncnsc_reports.pipeline import BuildOptions

    inputs = tmp_path / "inputs"
    for province in ("hung-yen", "tien-giang"):
        shutil.copytree(ROOT / "inputs" / province, inputs / province)
    shutil.copytree(inputs / "hung-yen" / "2023", inputs / "hung-yen" / "2022")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    start = time.monotonic()
    items = build_all(discover(inputs), BuildOptions(), jobs=2, worker=hostile.dying_build)
    assert time.monotonic() - start < 60
    assert [(item.name, bool(item.result)) for item in items] == [
        ("hung-yen/2022", False), ("hung-yen/2023", True), ("tien-giang/2021", True)]
    assert items[0].failure == (
        "Lỗi: tiến trình tạo báo cáo này bị dừng đột ngột (thường do máy hết bộ nhớ); chưa ghi "
        "tệp nào của báo cáo này. Hãy đóng bớt chương trình rồi chạy lại riêng báo cáo này.",)
    assert all(item.result.path.is_file() for item in items[1:])
    assert not (tmp_path / "outputs" / "hung-yen" / "2022").exists()


HANGING_SOFFICE = """#!/bin/sh
sleep 300 &
echo $! > "{pids}"
wait
"""


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for LibreOffice")
def test_a_hanging_libreoffice_is_ended_with_its_children_and_a_message(tmp_path, monkeypatch):
    from ncnsc_reports.errors import OutputError
    from ncnsc_reports.outputs.pdf import convert

    bin_dir, pids = tmp_path / "bin", tmp_path / "pids"
    bin_dir.mkdir()
    (bin_dir / "soffice").write_text(HANGING_SOFFICE.format(pids=pids))
    (bin_dir / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    report = tmp_path / "bao-cao.docx"
    report.write_bytes(b"docx")
    start = time.monotonic()
    with pytest.raises(OutputError) as caught:
        convert([report], timeout=2)
    assert time.monotonic() - start < 10
    assert str(caught.value) == (
        "LibreOffice chạy quá 2 giây mà chưa xong nên đã bị dừng (báo cáo .docx vẫn đã được "
        "tạo); hãy đóng mọi cửa sổ LibreOffice rồi chạy lại")
    child = int(pids.read_text())
    for _ in range(50):  # the killed child is reaped by init shortly after
        if not os.path.exists(f"/proc/{child}") or "Z" in _state(child):
            break
        time.sleep(0.1)
    else:
        pytest.fail("LibreOffice's child process is still running")


def _state(pid: int) -> str:
    try:
        return open(f"/proc/{pid}/stat").read().split(")")[1].split()[0]
    except OSError:
        return "Z"


def test_the_pdf_time_limit_grows_with_the_number_of_reports():
    from ncnsc_reports.outputs import pdf

    assert pdf.START_SECONDS + pdf.SECONDS_PER_REPORT * 40 > 600  # 40 reports: over 10 min
    assert pdf.START_SECONDS + pdf.SECONDS_PER_REPORT < 120  # one report: under 2 min


def test_a_missing_templates_folder_is_an_error(province_copy, tmp_path):
    code, output = run_bounded("build", str(province_copy / "2023"), "--templates",
                               str(tmp_path / "mau-khong-co"))
    assert code == 1
    missing = tmp_path / "mau-khong-co"
    assert output.splitlines()[0] == (f"Lỗi: không tìm thấy thư mục mẫu “{missing}” (tùy chọn "
                                      "--templates); hãy kiểm tra lại đường dẫn")
    assert not (tmp_path / "outputs").exists()


# --- A value typed in a text column prints as Excel shows it ------------------------------------

DISPLAYED = [  # (value, number format, what Excel shows)
    (0.5, "0%", "50%"), (0.15, "0.00%", "15,00%"), (1234567.891, "#,##0.00", "1.234.567,89"),
    (1234567.891, "General", "1234567,891"), (2023, "General", "2023"),
    (dt.datetime(2023, 1, 1), "dd/mm/yyyy", "01/01/2023"),
    (dt.datetime(2023, 4, 11), "d/m/yyyy", "11/4/2023"), (dt.time(8, 30), "hh:mm", "08:30"),
    (dt.time(8, 30), "h:mm AM/PM", "8:30 AM"), (True, "General", "TRUE"),
]


def _documents_book(tmp_path, values, date1904=False, issued=dt.datetime(2023, 4, 11)):
    import openpyxl

    from ncnsc_reports.inputs.schema import YEAR_DOCUMENTS

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = YEAR_DOCUMENTS.name
    ws.append([c.header for c in YEAR_DOCUMENTS.columns])
    for value, fmt in values:
        ws.append(["I.1.a", "Quyết định", value, issued, "UBND tỉnh", "về việc"])
        ws.cell(ws.max_row, 3).number_format = fmt
    if date1904:
        wb.epoch = dt.datetime(1904, 1, 1)
    path = tmp_path / "van-ban.xlsx"
    wb.save(path)
    return path


def _read(path):
    from ncnsc_reports.inputs.schema import YEAR_DOCUMENTS
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.problems import Problems

    problems = Problems()
    rows = read_workbook(path, (YEAR_DOCUMENTS,), problems)[YEAR_DOCUMENTS.name]
    return rows, problems


def test_values_in_a_text_column_read_as_excel_displays_them(tmp_path):
    rows, problems = _read(_documents_book(tmp_path, [(v, f) for v, f, _ in DISPLAYED]))
    assert problems.errors == []
    assert [row["number"] for row in rows] == [shown for _, _, shown in DISPLAYED]


def test_a_number_longer_than_excel_keeps_is_refused_in_a_text_column(tmp_path):
    rows, problems = _read(_documents_book(tmp_path, [(12345678901234567890, "General")]))
    assert [str(p) for p in problems.errors] == [
        "van-ban.xlsx › trang “Văn bản” › dòng 2 › cột “Số, ký hiệu”: cần nội dung dạng chữ, "
        "nhưng gặp “1,23457E+19” — ô là số (định dạng “General”) mà Excel không hiển "
        "thị nguyên như đã gõ (Excel chỉ giữ 15 chữ số); hãy gõ lại dạng chữ, thêm dấu ' ở đầu "
        "(ví dụ '12345678901234567890)"]


@pytest.mark.parametrize("issued", [dt.datetime(2023, 4, 11), 43565],
                         ids=["date-cell", "serial-number"])
def test_a_workbook_in_the_1904_date_system_keeps_its_dates(tmp_path, issued):
    # 43565 days after 1/1/1904 is 11/4/2023 (read in the 1900 system: 10/4/2019)
    rows, problems = _read(_documents_book(tmp_path, [("843/QĐ-UBND", "General")], True, issued))
    assert problems.errors == [] and rows[0]["issued"] == dt.date(2023, 4, 11)


def test_escapes_and_tag_marks_typed_in_a_cell_come_out_as_typed(province_copy, tmp_path):
    from docx_text import docx_lines

    from ncnsc_reports.pipeline import build as build_report

    typed = "{_{ x }_} _x0041_ {{ y }}"  # Excel writes a typed "_x" as _x005F_x
    hostile.rewrite(year_book(province_copy), hostile.sheet_part(year_book(province_copy),
                                                                 "Văn bản"),
                    lambda xml: xml.replace("<t>v&#7873; vi&#7879;c ti&#7871;p",
                                            "<t>{_{ x }_} _x005F_x0041_ {{ y }} v&#7873; "
                                            "vi&#7879;c ti&#7871;p", 1))
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    hostile.template_paragraph(template, "Mẫu in thẻ: {_{ ten }_}")
    text = "\n".join(docx_lines(build_report(province_copy / "2023", tmp_path / "out").path))
    assert f"{typed} về việc tiếp tục" in text
    assert "Mẫu in thẻ: {{ ten }}" in text


def test_control_and_bidi_override_characters_are_removed_with_a_warning(tmp_path):
    rows, problems = _read(_documents_book(tmp_path, [("843/QĐ\x85-UBND", "General"),
                                                      ("\u202e999 đồng\u202c", "General"),
                                                      ("\u2066số 5\u2069", "General")]))
    assert [row["number"] for row in rows] == ["843/QĐ-UBND", "999 đồng", "số 5"]
    assert problems.errors == []
    assert [str(p) for p in problems.warnings] == [
        f"van-ban.xlsx › trang “Văn bản” › dòng {n} › cột “Số, ký hiệu”: đã bỏ ký tự điều khiển "
        "không in được (thường do dán từ nơi khác)" for n in (2, 3, 4)]


# --- Paths -------------------------------------------------------------------------------------

def test_build_dot_inside_the_year_folder_works(province_copy):
    proc = subprocess.run([sys.executable, "-m", "ncnsc_reports", "build", "."],
                          cwd=province_copy / "2023", capture_output=True, text=True, timeout=60)
    target = (province_copy.parent.parent / "outputs" / "hung-yen" / "2023"
              / "bao-cao-hung-yen-2023.docx")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == f"Đã tạo báo cáo: {target}"


def test_inputs_linked_to_a_shared_store_keep_the_project_the_user_named(tmp_path):
    import shutil

    from conftest import ROOT
    from docx_text import docx_lines

    store, project = tmp_path / "kho-chung", tmp_path / "du-an"
    shutil.copytree(ROOT / "inputs" / "hung-yen", store / "inputs" / "hung-yen")
    shutil.copytree(ROOT / "templates", store / "templates")  # the store's: not to be used
    shutil.copytree(ROOT / "templates", project / "templates")
    hostile.template_paragraph(project / "templates" / "bao-cao-nam.docx", "MẪU CỦA DỰ ÁN")
    (project / "inputs").symlink_to(store / "inputs", target_is_directory=True)
    code, output = run_bounded("build", str(project / "inputs" / "hung-yen" / "2023"))
    report = project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert code == 0 and f"Đã tạo báo cáo: {report}" in output
    assert docx_lines(report)[0] == "MẪU CỦA DỰ ÁN"
    assert not (store / "outputs").exists()


@pytest.mark.skipif(not os.path.isdir("/dev/shm") or
                    os.stat("/dev/shm").st_dev == os.stat(os.path.expanduser("~")).st_dev,
                    reason="needs an output folder on another filesystem")
def test_an_output_folder_on_another_filesystem_works(province_copy):
    import shutil
    import tempfile

    out = Path(tempfile.mkdtemp(dir="/dev/shm")) / "outputs"
    try:
        for _ in range(2):  # the second build replaces the first one's files
            code, output = run_bounded("build", str(province_copy / "2023"), "--out", str(out))
            assert code == 0, output
        assert (out / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx").is_file()
    finally:
        shutil.rmtree(out.parent)


# --- Former "Lỗi không mong đợi" ------------------------------------------------------------

def test_a_5000_digit_number_is_an_error_naming_the_cell(province_copy):
    hostile.append_xml_rows(year_book(province_copy), "Nội dung", (
        '<row r="40"><c r="A40" t="inlineStr"><is><t>I.1.a</t></is></c>'
        f'<c r="C40"><v>{"1" * 5000}</v></c></row>'))
    code, output = build(province_copy)
    # the sheet is not read past that cell, so checks across it may add errors after this one
    assert code == 1 and errors(output)[0] == (
        f"{CONTENT} › dòng 40 › cột “C”: ô chứa một số dài hàng nghìn chữ số, không phải số "
        "liệu thật; hãy xóa hoặc gõ lại ô này")


def test_a_year_folder_with_superscript_digits_is_an_error(province_copy):
    odd = province_copy / "2⁰23"
    (province_copy / "2023").rename(odd)
    code, output = run_bounded("build", str(odd))
    assert (code, errors(output)) == (1, [
        f"{odd}: cần tên thư mục là một năm (ví dụ 2023), nhưng gặp “2⁰23”"])


def test_a_path_too_long_for_the_file_system_is_an_error_naming_it(province_copy, tmp_path):
    out = tmp_path / ("o" * 300)
    code, output = run_bounded("build", str(province_copy / "2023"), "--out", str(out))
    assert code == 1
    assert output.splitlines()[:2] == [
        f"Lỗi: không tạo được thư mục kết quả “{out / 'hung-yen' / '2023'}”: tên tệp hoặc đường "
        "dẫn quá dài; hãy đặt tên thư mục tỉnh ngắn hơn hoặc chuyển dự án lên thư mục gần gốc ổ "
        "đĩa rồi chạy lại",
        "Chưa tạo báo cáo nào."]


def test_a_template_inflating_past_the_limit_is_refused_before_reading(province_copy):
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    hostile.add_part(template, "word/media/dem.xml", b" ", size=150 * 1024 * 1024)
    code, output = run_bounded("check-template", str(template))
    total = sum(i.file_size for i in zipfile.ZipFile(template).infolist()) / 1024 / 1024
    assert code == 1 and errors(output)[0].startswith(  # the total: 150 MB and the template's
        f"toàn mẫu: mẫu khi giải nén lớn bất thường ({round(total)} MB, giới hạn 100 MB; phần "
        "“word/media/dem.xml” nén 0,1 MB thành 150 MB) — hãy mở mẫu bằng Word, xóa hình hay nội "
        "dung thừa, lưu lại rồi kiểm tra lại")
