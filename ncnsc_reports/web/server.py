"""`serve`: check where the page may listen, then run it with uvicorn and open the browser.

Loopback (127.0.0.1) unless `--host` says otherwise; any other address (the office network)
refuses to start until a password is set for the clerk's and editor's pages (issue 24,
security; Datasette's rule).
"""

from __future__ import annotations

import ipaddress
import threading
import webbrowser
from pathlib import Path

import uvicorn

from ncnsc_reports.errors import ArgumentError
from ncnsc_reports.outputs.one_file import write_file
from ncnsc_reports.web import access
from ncnsc_reports.web.app import create_app

LOOPBACK_HOSTS = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(project: Path, host: str) -> None:
    """Refuse a non-loopback address without a password, and a folder that is no project."""
    if not (Path(project) / "inputs").is_dir():
        raise ArgumentError(f"“{project}” không phải thư mục dự án: cần có thư mục inputs/ "
                            "bên trong (như inputs/hung-yen/2023)")
    if not is_loopback(host) and not access.has_password(project):
        raise ArgumentError(
            f"không mở trang trên địa chỉ {host} khi chưa đặt mật khẩu: mọi máy trong mạng "
            "sẽ vào được trang của văn thư. Đặt mật khẩu trước bằng: ncnsc-report serve "
            f"{project} --dat-mat-khau (hoặc bỏ --host để chỉ dùng trên máy này)")


def serve(project: Path, host: str = "127.0.0.1", port: int = 8765,
          open_browser: bool = True) -> None:
    """Run the page until Ctrl-C."""
    check_bind(project, host)
    app = create_app(Path(project), loopback=is_loopback(host))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    print(f"Trang đang chạy ở {url} — nhấn Ctrl-C để dừng.", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


LAUNCHER = "mo-trang-bao-cao.bat"
# Windows: double-click in Explorer. The venv of the README's quick start (.venv beside
# inputs/); `serve` opens the browser itself; `pause` keeps a message readable if it fails.
LAUNCHER_TEXT = """@echo off
rem Mở trang báo cáo Chương trình 1322 (ncnsc-report serve) rồi mở trình duyệt.
chcp 65001 >nul
cd /d "%~dp0"
if exist .venv\\Scripts\\activate.bat call .venv\\Scripts\\activate.bat
ncnsc-report serve .
pause
"""


def write_launcher(project: Path) -> Path:
    """Write the project's Windows launcher (CRLF line ends, as cmd.exe expects)."""
    data = LAUNCHER_TEXT.replace("\n", "\r\n").encode("utf-8")
    return write_file(Path(project) / LAUNCHER, data)
