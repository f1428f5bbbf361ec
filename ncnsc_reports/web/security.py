"""The page's guards, outermost first: security headers, the Host check, the size of a request,
the clerk's login, and the CSRF token every POST must carry.

Learnt from Datasette (loopback unless told, signed cookies, asgi-csrf on every POST) and
Jupyter (a secret in the URL for who has no login: here the units). Each guard is a small
ASGI middleware so that no view can forget it: a POST reaches a view only with its form already
read within the limits and its token checked; the view finds the form in `request.state.form`.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()),
           (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"),  # a unit's link never leaks in a Referer
           (b"cache-control", b"no-store")]
PUBLIC = ("/dang-nhap", "/static/", "/don-vi/")  # the unit's pages check their own token
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


@dataclass(frozen=True)
class Limits:
    """How much one request may carry (issue 24: upload size and count limits)."""

    body_bytes: int = 25 * 1024 * 1024  # a year's workbook is < 1 MB; a template a few MB
    files: int = 1
    fields: int = 20


class SecurityHeaders:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {h[0].lower() for h in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"],
                                      *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


class HostGuard:
    """On loopback, answer only requests addressed to loopback: a page elsewhere cannot reach
    the server through a DNS name pointed at 127.0.0.1 (DNS rebinding)."""

    def __init__(self, app, loopback: bool) -> None:
        self.app, self.loopback = app, loopback

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.loopback:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in LOOPBACK_NAMES:
                return await _deny(400, "Địa chỉ không hợp lệ.", scope, receive, send)
        await self.app(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse a request body over the limit, by its Content-Length or as it arrives."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            return await _deny(413, _too_large(self.limit), scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _deny(413, _too_large(self.limit), scope, receive, send)


def _too_large(limit: int) -> str:
    return f"Tệp gửi lên quá lớn: tối đa {limit // (1024 * 1024)} MB."


class LoginGuard:
    """With a password set, every page but the login, the static files and the units' links
    needs the clerk's signed session."""

    def __init__(self, app, needs_login) -> None:
        self.app, self.needs_login = app, needs_login

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.needs_login() and \
                not scope["path"].startswith(PUBLIC) and not scope["session"].get("clerk"):
            response = RedirectResponse("/dang-nhap", status_code=303)
            return await response(scope, receive, send)
        await self.app(scope, receive, send)


def csrf_token(session: dict) -> str:
    """The session's CSRF token, made on first use; every form carries it."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


class CsrfGuard:
    """Every POST carries the session's token in its form (`csrf`), or is refused (403).

    The form is read here, once, within the limits; the view finds it in request.state.form."""

    def __init__(self, app, limits: Limits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        if scope["method"] != "POST":
            return await _deny(405, "Phương thức không được phép.", scope, receive, send)
        request = Request(scope, receive)
        try:
            form = await request.form(max_files=self.limits.files,
                                      max_fields=self.limits.fields)
        except (MultiPartException, HTTPException):  # Starlette words the parser's error
            return await _deny(400, "Biểu mẫu không hợp lệ hoặc có quá nhiều tệp.",
                               scope, receive, send)
        expected = scope["session"].get("csrf")
        given = form.get("csrf")
        if not expected or not isinstance(given, str) or \
                not hmac.compare_digest(given.encode(), expected.encode()):
            await form.close()
            return await _deny(403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ "
                               "(mã CSRF). Hãy tải lại trang rồi gửi lại.", scope, receive, send)
        scope.setdefault("state", {})["form"] = form
        try:
            await self.app(scope, _empty, send)
        finally:
            await form.close()


async def _empty():
    return {"type": "http.request", "body": b"", "more_body": False}


async def _deny(status: int, text: str, scope, receive, send) -> None:
    await PlainTextResponse(text, status_code=status)(scope, receive, send)


def form_of(request: Request) -> FormData:
    """The POST's form, read and checked by CsrfGuard."""
    return request.state.form
