"""The editor's page: upload a Word template, see every check-template finding located in
Word's terms, browse the field reference, preview a test render with the sample data, and
install it for one province when it is clean (or its warnings are accepted).

An uploaded template waits under our own random name in .ncnsc-web/mau/; the session holds
that name, so one editor's template is never another's.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse
from starlette.routing import Route

from ncnsc_reports.errors import NcnscError
from ncnsc_reports.outputs.one_file import write_file
from ncnsc_reports.render.templates import REPORT_TEMPLATE
from ncnsc_reports.template_check.kinds import KIND_NAMES, YEARLY
from ncnsc_reports.web import library
from ncnsc_reports.web.preview import PREVIEW_DIR, images_of, page_images
from ncnsc_reports.web.project import listed_file
from ncnsc_reports.web.security import form_of
from ncnsc_reports.web.site import SESSION_HOURS, grouped, site_of
from ncnsc_reports.web.uploads import BadUpload, put_in_place, received

TEMPLATES_DIR = "mau"


def _kind(value) -> str:
    return value if value in KIND_NAMES else YEARLY


def _staged(request: Request):
    """The template this editor uploaded last, found by listing its folder."""
    name = request.session.get("template", "")
    folder = site_of(request).state / TEMPLATES_DIR
    return listed_file(folder, name, (".docx",)) if name else None


async def editor_page(request: Request):
    site = site_of(request)
    kind = _kind(request.query_params.get("mau"))
    template = _staged(request)
    checked = request.session.get("checked")
    outcome = None
    if template is not None and checked:
        outcome = await run_in_threadpool(library.check_template, template, checked)
    pages = images_of(template.parent / PREVIEW_DIR, template.stem + "-mau") if template else []
    reference = await run_in_threadpool(library.field_reference, kind)
    return site.page(request, "mau.html", kind=kind, kinds=KIND_NAMES, template=template,
                     outcome=outcome, errors=grouped(outcome.errors) if outcome else {},
                     warnings=grouped(outcome.warnings) if outcome else {},
                     original=request.session.get("template_name", ""), pages=len(pages),
                     reference=reference, provinces=site.project.provinces(),
                     installed=request.session.pop("installed", ""))


async def upload_template(request: Request):
    site = site_of(request)
    form = form_of(request)
    kind = _kind(form.get("mau"))
    try:
        data = await received(form, "tep", ".docx", site.limits.body_bytes)
    except BadUpload as err:
        raise HTTPException(422, str(err)) from err
    name = f"{secrets.token_hex(8)}.docx"
    await run_in_threadpool(_forget_old, site.state / TEMPLATES_DIR)
    path = await run_in_threadpool(write_file, site.state / TEMPLATES_DIR / name, data)
    request.session.update(template=name, checked=kind, template_name=form["tep"].filename)
    await run_in_threadpool(_preview, path, kind)
    return RedirectResponse(f"/mau?mau={kind}#ket-qua", status_code=303)


def _forget_old(folder: Path) -> None:
    """Remove the staged templates (their test renders and page images too) no session can
    name any more: older than a session lives (SESSION_HOURS)."""
    oldest = time.time() - SESSION_HOURS * 3600
    for place in (folder, folder / PREVIEW_DIR):
        for path in (p for p in place.glob("*") if p.is_file()) if place.is_dir() else ():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < oldest:
                    path.unlink()


def _preview(path, kind: str) -> None:
    """A test render with the sample data, as page images (nothing when it cannot render)."""
    outcome = library.check_template(path, kind)
    if not outcome.ok:
        return
    sample = path.with_name(f"{path.stem}-mau.docx")  # its images: .xem-truoc/ beside it
    done = library.sample_render(path, kind, sample)
    if done.pdfs:
        with contextlib.suppress(NcnscError):  # no preview: the findings are still shown
            page_images(done.pdfs[0])


async def preview_page(request: Request):
    template = _staged(request)
    pages = images_of(template.parent / PREVIEW_DIR, template.stem + "-mau") if template else []
    number = request.path_params["so"]
    if not 1 <= number <= len(pages):
        raise HTTPException(404, "Không có trang này.")
    return FileResponse(pages[number - 1], media_type="image/png")


async def install_template(request: Request):
    site = site_of(request)
    form = form_of(request)
    template, kind = _staged(request), request.session.get("checked")
    province = site.project.province(str(form.get("tinh", "")))
    if template is None or province is None or kind != YEARLY:
        raise HTTPException(404, "Chưa có mẫu đã kiểm tra, hoặc không có tỉnh này.")
    outcome = await run_in_threadpool(library.check_template, template, kind)
    if not outcome.ok or (outcome.warnings and not form.get("chap_nhan")):
        raise HTTPException(422, "Mẫu còn lỗi (hoặc cảnh báo chưa được chấp nhận): chưa cài.")
    target = province.path / "templates" / REPORT_TEMPLATE
    kept = province.path / "templates" / "ban-cu"
    await run_in_threadpool(put_in_place, template.read_bytes(), target, kept)
    title = library.province_title(province)  # “Tỉnh Hưng Yên”, within a sentence “tỉnh …”
    request.session["installed"] = f"Đã cài mẫu cho {title[:1].lower()}{title[1:]}: {target}"
    return RedirectResponse("/mau#ket-qua", status_code=303)


ROUTES = [
    Route("/mau", editor_page),
    Route("/mau", upload_template, methods=["POST"]),
    Route("/mau/trang/{so:int}.png", preview_page),
    Route("/mau/cai-dat", install_template, methods=["POST"]),
]
