"""What every view shares: the project, its state folder, the background jobs, the page
templates (`Site`); finding it from a request; downloads of listed files; problems grouped."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.templating import Jinja2Templates

from ncnsc_reports.inputs.unit_form import FORMS_DIR
from ncnsc_reports.web import access, library
from ncnsc_reports.web.jobs import JobBoard
from ncnsc_reports.web.project import Project, Year
from ncnsc_reports.web.security import Limits, csrf_token

HERE = Path(__file__).parent
SESSION_HOURS = 12  # a working day; the cookie is signed, HttpOnly, SameSite=Strict


@dataclass
class Site:
    """What the views share: the project, its state folder, the background jobs, the last
    check of each year's uploaded workbook, the page templates."""

    project: Project
    limits: Limits
    jobs: JobBoard = field(default_factory=JobBoard)
    checks: dict = field(default_factory=dict)  # (province, year) -> (Outcome, when, name)
    pages: Jinja2Templates = field(default_factory=lambda: _pages())

    @property
    def state(self) -> Path:
        return access.state_dir(self.project.root)

    def page(self, request: Request, name: str, status: int = 200, **context):
        """Render a page with what every page needs (its CSRF token, the login state)."""
        context |= {"csrf": csrf_token(request.session),
                    "login": access.has_password(self.project.root),
                    "clerk": bool(request.session.get("clerk")), "accepts": library.ACCEPTS}
        return self.pages.TemplateResponse(request, name, context, status_code=status)

    def year(self, request: Request) -> Year:
        """The year the URL names, looked up in the project's lists (404 otherwise)."""
        params = request.path_params
        found = self.project.year(params.get("tinh", ""), params.get("nam", ""))
        if found is None:
            raise HTTPException(404, "Không có tỉnh, năm này trong dự án.")
        return found


def site_of(request: Request) -> Site:
    return request.app.state.site


def download(path: Path | None, media: str | None = None) -> FileResponse:
    """A listed file as an attachment (404 when it was not found in the lists)."""
    if path is None or not path.is_file():
        raise HTTPException(404, "Không có tệp này.")
    return FileResponse(path, filename=path.name, media_type=media,
                        content_disposition_type="attachment")


def grouped(problems, cells: dict | None = None) -> dict[str, list[tuple[str, str]]]:
    """Problems grouped by file and sheet, each with its row, column (cell) and message."""
    groups = defaultdict(list)
    for problem in problems:
        group, rest = library.located(problem, (cells or {}).get(problem))
        groups[group].append((rest, problem.message))
    return dict(groups)


def unit_groups(groups: dict) -> dict:
    """A unit's problems grouped under its form's own name (“phieu-so-…-2023.xlsx › trang
    …”), without the clerk's folder don-vi/ the build names."""
    return {group.removeprefix(f"{FORMS_DIR}/"): items for group, items in groups.items()}


def day_text(day) -> str:
    """A date (or its ISO text) as a Vietnamese reader writes it: 31/03/2024."""
    return (dt.date.fromisoformat(day) if isinstance(day, str) else day).strftime("%d/%m/%Y")


def _pages() -> Jinja2Templates:
    pages = Jinja2Templates(HERE / "pages")  # autoescape on for .html (Starlette's default)
    pages.env.filters["groupby_place"] = grouped
    pages.env.filters["ngay"] = day_text
    pages.env.filters["ten_tinh"] = library.province_title  # “Tỉnh Hưng Yên”, not hung-yen
    pages.env.filters["ten_ky"] = library.period_title  # “Tổng kết giai đoạn 2021–2025”
    pages.env.filters["unit_groups"] = unit_groups
    return pages
