"""The page in a real browser (issue 24): Debian's Chromium, headless, driven by Playwright.

The clerk's whole year without a terminal — start a year, send unit links, a unit sends its
form, a workbook with an error is refused with its cell named, fixed, built, a page previewed,
the .docx downloaded and read; a unit cannot use another unit's form; an editor sees every
finding of a broken template. No browser is downloaded: the system's /usr/bin/chromium.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import hostile
import openpyxl
import pytest
from conftest import ROOT, edit_workbook
from docx import Document

from ncnsc_reports.template_check.check import check_template

# a real browser, and LibreOffice for the page previews: both left out by the quick command
pytestmark = [pytest.mark.browser, pytest.mark.libreoffice]
CHROMIUM = "/usr/bin/chromium"
YEAR = "/tinh/hung-yen/2023"
UNIT, OTHER = "Sở Công Thương", "Sở Tài chính"
UNIT_TEXT = "Đã tổ chức 02 lớp tập huấn minh họa về công cụ năng suất cho doanh nghiệp."


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is required (bash tools/install-test-deps.sh)"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def _page(browser, viewport=(1366, 768)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.refused = []  # what the Content-Security-Policy blocked: nothing, on every page
    page.on("console", lambda m: page.refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    return page


def _download(page, link_text, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_text).click()
    info.value.save_as(target)
    return target


def _start_year(page, url: str) -> None:
    page.goto(url + "/")
    card = page.locator("section.the", has=page.get_by_role("heading", name="Tỉnh Hưng Yên"))
    card.locator("select[name=nam]").select_option("2024")
    card.get_by_role("button", name="Tạo sổ năm mới").click()
    page.get_by_text("Đã tạo sổ Excel của năm 2024").wait_for()


def _unit_links(page, url: str) -> dict[str, str]:
    """Make the year's forms and links; return {unit: link} as the page shows them."""
    page.goto(url + YEAR + "/don-vi")
    page.get_by_role("button", name="Tạo phiếu và liên kết").click()
    page.get_by_role("heading", name=re.compile("Liên kết mới")).wait_for()
    reminder = page.locator("#thu-nhac").input_value()
    assert "Kính gửi các đơn vị phối hợp" in reminder
    return dict(re.findall(r"^- (.+?): (http\S+)$", reminder, re.M))


def _fill_form(form: Path, unit_name: str | None = None) -> Path:
    wb = openpyxl.load_workbook(form)
    wb["Nội dung"].append(["I.2.3", "Đoạn văn", UNIT_TEXT])
    if unit_name:
        general = wb["Thông tin đơn vị"]
        for row in general.iter_rows(min_row=2):
            if row[0].value == "Đơn vị":
                row[1].value = unit_name
    wb.save(form)
    return form


def _send_form(page, link: str, form: Path) -> None:
    page.goto(link)
    page.locator("input[name=phieu]").set_input_files(form)
    page.get_by_role("button", name="Gửi phiếu").click()


def _upload_workbook(page, url: str, book: Path) -> None:
    page.goto(url + YEAR)
    assert page.locator("#so .ten-tep").inner_text() == "Chưa chọn tệp"
    with page.expect_file_chooser() as chooser:  # our “Chọn tệp…”, not Chromium's “Choose
        page.locator("#so .chon-tep").click()  # File”: a click on it opens the file chooser
    chooser.value.set_files(book)
    assert page.locator("#so .ten-tep").inner_text() == book.name  # the chosen file, said
    page.get_by_role("button", name="Gửi và kiểm tra").click()
    page.locator("#kiem-tra").wait_for()


def test_a_clerk_does_the_whole_year_in_the_browser(browser, server, project, tmp_path):
    clerk = _page(browser)
    _start_year(clerk, server.url)
    assert (project / "inputs" / "hung-yen" / "2024" / "bao-cao-2024.xlsx").is_file()

    links = _unit_links(clerk, server.url)
    assert len(links) == 19 and UNIT in links
    unit = _page(browser, (390, 844))  # a phone
    unit.goto(links[UNIT])
    assert unit.locator(".don-vi-ten").inner_text() == UNIT
    form = _fill_form(_download(unit, "Tải phiếu của đơn vị", tmp_path / "phieu.xlsx"))
    _send_form(unit, links[UNIT], form)
    unit.get_by_text("Đã nhận phiếu, không có lỗi").wait_for()
    clerk.goto(server.url + YEAR + "/don-vi")
    assert "Đã nhận 1/19 phiếu" in clerk.content()

    broken = tmp_path / "bao-cao-2023.xlsx"
    shutil.copyfile(project / "inputs/hung-yen/2023/bao-cao-2023.xlsx", broken)
    edit_workbook(broken, "Văn bản", {"D2": "31/4/2023"})
    _upload_workbook(clerk, server.url, broken)
    report = clerk.locator("#kiem-tra")
    assert "chưa thay sổ của năm" in report.inner_text()
    group = report.locator(".nhom-loi", has_text="trang “Văn bản”")
    assert "dòng 2 › cột “Ngày ban hành” (ô D2)" in group.inner_text()
    assert "31/4/2023" in group.inner_text()
    marked = openpyxl.load_workbook(_download(clerk, re.compile("Tải sổ đánh dấu lỗi"),
                                              tmp_path / "loi.xlsx"))
    assert "31/4/2023" in marked["Văn bản"]["D2"].comment.text  # the error on its cell

    fixed = tmp_path / "sua" / "bao-cao-2023.xlsx"
    fixed.parent.mkdir()
    edit_workbook(broken, "Văn bản", {"D2": dt.datetime(2023, 4, 11)})
    shutil.copyfile(broken, fixed)
    _upload_workbook(clerk, server.url, fixed)
    assert "Sổ không có lỗi và đã thay sổ của năm" in clerk.locator("#kiem-tra").inner_text()

    clerk.get_by_role("button", name=re.compile("Tạo báo cáo")).click()
    clerk.get_by_text("Đã tạo: bao-cao-hung-yen-2023.docx").wait_for(timeout=240_000)
    image = clerk.locator("#xem-truoc img").first
    image.scroll_into_view_if_needed()
    clerk.wait_for_function("img => img.complete && img.naturalWidth > 300",
                            arg=image.element_handle())
    docx = _download(clerk, "bao-cao-hung-yen-2023.docx", tmp_path / "bao-cao.docx")
    text = "\n".join(p.text for p in Document(docx).paragraphs)
    assert "Sở Công Thương đã tổ chức 02 lớp tập huấn minh họa" in text
    assert clerk.refused == [] and unit.refused == []  # the progress script ran, unblocked


def test_a_clerk_starts_a_province_from_the_list(browser, server, project):
    clerk = _page(browser)
    clerk.goto(server.url + "/")
    clerk.locator("#tinh-moi select").select_option("dong-thap")
    clerk.get_by_role("button", name="Tạo hồ sơ tỉnh").click()
    clerk.get_by_text("Đã tạo hồ sơ tỉnh Đồng Tháp").wait_for()
    assert (project / "inputs" / "dong-thap" / "ho-so-tinh.xlsx").is_file()
    clerk.goto(server.url + "/")
    assert clerk.get_by_role("heading", name="Tỉnh Đồng Tháp").count() == 1


def test_a_unit_cannot_send_or_see_another_units_form(browser, server, project, tmp_path):
    clerk = _page(browser)
    links = _unit_links(clerk, server.url)
    unit = _page(browser)
    unit.goto(links[UNIT])
    page_text = unit.content()
    assert OTHER not in page_text and "/tinh/" not in page_text  # no way to the clerk's pages
    form = _fill_form(_download(unit, "Tải phiếu của đơn vị", tmp_path / "phieu.xlsx"), OTHER)
    _send_form(unit, links[UNIT], form)
    refusal = unit.locator(".bao.loi")
    refusal.wait_for()
    assert "Phiếu chưa được nhận" in refusal.inner_text()
    assert "trang “Thông tin đơn vị”" in unit.locator(".nhom-loi").inner_text()
    assert "Sở Tài chính" in unit.locator(".nhom-loi").inner_text()
    assert "(ô B4)" in unit.locator(".nhom-loi").inner_text()  # “Đơn vị” › “Giá trị”
    assert not any((project / "inputs/hung-yen/2023/don-vi").glob("*.xlsx"))
    guessed = links[UNIT][:-1] + ("x" if links[UNIT][-1] != "x" else "y")
    assert unit.request.get(guessed).status == 404  # a token one letter off opens nothing


def _links_on(page) -> list[str]:
    """Every address the page leads to: links, form actions, stylesheets and scripts."""
    return page.eval_on_selector_all(
        "a[href], form[action], link[href], script[src]",
        "els => els.map(e => e.getAttribute('href') || e.getAttribute('action')"
        " || e.getAttribute('src'))")


def test_a_units_pages_lead_to_no_clerk_page(browser, server, project, tmp_path):
    """Its form, its failed upload, and a wrong, revoked or expired link: each in the unit's
    own layout, leading only to its own link's pages (no “Tỉnh, năm”, no “Mẫu Word”)."""
    from ncnsc_reports.web import access, tokens

    links = _unit_links(_page(browser), server.url)
    state = access.state_dir(project)
    revoked = tokens.issue(state, "hung-yen", 2023, [OTHER])[OTHER]
    tokens.revoke(state, tokens.of_year(state, "hung-yen", 2023)[OTHER].id)
    expired = tokens.issue(state, "hung-yen", 2023, ["Sở Y tế"],
                           dt.date.today() - dt.timedelta(days=1))["Sở Y tế"]
    own = links[UNIT].removeprefix(server.url)
    unit, seen = _page(browser, (390, 844)), {}
    unit.goto(links[UNIT])
    seen["phiếu"] = _links_on(unit)
    form = _fill_form(_download(unit, "Tải phiếu của đơn vị", tmp_path / "phieu.xlsx"), OTHER)
    _send_form(unit, links[UNIT], form)
    unit.locator(".bao.loi").wait_for()
    seen["gửi lỗi"] = _links_on(unit)
    for name, token in (("sai", "khong-co-lien-ket-nay"), ("thu hồi", revoked),
                        ("hết hạn", expired)):
        assert unit.goto(f"{server.url}/don-vi/{token}").status == 404
        assert "Liên kết không đúng, đã bị thu hồi hoặc đã hết hạn" in unit.inner_text("main")
        seen[name] = _links_on(unit)
        assert "Tỉnh, năm" not in unit.inner_text("body"), name
        assert "Mẫu Word" not in unit.inner_text("body"), name
    for name, addresses in seen.items():
        assert [a for a in addresses if not a.startswith((own, "/static/"))] == [], name
    assert f"{own}/phieu" in seen["phiếu"]  # the check can fail: the unit's own links are seen


def test_an_editor_sees_every_finding_of_a_broken_template(browser, server, tmp_path):
    template = tmp_path / "bao-cao-nam.docx"
    shutil.copyfile(ROOT / "templates" / "bao-cao-nam.docx", template)
    hostile.template_paragraph(template, "Kết quả {{ agency.khong_co }} và {% for x in %}")
    expected = check_template(template, kind="bao-cao-nam")
    assert len(expected) >= 2
    editor = _page(browser)
    editor.goto(server.url + "/mau")
    editor.locator("input[name=tep]").set_input_files(template)
    editor.get_by_role("button", name="Gửi và kiểm tra").click()
    result = editor.locator("#ket-qua")
    result.wait_for()
    shown = result.inner_text()
    assert f"Mẫu có {sum(p.is_error for p in expected)} lỗi" in shown
    for problem in expected:
        assert problem.message.split("\n")[0][:60] in shown, problem.message
        assert str(problem.where)[:60] in shown, problem.where  # located in Word's terms
    assert editor.get_by_role("button", name="Cài mẫu").count() == 0  # not clean: no install
    assert "province — trường" in editor.locator("pre.tra-cuu").text_content()  # `fields`
