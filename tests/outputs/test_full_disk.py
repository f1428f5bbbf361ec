"""Hand edits survive a real full disk, not only an injected error (issue 15, case 1).

The output folder is a small tmpfs; a report is built into it and edited by hand, then a filler
file leaves only a little room and the report is rebuilt through the CLI. The room left runs
from none to more than a report needs, so the disk fills at different steps (staging the new
report, keeping the edited copy, the manifest, or not at all). After each attempt the edited
bytes must be on disk under their own name or the kept "-sua-tay-" name, and a failure must be
the clean Vietnamese message (exit 1, no traceback) saying where the edit is.
Needs root and `mount` (Linux); CI runs as root. Skipped, with the reason, only otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from ncnsc_reports.cli import main
from ncnsc_reports.outputs.write import KEPT_MARK

PAGE = 4096
# room left after the filler: none, part of a report, a report, a report and its kept copy, more
ROOM_PAGES = (0, 2, 6, 10, 14, 20, 26, 40)


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs mounted at tmp_path/out, unmounted afterwards whatever happens."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("cần quyền root trên Linux để gắn tmpfs (mount) làm ổ đầy thật")
    mount = tmp_path / "out"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"mount tmpfs bị từ chối: {proc.stderr.strip() or proc.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _project(tmp_path):
    """A copy of the Hưng Yên 2023 sample (profile, year folder, templates)."""
    project = tmp_path / "du-an"
    shutil.copytree(ROOT / "inputs" / "hung-yen", project / "inputs" / "hung-yen")
    shutil.copytree(ROOT / "templates", project / "templates")
    return project / "inputs" / "hung-yen" / "2023"


def _build(year_dir, out):
    return CliRunner().invoke(main, ["build", "--rebuild", "--out", str(out), str(year_dir)])


def _restore(snapshot, mount):
    """Put the outputs of the first build back on the tmpfs, as they were."""
    for entry in list(mount.iterdir()):
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    shutil.copytree(snapshot, mount, dirs_exist_ok=True)


def _fill(mount, room: int) -> None:
    """Leave `room` bytes free on the tmpfs with one filler file."""
    stat = os.statvfs(mount)
    with open(mount / "filler", "wb") as filler:
        filler.write(b"\0" * max(stat.f_bavail * stat.f_frsize - room, 0))


def _holders(report, edited):
    copies = sorted(report.parent.glob(f"{report.stem}{KEPT_MARK}*.docx"))
    candidates = [report, *copies] if report.exists() else copies
    return [p for p in candidates if p.read_bytes() == edited], copies


def test_the_hand_edit_survives_a_full_disk_at_every_step(tmp_path, small_disk):
    year_dir = _project(tmp_path)
    assert _build(year_dir, small_disk).exit_code == 0
    report = small_disk / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    edited = report.read_bytes() + b"\0sua tay" * 64  # new bytes, as a save in Word makes
    snapshot = tmp_path / "snapshot"
    shutil.copytree(small_disk, snapshot)
    outcomes = {}
    for pages in ROOM_PAGES:
        _restore(snapshot, small_disk)
        report.write_bytes(edited)
        _fill(small_disk, pages * PAGE)
        result = _build(year_dir, small_disk)
        (small_disk / "filler").unlink()
        holders, copies = _holders(report, edited)
        assert holders, f"{pages} trang trống: bản sửa tay mất\n{result.output}"
        assert "Traceback" not in result.output and "không mong đợi" not in result.output
        assert result.exit_code in (0, 1), (pages, result.output, result.exception)
        if result.exit_code == 0:  # room enough: the new report, the edit kept beside it
            assert report.read_bytes() != edited and copies == holders, (pages, result.output)
        else:
            said = result.output.replace("\n", "")
            assert "No space left on device" in said, (pages, said)
            assert said.count("Bản đã sửa tay") == said.count(". Bản đã sửa tay"), said
            assert f"“{holders[0]}”" in said or (  # failed before anything was written
                holders[0] == report and f"“{report.parent}”, các tệp trong đó (kể cả bản đã "
                "sửa tay) vẫn nguyên" in said), (pages, said)
        step = re.search(r"“([^”]*)”", result.output)  # the file being written when it failed
        step = step and Path(step[1]).name.split(KEPT_MARK)[0] + (KEPT_MARK in step[1]) * KEPT_MARK
        outcomes[pages] = (result.exit_code, holders[0].name, step)
        leftovers = [*small_disk.glob("**/.dang-ghi-*"), *small_disk.glob("**/.ncnsc-lock-*")]
        assert not leftovers, (pages, result.output)
    # the room left made the disk fill at different steps, and the largest let the build through
    steps = {step for _, _, step in outcomes.values()}  # the lock, the staged report, the copy
    assert len(steps) >= 3 and outcomes[ROOM_PAGES[-1]][0] == 0, outcomes
