"""What a clerk is told to do next: --strict covers every warning, each error kind ends with
its own action, new-year only for the programme's years, Excel files that are not read."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from conftest import DATA, year_book

from ncnsc_reports.cli import main

CORPUS = DATA / "templates"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_strict_fails_on_a_template_warning(province_copy):
    (province_copy / "templates").mkdir()
    template = province_copy / "templates" / "bao-cao-nam.docx"
    shutil.copy(CORPUS / "smart-quotes-in-tag.docx", template)
    assert run("build", str(province_copy / "2023")).exit_code == 0  # a warning only
    result = run("build", "--strict", str(province_copy / "2023"), "--out",
                 str(province_copy / "strict-out"))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Lỗi (1):"
    assert lines[1].startswith("  - đoạn 16 (đầu văn bản, trước tiêu đề đầu tiên) «{%p if "
                               "item.kind == ‘dash’ %}»: có dấu nháy cong")
    assert lines[-1] == (
        f"Chưa tạo báo cáo nào. Hãy sửa mẫu Word “{template}” (xem lại bằng: ncnsc-report "
        f"check-template {template}; thêm --fix để tự sửa nháy cong, thẻ bị tách định dạng) "
        "rồi chạy lại. (Các cảnh báo trên được coi là lỗi do --strict; bỏ --strict thì báo cáo "
        "vẫn được tạo, kèm cảnh báo.)")
    assert not (province_copy / "strict-out").exists()


def test_strict_without_warnings_builds(province_copy):
    assert run("build", "--strict", str(province_copy / "2023")).exit_code == 0


def test_folder_errors_end_with_a_folder_action(province_copy):
    result = run("build", str(province_copy / "nam-nay"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Chưa tạo báo cáo nào. Hãy sửa thư mục, tệp theo hướng dẫn ở từng lỗi rồi chạy lại.")


def test_new_year_only_for_the_programme_years(province_copy):
    for year in ("1999", "2020", "2031"):
        result = run("new-year", str(province_copy / year))
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            "Lỗi (1):",
            f"  - {province_copy / year}: cần một năm của Chương trình 1322 (2021–2030, theo "
            f"QĐ 1322/QĐ-TTg), nhưng gặp “{year}”",
            "Chưa tạo sổ Excel nào. Hãy sửa thư mục, tệp theo hướng dẫn ở từng lỗi rồi chạy lại.",
        ]
        assert not (province_copy / year).exists()
    assert run("new-year", str(province_copy / "2030")).exit_code == 0


def test_a_lone_xlsm_is_named_by_build_and_new_year(province_copy):
    year_dir = province_copy / "2023"
    year_book(province_copy).rename(year_dir / "so-lieu.xlsm")
    xlsm = ("sổ “so-lieu.xlsm” không được đọc (chương trình chỉ đọc sổ .xlsx): nếu số liệu của "
            "năm nằm trong sổ đó, hãy mở bằng Excel, chọn Tệp › Lưu thành › “Excel Workbook "
            "(*.xlsx)”, rồi chuyển bản cũ ra khỏi thư mục")
    result = run("build", str(year_dir))
    assert result.exit_code == 1
    assert f"  - {year_dir}: {xlsm}" in result.stderr.splitlines()
    result = run("new-year", str(year_dir))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (
        f"  - {year_dir}: thư mục năm đã có sổ “so-lieu.xlsm”; không tạo sổ trống bên cạnh: "
        "hãy mở sổ đó bằng Excel, chọn Tệp › Lưu thành › “Excel Workbook (*.xlsx)”, rồi "
        "chuyển bản cũ ra khỏi thư mục")
    assert [p.name for p in year_dir.iterdir()] == ["so-lieu.xlsm"]


def test_an_xlsm_beside_the_workbook_is_a_warning(province_copy):
    year_dir = province_copy / "2023"
    shutil.copy(year_book(province_copy), year_dir / "ban-cu.xlsm")
    result = run("build", str(year_dir))
    assert result.exit_code == 0
    assert (f"  - {year_dir}: sổ “ban-cu.xlsm” không được đọc (chương trình chỉ đọc sổ .xlsx)"
            in result.stderr)
