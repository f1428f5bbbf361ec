"""`ncnsc-report serve`: the page over a project folder (issue 24), its password, its launcher.

Only parses options and calls one function of `web` — imported inside the command, so that
Starlette and uvicorn stay off the start-up of every other command.
"""

from __future__ import annotations

from pathlib import Path

import click

from ncnsc_reports.cli.failure import attempt, debug_option
from ncnsc_reports.cli.wording import IntBetween, VietnameseCommand


@click.command(cls=VietnameseCommand)
@click.argument("project", type=click.Path(path_type=Path), default=".", required=False)
@click.option("--port", type=IntBetween(1, 65535), default=8765, show_default=True,
              help="Cổng của trang.")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ĐỊA_CHỈ",
              help="Địa chỉ nghe; khác 127.0.0.1 (mở cho mạng cơ quan) thì cần đặt mật khẩu "
                   "trước bằng --dat-mat-khau.")
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt.")
@click.option("--dat-mat-khau", "set_password", is_flag=True,
              help="Đặt (hoặc đổi) mật khẩu vào trang của văn thư, người sửa mẫu, rồi thoát.")
@click.option("--tao-tep-bat", "launcher", is_flag=True,
              help="Ghi tệp mo-trang-bao-cao.bat vào thư mục dự án (Windows: bấm đúp để mở "
                   "trang), rồi thoát.")
@debug_option
def serve(project: Path, port: int, host: str, no_browser: bool, set_password: bool,
          launcher: bool, debug: bool) -> None:
    """Mở trang web trên thư mục dự án PROJECT (mặc định: thư mục hiện tại, nơi có inputs/)."""
    if launcher:
        from ncnsc_reports.web.server import write_launcher

        path = attempt(debug, lambda: write_launcher(project), "Chưa ghi tệp nào.")
        click.echo(f"Đã ghi: {path} — bấm đúp vào tệp này để mở trang.")
        return
    if set_password:
        from ncnsc_reports.web.access import set_password as store

        password = click.prompt("Mật khẩu mới", hide_input=True,
                                confirmation_prompt="Nhập lại mật khẩu")
        path = attempt(debug, lambda: store(project, password), "Chưa đặt mật khẩu.")
        click.echo(f"Đã đặt mật khẩu (chỉ lưu mã băm scrypt): {path}")
        return
    from ncnsc_reports.web.server import serve as run

    attempt(debug, lambda: run(project, host, port, not no_browser), "Chưa mở trang.")
