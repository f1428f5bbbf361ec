"""A page server for the tests: `ncnsc-report serve`'s app on 127.0.0.1 and a free port, in a
thread, over a project folder in tmp_path; and a small client that keeps the session cookie
and reads the CSRF token of the last page (as a browser does)."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import uvicorn

from ncnsc_reports.web.app import create_app
from ncnsc_reports.web.security import Limits


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Running:
    """The server, started in a thread; `stop()` ends it."""

    def __init__(self, project: Path, limits: Limits | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(project, loopback=True, limits=limits)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the page server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.app.state.site.jobs.shutdown()


class Client:
    """A cookie-keeping client; `csrf` is the token of the last page read."""

    def __init__(self, url: str) -> None:
        self.url, self.csrf = url, ""
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str, dict]:
        return self._open(urllib.request.Request(self.url + path, headers=headers or {}))

    def post(self, path: str, fields: dict, files: dict | None = None,
             csrf: bool = True) -> tuple[int, str, dict]:
        fields = ({"csrf": self.csrf} if csrf else {}) | fields
        boundary = uuid.uuid4().hex
        body = b"".join(_part(boundary, k, v) for k, v in fields.items())
        body += b"".join(_part(boundary, k, data, name) for k, (name, data) in
                         (files or {}).items())
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.url + path, data=body, headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        return self._open(request)

    def _open(self, request) -> tuple[int, str, dict]:
        try:
            with self.opener.open(request, timeout=120) as response:
                status, data, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as err:
            status, data, headers = err.code, err.read(), err.headers
        text = data.decode("utf-8", "replace")
        if found := re.search(r'name="csrf" value="([^"]+)"', text):
            self.csrf = found.group(1)
        return status, text, dict(headers)


def _part(boundary: str, name: str, value, filename: str | None = None) -> bytes:
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
    if filename is None:
        return f"{head}\r\n\r\n{value}\r\n".encode()
    return (f'{head}; filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            .encode() + value + b"\r\n")
