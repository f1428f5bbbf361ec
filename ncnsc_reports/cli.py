"""The `ncnsc-report` command: parse options, call one library function, word the outcome.

No build logic lives here. Library modules are imported inside the commands so that
`ncnsc-report --help` starts without loading docxtpl, openpyxl or pandas.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ncnsc_reports.errors import InputError, NcnscError

EXIT_OK, EXIT_FAILED = 0, 1


def _echo_problems(title: str, problems) -> None:
    if problems:
        click.echo(f"{title} ({len(problems)}):", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)


def _report_failure(err: NcnscError) -> None:
    if isinstance(err, InputError):
        errors = [p for p in err.problems if p.is_error]
        _echo_problems("Lỗi", errors)
        _echo_problems("Cảnh báo", [p for p in err.problems if not p.is_error])
        click.echo("Chưa tạo báo cáo nào. Hãy sửa các lỗi trên trong sổ Excel rồi chạy lại.",
                   err=True)
    else:
        click.echo(f"Lỗi: {err}", err=True)
        click.echo("Chưa tạo báo cáo nào.", err=True)


def _run(debug: bool, action):
    """Run `action`; turn our errors (and, without --debug, any error) into a message."""
    try:
        return action()
    except NcnscError as err:
        if debug:
            raise
        _report_failure(err)
    except Exception as err:
        if debug:
            raise
        click.echo(f"Lỗi không mong đợi: {type(err).__name__}: {err}", err=True)
        click.echo("Chạy lại với --debug để xem chi tiết và gửi cho nhóm phát triển.", err=True)
    sys.exit(EXIT_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ncnsc-reports", message="%(version)s")
def main() -> None:
    """Tạo báo cáo năm Chương trình 1322 (năng suất chất lượng) của Sở KH&CN từ sổ Excel."""


@main.command()
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.option("--out", "out_root", type=click.Path(path_type=Path),
              help="Thư mục kết quả (mặc định: outputs/ cạnh inputs/).")
@click.option("--templates", type=click.Path(path_type=Path),
              help="Thư mục mẫu Word tìm trước tiên.")
@click.option("--strict", is_flag=True,
              help="Coi mọi cảnh báo (vượt định mức, hỗ trợ trùng…) là lỗi: không tạo báo cáo.")
@click.option("--debug", is_flag=True, help="In chi tiết lỗi (traceback) cho nhóm phát triển.")
def build(year_dir: Path, out_root: Path | None, templates: Path | None, strict: bool,
          debug: bool) -> None:
    """Tạo báo cáo .docx cho thư mục năm YEAR_DIR, ví dụ inputs/hung-yen/2023."""
    from ncnsc_reports.pipeline import build as build_report

    result = _run(debug, lambda: build_report(year_dir, out_root, templates, strict))
    _echo_problems("Cảnh báo", result.warnings)
    click.echo(f"Đã tạo báo cáo: {result.path}")


@main.command("new-year")
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.option("--debug", is_flag=True, help="In chi tiết lỗi (traceback) cho nhóm phát triển.")
def new_year(year_dir: Path, debug: bool) -> None:
    """Tạo sổ Excel trống (có hướng dẫn, danh sách chọn) cho thư mục năm YEAR_DIR."""
    from ncnsc_reports.workbook import write_blank_year_workbook

    path = _run(debug, lambda: write_blank_year_workbook(year_dir))
    click.echo(f"Đã tạo sổ Excel trống: {path}")
