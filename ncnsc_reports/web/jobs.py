"""Long work (a build, its PDFs, the page images) run in the background, one at a time per
folder: two clerks asking to build the same province at once get one build and both see
“đang tạo” until it ends (issue 24), never two builds writing a mixed set.

One worker thread runs the jobs in turn (the machine is a clerk's PC; a build already uses a
core, LibreOffice another); `outputs.lock` still keeps a build of the command line apart.
"""

from __future__ import annotations

import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

WAITING, RUNNING, DONE, FAILED = "đang chờ", "đang tạo", "xong", "lỗi"


@dataclass
class Job:
    id: str
    folder: Path
    title: str
    state: str = WAITING
    step: str = ""
    started: float = field(default_factory=time.time)
    ended: float | None = None
    outcome: object | None = None

    @property
    def active(self) -> bool:
        return self.state in (WAITING, RUNNING)


class JobBoard:
    """The jobs of this server: started, looked up by id or folder, shown with their step."""

    def __init__(self, workers: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ncnsc-web")
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._by_folder: dict[Path, Job] = {}

    def start(self, folder: Path, title: str, work) -> tuple[Job, bool]:
        """Run `work(job)` for `folder` unless a job of that folder is under way; return the
        job and whether it is new."""
        with self._lock:
            current = self._by_folder.get(folder)
            if current is not None and current.active:
                return current, False
            job = Job(secrets.token_urlsafe(9), folder, title)
            self._jobs[job.id] = job
            self._by_folder[folder] = job
        self._pool.submit(self._run, job, work)
        return job, True

    def _run(self, job: Job, work) -> None:
        job.state = RUNNING
        try:
            job.outcome = work(job)
            job.state = DONE if getattr(job.outcome, "ok", True) else FAILED
        except Exception as err:  # a bug: shown on the page, the server goes on
            job.step = f"Lỗi không mong đợi: {type(err).__name__}: {err}"
            job.state = FAILED
        job.ended = time.time()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def latest(self, folder: Path) -> Job | None:
        return self._by_folder.get(folder)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
