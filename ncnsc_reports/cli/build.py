"""`ncnsc-report build`: its options, one call to the engine, and the words for its result.

Parses the options into `BuildOptions`, calls `engine.build` (or `cli.batch` for --all) and
says what the typed `BuildResult` holds: what was written, kept or removed, the units that
answered, the PDFs; on a failure, its problems (cli.failure). No build logic here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ncnsc_reports.cli.closing import accept_options, closing_lines
from ncnsc_reports.cli.failure import (
    EXIT_FAILED,
    NO_REPORT,
    attempt,
    debug_option,
    echo_problems,
    word_failure,
)
from ncnsc_reports.cli.forms import echo_kept
from ncnsc_reports.cli.wording import IntBetween, VietnameseCommand, marked_lines


@click.command(cls=VietnameseCommand)
@click.argument("year_dir", type=click.Path(path_type=Path), required=False)
@click.option("--all", "build_every", is_flag=True,
              help="Tạo mọi báo cáo (mọi tỉnh × năm) trong thư mục YEAR_DIR (mặc định inputs/), "
                   "song song trên các nhân máy.")
@click.option("--jobs", type=IntBetween(1, 64),
              help="Số tiến trình chạy song song với --all (mặc định: số nhân máy).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cạnh mỗi báo cáo (cần LibreOffice).")
@click.option("--out", "out_root", type=click.Path(path_type=Path),
              help="Thư mục kết quả (mặc định: outputs/ cạnh inputs/).")
@click.option("--templates", type=click.Path(path_type=Path),
              help="Thư mục mẫu Word tìm trước tiên.")
@click.option("--strict", is_flag=True,
              help="Coi mọi cảnh báo (vượt định mức, hỗ trợ trùng, cảnh báo của mẫu Word…) là "
                   "lỗi: không tạo báo cáo.")
@click.option("--force", is_flag=True,
              help="Thay cả báo cáo đã sửa tay trong Word, không giữ bản sao (mặc định: giữ "
                   "bản đã sửa với tên có “-sua-tay-”).")
@click.option("--rebuild", is_flag=True,
              help="Tạo lại cả báo cáo có dữ liệu, mẫu không đổi từ lần tạo trước (mặc định: "
                   "giữ nguyên những báo cáo đó). Báo cáo tổng kết luôn được tạo lại.")
@click.option("--canh-bao-tren-so", "mark_warnings", is_flag=True,
              help="Đánh dấu cả các cảnh báo (không chỉ lỗi) trên bản sao của sổ Excel, trong "
                   "thư mục loi/ cạnh báo cáo.")
@debug_option
@accept_options
def build(year_dir: Path | None, build_every: bool, jobs: int | None, pdf: bool,
          out_root: Path | None, templates: Path | None, strict: bool, force: bool,
          rebuild: bool, mark_warnings: bool, debug: bool, accept: frozenset[str]) -> None:
    """Tạo báo cáo .docx cho thư mục năm YEAR_DIR, ví dụ inputs/hung-yen/2023; với thư mục
    tổng kết (inputs/an-giang/tong-ket-2021-2025) tạo báo cáo tổng kết giai đoạn."""
    from ncnsc_reports.engine import BuildOptions
    from ncnsc_reports.engine import build as build_folder

    options = BuildOptions(out_root=out_root, templates=templates, strict=strict, force=force,
                           rebuild=rebuild, accept=accept, pdf=pdf, mark_warnings=mark_warnings)
    if build_every:
        from ncnsc_reports.cli.batch import build_every_report

        sys.exit(build_every_report(year_dir or Path("inputs"), options, jobs, debug))
    if year_dir is None:
        from ncnsc_reports.inputs.start import first_steps

        raise click.UsageError(f"cần thư mục năm (hoặc --all để tạo mọi báo cáo); "
                               f"{first_steps()}")
    from ncnsc_reports.inputs.excel_lock import open_in_excel
    from ncnsc_reports.outputs.place import named

    open_books = open_in_excel(named(year_dir))  # before the build: what it reads is open
    _word_build(attempt(debug, lambda: build_folder(year_dir, options)), debug, open_books)


def _word_build(result, debug: bool, open_books: list[str]) -> None:
    """Say what a build did: what it wrote (even when only its PDFs then failed), the workbooks
    open in Excel and the warnings again, last (cli.closing); then why it failed and what to
    do, from its typed problems, and exit 1 on a failure."""
    if result.outputs:
        _echo_result(result)
        for line in [*marked_lines(result.marked, True),  # warnings (--canh-bao-tren-so)
                     *closing_lines(result.warnings, open_books)]:
            click.echo(line)
        _echo_pdfs(result)
    if result.ok:
        return
    if debug:
        raise result.exception  # the traceback, for a developer; never for the wording
    word_failure(result.errors, result.warnings,
                 "Chưa tạo PDF nào." if result.outputs else NO_REPORT,
                 strict=result.strict, template=result.template, marked=result.marked)
    for line in [] if result.outputs else open_books:
        click.echo(line, err=True)
    sys.exit(EXIT_FAILED)


def _echo_result(result) -> None:
    for note in result.notes:
        click.echo(note)
    echo_problems("Cảnh báo", result.warnings)
    echo_kept(result)
    for old in result.removed:
        click.echo(f"Đã xóa “{old.name}” của lần tạo trước: báo cáo này không còn tạo tệp đó.")
    _echo_units(result.units)
    if result.up_to_date:
        click.echo(f"Báo cáo không đổi (dữ liệu, mẫu như lần tạo trước), giữ nguyên: "
                   f"{result.path}. Muốn tạo lại: thêm --rebuild.")
        return
    click.echo(f"Đã tạo báo cáo: {result.path}")
    for other in result.outputs[1:]:
        click.echo(f"Đã tạo kèm theo: {other}")


def _echo_pdfs(result) -> None:
    """The PDFs made, a kept hand edit's apart (each PDF shows the version its name says)."""
    if result.pdfs_up_to_date:
        click.echo(f"PDF không đổi: {result.path.with_suffix('.pdf')}")
        return
    copies = {copy.with_suffix(".pdf") for copy in result.kept.values()}
    for pdf in result.pdfs:
        if pdf in copies:
            click.echo(f"Đã tạo PDF của bản đã sửa tay được giữ lại: {pdf}")
        else:
            click.echo(f"Đã tạo PDF: {pdf}" + (" (bản vừa tạo từ sổ Excel)" if copies else ""))


def _echo_units(units) -> None:
    """Who was asked for a contribution (profile) and whose form arrived, once the year has
    its don-vi/ folder (unit-form makes it): before that, no form was asked for."""
    if units is None or not units.collecting:
        return
    click.echo(f"Phiếu đơn vị phối hợp: đã nhận {len(units.answered)}/{len(units.asked)}.")
    for unit, file in units.answered.items():
        click.echo(f"  - Đã gửi: {unit} ({file})")
    if units.missing:
        click.echo(f"  - Chưa gửi ({len(units.missing)}): {', '.join(units.missing)}")
