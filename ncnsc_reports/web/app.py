"""The application: its guards and its routes. `create_app` is what `serve` runs and what the
tests start on a free port."""

from __future__ import annotations

import http
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ncnsc_reports.web import access, builds, clerk, editor, units
from ncnsc_reports.web.project import Project
from ncnsc_reports.web.security import (
    BodyLimit,
    CsrfGuard,
    HostGuard,
    Limits,
    LoginGuard,
    SecurityHeaders,
)
from ncnsc_reports.web.site import HERE, Site, site_of
from ncnsc_reports.web.units import UNIT_PREFIX

SESSION_HOURS = 12  # a working day; the cookie is signed, HttpOnly, SameSite=Strict


def create_app(root: Path, loopback: bool = True, limits: Limits | None = None) -> Starlette:
    """The page over the project folder `root`."""
    site = Site(Project(root), limits or Limits())
    routes = [*clerk.ROUTES, *builds.ROUTES, *units.ROUTES, *editor.ROUTES,
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(HostGuard, loopback=loopback),
        Middleware(BodyLimit, limit=site.limits.body_bytes),
        Middleware(SessionMiddleware, secret_key=access.session_key(site.project.root),
                   session_cookie="ncnsc_phien", max_age=SESSION_HOURS * 3600,
                   same_site="strict"),
        Middleware(LoginGuard, needs_login=lambda: access.has_password(site.project.root)),
        Middleware(CsrfGuard, limits=site.limits),
    ]
    app = Starlette(routes=[Route("/dang-nhap", clerk.login, methods=["GET", "POST"]),
                            Route("/dang-xuat", clerk.logout, methods=["POST"]), *routes],
                    middleware=middleware, exception_handlers={HTTPException: _error_page,
                                        Exception: _bug_page})
    app.state.site = site
    return app


PLAIN = {404: "Không có trang này.", 405: "Trang này không nhận cách gửi đó.",
         400: "Yêu cầu không hợp lệ."}


async def _error_page(request: Request, exc: HTTPException):
    """Our own messages as they are; Starlette's English ones (“Not Found”) in Vietnamese.
    Under a unit's link, in the unit's layout: no way to the clerk's pages (units.py)."""
    site = site_of(request)
    detail = exc.detail
    if detail == http.HTTPStatus(exc.status_code).phrase:
        detail = PLAIN.get(exc.status_code, "Không làm được việc này.")
    page = "don-vi-loi.html" if request.url.path.startswith(UNIT_PREFIX) else "loi.html"
    return site.page(request, page, status=exc.status_code, detail=detail)


async def _bug_page(request: Request, exc: Exception):
    """A bug, said in Vietnamese (the traceback goes to the server's console, not the page)."""
    del exc
    return PlainTextResponse("Lỗi không mong đợi của chương trình. Hãy thử lại; nếu vẫn lỗi, báo "
                             "cho nhóm phát triển (xem cửa sổ đang chạy trang).", status_code=500)
