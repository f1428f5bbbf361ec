"""A build killed (kill -9) at any step of its commit leaves all the previous outputs or all the
new ones, once the next build has run; never a mix, never a staging folder (issue 25, item 6).

A child process writes a year's outputs with every rename, fsync and unlink counted; it kills
itself (SIGKILL, nothing runs after it) just before the k-th, for every k from the first to
the last. The folder then holds a hand-edited report, last time's `chi-tieu.xlsx` and an output
the new build no longer makes: after the next build's first step (`settle`, under the lock) it
must be exactly as before the build or exactly as after it, with a manifest that covers every
file, and nothing of the killed build left — and the build after that must work as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from ncnsc_reports.outputs.lock import locked
from ncnsc_reports.outputs.write import KEPT_MARK, manifest_path, settle, write_outputs

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

EDITED = b"v1 sua tay"
NEW = {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"}
CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from ncnsc_reports.outputs.write import write_outputs
    stop, seen = int(sys.argv[2]), []

    def counted(name, real):
        def step(*args, **kwargs):
            seen.append(name)
            if len(seen) == stop:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return step

    for name in ("replace", "rename", "fsync", "unlink", "rmdir"):
        setattr(os, name, counted(name, getattr(os, name)))
    write_outputs(Path(sys.argv[1]), {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
    print(len(seen), " ".join(seen))
""")


def previous(folder: Path) -> None:
    """Last build's outputs, one of them edited by hand, one no longer made by the next."""
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1", "cu.xlsx": b"c1"})
    (folder / "bao-cao.docx").write_bytes(EDITED)


def killed_at(folder: Path, step: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(folder), str(step)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def state(folder: Path) -> dict[str, bytes]:
    """The year's files, a kept copy under one name whatever its date."""
    return {("KEPT" if KEPT_MARK in p.name else p.name): p.read_bytes()
            for p in sorted(folder.iterdir())}


BEFORE = {"bao-cao.docx": EDITED, "chi-tieu.xlsx": b"x1", "cu.xlsx": b"c1"}
AFTER = {"KEPT": EDITED, "bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"}


def test_a_whole_commit_has_its_renames_and_fsyncs_counted(tmp_path):
    folder = tmp_path / "2023"
    previous(folder)
    done = killed_at(folder, 0)
    assert done.returncode == 0, done.stderr
    steps = done.stdout.split()
    # staged files, the kept copy, the manifest and the journal flushed; five renames into
    # place; the journal ended; the staging folder and the lock removed
    assert int(steps[0]) >= 15 and {"fsync", "replace", "unlink"} <= set(steps[1:])
    assert state(folder) == AFTER


def test_a_kill_at_any_step_of_a_commit_leaves_all_or_nothing_after_the_next_build(tmp_path):
    dry = tmp_path / "dry" / "2023"
    previous(dry)
    total = int(killed_at(dry, 0).stdout.split()[0])
    outcomes = []
    for step in range(1, total + 1):
        folder = tmp_path / f"kill-{step}" / "2023"
        previous(folder)
        done = killed_at(folder, step)
        assert done.returncode == -9, (step, done.stdout, done.stderr)
        with locked(folder, wait=5):  # what the next build does first
            settle(folder)
        now = state(folder)
        assert now in (BEFORE, AFTER), (step, now)
        outcomes.append(now == AFTER)
        assert sorted(p.name for p in folder.parent.iterdir()) == [
            ".ncnsc-manifest-2023.json", "2023"], step  # no staging folder, journal nor lock
        recorded = json.loads(manifest_path(folder).read_text("utf-8"))["files"]
        for name, data in now.items():
            if name not in ("KEPT", "bao-cao.docx") or data != EDITED:
                assert hashlib.sha256(data).hexdigest() in recorded[name], (step, name)
        # the next build: the hand edit kept once, whichever version the kill left
        again = write_outputs(folder, {"bao-cao.docx": b"v3", "chi-tieu.xlsx": b"x3"})
        copies = sorted(folder.glob(f"*{KEPT_MARK}*"))
        assert [c.read_bytes() for c in copies] == [EDITED], step
        assert len(again.kept) == (0 if now == AFTER else 1), step
    # killed early, the previous outputs stay; killed once the journal is on disk, the next
    # build finishes the commit
    assert outcomes[0] is False and outcomes[-1] is True
    assert outcomes == sorted(outcomes)


def test_a_damaged_journal_is_a_commit_that_never_began(tmp_path):
    folder = tmp_path / "2023"
    previous(folder)
    (folder.parent / ".ncnsc-nhat-ky-2023.json").write_text('{"moves": [["..', "utf-8")
    with locked(folder):
        settle(folder)
    assert state(folder) == BEFORE
    assert not (folder.parent / ".ncnsc-nhat-ky-2023.json").exists()


def test_a_journal_never_moves_files_outside_its_province(tmp_path):
    folder = tmp_path / "p" / "2023"
    previous(folder)
    outside = tmp_path / "ngoai.txt"
    outside.write_bytes(b"giu nguyen")
    (folder.parent / ".ncnsc-nhat-ky-2023.json").write_text(json.dumps(
        {"format": 1, "moves": [["2023/bao-cao.docx", "../ngoai.txt"]], "stale": {},
         "new": {}}), "utf-8")
    with locked(folder):
        settle(folder)
    assert outside.read_bytes() == b"giu nguyen" and state(folder) == BEFORE


def test_a_build_of_another_year_leaves_a_killed_years_staging_folder_to_it(tmp_path):
    folder = tmp_path / "p" / "2023"
    previous(folder)
    assert killed_at(folder, 12).returncode == -9
    stages = sorted(folder.parent.glob(".dang-ghi-2023.*"))
    assert stages
    for stage in stages:  # old, as after a night
        os.utime(stage, (0, 0))
    write_outputs(folder.parent / "2024", {"bao-cao.docx": b"y"})
    assert sorted(folder.parent.glob(".dang-ghi-2023.*")) == stages
    with locked(folder):
        settle(folder)
    assert not list(folder.parent.glob(".dang-ghi-*"))
