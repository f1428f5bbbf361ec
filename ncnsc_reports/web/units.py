"""The units' pages: the clerk makes the year's forms and links, sees who answered; a unit,
through its own link only, downloads its form and sends it back.

A unit's link names no province, year or unit: the token is looked up (by its hash) and gives
exactly one unit's form of one year. Nothing else is reachable with it — not another unit's
form, not the report, not the clerk's pages (those need the clerk's session when a password
is set, and are never linked from a unit's page).
"""

from __future__ import annotations

import datetime as dt

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ncnsc_reports.inputs.unit_form import FORMS_DIR, form_file_name, form_file_names
from ncnsc_reports.web import library, tokens
from ncnsc_reports.web.project import files_of, listed_file
from ncnsc_reports.web.security import form_of
from ncnsc_reports.web.site import download, grouped, site_of
from ncnsc_reports.web.uploads import KEPT_DIR, BadUpload, put_in_place, received, staged

FORMS_OUT = "phieu-don-vi"
UNIT_PREFIX = "/don-vi/"  # every page a unit's link opens, and only those (security.PUBLIC)
NOT_FOUND = ("Liên kết không đúng, đã bị thu hồi hoặc đã hết hạn. Hãy liên hệ Sở KH&CN để "
             "nhận liên kết mới.")


def _answered(year) -> dict[str, str]:
    """{unit's form file name: when it arrived} of the year's don-vi/ folder."""
    return {p.name: dt.datetime.fromtimestamp(p.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
            for p in files_of(year.path / FORMS_DIR, (".xlsx",))}


async def units_page(request: Request, fresh: dict | None = None, status: int = 200,
                     outcome=None):
    site = site_of(request)
    year = site.year(request)
    names, _, known = await run_in_threadpool(library.year_units, year)
    links = tokens.of_year(site.state, year.province.slug, year.year)
    arrived = _answered(year)
    files = form_file_names(names, year.year)  # with each other: never one file for two units
    rows = [(u, links.get(u), arrived.get(files[u])) for u in names]
    base = str(request.base_url).rstrip("/")
    return site.page(request, "don-vi-van-thu.html", status=status, year=year, rows=rows,
                     fresh=fresh or {}, site_url=base, problems=grouped(known.errors),
                     outcome=outcome, reminder=_reminder(year, fresh or {}, base, links),
                     local=request.url.hostname in ("127.0.0.1", "localhost", "::1", "[::1]"),
                     answered=sum(1 for r in rows if r[2]), today=dt.date.today(),
                     last_day=tokens.default_last_day(year.year))


def _reminder(year, fresh: dict[str, str], base: str, links) -> str:
    """The letter the clerk copies into an e-mail: what to do, by when, each unit's link."""
    if not fresh:
        return ""
    last = min(dt.date.fromisoformat(links[u].last_day) for u in fresh if u in links)
    lines = ["Kính gửi các đơn vị phối hợp,", "",
             f"Sở Khoa học và Công nghệ đề nghị quý đơn vị điền phiếu đóng góp báo cáo năm "
             f"{year.year} (Chương trình 1322) và gửi lại qua liên kết riêng của đơn vị, trước hết "
             f"ngày {last:%d/%m/%Y}:", ""]
    lines += [f"- {unit}: {base}/don-vi/{token}" for unit, token in fresh.items()]
    lines += ["", "Mỗi liên kết chỉ dành cho một đơn vị; xin không chuyển cho đơn vị khác."]
    return "\n".join(lines)


def _last_day(form) -> dt.date | None:
    """The last day the clerk chose (None: the default); a day already past is refused."""
    try:
        chosen = dt.date.fromisoformat(str(form.get("han", "")))
    except ValueError:
        return None
    if chosen < dt.date.today():
        raise HTTPException(422, f"Ngày hết hạn {chosen:%d/%m/%Y} đã qua: hãy chọn một ngày "
                            "từ hôm nay trở đi.")
    return chosen


async def make_links(request: Request):
    """Write the forms of the units chosen (all, or those not yet answered) and new links."""
    site = site_of(request)
    year = site.year(request)
    form = form_of(request)
    names, _, _ = await run_in_threadpool(library.year_units, year)
    if form.get("chi_chua_gui"):
        arrived = _answered(year)
        files = form_file_names(names, year.year)
        names = [u for u in names if files[u] not in arrived]
    outcome, _ = await run_in_threadpool(library.write_forms, year)
    if not outcome.ok:
        return await units_page(request, status=422, outcome=outcome)
    fresh = await run_in_threadpool(tokens.issue, site.state, year.province.slug, year.year,
                                    names, _last_day(form))
    return await units_page(request, fresh=fresh)


async def revoke_link(request: Request):
    site = site_of(request)
    year = site.year(request)
    link_id = str(form_of(request).get("lien_ket", ""))
    links = tokens.of_year(site.state, year.province.slug, year.year)
    if link_id not in {k.id for k in links.values()}:
        raise HTTPException(404, "Không có liên kết này.")
    await run_in_threadpool(tokens.revoke, site.state, link_id)
    return RedirectResponse(f"/tinh/{year.province.slug}/{year.year}/don-vi", status_code=303)


def _unit(request: Request):
    """The link and year a unit's token opens (404 for a wrong, revoked or expired one)."""
    site = site_of(request)
    link = tokens.find(site.state, request.path_params["token"])
    year = site.project.year(link.province, str(link.year)) if link else None
    if year is None:
        raise HTTPException(404, NOT_FOUND)
    return link, year


async def _form_name(year, unit: str) -> str:
    """The unit's form file, named with the year's other units (names.py: units whose names
    differ only in accents get different files)."""
    names, _, _ = await run_in_threadpool(library.year_units, year)
    return form_file_name(unit, year.year, names)


async def unit_page(request: Request, outcome=None, status: int = 200):
    link, year = _unit(request)
    sent = listed_file(year.path / FORMS_DIR, await _form_name(year, link.unit), (".xlsx",))
    return site_of(request).page(
        request, "don-vi.html", status=status, link=link, year=year, outcome=outcome,
        groups=grouped(outcome.errors, outcome.cells) if outcome else {},
        token=request.path_params["token"], sent=sent is not None)


async def unit_form(request: Request):
    link, year = _unit(request)
    out = year.outputs / FORMS_OUT
    return download(listed_file(out, await _form_name(year, link.unit), (".xlsx",)))


async def unit_upload(request: Request):
    site = site_of(request)
    link, year = _unit(request)
    try:
        data = await received(form_of(request), "phieu", ".xlsx", site.limits.body_bytes)
    except BadUpload as err:
        return await unit_page(request, library.Outcome(False, message=str(err)), 422)
    upload = await run_in_threadpool(staged, site.state, "phieu", data, ".xlsx")
    outcome = await run_in_threadpool(library.check_unit_form, year, link.unit, upload,
                                      site.state)
    upload.unlink(missing_ok=True)
    if outcome.ok:
        target = year.path / FORMS_DIR / await _form_name(year, link.unit)
        await run_in_threadpool(put_in_place, data, target, year.outputs / KEPT_DIR / FORMS_DIR)
    return await unit_page(request, outcome, 200 if outcome.ok else 422)


ROUTES = [
    Route("/tinh/{tinh}/{nam}/don-vi", units_page),
    Route("/tinh/{tinh}/{nam}/don-vi/lien-ket", make_links, methods=["POST"]),
    Route("/tinh/{tinh}/{nam}/don-vi/thu-hoi", revoke_link, methods=["POST"]),
    Route("/don-vi/{token}", unit_page),
    Route("/don-vi/{token}", unit_upload, methods=["POST"]),
    Route("/don-vi/{token}/phieu", unit_form),
]
