"""The page's work through HTTP (issue 24): one build when two clerks ask at once, the phase
summary, a template installed for a province, a unit's form kept when a newer one comes."""

from __future__ import annotations

import re
import shutil
import time

import openpyxl
import pytest
from conftest import ROOT
from docx import Document
from web_server import Client, Running

from ncnsc_reports.web import access, tokens

YEAR = "/tinh/hung-yen/2023"


def _wait(server, folder, seconds: float = 300):
    deadline = time.monotonic() + seconds
    while (job := server.app.state.site.jobs.latest(folder)) is None or job.active:
        assert time.monotonic() < deadline, "the build did not end"
        time.sleep(0.2)
    return job


@pytest.mark.libreoffice
def test_two_clerks_building_at_once_get_one_build(server, project):
    first, second = Client(server.url), Client(server.url)
    first.get(YEAR)
    second.get(YEAR)
    _, page_one, _ = first.post(f"{YEAR}/tao", {"pdf": "1"})
    _, page_two, _ = second.post(f"{YEAR}/tao", {"pdf": "1"})
    job_one = re.search(r'data-viec="([^"]+)"', page_one)[1]
    job_two = re.search(r'data-viec="([^"]+)"', page_two)[1]
    assert job_one == job_two  # the same build, shown to both
    assert "Báo cáo này đang được tạo; hãy chờ lần đó xong." in page_two
    assert "đang được tạo" not in page_one
    job = _wait(server, project / "inputs" / "hung-yen" / "2023")
    assert job.state == "xong", job.step
    out = project / "outputs" / "hung-yen" / "2023"
    assert sorted(p.name for p in out.glob("*.docx")) == ["bao-cao-hung-yen-2023.docx"]
    assert (out / "bao-cao-hung-yen-2023.pdf").is_file()
    assert f'src="{YEAR}/trang/1.png"' in first.get(YEAR)[1]


@pytest.mark.libreoffice
def test_page_images_of_a_report_rebuilt_without_pdf_are_not_shown(server, project):
    from conftest import edit_workbook

    client = Client(server.url)
    client.get(YEAR)
    client.post(f"{YEAR}/tao", {"pdf": "1"})
    folder = project / "inputs" / "hung-yen" / "2023"
    assert _wait(server, folder).state == "xong"
    assert f'src="{YEAR}/trang/1.png"' in client.get(YEAR)[1]
    edit_workbook(folder / "bao-cao-2023.xlsx", "Văn bản", {"F2": "về việc minh họa"})
    client.post(f"{YEAR}/tao", {})
    assert _wait(server, folder).state == "xong"
    assert "/trang/1.png" not in client.get(YEAR)[1]  # the images show the report before


def test_the_phase_summary_is_built_from_its_page(tmp_path):
    for name in ("an-giang", "kien-giang"):  # the summary of a merged province needs both
        shutil.copytree(ROOT / "inputs" / name, tmp_path / "inputs" / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    running = Running(tmp_path)
    try:
        client = Client(running.url)
        period = "/tinh/an-giang/ky/tong-ket-2021-2025"
        assert "tong-ket-2021-2025" in client.get("/")[1]
        client.get(period)
        client.post(f"{period}/tao", {})
        job = _wait(running, tmp_path / "inputs" / "an-giang" / "tong-ket-2021-2025")
        assert job.state == "xong", job.step
        _, page, _ = client.get(period)
        name = "bao-cao-tong-ket-an-giang-2021-2025.docx"
        assert name in page
        status, _, headers = client.get(f"{period}/tep/{name}")
        assert status == 200 and "attachment" in headers["content-disposition"]
    finally:
        running.stop()


@pytest.mark.libreoffice  # the test render's page images
def test_a_clean_template_is_installed_for_one_province_keeping_the_old(server, project):
    client = Client(server.url)
    client.get("/mau")
    template = (ROOT / "templates" / "bao-cao-nam.docx").read_bytes()
    status, page, _ = client.post("/mau", {"mau": "bao-cao-nam"},
                                  {"tep": ("mau-moi.docx", template)})
    assert status == 200 and "Mẫu không có lỗi" in page
    assert 'src="/mau/trang/1.png"' in page  # the test render with the sample data
    target = project / "inputs" / "hung-yen" / "templates" / "bao-cao-nam.docx"
    target.parent.mkdir()
    target.write_bytes(b"ban cu")
    status, page, _ = client.post("/mau/cai-dat", {"tinh": "hung-yen"})
    assert status == 200 and "Đã cài mẫu cho tỉnh Hưng Yên" in page
    assert target.read_bytes() == template
    kept = list((target.parent / "ban-cu").glob("bao-cao-nam-*.docx"))
    assert [p.read_bytes() for p in kept] == [b"ban cu"]


def test_a_broken_template_is_not_installed(server, project, tmp_path):
    import hostile

    broken = tmp_path / "mau.docx"
    shutil.copyfile(ROOT / "templates" / "bao-cao-nam.docx", broken)
    hostile.template_paragraph(broken, "{{ khong_co_truong }}")
    client = Client(server.url)
    client.get("/mau")
    client.post("/mau", {"mau": "bao-cao-nam"}, {"tep": ("mau.docx", broken.read_bytes())})
    status, _, _ = client.post("/mau/cai-dat", {"tinh": "hung-yen"})
    assert status == 422
    assert not (project / "inputs" / "hung-yen" / "templates").exists()


def _unit_form(server, project, tmp_path, token: str, text: str):
    client = Client(server.url)
    client.get(f"/don-vi/{token}")
    form = tmp_path / f"{text[:5]}.xlsx"
    status, _, _ = client.get(f"/don-vi/{token}/phieu")
    assert status == 200
    with client.opener.open(f"{server.url}/don-vi/{token}/phieu") as response:
        form.write_bytes(response.read())
    wb = openpyxl.load_workbook(form)
    wb["Nội dung"].append(["I.2.3", "Đoạn văn", text])
    wb.save(form)
    return client.post(f"/don-vi/{token}", {}, {"phieu": ("phieu.xlsx", form.read_bytes())})


def test_a_newer_unit_form_replaces_the_older_which_is_kept(server, project, tmp_path):
    from ncnsc_reports.contributions import write_forms

    write_forms(project / "inputs" / "hung-yen" / "2023", ("Sở Công Thương",))
    token = tokens.issue(access.state_dir(project), "hung-yen", 2023, ["Sở Công Thương"],
                         tokens.default_last_day(2023))["Sở Công Thương"]
    for text in ("Đã tổ chức lần một minh họa.", "Đã tổ chức lần hai minh họa."):
        status, page, _ = _unit_form(server, project, tmp_path, token, text)
        assert status == 200 and "Đã nhận phiếu, không có lỗi" in page
    forms = project / "inputs" / "hung-yen" / "2023" / "don-vi"
    assert [p.name for p in forms.glob("*.xlsx")] == ["phieu-so-cong-thuong-2023.xlsx"]
    kept = list((project / "outputs/hung-yen/2023/ban-cu/don-vi").glob("*.xlsx"))
    assert len(kept) == 1
    rows = [r[2] for r in openpyxl.load_workbook(kept[0])["Nội dung"].values]
    assert "Đã tổ chức lần một minh họa." in rows
    client = Client(server.url)
    client.get(YEAR)
    client.post(f"{YEAR}/tao", {})
    assert _wait(server, project / "inputs" / "hung-yen" / "2023").state == "xong"
    report = project / "outputs/hung-yen/2023/bao-cao-hung-yen-2023.docx"
    text = "\n".join(p.text for p in Document(report).paragraphs)
    assert "Sở Công Thương đã tổ chức lần hai minh họa." in text
    assert "lần một" not in text


def test_a_warning_that_may_change_the_figures_is_confirmed_on_the_page(server, project):
    book = project / "inputs" / "hung-yen" / "2023" / "bao-cao-2023.xlsx"
    wb = openpyxl.load_workbook(book)
    del wb["Khảo sát"]
    wb.save(book)
    client = Client(server.url)
    client.get(YEAR)
    client.post(f"{YEAR}/tao", {})
    folder = project / "inputs" / "hung-yen" / "2023"
    assert _wait(server, folder).state == "lỗi"
    _, page, _ = client.get(YEAR)
    assert "Khảo sát" in page and 'name="chap_nhan" value="--chap-nhan-thieu-trang"' in page
    # the page's way to confirm, not the command line's option a clerk cannot type here
    assert "thiếu trang số liệu “Khảo sát”" in page and "chạy lại với" not in page
    assert "chọn ô xác nhận bên dưới rồi bấm “Vẫn tạo báo cáo”" in page
    assert "Đang kiểm tra số liệu" not in page  # a failed build shows no step still running
    assert not (project / "outputs/hung-yen/2023/bao-cao-hung-yen-2023.docx").exists()
    client.post(f"{YEAR}/tao", {"chap_nhan": "--chap-nhan-thieu-trang"})
    assert _wait(server, folder).state == "xong"
    assert (project / "outputs/hung-yen/2023/bao-cao-hung-yen-2023.docx").is_file()


def test_a_hand_edited_report_is_kept_and_listed(server, project):
    client = Client(server.url)
    client.get(YEAR)
    folder = project / "inputs" / "hung-yen" / "2023"
    client.post(f"{YEAR}/tao", {})
    assert _wait(server, folder).state == "xong"
    report = project / "outputs/hung-yen/2023/bao-cao-hung-yen-2023.docx"
    document = Document(report)
    document.add_paragraph("Sửa tay trong Word (minh họa).")
    document.save(report)
    book = folder / "bao-cao-2023.xlsx"
    wb = openpyxl.load_workbook(book)
    wb["Văn bản"]["F2"] = "về việc minh họa sửa tay"
    wb.save(book)
    client.post(f"{YEAR}/tao", {})
    assert _wait(server, folder).state == "xong"
    _, page, _ = client.get(YEAR)
    kept = list(report.parent.glob("bao-cao-hung-yen-2023-sua-tay-*.docx"))
    assert len(kept) == 1 and "Bản đã sửa tay được giữ lại" in page and kept[0].name in page
    assert f"{YEAR}/tep/{kept[0].name}" in page
    status, _, _ = client.get(f"{YEAR}/tep/{kept[0].name}")
    assert status == 200


UNIT = "Sở Công Thương"


def _unit_link(project) -> str:
    from ncnsc_reports.contributions import write_forms

    write_forms(project / "inputs" / "hung-yen" / "2023", (UNIT,))
    return tokens.issue(access.state_dir(project), "hung-yen", 2023, [UNIT],
                        tokens.default_last_day(2023))[UNIT]


def test_a_units_row_the_report_cannot_place_is_refused_as_the_build_refuses_it(
        server, project, tmp_path):
    """The page's check of a unit's form and the build agree (report.confirm.escalated): a
    row the build refuses unless the clerk confirms it is an error on the unit's page, where
    the unit fixes it (no `--chap-nhan-…` a unit could not give)."""
    from ncnsc_reports.engine import BuildOptions, build
    from ncnsc_reports.web import library
    from ncnsc_reports.web.project import Project

    token = _unit_link(project)
    client = Client(server.url)
    client.get(f"/don-vi/{token}")
    form = tmp_path / "phieu.xlsx"
    with client.opener.open(f"{server.url}/don-vi/{token}/phieu") as response:
        form.write_bytes(response.read())
    wb = openpyxl.load_workbook(form)
    wb["Nội dung"].append(["I.2.1", "Tên mục (thay tên in sẵn)", "Công tác truyền thông"])
    wb.save(form)
    status, page, _ = client.post(f"/don-vi/{token}", {}, {"phieu": ("phieu.xlsx",
                                                                      form.read_bytes())})
    assert status == 422 and "Phiếu chưa được nhận: có 1 lỗi" in page
    assert "dòng 2 › cột “Kiểu dòng” (ô B2)" in page
    assert "<h3>phieu-so-cong-thuong-2023.xlsx › trang “Nội dung”</h3>" in page  # its own form
    assert "phiếu chỉ được nhận khi đã sửa chỗ này" in page and "--chap-nhan" not in page
    year_dir = project / "inputs" / "hung-yen" / "2023"
    assert not any((year_dir / "don-vi").glob("*.xlsx"))  # nothing put in place

    year = Project(project).year("hung-yen", "2023")
    checked = library.check_unit_form(year, UNIT, form, access.state_dir(project))
    shutil.copyfile(form, year_dir / "don-vi" / "phieu-so-cong-thuong-2023.xlsx")
    built = build(year_dir, BuildOptions())
    assert not built.ok

    def places(problems):
        return {(p.where.sheet, p.where.row, p.where.column, p.confirm) for p in problems}

    assert places(checked.errors) == places(p for p in built.errors if p.confirm) == {
        ("Nội dung", 2, "Kiểu dòng", "--chap-nhan-bo-dong")}
    assert build(year_dir, BuildOptions(accept=frozenset({"--chap-nhan-bo-dong"}))).ok


def test_a_unit_sees_no_warning_about_its_own_groups(server, project, tmp_path):
    """Checked against the unit as the profile lists it (its groups of I.2), as the build
    reads it: a paragraph in one of its own groups is no warning."""
    status, page, _ = _unit_form(server, project, tmp_path, _unit_link(project),
                                 "Đã tổ chức tập huấn minh họa.")
    assert status == 200 and "Đã nhận phiếu, không có lỗi" in page
    assert "không có trong các nhóm" not in page and "Lưu ý" not in page


PAGES = ("/", YEAR, f"{YEAR}/don-vi", "/tinh/an-giang/2023", "/tinh/an-giang/ky/tong-ket-2021-2025",
         "/tinh/kien-giang/2025/don-vi")


def test_every_page_names_the_province_not_its_folder(server, project):
    """Titles and headings say “Tỉnh An Giang” (the profile's “Địa danh”, “Tỉnh” or “Thành
    phố” from “Cơ quan chủ quản”), never the folder's name “an-giang”."""
    for province in ("an-giang", "kien-giang"):
        shutil.copytree(ROOT / "inputs" / province, project / "inputs" / province)
    client = Client(server.url)
    for path in PAGES:
        status, page, _ = client.get(path)
        assert status == 200, path
        shown = re.findall(r"<title>(.*?)</title>|<h[12][^>]*>(.*?)</h[12]>", page, re.S)
        text = " | ".join(a or b for a, b in shown)
        assert not re.search(r"hung-yen|an-giang|kien-giang|tong-ket", text), (path, text)
    _, home, _ = client.get("/")
    assert all(f"<h2>Tỉnh {name}</h2>" in home for name in ("An Giang", "Hưng Yên", "Kiên Giang"))
    _, period, _ = client.get("/tinh/an-giang/ky/tong-ket-2021-2025")
    assert "<h1>Tổng kết giai đoạn 2021–2025 — Tỉnh An Giang</h1>" in period
    _, year, _ = client.get(YEAR)
    assert "<title>Năm 2023 — Tỉnh Hưng Yên — Báo cáo Chương trình 1322</title>" in year


def test_a_city_is_named_a_city(project):
    """“Thành phố Huế” from a profile whose “Cơ quan chủ quản” is UBND THÀNH PHỐ HUẾ; a
    province without a profile name yet takes new-province's list."""
    from ncnsc_reports.new_province import start_province
    from ncnsc_reports.web import library
    from ncnsc_reports.web.project import Province

    start_province(project / "inputs" / "hue")
    assert library.province_title(Province("hue", project / "inputs" / "hue")) == "Thành phố Huế"
    assert library.province_title(Province("hue", project / "inputs" / "hue"), 2023) == \
        "Thành phố Huế"  # no name in force before 2025: the list's
    assert library.province_title(Province("hung-yen", project / "inputs" / "hung-yen")) == \
        "Tỉnh Hưng Yên"


def test_an_uploaded_workbook_with_a_warning_to_confirm_is_taken_and_confirmed_at_build(
        server, project, tmp_path):
    """As with the CLI (`build` refuses it, `--chap-nhan-thieu-trang` accepts it): the upload
    is not a dead end — the workbook is taken, the warning is said as one the build will ask
    to confirm, and the build asks it (report.confirm)."""
    upload = tmp_path / "bao-cao-2023.xlsx"
    folder = project / "inputs" / "hung-yen" / "2023"
    shutil.copyfile(folder / "bao-cao-2023.xlsx", upload)
    wb = openpyxl.load_workbook(upload)
    del wb["Khảo sát"]
    wb.save(upload)
    client = Client(server.url)
    client.get(YEAR)
    _, page, _ = client.post(f"{YEAR}/so", {}, {"so": ("bao-cao-2023.xlsx", upload.read_bytes())})
    assert "Sổ không có lỗi và đã thay sổ của năm" in page
    confirm = page[page.index("Cần xác nhận khi tạo báo cáo"):page.index("3. Tạo báo cáo")]
    assert "thiếu trang số liệu “Khảo sát”" in confirm and "--chap-nhan" not in confirm
    assert (folder / "bao-cao-2023.xlsx").read_bytes() == upload.read_bytes()
    client.post(f"{YEAR}/tao", {})
    assert _wait(server, folder).state == "lỗi"
    _, page, _ = client.get(YEAR)
    assert 'name="chap_nhan" value="--chap-nhan-thieu-trang"' in page
    client.post(f"{YEAR}/tao", {"chap_nhan": "--chap-nhan-thieu-trang"})
    assert _wait(server, folder).state == "xong"


def test_staged_templates_no_session_can_name_are_removed(server, project, tmp_path):
    """A template an editor uploaded waits in .ncnsc-web/mau/ for its session (12 hours at
    most); the next upload removes those older, with their test renders and page images."""
    import os

    from ncnsc_reports.web.editor import TEMPLATES_DIR
    from ncnsc_reports.web.site import SESSION_HOURS

    folder = access.state_dir(project) / TEMPLATES_DIR
    (folder / ".xem-truoc").mkdir(parents=True)
    old = [folder / "cu.docx", folder / "cu-mau.docx", folder / ".xem-truoc" / "cu-mau-1.png"]
    recent = folder / "moi-cua-nguoi-khac.docx"
    for path in [*old, recent]:
        path.write_bytes(b"x")
    aged = time.time() - SESSION_HOURS * 3600 - 60
    for path in old:
        os.utime(path, (aged, aged))
    client = Client(server.url)
    client.get("/mau")
    template = (ROOT / "templates" / "bao-cao-nam.docx").read_bytes()
    client.post("/mau", {"mau": "bao-cao-nam"}, {"tep": ("mau.docx", template)})
    assert not any(path.exists() for path in old)
    assert recent.exists()  # another editor's, still within its session
    assert [p.read_bytes() for p in folder.glob("*.docx") if p != recent
            and not p.stem.endswith("-mau")] == [template]
