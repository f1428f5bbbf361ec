"""One file written whole or not at all, under its folder's lock (outputs.one_file), and the
page writing every file through it (issue 24: “every write through the same atomic, locked
writer as the CLI”)."""

from __future__ import annotations

import ast
import errno
import threading
import time

import pytest
from conftest import ROOT

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs import one_file
from ncnsc_reports.outputs.lock import lock_path, locked
from ncnsc_reports.outputs.one_file import write_file


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path):
    target = tmp_path / "a" / "b" / "so.xlsx"
    assert write_file(target, b"v1") == target
    write_file(target, b"v2")
    assert target.read_bytes() == b"v2"
    assert sorted(p.name for p in target.parent.iterdir()) == ["so.xlsx"]  # no staged file
    assert not lock_path(target.parent).exists()  # the lock is let go


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_names_the_users_file(tmp_path, monkeypatch,
                                                                     step):
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"cu")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(one_file.os, step, full)
    with pytest.raises(OutputError) as caught:
        write_file(target, b"moi")
    assert target.read_bytes() == b"cu"
    assert [p.name for p in tmp_path.iterdir()] == ["so.xlsx"]  # the staged copy removed
    assert f"không ghi được “{target}”: ổ đĩa đã đầy" in str(caught.value)
    assert ".dang-ghi-" not in str(caught.value)


def test_it_waits_for_the_folders_lock(tmp_path):
    """The lock a build of the folder holds: the file is written only after it is let go."""
    target = tmp_path / "don-vi" / "phieu.xlsx"
    target.parent.mkdir()
    done = []
    with locked(target.parent):
        writer = threading.Thread(target=lambda: done.append(write_file(target, b"x")))
        writer.start()
        time.sleep(0.3)
        assert not target.exists() and done == []
    writer.join(10)
    assert done == [target] and target.read_bytes() == b"x"


def test_a_lock_held_too_long_is_said(tmp_path):
    with locked(tmp_path / "nam"), pytest.raises(OutputError, match="đang ghi vào"):
        write_file(tmp_path / "nam" / "so.xlsx", b"x", wait=0.1)
    assert not (tmp_path / "nam" / "so.xlsx").exists()


WRITES = {"write_bytes", "write_text", "replace", "rename", "fsync"}


def _not_a_string_replace(call: ast.Call) -> bool:
    """os.replace(a, b) and path.replace(b) move files; text.replace(a, b) and
    dataclasses' replace(record, field=…) do not."""
    owner = getattr(call.func, "value", None)
    if getattr(call.func, "attr", getattr(call.func, "id", "")) not in ("replace", "rename"):
        return True
    if isinstance(owner, ast.Name) and owner.id == "os":
        return True
    return owner is not None and len(call.args) == 1 and not call.keywords


def test_the_page_writes_no_file_by_itself():
    """The page writes through outputs.one_file only: no open(…, "w…"), write_bytes,
    write_text, os.replace or rename of its own."""
    found = []
    for path in sorted((ROOT / "ncnsc_reports" / "web").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            mode = next((a.value for a in node.args[1:2] if isinstance(a, ast.Constant)), "")
            if name in WRITES and _not_a_string_replace(node) or \
                    name == "open" and any(c in str(mode) for c in "wax+"):
                found.append(f"{path.name}:{node.lineno}: {name}")
    assert found == []
