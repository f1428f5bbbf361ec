"""The installed tool works with no checkout: a wheel in a fresh environment, run elsewhere.

Builds the wheel from a copy of the project (so no stale build/ folder of the checkout leaks
in), installs it without dependencies into a fresh virtual environment that borrows this
one's libraries, and runs the editors' commands and `build` from an unrelated folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_PROVINCE

from ncnsc_reports.resources import SHIPPED

pytestmark = pytest.mark.wheel  # builds a wheel, installs it in fresh environments

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "ncnsc_reports", *SHIPPED)
DOCS_FILE = ROOT / "docs" / "truong-du-lieu.md"


def _run(*args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Return the bin/ folder of a fresh venv holding the wheel built from this checkout."""
    tmp = tmp_path_factory.mktemp("installed")
    source = tmp / "source"
    for name in SOURCES:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copyfile
        kwargs = {"ignore": shutil.ignore_patterns("__pycache__", "shipped")} \
            if copy is shutil.copytree else {}
        copy(ROOT / name, source / name, **kwargs)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "dist"), str(source), cwd=tmp)
    wheel = next((tmp / "dist").glob("ncnsc_reports-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        assert {f"ncnsc_reports/shipped/{name}" for name in SHIPPED} <= set(z.namelist())
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp)
    py = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
         str(wheel), cwd=tmp)
    # The libraries come from this environment: a path line adds its folder only (its own
    # .pth files, among them the editable install of this checkout, are not run).
    purelib = _run(str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                   cwd=tmp).stdout.strip()
    libs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "borrowed-libraries.pth").write_text("\n".join(sorted(libs)) + "\n")
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """An unrelated working folder: no inputs/, templates/ or docs/ beside it."""
    folder = tmp_path / "somewhere-else"
    folder.mkdir()
    return folder


def test_the_package_runs_from_the_install_not_the_checkout(installed, elsewhere):
    where = _run(str(installed / "python"), "-c", "import ncnsc_reports; "
                 "print(ncnsc_reports.__file__)", cwd=elsewhere).stdout
    assert str(installed.parent) in where and str(ROOT) not in where


def test_check_template_on_the_shipped_template(installed, elsewhere):
    template = _run(str(installed / "python"), "-c", "from ncnsc_reports.resources import "
                    "shipped; print(shipped('templates/bao-cao-nam.docx'))",
                    cwd=elsewhere).stdout.strip()
    assert template.startswith(str(installed.parent))
    done = _run(str(installed / "ncnsc-report"), "check-template", template, cwd=elsewhere)
    assert "không có lỗi" in done.stdout
    fixed = _run(str(installed / "ncnsc-report"), "check-template", "--fix", template,
                 cwd=elsewhere)
    assert "không có lỗi" in fixed.stdout


@pytest.mark.parametrize(("name", "kind"), [
    ("tong-ket-giai-doan.docx", "báo cáo tổng kết (sơ kết) giai đoạn"),
    ("du-thao-ke-hoach.docx", "dự thảo kế hoạch giai đoạn sau")])
def test_check_template_on_the_shipped_summary_templates(installed, elsewhere, name, kind):
    """Their sample (An Giang 2021-2025) ships with the program too."""
    template = _run(str(installed / "python"), "-c", "from ncnsc_reports.resources import "
                    f"shipped; print(shipped('templates/{name}'))", cwd=elsewhere).stdout.strip()
    assert template.startswith(str(installed.parent))
    done = _run(str(installed / "ncnsc-report"), "check-template", template, cwd=elsewhere)
    assert done.stdout.splitlines() == [
        f"Kiểm tra theo trường dữ liệu của {kind} (theo tên tệp; chọn loại khác bằng --mau).",
        f"Mẫu “{template}” không có lỗi."]
    fields = _run(str(installed / "ncnsc-report"), "fields", "--mau", "tong-ket", cwd=elsewhere)
    assert "\n  plan_versions — danh sách (vòng lặp):" in fields.stdout


def test_check_template_fix_repairs_a_copy(installed, elsewhere):
    template = elsewhere / "mau.docx"
    shutil.copyfile(ROOT / "tests" / "data" / "templates" / "smart-quotes-in-tag.docx", template)
    done = _run(str(installed / "ncnsc-report"), "check-template", "--fix", "mau.docx",
                cwd=elsewhere)
    assert "đổi nháy cong thành nháy thẳng" in done.stdout
    assert "không có lỗi" in done.stdout and (elsewhere / "mau.da-sua.docx").is_file()


def test_fields_lists_the_reference_from_the_shipped_sample(installed, elsewhere):
    text = _run(str(installed / "ncnsc-report"), "fields", cwd=elsewhere).stdout
    assert "  year — trường: Năm báo cáo. Ví dụ: 2023\n" in text
    markdown = _run(str(installed / "ncnsc-report"), "fields", "--markdown", cwd=elsewhere)
    assert markdown.stdout == DOCS_FILE.read_text(encoding="utf-8")


def test_build_a_copied_sample_with_the_shipped_template(installed, elsewhere, sample_report):
    shutil.copytree(SAMPLE_PROVINCE, elsewhere / "inputs" / "hung-yen")
    done = _run(str(installed / "ncnsc-report"), "build", "inputs/hung-yen/2023",
                cwd=elsewhere)
    built = elsewhere / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert "Đã tạo báo cáo" in done.stdout
    assert built.read_bytes() == sample_report.read_bytes()


def test_a_province_starts_from_an_empty_folder(installed, elsewhere):
    """Issue 23: new-province, new-year, a few rows, build — the installed tool alone."""
    import datetime as dt

    from conftest import append_row, edit_workbook
    from docx_text import docx_lines

    tool = str(installed / "ncnsc-report")
    started = _run(tool, "new-province", "inputs/dong-thap", cwd=elsewhere).stdout
    assert "Đã tạo: templates/bao-cao-nam.docx" in started
    assert sorted(p.name for p in (elsewhere / "templates").iterdir()) == [
        "bao-cao-nam.docx", "du-thao-ke-hoach.docx", "tong-ket-giai-doan.docx"]
    _run(tool, "new-year", "inputs/dong-thap/2026", cwd=elsewhere)
    profile = elsewhere / "inputs" / "dong-thap" / "ho-so-tinh.xlsx"
    append_row(profile, "Kế hoạch", (
        "Kế hoạch", "12/KH-UBND", dt.datetime(2026, 2, 10), "UBND tỉnh Đồng Tháp",
        "thực hiện Chương trình 1322 giai đoạn 2026-2030 (văn bản minh họa)", "2026-2030"))
    book = elsewhere / "inputs" / "dong-thap" / "2026" / "bao-cao-2026.xlsx"
    edit_workbook(book, "Thông tin chung", {"B5": 11, "B9": "Có"})
    for section in ("III.1", "III.2"):
        append_row(book, "Nội dung", (section, None, f"Nội dung mục {section}."))
    done = _run(tool, "build", "inputs/dong-thap/2026", cwd=elsewhere)
    report = elsewhere / "outputs" / "dong-thap" / "2026" / "bao-cao-dong-thap-2026.docx"
    assert f"Đã tạo báo cáo: {report}" in done.stdout
    lines = docx_lines(report)
    assert lines[1:3] == ["| UBND TỈNH ĐỒNG THÁP", "| SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert "| Đồng Tháp, ngày       tháng 11 năm 2026" in lines
