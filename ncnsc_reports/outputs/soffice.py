"""Starting LibreOffice: in a process group bounded in time, with a profile of its own made
before the run and kept for the next.

LibreOffice keeps its settings in a profile folder and creates it the first time it starts with
it; a conversion asked of that very first start may come out empty (LibreOffice exits 0 all the
same), and two first starts at once on a fresh machine made a whole run fail (issue 25, item
8: 5 of 9 reports had no PDF on the first `build --all --pdf`, every later run was fine). So:

- every LibreOffice process gets its own profile (`-env:UserInstallation`), never shared with
  another process running at the same time (a clerk's open LibreOffice window or a second
  ncnsc-report would otherwise take over the conversion);
- each profile is created *before* any conversion, one after the other (`--terminate_after_init`);
- profiles are kept in the user's cache folder (`<cache>/ncnsc-reports/libreoffice/ho-so-<n>`,
  or under $NCNSC_LIBREOFFICE), each held by a lock while a process uses it, so later runs do not
  create them again; one that is busy is replaced by a temporary one;
- `reset` makes a profile anew, for the one retry of a failed conversion (pdf.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.lock import locked
from ncnsc_reports.render.compiled import cache_folder

PROFILES_VARIABLE = "NCNSC_LIBREOFFICE"  # a folder to keep the profiles in instead
# LibreOffice's first start with a new profile takes a few seconds; past this it is hung.
INIT_SECONDS = 60


def profile_root() -> Path | None:
    """Where the profiles are kept: $NCNSC_LIBREOFFICE, else beside the compiled templates."""
    if chosen := os.environ.get(PROFILES_VARIABLE):
        return Path(chosen)
    cache = cache_folder()
    return None if cache is None else cache.parent / "libreoffice"


def uri(profile: Path) -> str:
    return f"-env:UserInstallation={profile.absolute().as_uri()}"


@contextlib.contextmanager
def profiles(count: int, soffice: str, timeout: float | None = None) -> Iterator[list[Path]]:
    """Yield `count` profiles, each created (within `timeout` seconds, if given, else
    INIT_SECONDS) and held for this run only."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(_profile(n, soffice, timeout)) for n in range(count)]


@contextlib.contextmanager
def _profile(number: int, soffice: str, timeout: float | None) -> Iterator[Path]:
    root = profile_root()
    kept = None if root is None else root / f"ho-so-{number}"
    with contextlib.ExitStack() as stack:
        try:
            if kept is None:
                raise OSError("no cache folder")
            kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            stack.enter_context(locked(kept, wait=0))  # busy: another run uses it now
            profile = kept
        except (OSError, OutputError):
            profile = Path(stack.enter_context(tempfile.TemporaryDirectory(
                prefix="ncnsc-libreoffice-")), "ho-so")
        prepare(profile, soffice, timeout)
        yield profile


def prepare(profile: Path, soffice: str, timeout: float | None = None) -> None:
    """Create the profile with a start of LibreOffice that converts nothing (if not yet)."""
    if ready(profile):
        return
    run_bounded([soffice, uri(profile), "--headless", "--norestore",
                 "--terminate_after_init"], min(timeout or INIT_SECONDS, INIT_SECONDS))


def ready(profile: Path) -> bool:
    """Whether LibreOffice has created its settings in the profile."""
    return (profile / "user" / "registrymodifications.xcu").is_file()


def reset(profile: Path, soffice: str, timeout: float | None = None) -> None:
    """Make the profile anew (a profile a crashed LibreOffice left may refuse to work)."""
    shutil.rmtree(profile, ignore_errors=True)
    prepare(profile, soffice, timeout)


def run_bounded(command: list[str], timeout: float) -> None:
    """Run `command` in a process group of its own; past `timeout`, end the whole group (the
    soffice wrapper's children too) and raise OutputError saying so."""
    windows = os.name == "nt"
    group = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if windows
             else {"start_new_session": True})
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            **group)
    try:
        proc.wait(timeout=timeout)
    except KeyboardInterrupt:  # its own group missed the Ctrl-C: end it, or it runs on alone
        _end_group(proc, windows)
        raise
    except subprocess.TimeoutExpired:
        _end_group(proc, windows)
        raise OutputError(f"LibreOffice chạy quá {timeout:.0f} giây mà chưa xong nên đã bị "
                          "dừng (báo cáo .docx vẫn đã được tạo); hãy đóng mọi cửa sổ LibreOffice "
                          "rồi chạy lại") from None


def _end_group(proc: subprocess.Popen, windows: bool) -> None:
    if windows:  # taskkill /T ends the tree the wrapper started
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True,
                       check=False)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.kill()
    proc.wait()
