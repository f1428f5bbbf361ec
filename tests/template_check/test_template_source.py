"""One source for each template (issue 11, item 11; issue 21, item 6): the checked-in .docx,
which editors own and edit in Word (README “Mẫu Word”).

The generators in tools/ are one-off records of how each template was first made: they must never
write over it unless told to on purpose, and then keep the replaced file; nothing else in tools/
saves a template.
"""

from __future__ import annotations

import ast
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


def test_only_the_flag_replaces_the_checked_in_template_and_the_editors_file_is_kept(project):
    target = project / "templates" / "bao-cao-nam.docx"
    editors = target.read_bytes()
    done = run(project, "make_template", "--replace-checked-in")
    assert done.returncode == 0, done.stderr
    assert not target.read_bytes().endswith(b"editor")
    assert zipfile.ZipFile(target).testzip() is None  # a whole .docx, written on purpose
    kept = project / "build" / "templates" / "bao-cao-nam.truoc-khi-thay.docx"
    assert kept.read_bytes() == editors and "mẫu cũ được giữ" in done.stdout
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(GENERATORS.values())


def test_every_generator_saves_through_template_destination():
    """A generator's own `.save(` could write a template past the guard: there is none."""
    parts = [*GENERATORS, "template_appendix", "template_records", "docx_parts"]
    saving = {}
    for name in parts:
        tree = ast.parse((ROOT / "tools" / f"{name}.py").read_text(encoding="utf-8"))
        saves = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Attribute) and n.func.attr == "save"]
        saving[name] = [ast.unparse(n.func.value) for n in saves]
    assert saving == {**dict.fromkeys(parts, []),
                      **dict.fromkeys(GENERATORS, ["template_destination"])}
