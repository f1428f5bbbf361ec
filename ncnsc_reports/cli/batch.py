"""What `ncnsc-report build --all` shows: a progress bar, then a summary per report.

Kept apart from cli.py so that the single-report command stays short; no build logic here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ncnsc_reports.cli.wording import marked_lines

if TYPE_CHECKING:  # the engine is imported when a build runs, not for --help
    from ncnsc_reports.engine import BuildOptions


def build_every_report(inputs_dir: Path, options: BuildOptions, jobs: int | None,
                       debug: bool) -> int:
    """Build every report under `inputs_dir`; print progress and a summary; return the exit code."""
    from ncnsc_reports.batch import build_all, discover

    if not Path(inputs_dir).is_dir():
        from ncnsc_reports.inputs.start import first_steps

        click.echo(f"Lỗi: không tìm thấy thư mục dữ liệu “{inputs_dir}”; "
                   f"{first_steps(Path(inputs_dir))}.", err=True)
        return 1
    year_dirs = discover(inputs_dir)
    if not year_dirs:
        click.echo(f"Lỗi: không có thư mục năm nào (dạng <tỉnh>/<năm>) trong “{inputs_dir}”.",
                   err=True)
        return 1
    from ncnsc_reports.inputs.excel_lock import open_in_excel

    # before the builds, as `build` of one folder: what they read is open in Excel
    open_books = {year_dir: open_in_excel(year_dir) for year_dir in year_dirs}
    with click.progressbar(length=len(year_dirs), label="Đang tạo báo cáo",
                           file=sys.stderr) as bar:
        items = build_all(year_dirs, options, jobs, on_done=lambda item: bar.update(1))
    _summary(items, open_books)
    built = [item.result for item in items if item.result]
    if options.pdf and built:
        failed_pdf = _pdfs(built, jobs, debug)
        return 1 if failed_pdf or any(item.failure for item in items) else 0
    return 1 if any(item.failure for item in items) else 0


def _summary(items, open_books: dict[Path, list[str]]) -> None:
    failed = [item for item in items if item.failure]
    same = sum(1 for item in items if item.result and item.result.up_to_date)
    warned = sum(len(item.result.warnings) for item in items if item.result)
    click.echo(f"Tổng kết: {len(items)} báo cáo — đã tạo {len(items) - len(failed) - same}, "
               f"không đổi {same}, lỗi {len(failed)}, cảnh báo {warned}.")
    for item in items:
        if item.result:
            note = f" ({len(item.result.warnings)} cảnh báo)" if item.result.warnings else ""
            mark = "=" if item.result.up_to_date else "✓"
            click.echo(f"  {mark} {item.name}: {item.result.path}{note}")
            for line in getattr(item.result, "notes", ()):
                click.echo(f"      {line}")
            for warning in item.result.warnings:
                click.echo(f"      Cảnh báo: {warning}")
            units = item.result.units
            if units is not None and units.collecting:  # forms sent: who has not answered
                missing = f"; chưa gửi: {', '.join(units.missing)}" if units.missing else ""
                click.echo(f"      Phiếu đơn vị phối hợp: đã nhận {len(units.answered)}/"
                           f"{len(units.asked)}{missing}")
            for edited, copy in item.result.kept.items():
                click.echo(f"      Tệp “{edited.name}” đã được sửa tay nên được giữ lại thành: "
                           f"{copy}")
            for edited in item.result.replaced:
                click.echo(f"      Đã thay tệp đã sửa tay (do --force): {edited}")
            for old in item.result.removed:
                click.echo(f"      Đã xóa “{old.name}” của lần tạo trước (không còn tạo tệp đó)")
        else:  # the summary goes to one stream, so a saved log keeps the failures too
            click.echo(f"  ✗ {item.name}: không tạo được")
            for line in [*item.failure, *marked_lines(item.marked)]:
                click.echo(f"      {line}")
        for line in open_books.get(item.year_dir, ()):  # each folder's, where it is listed
            click.echo(f"      {line}")
    if same:
        click.echo(f"({same} báo cáo đánh dấu “=” không đổi vì dữ liệu, mẫu như lần tạo trước; "
                   "muốn tạo lại: thêm --rebuild.)")


def _pdfs(results, jobs: int | None, debug: bool) -> bool:
    """Make every PDF that is missing or older than its document (`engine.with_pdfs`), in
    LibreOffice runs side by side, one per core (`outputs.pdf_batch`); return True if that
    failed."""
    from ncnsc_reports.engine import pdf_work, with_pdfs
    from ncnsc_reports.outputs.pdf_batch import processes_for, runs_of

    work = [pdf_work(r) for r in results]
    documents = [d for docs, _ in work for d in docs]
    kept = [copy for _, copies in work for copy in copies]  # kept hand edits get a PDF too
    unchanged = sum(len(r.documents) for r in results) - len(documents)
    if unchanged:
        click.echo(f"{unchanged} tệp PDF không đổi, không tạo lại.")
    if not documents:
        return False
    processes = processes_for(len(documents) + len(kept), jobs)
    failed = [r for r in with_pdfs(results, processes) if not r.ok]
    if failed:
        if debug:
            raise failed[0].exception
        click.echo(f"Lỗi PDF: {failed[0].errors[0].message}", err=True)
        return True
    runs = len(runs_of(documents + kept, processes))
    how = ("một lần chạy LibreOffice" if runs == 1 else f"{runs} lần chạy LibreOffice"
           + (f", {processes} lần song song" if processes > 1 else ""))
    click.echo(f"Đã tạo {len(documents) + len(kept)} tệp PDF ({how}).")
    for pdf in kept:
        click.echo(f"  PDF của bản đã sửa tay được giữ lại: {pdf.with_suffix('.pdf')}")
    return False
