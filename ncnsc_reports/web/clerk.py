"""The clerk's pages: log in, the provinces and years, a year's workbook (start, download,
upload and check), and its documents (see builds.py for building and previewing)."""

from __future__ import annotations

import asyncio
import datetime as dt

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ncnsc_reports.web import access, builds, library
from ncnsc_reports.web.project import Province, files_of, listed_file
from ncnsc_reports.web.security import form_of
from ncnsc_reports.web.site import download, grouped, site_of
from ncnsc_reports.web.uploads import KEPT_DIR, BadUpload, put_in_place, received, staged

PROGRAMME_YEARS = range(2021, 2031)
LOGIN_PAUSE = 1.0  # Chương trình 1322: 2021–2030 (new-year refuses others)


async def login(request: Request):
    site = site_of(request)
    if request.method == "GET":
        return site.page(request, "dang-nhap.html")
    password = form_of(request).get("mat_khau")
    good = isinstance(password, str) and await run_in_threadpool(
        access.check_password, site.project.root, password)
    if not good:
        await asyncio.sleep(LOGIN_PAUSE)  # a wrong password costs a second: no fast guessing
        return site.page(request, "dang-nhap.html", status=403,
                         error="Mật khẩu không đúng (hoặc chưa đặt mật khẩu).")
    request.session.clear()  # a new session (and CSRF token) after login: no fixation
    request.session["clerk"] = True
    return RedirectResponse("/", status_code=303)


async def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/dang-nhap", status_code=303)


async def home(request: Request):
    site = site_of(request)
    provinces = [(p, site.project.years(p), site.project.periods(p))
                 for p in site.project.provinces()]
    present = {p.slug for p, _, _ in provinces}
    startable = {slug: title for slug, title in library.known_provinces().items()
                 if slug not in present}
    return site.page(request, "trang-chu.html", provinces=provinces, startable=startable,
                     programme_years=list(PROGRAMME_YEARS))


async def new_province(request: Request):
    """Start a province chosen from new-province's own list (never a name typed in a URL)."""
    site = site_of(request)
    chosen = str(form_of(request).get("tinh", ""))
    if chosen not in library.known_provinces() or site.project.province(chosen) is not None:
        raise HTTPException(404, "Không có tỉnh này trong danh sách, hoặc tỉnh đã có hồ sơ.")
    done, started = await run_in_threadpool(library.new_province, site.project.inputs / chosen)
    return site.page(request, "tinh-moi.html", status=200 if done.ok else 422, outcome=done,
                     started=started, groups=grouped(done.errors), slug=chosen,
                     title=library.province_title(Province(chosen, site.project.inputs / chosen)))


async def new_year(request: Request):
    site = site_of(request)
    province = site.project.province(request.path_params["tinh"])
    chosen = str(form_of(request).get("nam", ""))
    year = next((y for y in PROGRAMME_YEARS if str(y) == chosen), None)
    if province is None or year is None:
        raise HTTPException(404, "Không có tỉnh, năm này trong dự án.")
    done, started = await run_in_threadpool(library.start_year, province.path / str(year))
    if not done.ok:
        return site.page(request, "nam-moi.html", status=422, province=province, year=year,
                         outcome=done, groups=grouped(done.errors), started=None)
    return site.page(request, "nam-moi.html", province=province, year=year, outcome=done,
                     groups={}, started=started)


async def year_page(request: Request):
    site = site_of(request)
    year = site.year(request)
    check = site.checks.get((year.province.slug, year.year))
    return site.page(request, "nam.html", year=year, workbook=_workbook(year), check=check,
                     groups=grouped(check[0].errors, check[0].cells) if check else {},
                     warnings=_warnings(check, confirm=False), to_confirm=_warnings(check),
                     notice=request.session.pop("notice", ""),
                     **builds.documents(site, year))


def _warnings(check, confirm: bool = True) -> dict:
    """The last check's warnings that the build asks to confirm (or, `confirm` False, the
    others), grouped by sheet."""
    if not check:
        return {}
    outcome = check[0]
    return grouped([w for w in outcome.warnings if bool(w.confirm) == confirm], outcome.cells)


def _workbook(year):
    books = files_of(year.path, (".xlsx",))
    return books[0] if len(books) == 1 else None


async def workbook_download(request: Request):
    return download(_workbook(site_of(request).year(request)))


async def workbook_upload(request: Request):
    site = site_of(request)
    year = site.year(request)
    try:
        data = await received(form_of(request), "so", ".xlsx", site.limits.body_bytes)
    except BadUpload as err:
        return _checked(request, year, library.Outcome(False, message=str(err)), "")
    label = f"{year.province.slug}-{year.year}"
    upload = await run_in_threadpool(staged, site.state, label, data, ".xlsx")
    outcome = await run_in_threadpool(library.check_workbook, year, upload, site.state)
    if outcome.ok:
        target = _workbook(year) or year.path / f"bao-cao-{year.year}.xlsx"
        copy = await run_in_threadpool(put_in_place, data, target, year.outputs / KEPT_DIR)
        outcome.kept = {target: copy} if copy else {}
    upload.unlink(missing_ok=True)
    name = form_of(request)["so"].filename
    return _checked(request, year, outcome, name)


def _checked(request: Request, year, outcome, name: str):
    site = site_of(request)
    site.checks[(year.province.slug, year.year)] = (outcome, dt.datetime.now(), name)
    return RedirectResponse(f"/tinh/{year.province.slug}/{year.year}#kiem-tra", status_code=303)


async def marked_download(request: Request):
    year = site_of(request).year(request)
    return download(listed_file(year.outputs / "loi", request.path_params["ten"], (".xlsx",)))


ROUTES = [
    Route("/", home),
    Route("/tinh-moi", new_province, methods=["POST"]),
    Route("/tinh/{tinh}/nam-moi", new_year, methods=["POST"]),
    Route("/tinh/{tinh}/{nam}", year_page),
    Route("/tinh/{tinh}/{nam}/so", workbook_download),
    Route("/tinh/{tinh}/{nam}/so", workbook_upload, methods=["POST"]),
    Route("/tinh/{tinh}/{nam}/loi/{ten}", marked_download),
]
