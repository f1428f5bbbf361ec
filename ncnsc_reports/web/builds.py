"""Building a year's (or a period's) documents in the background, its progress, the files it
made and the report's pages as images."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

from ncnsc_reports.errors import NcnscError
from ncnsc_reports.outputs.place import output_folder
from ncnsc_reports.web import library
from ncnsc_reports.web.jobs import Job
from ncnsc_reports.web.preview import images_of, page_images, preview_folder
from ncnsc_reports.web.project import files_of, listed_file
from ncnsc_reports.web.security import form_of
from ncnsc_reports.web.site import download, site_of
from ncnsc_reports.web.uploads import KEPT_DIR

OUTPUT_SUFFIXES = (".docx", ".pdf", ".xlsx")
KEPT_MARK = "-sua-tay-"


def _work(folder: Path, pdf: bool = True, accept: frozenset[str] = frozenset()):
    """The job of a build: the documents, then (`pdf`) their PDFs and the report's pages."""
    def work(job: Job):
        try:
            return steps(job)
        finally:
            job.step = ""  # done or failed: no step still shown as running

    def steps(job: Job):
        job.step = "Đang kiểm tra số liệu và tạo báo cáo…"
        outcome = library.build_folder(folder, accept)
        if not outcome.ok or not pdf:
            return outcome
        job.step = "Đang tạo PDF (LibreOffice)…"
        library.add_pdfs(outcome)
        report_pdf = outcome.path.with_suffix(".pdf") if outcome.path else None
        if report_pdf is not None and report_pdf.is_file() and not outcome.message:
            job.step = "Đang tạo ảnh các trang…"
            try:
                page_images(report_pdf)
            except NcnscError as err:
                outcome.message = str(err)
        return outcome
    return work


def documents(site, year) -> dict:
    """What a year's page shows of its outputs: files, kept hand edits, job, page images."""
    out = year.outputs
    files = files_of(out, OUTPUT_SUFFIXES)
    report = next((p for p in files if p.suffix == ".docx" and KEPT_MARK not in p.name), None)
    # an image of a report rebuilt since (without PDF) would show what is no longer there
    current = report is not None and library.pdf_current(report)
    pages = images_of(preview_folder(out), report.stem) if current else []
    return {"files": [p for p in files if KEPT_MARK not in p.name],
            "hand_edited": [p for p in files if KEPT_MARK in p.name],
            "old_workbooks": files_of(out / KEPT_DIR, (".xlsx",)),
            "job": site.jobs.latest(year.path), "pages": len(pages)}


async def build_year(request: Request):
    site = site_of(request)
    year = site.year(request)
    pdf, accept = _choices(request)
    job, new = site.jobs.start(year.path, f"Báo cáo năm {year.year}",
                               _work(year.path, pdf, accept))
    request.session["notice"] = "" if new else "Báo cáo này đang được tạo; hãy chờ lần đó xong."
    return RedirectResponse(f"/tinh/{year.province.slug}/{year.year}#tao", status_code=303)


def _choices(request: Request) -> tuple[bool, frozenset[str]]:
    """Whether the PDFs are asked for, and the warnings the clerk confirmed (known ones only)."""
    form = form_of(request)
    accept = {str(v) for v in form.getlist("chap_nhan")} & set(library.ACCEPTS)
    return bool(form.get("pdf")), frozenset(accept)


def _period(request: Request) -> Path:
    site = site_of(request)
    province = site.project.province(request.path_params["tinh"])
    name = request.path_params["ky"]
    found = next((p for p in site.project.periods(province) if p.name == name), None) \
        if province else None
    if found is None:
        raise HTTPException(404, "Không có thư mục tổng kết này trong dự án.")
    return found


async def period_page(request: Request):
    site = site_of(request)
    folder = _period(request)
    out = output_folder(folder)
    province = site.project.province(request.path_params["tinh"])
    return site.page(request, "ky.html", folder=folder, slug=province.slug,
                     province=library.province_title(province),
                     files=files_of(out, OUTPUT_SUFFIXES), job=site.jobs.latest(folder))


async def build_period(request: Request):
    site = site_of(request)
    folder = _period(request)
    pdf, accept = _choices(request)
    site.jobs.start(folder, f"Tổng kết {folder.name}", _work(folder, pdf, accept))
    return RedirectResponse(f"/tinh/{request.path_params['tinh']}/ky/{folder.name}",
                            status_code=303)


async def period_file(request: Request):
    out = output_folder(_period(request))
    return download(listed_file(out, request.path_params["ten"], OUTPUT_SUFFIXES))


async def period_marked(request: Request):
    out = output_folder(_period(request)) / "loi"
    return download(listed_file(out, request.path_params["ten"], (".xlsx",)))


async def job_state(request: Request):
    job = site_of(request).jobs.get(request.path_params["id"])
    if job is None:
        raise HTTPException(404, "Không có việc này.")
    return JSONResponse({"state": job.state, "step": job.step, "active": job.active})


async def output_file(request: Request):
    year = site_of(request).year(request)
    name = request.path_params["ten"]
    return download(listed_file(year.outputs, name, OUTPUT_SUFFIXES)
                    or listed_file(year.outputs / KEPT_DIR, name, (".xlsx",)))


async def page_image(request: Request):
    year = site_of(request).year(request)
    report = next((p for p in files_of(year.outputs, (".docx",)) if KEPT_MARK not in p.name),
                  None)
    pages = images_of(preview_folder(year.outputs), report.stem) if report else []
    number = request.path_params["so"]
    if not 1 <= number <= len(pages):
        raise HTTPException(404, "Không có trang này.")
    return FileResponse(pages[number - 1], media_type="image/png")


ROUTES = [
    Route("/tinh/{tinh}/{nam}/tao", build_year, methods=["POST"]),
    Route("/tinh/{tinh}/{nam}/tep/{ten}", output_file),
    Route("/tinh/{tinh}/{nam}/trang/{so:int}.png", page_image),
    Route("/tinh/{tinh}/ky/{ky}", period_page),
    Route("/tinh/{tinh}/ky/{ky}/tao", build_period, methods=["POST"]),
    Route("/tinh/{tinh}/ky/{ky}/tep/{ten}", period_file),
    Route("/tinh/{tinh}/ky/{ky}/loi/{ten}", period_marked),
    Route("/viec/{id}", job_state),
]
