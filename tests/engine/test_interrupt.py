"""Ctrl-C: a Vietnamese line and exit code 130, no traceback, and no file left half-written.

Each test runs the real command in a child process and sends it a real SIGINT: from outside
while the report is being rendered (as a terminal would, to the whole process group), or from
inside between the renames that move a build's files into place.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from ncnsc_reports.cli.wording import INTERRUPTED

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")

# Runs the CLI with one step of the build patched; argv: ready-file, then the CLI's arguments.
SLOW_RENDER = """
import sys, time
from pathlib import Path
import ncnsc_reports.engine as pipeline
real = pipeline.render
def slow(*args, **kwargs):
    Path(sys.argv[1]).touch()  # the build got this far: rendering
    time.sleep(3)
    return real(*args, **kwargs)
pipeline.render = slow
from ncnsc_reports.cli import main
main(sys.argv[2:], prog_name="ncnsc-report")
"""

# Ctrl-C from inside, right after the first file of the build is moved into place.
SIGINT_BETWEEN_RENAMES = """
import os, signal, sys
import ncnsc_reports.outputs.write as write
real = write._move
def move(staged, target):
    moved = real(staged, target)
    if target.suffix in (".docx", ".xlsx"):
        os.kill(os.getpid(), signal.SIGINT)
    return moved
write._move = move
from ncnsc_reports.cli import main
main(sys.argv[1:], prog_name="ncnsc-report")
"""


def child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)  # its own group, as in a terminal


def interrupt_when_ready(proc: subprocess.Popen, ready: Path) -> tuple[int, str, str]:
    deadline = time.monotonic() + 120
    while not ready.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the build never reached the patched step"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # the terminal's Ctrl-C reaches the whole group
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def leftovers(project: Path) -> list[str]:
    """Files no finished build leaves: staging folders, locks, temporary files."""
    outputs = project / "outputs"
    return sorted(str(p.relative_to(project)) for p in outputs.rglob("*")
                  if p.name.startswith((".dang-ghi-", ".ncnsc-lock-")) or ".tmp" in p.name)


def test_ctrl_c_while_rendering_writes_nothing_and_says_so(province_copy, tmp_path):
    ready = tmp_path / "rendering"
    code, out, err = interrupt_when_ready(
        child(SLOW_RENDER, str(ready), "build", str(province_copy / "2023")), ready)
    assert (code, out, err) == (130, "", INTERRUPTED + "\n")
    assert not (tmp_path / "outputs" / "hung-yen" / "2023").exists() or not any(
        (tmp_path / "outputs" / "hung-yen" / "2023").iterdir())
    assert leftovers(tmp_path) == []


def test_ctrl_c_between_renames_waits_for_the_whole_build(an_giang_copy):
    project = an_giang_copy.parent.parent
    proc = child(SIGINT_BETWEEN_RENAMES, "build", str(an_giang_copy / "2023"))
    out, err = proc.communicate(timeout=300)
    assert (proc.returncode, err) == (130, INTERRUPTED + "\n"), out
    folder = project / "outputs" / "an-giang" / "2023"
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["bao-cao-an-giang-2023.docx", "chi-tieu.xlsx"]  # both, never one
    manifest = json.loads((folder.parent / ".ncnsc-manifest-2023.json").read_text("utf-8"))
    assert sorted(manifest["files"]) == written
    assert leftovers(project) == []


def test_ctrl_c_during_build_all_stops_every_worker_quietly(tmp_path):
    inputs = tmp_path / "inputs"
    for province in ("hung-yen", "an-giang"):
        shutil.copytree(ROOT / "inputs" / province, inputs / province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    ready = tmp_path / "rendering"
    code, out, err = interrupt_when_ready(
        child(SLOW_RENDER, str(ready), "build", "--all", str(inputs), "--jobs", "2"), ready)
    assert code == 130, (out, err)
    assert err.endswith(INTERRUPTED + "\n") and err.count(INTERRUPTED) == 1, err
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err + out
    assert "Aborted" not in err
    for folder in (tmp_path / "outputs").glob("*/*"):
        if folder.is_dir():  # a report either written whole, or not at all
            assert {p.suffix for p in folder.iterdir()} <= {".docx", ".xlsx"}, folder
            assert any(p.suffix == ".docx" for p in folder.iterdir()), folder
    assert leftovers(tmp_path) == []


def test_a_blank_workbook_interrupted_while_saving_leaves_no_file(province_copy, monkeypatch):
    """new-year, new-summary and unit-form write through inputs.blank.write_workbook."""
    from openpyxl import Workbook

    from ncnsc_reports.inputs.blank import write_blank_year_workbook

    real = Workbook.save

    def interrupted(self, filename):
        real(self, filename)
        Path(filename).write_bytes(Path(filename).read_bytes()[:100])  # half of it
        raise KeyboardInterrupt

    monkeypatch.setattr(Workbook, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_blank_year_workbook(province_copy / "2026")
    assert [p.name for p in (province_copy / "2026").iterdir()] == []


def test_ctrl_c_in_a_batch_of_whole_provinces_starts_no_further_year(tmp_path):
    """With ≥ 2 × jobs provinces each worker is given a whole province (batch._groups): after
    Ctrl-C it finishes the report it is building and starts none of the province's later years."""
    import docx

    inputs = tmp_path / "inputs"
    provinces = ("an-giang", "an-giang-b", "an-giang-c", "an-giang-d")
    for name in provinces:
        shutil.copytree(ROOT / "inputs" / "an-giang", inputs / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    years = [y for y in (inputs / "an-giang").iterdir() if y.name.isdigit()]
    proc = child("from ncnsc_reports.cli import main; import sys; "
                 "main(sys.argv[1:], prog_name='ncnsc-report')",
                 "build", "--all", str(inputs), "--jobs", "2")
    deadline = time.monotonic() + 300
    while not list((tmp_path / "outputs").glob("*/*/*.docx")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no report was ever written"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, (out, err)
    assert err.endswith(INTERRUPTED + "\n") and err.count(INTERRUPTED) == 1, err
    reports = sorted((tmp_path / "outputs").glob("*/*/*.docx"))
    # each of the 2 workers: at most the report it had done and the one it was building
    # (before the fix, every worker built all 6 years of its province: 12 reports)
    assert 1 <= len(reports) <= 2 * 2 < len(provinces) * len(years), reports
    for report in reports:
        texts = [p.text for p in docx.Document(report).paragraphs]  # whole: opens, to the end
        assert "BÁO CÁO" in texts and "Phụ lục II" in texts, report
    assert leftovers(tmp_path) == []


def test_ctrl_c_right_after_a_hand_edit_is_kept_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    """An interrupt that is not held (raised here from the step after the kept copy is made)
    undoes the copy: retried and interrupted again and again, the folder gains no copies."""
    from ncnsc_reports.outputs import write

    folder = tmp_path / "outputs" / "an-giang" / "2023"
    write.write_outputs(folder, {"bao-cao.docx": b"v1", "chi-tieu.xlsx": b"x1"})
    (folder / "bao-cao.docx").write_bytes(b"v1 sua tay")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def interrupted(*args, **kwargs):  # the copy is staged, to move with the build's files
        assert list(folder.parent.glob(".dang-ghi-2023.*/giu-bao-cao-sua-tay-*.docx"))
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_commit", interrupted)
    for _ in range(3):
        with pytest.raises(KeyboardInterrupt):
            write.write_outputs(folder, {"bao-cao.docx": b"v2", "chi-tieu.xlsx": b"x2"})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert leftovers(tmp_path) == []


def test_ctrl_c_with_one_job_starts_no_further_year(tmp_path):
    """jobs=1 builds in this process: the KeyboardInterrupt ends the loop over the years.
    (It already did before the pool's stop event; kept so that it stays so.)"""
    from ncnsc_reports.batch import build_all
    from ncnsc_reports.pipeline import BuildOptions

    started = []

    def worker(year_dir, options):
        started.append(year_dir.name)
        raise KeyboardInterrupt

    years = [tmp_path / "an-giang" / str(year) for year in (2021, 2022, 2023)]
    with pytest.raises(KeyboardInterrupt):
        build_all(years, BuildOptions(rebuild=True), jobs=1, worker=worker)
    assert started == ["2021"]
