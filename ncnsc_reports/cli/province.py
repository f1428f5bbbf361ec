"""`ncnsc-report new-province`: a province's profile, its folders, and the next three steps.

Calls one library function (`new_province.start_province`) and says what it made, the
provinces the new one was formed from, and what the clerk does next.
"""

from __future__ import annotations

from pathlib import Path

import click

from ncnsc_reports.cli.failure import attempt, debug_option
from ncnsc_reports.cli.wording import VietnameseCommand


@click.command("new-province", cls=VietnameseCommand)
@click.argument("province_dir", type=click.Path(path_type=Path))
@click.option("--tu", "sources", multiple=True, type=click.Path(path_type=Path),
              help="Thư mục số liệu các năm của một tỉnh trước sắp xếp, ví dụ inputs/tien-giang "
                   "(ghi vào trang “Hình thành”); ghi --tu nhiều lần nếu nhiều tỉnh.")
@debug_option
def new_province(province_dir: Path, sources: tuple[Path, ...], debug: bool) -> None:
    """Tạo hồ sơ tỉnh cho thư mục PROVINCE_DIR, ví dụ inputs/dong-thap (tên tỉnh, thành phố
    từ 1/7/2025, viết thường không dấu): tên cơ quan, nơi nhận, xã phường, các tỉnh đã hợp
    thành; tạo thêm thư mục inputs/, templates/ (mẫu Word) và README.txt nếu chưa có."""
    from ncnsc_reports.new_province import start_province

    done = attempt(debug, lambda: start_province(province_dir, sources),
                   "Chưa tạo hồ sơ tỉnh nào.")
    province = done.province
    click.echo(f"Đã tạo hồ sơ {province.kind}: {done.profile} ({province.title} từ 1/7/2025, "
               f"{len(province.communes)} xã, phường).")
    for name, folder in done.folders.items():
        data = f"số liệu ở inputs/{folder}" if folder else "chưa có thư mục số liệu"
        click.echo(f"  - hình thành từ: {name} ({data})")
    for path in done.created:
        click.echo(f"Đã tạo: {path}")
    if done.kept:
        click.echo(f"Giữ nguyên (đã có): {', '.join(str(p) for p in done.kept)}")
    _next_steps(done.profile, province_dir, province.kind)


def _next_steps(profile: Path, province_dir: Path, kind: str) -> None:
    """What the clerk does next: the signer and the plans, the year's workbook, the build;
    `kind` is “tỉnh” or “thành phố” (a centrally-run city's plan, issue 22)."""
    from ncnsc_reports.inputs.start import this_year

    year = Path(province_dir) / str(this_year())
    click.echo("Việc tiếp theo:")
    click.echo(f"  1. Mở {profile}: ghi người ký (trang “Cơ quan”), kế hoạch của {kind} "
               "(trang “Kế hoạch”, “Chỉ tiêu”…).")
    click.echo(f"  2. ncnsc-report new-year {year}   rồi điền sổ Excel của năm.")
    click.echo(f"  3. ncnsc-report build {year}")
