"""`ncnsc-report unit-form`: a form for each unit; the words shared with `build` for hand edits.

Calls one library function (`contributions.write_forms`). A form pre-filled by the clerk is
kept or replaced exactly as a hand-edited report is, and said in the same words (issue 25,
item 1).
"""

from __future__ import annotations

from pathlib import Path

import click

from ncnsc_reports.cli.failure import attempt, debug_option
from ncnsc_reports.cli.wording import VietnameseCommand


@click.command("unit-form", cls=VietnameseCommand)
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.argument("units", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(path_type=Path),
              help="Thư mục ghi phiếu (mặc định: outputs/<tỉnh>/<năm>/phieu-don-vi).")
@click.option("--force", is_flag=True,
              help="Thay cả phiếu đã sửa tay (điền sẵn) trong thư mục phiếu, không giữ bản sao "
                   "(mặc định: giữ bản đã sửa với tên có “-sua-tay-”).")
@debug_option
def unit_form(year_dir: Path, units: tuple[str, ...], out_dir: Path | None, force: bool,
              debug: bool) -> None:
    """Tạo phiếu đóng góp (sổ Excel nhỏ) cho từng đơn vị phối hợp của năm YEAR_DIR.

    UNITS: tên đơn vị như trong hồ sơ tỉnh (trang “Đơn vị phối hợp”), ví dụ "Sở Công Thương";
    không ghi thì tạo phiếu cho mọi đơn vị. Phiếu nhận về đặt vào YEAR_DIR/don-vi/.
    """
    from ncnsc_reports.contributions import write_forms

    forms = attempt(debug, lambda: write_forms(year_dir, units, out_dir, force),
                    "Chưa tạo phiếu nào.")
    echo_forms(forms)
    click.echo(f"Gửi phiếu cho các đơn vị; phiếu nhận về đặt vào {Path(year_dir) / 'don-vi'} "
               "rồi chạy ncnsc-report build.")


def echo_kept(written) -> None:
    """Say which hand-edited files were kept as a copy, or replaced (--force): the same words
    for a report and for a unit's form."""
    for edited, copy in written.kept.items():
        click.echo(f"Tệp “{edited.name}” đã được sửa tay sau lần tạo trước nên được giữ lại "
                   f"thành: {copy}")
    for edited in written.replaced:
        click.echo(f"Đã thay tệp đã sửa tay (do --force), không giữ bản sao: {edited}")


def echo_forms(forms) -> None:
    """Say the forms kept, replaced, removed, left alone and written (contributions.Forms)."""
    echo_kept(forms.written)
    for old in forms.written.removed:
        click.echo(f"Đã xóa phiếu “{old.name}” của lần tạo trước (chưa sửa tay): không còn đơn "
                   "vị nào của năm mang tên tệp đó.")
    for old in forms.left:
        click.echo(f"Phiếu “{old.name}” của lần tạo trước đã được sửa tay nên được để nguyên, "
                   "nhưng không còn đơn vị nào của năm mang tên tệp đó (tên phiếu đổi khi có hai "
                   "đơn vị chỉ khác nhau ở dấu): hãy xem trang “Thông tin đơn vị” của phiếu đó "
                   "để biết là của đơn vị nào trước khi gửi.")
    for path in forms.written.paths:
        click.echo(f"Đã tạo phiếu: {path}")
