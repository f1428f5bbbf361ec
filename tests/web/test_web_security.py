"""The page's guards (issue 24, security): headers, CSRF on every POST, no path from a request
reaching the filesystem, unit links, the bind refusal, upload limits, the bounded reader."""

from __future__ import annotations

import datetime as dt
import http.client
import shutil

import hostile
import pytest
from click.testing import CliRunner
from conftest import ROOT
from web_server import Client, Running

from ncnsc_reports.cli import main
from ncnsc_reports.errors import ArgumentError
from ncnsc_reports.web import access, tokens
from ncnsc_reports.web.security import Limits
from ncnsc_reports.web.server import check_bind

YEAR = "/tinh/hung-yen/2023"


def book(project):
    return project / "inputs" / "hung-yen" / "2023" / "bao-cao-2023.xlsx"


def test_every_page_carries_the_security_headers_and_a_strict_session_cookie(server):
    status, _, headers = Client(server.url).get("/")
    assert status == 200
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    cookie = headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_no_page_has_inline_script():
    pages = (ROOT / "ncnsc_reports" / "web" / "pages").glob("*.html")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>" not in text and " on" + "click=" not in text, page.name
        assert all('src="/static/' in line for line in text.splitlines() if "<script" in line)


@pytest.mark.parametrize("token", ["", "sai-ma"])
def test_a_post_without_the_session_csrf_token_is_refused(server, project, token):
    client = Client(server.url)
    client.get("/")
    client.csrf = token
    status, text, _ = client.post("/tinh/hung-yen/nam-moi", {"nam": "2024"}, csrf=bool(token))
    assert status == 403 and "CSRF" in text
    assert not (project / "inputs" / "hung-yen" / "2024").exists()


def test_a_token_from_another_session_is_refused(server, project):
    first, second = Client(server.url), Client(server.url)
    first.get("/")
    second.get("/")
    second.csrf = first.csrf
    status, _, _ = second.post("/tinh/hung-yen/nam-moi", {"nam": "2024"})
    assert status == 403 and not (project / "inputs" / "hung-yen" / "2024").exists()


def test_with_the_token_the_same_post_starts_the_year(server, project):
    client = Client(server.url)
    client.get("/")
    status, text, _ = client.post("/tinh/hung-yen/nam-moi", {"nam": "2024"})
    assert status == 200 and "Đã tạo sổ Excel của năm 2024" in text
    assert (project / "inputs" / "hung-yen" / "2024" / "bao-cao-2024.xlsx").is_file()


@pytest.mark.parametrize("slug", ["../../etc", "hung-yen", "/tmp/x", "khong-co-tinh"])
def test_a_new_province_is_only_one_of_the_list_and_not_one_present(server, project, slug):
    client = Client(server.url)
    client.get("/")
    status, _, _ = client.post("/tinh-moi", {"tinh": slug})
    assert status == 404
    assert sorted(p.name for p in (project / "inputs").iterdir()) == ["hung-yen"]


TRAVERSALS = [
    "/tinh/..%2f..%2fetc/2023", "/tinh/hung-yen/..%2f2023/so",
    f"{YEAR}/tep/..%2f..%2f..%2finputs%2fhung-yen%2fho-so-tinh.xlsx",
    f"{YEAR}/tep/%2fetc%2fpasswd", f"{YEAR}/tep/%252e%252e%252fho-so-tinh.xlsx",
    f"{YEAR}/loi/..%2f..%2f2023%2fbao-cao-2023.xlsx", "/tinh/%2e%2e/2023",
    "/static/..%2f..%2fweb%2faccess.py", f"{YEAR}/tep/C:%5cWindows%5cwin.ini",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_attempts_find_nothing(server, path):
    status, text, _ = Client(server.url).get(path)
    assert status == 404, (path, status)
    assert "PK" not in text[:4] and "root:" not in text


@pytest.mark.parametrize("path", ["/tinh/../2023", f"{YEAR}/tep/../../../../etc/passwd",
                                  "/static/../access.py"])
def test_raw_dot_dot_segments_find_nothing(server, path):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path)  # sent as typed: no client-side normalising
    response = connection.getresponse()
    assert response.status == 404 and b"root:" not in response.read()


def test_a_request_for_another_host_name_is_refused_on_loopback(server):
    status, _, _ = Client(server.url).get("/", headers={"Host": "evil.example:80"})
    assert status == 400


def _links(project, last_day=None):
    state = access.state_dir(project)
    return tokens.issue(state, "hung-yen", 2023, ["Sở Công Thương", "Sở Tài chính"],
                        last_day or dt.date.today() + dt.timedelta(days=5))


def test_a_unit_link_opens_its_own_form_only(server, project):
    links = _links(project)
    status, text, _ = Client(server.url).get(f"/don-vi/{links['Sở Công Thương']}")
    assert status == 200 and "Sở Công Thương" in text and "Sở Tài chính" not in text


@pytest.mark.parametrize("token", ["khong-co", "A" * 32, "..%2f..%2fhung-yen"])
def test_a_wrong_unit_token_is_refused(server, project, token):
    _links(project)
    status, text, _ = Client(server.url).get(f"/don-vi/{token}")
    assert status == 404
    assert "Liên kết không đúng" in text or "Không có trang này" in text  # “/” in a token
    assert "Tỉnh, năm" not in text and "Mẫu Word" not in text  # the unit's layout, not the
    assert 'href="/"' not in text and 'href="/mau"' not in text  # clerk's navigation


def test_a_revoked_unit_link_is_refused(server, project):
    links = _links(project)
    state = access.state_dir(project)
    link = tokens.of_year(state, "hung-yen", 2023)["Sở Công Thương"]
    clerk = Client(server.url)
    clerk.get(f"{YEAR}/don-vi")
    status, _, _ = clerk.post(f"{YEAR}/don-vi/thu-hoi", {"lien_ket": link.id})
    assert status == 200
    assert Client(server.url).get(f"/don-vi/{links['Sở Công Thương']}")[0] == 404
    assert Client(server.url).get(f"/don-vi/{links['Sở Tài chính']}")[0] == 200


def test_an_expired_unit_link_is_refused(server, project):
    links = _links(project, dt.date.today() - dt.timedelta(days=1))
    assert Client(server.url).get(f"/don-vi/{links['Sở Công Thương']}")[0] == 404


def test_tokens_are_stored_only_as_hashes(project):
    links = _links(project)
    stored = (access.state_dir(project) / tokens.LINKS_FILE).read_text(encoding="utf-8")
    assert all(token not in stored for token in links.values())


def test_a_non_loopback_bind_without_a_password_is_refused(project):
    with pytest.raises(ArgumentError, match="chưa đặt mật khẩu"):
        check_bind(project, "0.0.0.0")
    check_bind(project, "127.0.0.1")
    check_bind(project, "::1")
    access.set_password(project, "mat-khau-dai")
    check_bind(project, "0.0.0.0")


def test_the_command_refuses_the_bind_in_vietnamese(project):
    done = CliRunner().invoke(main, ["serve", str(project), "--host", "0.0.0.0",
                                     "--no-browser"])
    assert done.exit_code == 1
    assert "chưa đặt mật khẩu" in done.output and "--dat-mat-khau" in done.output


def test_the_password_is_stored_as_a_scrypt_hash(project):
    path = access.set_password(project, "mat-khau-dai")
    assert "mat-khau-dai" not in path.read_text(encoding="utf-8")
    assert access.check_password(project, "mat-khau-dai")
    assert not access.check_password(project, "mat-khau-sai")
    with pytest.raises(ArgumentError):
        access.set_password(project, "ngan")


def test_with_a_password_the_clerk_pages_need_a_login_and_unit_links_do_not(server, project):
    access.set_password(project, "mat-khau-dai")
    links = _links(project)
    client = Client(server.url)
    status, text, _ = client.get(YEAR)
    assert status == 200 and "Đăng nhập" in text  # redirected to the login page
    assert client.post("/dang-nhap", {"mat_khau": "sai-roi-nhe"})[0] == 403
    assert Client(server.url).get(f"/don-vi/{links['Sở Công Thương']}")[0] == 200
    status, text, _ = client.post("/dang-nhap", {"mat_khau": "mat-khau-dai"})
    assert status == 200 and "Các tỉnh và năm báo cáo" in text


def test_an_oversized_upload_is_refused_and_nothing_changes(project):
    running = Running(project, Limits(body_bytes=50_000))
    try:
        client = Client(running.url)
        client.get(YEAR)
        before = book(project).read_bytes()
        status, text, _ = client.post(f"{YEAR}/so", {}, {"so": ("to.xlsx", b"x" * 80_000)})
        assert status == 413 and "quá lớn" in text
        assert book(project).read_bytes() == before
    finally:
        running.stop()


def test_two_files_in_one_upload_are_refused(server, project):
    client = Client(server.url)
    client.get(YEAR)
    data = book(project).read_bytes()
    status, _, _ = client.post(f"{YEAR}/so", {}, {"so": ("a.xlsx", data),
                                                 "so2": ("b.xlsx", data)})
    assert status == 400


def test_an_upload_is_read_by_the_bounded_reader(server, project, tmp_path):
    bomb = tmp_path / "bom.xlsx"
    shutil.copyfile(book(project), bomb)
    hostile.inflate_sheet(bomb, "Nội dung", 30)
    before = book(project).read_bytes()
    client = Client(server.url)
    client.get(YEAR)
    status, text, _ = client.post(f"{YEAR}/so", {}, {"so": ("bao-cao-2023.xlsx",
                                                            bomb.read_bytes())})
    assert status == 200 and "giải nén lớn bất thường" in text
    assert "chưa thay sổ của năm" in text
    assert book(project).read_bytes() == before


def test_the_windows_launcher_starts_the_page_of_its_own_folder(project):
    done = CliRunner().invoke(main, ["serve", str(project), "--tao-tep-bat"])
    assert done.exit_code == 0, done.output
    text = (project / "mo-trang-bao-cao.bat").read_bytes().decode("utf-8")
    assert '\r\ncd /d "%~dp0"\r\n' in text and "\r\nncnsc-report serve .\r\n" in text
