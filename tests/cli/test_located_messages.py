"""The last “Lỗi không mong đợi” turned into located messages (issue 25, item 5).

A folder that cannot be written (new-year, new-summary, unit-form), a template part that is not
well-formed XML (build and check-template), forms in don-vi/ saved as .xls/.xlsm, a Mac's
AppleDouble “._” files, Excel's lock files, and sheet names typed decomposed (NFD).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_PROVINCE

from ncnsc_reports.cli import main

FIX = ("hãy mở bằng Word và lưu lại (Word viết lại phần này đúng chuẩn; nếu Word báo tệp có "
       "lỗi, chọn khôi phục nội dung), rồi kiểm tra lại")
DENIED = ("không có quyền ghi vào thư mục “{}”; hãy cấp quyền ghi cho tài khoản đang dùng (trên "
          "Windows: chuột phải vào thư mục › Properties › Security), hoặc làm việc trong một thư "
          "mục của mình, rồi chạy lại")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# --- Folders that cannot be written ----------------------------------------------------------

@pytest.fixture
def project():
    """A copy of inputs/hung-yen in a folder another user can enter: the commands run as that
    user (nobody) when the tests run as root, for whom no permission is ever refused."""
    base = Path(tempfile.mkdtemp(prefix="ncnsc-quyen-"))
    try:
        shutil.copytree(SAMPLE_PROVINCE, base / "inputs" / "hung-yen")
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "65534:65534", str(base)], check=True)
        yield base
    finally:
        for folder in base.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base)


def run_locked_out(project: Path, *args: str) -> tuple[int, str]:
    """Run the command in a process of its own, as an ordinary user."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NCNSC_CACHE": str(project / ".cache")}
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] \
        if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("cần setpriv để chạy lệnh bằng tài khoản thường khi kiểm thử chạy bằng root")
    proc = subprocess.run([*prefix, sys.executable, "-m", "ncnsc_reports", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout + proc.stderr


def read_only(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        subprocess.run(["chown", "65534:65534", str(folder)], check=True)
    folder.chmod(0o555)


def test_new_year_in_a_folder_that_cannot_be_written_names_it(project):
    province = project / "inputs" / "hung-yen"
    read_only(province)
    code, output = run_locked_out(project, "new-year", "inputs/hung-yen/2026")
    assert code == 1
    assert output.splitlines() == [
        "Lỗi: không ghi được sổ Excel “inputs/hung-yen/2026/bao-cao-2026.xlsx”: "
        + DENIED.format("inputs/hung-yen"),
        "Chưa tạo sổ Excel nào."]
    assert not (province / "2026").exists()


def test_new_summary_in_a_folder_that_cannot_be_written_names_the_workbook(project):
    period = project / "inputs" / "hung-yen" / "tong-ket-2021-2025"
    read_only(period)
    code, output = run_locked_out(project, "new-summary", "inputs/hung-yen/tong-ket-2021-2025")
    assert code == 1
    assert output.splitlines() == [
        "Lỗi: không ghi được sổ Excel “inputs/hung-yen/tong-ket-2021-2025/tong-ket-2021-2025"
        ".xlsx”: " + DENIED.format("inputs/hung-yen/tong-ket-2021-2025"),
        "Chưa tạo sổ Excel nào."]
    assert ".tmp" not in output and list(period.iterdir()) == []


def test_unit_form_into_outputs_that_cannot_be_written_names_the_folder(project):
    year_out = project / "outputs" / "hung-yen" / "2024"
    read_only(year_out)
    code, output = run_locked_out(project, "unit-form", "inputs/hung-yen/2024")
    assert code == 1
    assert output.splitlines() == [
        f"Lỗi: không tạo được thư mục kết quả “{year_out / 'phieu-don-vi'}”: "
        + DENIED.format(year_out),
        "Chưa tạo phiếu nào."]


def test_unit_form_without_room_for_the_answers_folder_writes_no_form(project):
    read_only(project / "inputs" / "hung-yen" / "2024")
    code, output = run_locked_out(project, "unit-form", "inputs/hung-yen/2024")
    assert code == 1
    assert output.splitlines() == [
        "Lỗi: không tạo được thư mục nhận phiếu “inputs/hung-yen/2024/don-vi”: "
        + DENIED.format("inputs/hung-yen/2024"),
        "Chưa tạo phiếu nào."]
    assert not (project / "outputs").exists()


# --- Template parts that are not well-formed XML ----------------------------------------------

def break_part(template: Path, part: str, change) -> None:
    with zipfile.ZipFile(template) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_an_undefined_entity_is_located_by_build_and_check_template(province_copy):
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    # “&nbsp;” pasted from a web page into the text after the report's number
    break_part(template, "word/document.xml",
               lambda xml: xml.replace("Độc lập - Tự do - Hạnh phúc", "Độc lập&nbsp;- Tự do - "
                                       "Hạnh phúc", 1))
    checked = run("check-template", str(template))
    assert checked.exit_code == 1
    problem = next(x for x in checked.output.splitlines() if x.startswith("  - "))
    assert problem.startswith("  - thân văn bản (word/document.xml), dòng 2, cột ")
    assert problem.endswith(
        "«…CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập&nbsp;»: ký hiệu “&nbsp;” không có trong "
        "XML của Word (chỉ dùng được &amp; &lt; &gt; &quot; &apos;); thường do dán từ trang web "
        f"hay sửa bằng công cụ khác; {FIX}")
    assert "không mong đợi" not in checked.output

    built = run("build", str(province_copy / "2023"))
    assert built.exit_code == 1
    assert problem in built.output.splitlines()
    assert "không mong đợi" not in built.output and "Chưa tạo báo cáo nào." in built.output


def test_mismatched_tags_in_a_header_are_located(province_copy):
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    break_part(template, "word/header1.xml", lambda xml: xml.replace("</w:t>", "</w:r>", 1))
    result = run("check-template", str(template), "--fix")
    assert result.exit_code == 1
    problems = [x for x in result.output.splitlines() if x.startswith("  - ")]
    assert len(problems) == 1
    assert problems[0].startswith("  - đầu trang (word/header1.xml), dòng 2, cột ")
    assert problems[0].endswith(": thẻ XML mở và đóng không khớp nhau: thẻ <t> mở ở dòng 2 lại "
                                f"được đóng bằng </r>; {FIX}")
    assert "Không có chỗ nào sửa tự động được; mẫu gốc giữ nguyên." in result.output


# --- don-vi/: what is not a form --------------------------------------------------------------

def forms(year_dir: Path, *units: str) -> list[Path]:
    result = run("unit-form", str(year_dir), *units, "--out", str(year_dir / "don-vi"))
    assert result.exit_code == 0, result.output
    return sorted((year_dir / "don-vi").glob("*.xlsx"))


def test_an_xls_form_is_an_error_saying_to_save_it_as_xlsx(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = forms(year_dir, "Sở Công Thương")
    trade.rename(trade.with_suffix(".xls"))
    (year_dir / "don-vi" / "phieu-tai-chinh.xlsm").write_bytes(b"PK\x03\x04")
    result = run("build", str(year_dir))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for name, suffix in (("phieu-so-cong-thuong-2023.xls", ".xls"),
                         ("phieu-tai-chinh.xlsm", ".xlsm")):
        assert (f"  - don-vi/{name}: phiếu dạng {suffix} không đọc được (chương trình chỉ đọc "
                "phiếu .xlsx): hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › "
                f"“Excel Workbook (*.xlsx)”), rồi chuyển bản {suffix} ra khỏi thư mục "
                "don-vi") in lines


def test_mac_and_excel_side_files_do_not_block_the_build(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = forms(year_dir, "Sở Công Thương")
    forms(year_dir, "Sở Tài chính")
    (year_dir / "don-vi" / f"._{trade.name}").write_bytes(b"\0\x05\x16\x07" + b"\0" * 60)
    (year_dir / "don-vi" / f"~${trade.name[2:]}").write_bytes(b"\0" * 165)
    upper = trade.with_name("PHIEU-TAI-CHINH.XLSX")  # a name in capitals is a form too
    (year_dir / "don-vi" / "phieu-so-tai-chinh-2023.xlsx").rename(upper)
    result = run("build", str(year_dir))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (f"  - don-vi/._{trade.name}: tệp phụ máy Mac tạo khi chép tệp (AppleDouble), không "
            f"phải phiếu: bỏ qua; có thể xóa tệp này (phiếu là “{trade.name}”)") in lines
    assert "Phiếu đơn vị phối hợp: đã nhận 2/19." in lines
    assert "  - Đã gửi: Sở Tài chính (don-vi/PHIEU-TAI-CHINH.XLSX)" in lines
    assert "hỏng" not in result.output


# --- Sheet names typed decomposed (NFD) -------------------------------------------------------

def nfd_sheet_names(path: Path, *names: str) -> None:
    wb = openpyxl.load_workbook(path)
    for name in names:
        wb[name].title = unicodedata.normalize("NFD", name)
    wb.save(path)


def test_nfd_sheet_names_read_as_typed_in_a_form_and_the_year_workbook(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = forms(year_dir, "Sở Công Thương")
    wb = openpyxl.load_workbook(trade)
    wb["Nội dung"].append(["I.2.1", None, "Đã tổ chức 01 hội nghị (minh họa)."])
    wb.save(trade)
    nfd_sheet_names(trade, "Nội dung", "Thông tin đơn vị")
    nfd_sheet_names(year_dir / "bao-cao-2023.xlsx", "Nội dung", "Văn bản")
    result = run("build", str(year_dir))
    assert result.exit_code == 0, result.output
    assert "không dùng đến" not in result.output and "thiếu trang" not in result.output
    assert "Phiếu đơn vị phối hợp: đã nhận 1/19." in result.output


def test_two_sheets_equal_once_normalised_are_an_error(province_copy):
    year_dir = province_copy / "2023"
    (trade,) = forms(year_dir, "Sở Công Thương")
    wb = openpyxl.load_workbook(trade)
    wb.create_sheet(unicodedata.normalize("NFD", "Nội dung")).append(["Mục", "Kiểu dòng",
                                                                       "Nội dung"])
    wb.save(trade)
    result = run("build", str(year_dir))
    assert result.exit_code == 1
    assert (f"  - don-vi/{trade.name} › trang “Nội dung”: có 2 trang tên “Nội dung”: tên trông "
            "giống nhau nhưng được viết khác nhau (một tên gõ bằng chữ tổ hợp, NFD), chương "
            "trình chỉ đọc trang đầu; hãy chuyển nội dung sang một trang và xóa trang kia"
            ) in result.output.splitlines()
