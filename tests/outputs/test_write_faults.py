"""Hand edits survive every failure: a write, an fsync, a copy or a rename fails in turn.

Each step of `write_outputs` that touches the disk is made to fail once ("No space left on
device"), at every position in the sequence; afterwards the hand-edited report must be on disk
under its own name or its kept name, and a failure message must say which.
"""

from __future__ import annotations

import builtins
import errno
import os
import shutil

import pytest

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import write as outputs
from ncnsc_reports.outputs.write import KEPT_MARK, write_outputs

EDITED = b"v1 sua tay"
STEPS = (("os", "replace"), ("os", "fsync"), ("shutil", "copy2"), ("shutil", "copystat"))


class Disk:
    """Counts the disk operations of write.py; the `fail_at`-th one fails with ENOSPC."""

    def __init__(self, monkeypatch, fail_at: int | None):
        self.calls, self.fail_at, self.failed = [], fail_at, None
        for module, name in STEPS:
            real = getattr(getattr(outputs, module), name)
            monkeypatch.setattr(getattr(outputs, module), name, self._wrap(f"{name}", real))
        monkeypatch.setattr(outputs, "open", self._open, raising=False)

    def _wrap(self, name, real):
        def step(*args, **kwargs):
            self._step(f"{name}({', '.join(os.path.basename(str(a)) for a in args[:2])})")
            return real(*args, **kwargs)
        return step

    def _open(self, path, mode="r", *args, **kwargs):
        if "w" in mode:
            self._step(f"open({os.path.basename(str(path))})")
        return builtins.open(path, mode, *args, **kwargs)

    def _step(self, what: str) -> None:
        self.calls.append(what)
        if len(self.calls) == self.fail_at:
            self.failed = what
            raise OSError(errno.ENOSPC, "No space left on device")


def _rebuild(folder, monkeypatch, fail_at):
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    (folder / "bao-cao.docx").write_bytes(EDITED)
    disk = Disk(monkeypatch, fail_at)
    try:
        write_outputs(folder, {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
        return disk, None
    except OutputError as err:
        return disk, str(err)
    finally:
        monkeypatch.undo()


def _count_steps(tmp_path, monkeypatch) -> int:
    disk, error = _rebuild(tmp_path / "dry" / "2023", monkeypatch, None)
    assert error is None
    return len(disk.calls)


def test_every_disk_step_is_counted(tmp_path, monkeypatch):
    # staged files (open, fsync) ×2, kept copy (open, fsync, copystat, replace), manifest,
    # backups, renames, manifest again: a change here means the loop below covers new steps
    assert _count_steps(tmp_path, monkeypatch) >= 14


def test_the_hand_edit_is_on_disk_after_a_failure_at_every_step(tmp_path, monkeypatch):
    total = _count_steps(tmp_path, monkeypatch)
    for fail_at in range(1, total + 1):
        folder = tmp_path / f"run-{fail_at}" / "2023"
        disk, error = _rebuild(folder, monkeypatch, fail_at)
        copies = sorted(folder.glob(f"bao-cao{KEPT_MARK}*.docx"))
        holders = [p for p in [folder / "bao-cao.docx", *copies] if p.read_bytes() == EDITED]
        assert holders, f"hand edit lost when {disk.failed} failed"
        if error is None:  # the failed step was only a clean-up: the build went through
            assert (folder / "bao-cao.docx").read_bytes() == b"v2"
            assert copies == holders
            continue
        assert f"“{holders[0]}”" in error, (disk.failed, error)
        assert len(copies) + 1 - len(holders) <= 1  # no stray copy of an intact original
        assert not list(folder.parent.glob(".dang-ghi-*"))


def test_a_failure_at_the_last_manifest_write_keeps_the_new_report_and_the_edit(
        tmp_path, monkeypatch):
    folder = tmp_path / "2023"
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    (folder / "bao-cao.docx").write_bytes(EDITED)
    real = os.replace
    moves = []

    def full_disk_at_the_end(src, dst):  # the second manifest: after every file moved
        moves.append(dst)
        if str(dst).endswith("manifest-2023.json") and len([m for m in moves if str(m).endswith(
                "manifest-2023.json")]) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", full_disk_at_the_end)
    written = write_outputs(folder, {"bao-cao.docx": b"v2"})
    monkeypatch.undo()
    (copy,) = written.kept.values()
    assert copy.read_bytes() == EDITED and (folder / "bao-cao.docx").read_bytes() == b"v2"
    # the manifest written before the move covers both versions: no false hand edit next time
    assert write_outputs(folder, {"bao-cao.docx": b"v3"}).kept == {}
    shutil.rmtree(folder)


@pytest.mark.parametrize("target", ["bao-cao.docx", "chi-tieu.xlsx"])
def test_a_failed_rename_says_the_edit_is_still_in_place(tmp_path, monkeypatch, target):
    folder = tmp_path / "2023"
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    (folder / "bao-cao.docx").write_bytes(EDITED)
    real = os.replace

    def refuse(src, dst):
        if str(dst) == str(folder / target):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_outputs(folder, {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
    assert str(caught.value).endswith(f" Bản đã sửa tay vẫn nguyên ở “{folder / 'bao-cao.docx'}”.")
    assert (folder / "bao-cao.docx").read_bytes() == EDITED
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao.docx", "chi-tieu.xlsx"]


# --- One writer per output folder ------------------------------------------------------------

def test_a_second_build_waits_for_the_first_then_writes(tmp_path):
    import threading

    from ncnsc_reports.outputs.lock import lock_path, locked

    folder = tmp_path / "2023"
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    done = []
    with locked(folder):
        writer = threading.Thread(target=lambda: done.append(
            write_outputs(folder, {"bao-cao.docx": b"v2"})))
        writer.start()
        writer.join(0.5)
        assert writer.is_alive() and (folder / "bao-cao.docx").read_bytes() == b"v1"
    writer.join(10)
    assert done[0].kept == {} and (folder / "bao-cao.docx").read_bytes() == b"v2"
    assert not lock_path(folder).exists()


def test_a_build_that_waits_too_long_says_another_is_running(tmp_path, monkeypatch):
    from ncnsc_reports.outputs import lock

    folder = tmp_path / "2023"
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    with lock.locked(folder.parent / "2023"), pytest.raises(OutputError) as caught:
        write_outputs(folder, {"bao-cao.docx": b"v1"})
    assert str(caught.value).startswith(f"một lần tạo báo cáo khác đang ghi vào “{folder}” (từ ")
    assert str(caught.value).endswith("; hãy đợi lần đó xong rồi chạy lại (nếu chắc không còn "
                                      "lần nào đang chạy, hãy xóa tệp "
                                      f"“{lock.lock_path(folder)}”)")
    assert not (folder / "bao-cao.docx").exists()
    assert not list(tmp_path.glob(".dang-ghi-*"))


def test_a_lock_left_by_a_killed_build_is_taken_over(tmp_path):
    import subprocess
    import sys
    import time

    from ncnsc_reports.outputs.lock import lock_path

    folder = tmp_path / "2023"
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    lock_path(folder).write_text(f"{gone} {time.time():.0f}\n", encoding="ascii")
    started = time.monotonic()
    write_outputs(folder, {"bao-cao.docx": b"v1"})
    assert time.monotonic() - started < 5 and not lock_path(folder).exists()


def test_concurrent_builds_leave_a_manifest_covering_the_files(tmp_path):
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from ncnsc_reports.outputs.write import "
              "write_outputs\nfor i in range(15): write_outputs(Path(sys.argv[1]), "
              "{'bao-cao.docx': (sys.argv[2] + str(i)).encode()})")
    folder = tmp_path / "2023"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(folder), tag]) for tag in "ab"]
    assert [p.wait(60) for p in procs] == [0, 0]
    assert write_outputs(folder, {"bao-cao.docx": b"cuoi"}).kept == {}
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao.docx"]


# --- Outputs a build no longer makes -----------------------------------------------------------

def test_an_output_no_longer_made_is_removed_and_dropped_from_the_manifest(tmp_path):
    import json

    from ncnsc_reports.outputs.write import manifest_path

    folder = tmp_path / "2023"
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    written = write_outputs(folder, {"bao-cao.docx": b"v2"})
    assert written.removed == [folder / "chi-tieu.xlsx"]
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao.docx"]
    files = json.loads(manifest_path(folder).read_text(encoding="utf-8"))["files"]
    assert sorted(files) == ["bao-cao.docx"]


def test_a_hand_edited_output_no_longer_made_stays(tmp_path):
    folder = tmp_path / "2023"
    write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    (folder / "chi-tieu.xlsx").write_bytes(b"x1 sua tay")
    assert write_outputs(folder, {"bao-cao.docx": b"v2"}).removed == []
    assert (folder / "chi-tieu.xlsx").read_bytes() == b"x1 sua tay"
