"""Screenshots of every page of `ncnsc-report serve` for the README, into docs/web-*.png.

Runs the page over a copy of inputs/hung-yen in a temporary folder (the CLI itself, on a free
port), walks a clerk's year, a unit's link and an editor's check in Debian's headless
Chromium, and saves each page: `python -m tools.web_screenshots` (needs LibreOffice, pdftoppm
and /usr/bin/chromium, as the tests do). Look at every image before committing it.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import openpyxl
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
YEAR = "/tinh/hung-yen/2023"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(project: Path) -> tuple[subprocess.Popen, str]:
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "ncnsc_reports", "serve", str(project),
                               "--port", str(port), "--no-browser"], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/dang-nhap", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the page did not start")


def _shot(page, name: str) -> None:
    page.screenshot(path=DOCS / f"web-{name}.png", full_page=True)
    print(f"docs/web-{name}.png")


def _clerk(page, url: str, work: Path) -> dict[str, str]:
    page.goto(url + "/")
    _shot(page, "trang-chu")
    broken = work / "bao-cao-2023.xlsx"
    shutil.copyfile(work / "inputs/hung-yen/2023/bao-cao-2023.xlsx", broken)
    wb = openpyxl.load_workbook(broken)
    wb["Văn bản"]["D2"] = "31/4/2023"
    wb.save(broken)
    page.goto(url + YEAR)
    page.locator("input[name=so]").set_input_files(broken)
    page.get_by_role("button", name="Gửi và kiểm tra").click()
    page.locator("#kiem-tra").wait_for()
    _shot(page, "so-co-loi")
    page.goto(url + YEAR + "/don-vi")
    page.get_by_role("button", name="Tạo phiếu và liên kết").click()
    page.locator("#thu-nhac").wait_for()
    _shot(page, "don-vi-van-thu")
    reminder = page.locator("#thu-nhac").input_value()
    return dict(re.findall(r"^- (.+?): (http\S+)$", reminder, re.M))


def _unit(browser, link: str, work: Path) -> None:
    """The unit's page on a phone; its form refused (a row the report cannot place, an
    illustrative mistake); a link that opens nothing — all in the unit's own layout."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN",
                            accept_downloads=True)
    page.goto(link)
    _shot(page, "don-vi-dien-thoai")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải phiếu của đơn vị").click()
    form = work / "phieu.xlsx"
    info.value.save_as(form)
    wb = openpyxl.load_workbook(form)
    wb["Nội dung"].append(["I.2.1", "Tên mục (thay tên in sẵn)", "Công tác truyền thông"])
    wb.save(form)
    page.locator("input[name=phieu]").set_input_files(form)
    page.get_by_role("button", name="Gửi phiếu").click()
    page.locator(".bao.loi").wait_for()
    _shot(page, "don-vi-phieu-loi")
    page.goto(link.rsplit("/", 1)[0] + "/lien-ket-da-het-han")
    _shot(page, "don-vi-lien-ket-sai")


def _build(page, url: str) -> None:
    page.goto(url + YEAR)
    page.get_by_role("button", name=re.compile("Tạo báo cáo")).click()
    page.get_by_text("Đã tạo: bao-cao-hung-yen-2023.docx").wait_for(timeout=240_000)
    page.goto(url + YEAR + "#tao")
    page.wait_for_load_state("networkidle")
    _shot(page, "nam")


def _tests_module(name: str):
    """Load tests/<name>.py by its path (tests/ is no package; no sys.path edit: issue 21)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _editor(page, url: str, work: Path) -> None:
    hostile = _tests_module("hostile")  # the tests' own hostile edit of a template
    template = work / "bao-cao-nam.docx"
    shutil.copyfile(ROOT / "templates" / "bao-cao-nam.docx", template)
    hostile.template_paragraph(template, "Kết quả {{ agency.khong_co }} và {% for x in %}")
    page.goto(url + "/mau")
    page.locator("input[name=tep]").set_input_files(template)
    page.get_by_role("button", name="Gửi và kiểm tra").click()
    page.locator("#ket-qua").wait_for()
    _shot(page, "mau")
    page.locator("input[name=tep]").set_input_files(ROOT / "templates" / "bao-cao-nam.docx")
    page.get_by_role("button", name="Gửi và kiểm tra").click()
    page.locator("#ket-qua img").first.wait_for()
    page.wait_for_load_state("networkidle")
    _shot(page, "mau-thu")


def _login(browser, url: str, work: Path) -> None:
    from ncnsc_reports.web.access import set_password

    set_password(work, "mat-khau-minh-hoa")
    page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page.goto(url + YEAR)
    page.get_by_role("heading", name="Đăng nhập").wait_for()
    _shot(page, "dang-nhap")


def _new_year(page, url: str) -> None:
    page.goto(url + "/")
    page.get_by_role("button", name="Tạo sổ năm mới").click()
    page.get_by_text("Đã tạo sổ Excel của năm").wait_for()
    _shot(page, "nam-moi")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "inputs" / "hung-yen", work / "inputs" / "hung-yen")
        shutil.copytree(ROOT / "templates", work / "templates")
        server, url = _serve(work)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=["--no-sandbox", "--lang=vi"])
                page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
                links = _clerk(page, url, work)
                _unit(browser, links["Sở Công Thương"], work)
                _build(page, url)
                _editor(page, url, work)
                _new_year(page, url)
                _login(browser, url, work)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
