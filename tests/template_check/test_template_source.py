"""One source for each template (issue 11, item 11): the checked-in .docx, which editors own.

The generators in tools/ must never write over it unless told to on purpose.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

GENERATORS = {
    "make_template": "bao-cao-nam.docx",
    "make_summary_template": "tong-ket-giai-doan.docx",
    "make_plan_template": "du-thao-ke-hoach.docx",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of tools/ and templates/, with an editor's change in every template."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "tools", root / "tools")
    shutil.copytree(ROOT / "templates", root / "templates")
    for name in GENERATORS.values():
        with (root / "templates" / name).open("ab") as f:
            f.write(b"editor")  # bytes no generator writes: stands for an editor's change
    return root


def run(project: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", f"tools.{script}", *args],
                          capture_output=True, text=True, cwd=project, timeout=120)


@pytest.mark.parametrize("script", GENERATORS)
def test_a_plain_run_writes_a_draft_and_leaves_the_editors_template(project, script):
    name = GENERATORS[script]
    before = (project / "templates" / name).read_bytes()
    done = run(project, script)
    assert done.returncode == 0, done.stderr
    assert (project / "templates" / name).read_bytes() == before
    assert (project / "build" / "templates" / name).is_file()
    assert "bản nháp" in done.stdout and "--replace-checked-in" in done.stdout


def test_only_the_flag_replaces_the_checked_in_template(project):
    target = project / "templates" / "bao-cao-nam.docx"
    done = run(project, "make_template", "--replace-checked-in")
    assert done.returncode == 0, done.stderr
    assert not target.read_bytes().endswith(b"editor")
    assert zipfile.ZipFile(target).testzip() is None  # a whole .docx, written on purpose
