"""`ncnsc-report new-year` and `new-summary`: a year's (or a period's) workbook to fill in.

Each calls one library function (`new_year.start_year`, `inputs.period_blank`) and says what
it wrote and, for a year started from the year before, what the clerk must read again.
"""

from __future__ import annotations

from pathlib import Path

import click

from ncnsc_reports.cli.failure import attempt, debug_option
from ncnsc_reports.cli.wording import VietnameseCommand

NO_WORKBOOK = "Chưa tạo sổ Excel nào."


@click.command("new-year", cls=VietnameseCommand)
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.option("--trong", "blank", is_flag=True,
              help="Tạo sổ trống, không chép gì từ năm trước.")
@debug_option
def new_year(year_dir: Path, blank: bool, debug: bool) -> None:
    """Tạo sổ Excel cho thư mục năm YEAR_DIR, bắt đầu từ sổ của năm trước gần nhất.

    Chép sang phần đứng yên (Mở đầu, văn bản I.1.a còn hiệu lực, III, IV, nơi nhận riêng), mỗi
    dòng đánh dấu “Chưa xem lại”; số liệu của năm để trống. --trong: sổ trống.
    """
    from ncnsc_reports.new_year import start_year

    done = attempt(debug, lambda: start_year(year_dir, blank), NO_WORKBOOK)
    if done.source is None:
        click.echo(f"Đã tạo sổ Excel trống: {done.path}")
        return
    click.echo(f"Đã tạo sổ Excel: {done.path}, bắt đầu từ {done.source}")
    for sheet, count in done.carried.items():
        click.echo(f"  - trang “{sheet}”: chép {count} dòng, đánh dấu “Chưa xem lại”")
    click.echo("Hãy đọc từng dòng “Chưa xem lại”, sửa cho đúng năm mới rồi chọn “Đã xem lại”.")


@click.command("new-summary", cls=VietnameseCommand)
@click.argument("period_dir", type=click.Path(path_type=Path))
@debug_option
def new_summary(period_dir: Path, debug: bool) -> None:
    """Tạo sổ Excel trống cho báo cáo tổng kết PERIOD_DIR, ví dụ inputs/an-giang/tong-ket-2021-2025
    (hoặc sơ kết: so-ket-2026-2028); số liệu lấy từ các thư mục năm."""
    from ncnsc_reports.inputs.period_blank import write_blank_period_workbook

    path = attempt(debug, lambda: write_blank_period_workbook(period_dir), NO_WORKBOOK)
    click.echo(f"Đã tạo sổ Excel trống: {path}")
