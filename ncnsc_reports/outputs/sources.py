"""What a report was built from, recorded beside its outputs, to rebuild only what changed.

Owns the record `outputs/<tỉnh>/.ncnsc-nguon-<năm>.json` (a sibling of the manifest): the
program's stamp, the folders whose listing a build depended on, and for every input and
output file its size, modification and change times, inode and SHA-256. As git compares its
index (racy-git.txt), a file is hashed again whenever any of size, mtime, ctime or inode
differs from the record, or its time was too recent to prove anything when it was recorded:
an edit that keeps size and mtime (a time set back, a file extracted from a zip with a 1980
DOS time) still changes ctime, which no program can set, so it is seen; a `touch` without an
edit costs one hash, not a rebuild. A missing or foreign record means "not up to date"; a
damaged one of any shape too, and the build says so (`damage`).

Inputs are fingerprinted *before* they are read: a workbook saved while a build runs then
differs from its recorded hash, and the next build redoes the report. What is fingerprinted
is what is read: `listing` leaves out exactly the names the readers leave out
(`inputs.regular.is_input_name`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.inputs.regular import is_input_name, open_regular, read_regular
from ncnsc_reports.problems import Location, Problem, Severity

# A file's fingerprint: [size, mtime_ns, ctime_ns, inode, sha256]; None for a file that does
# not exist.
Print = list | None
_FORMAT = 2
_RACY_NS = 3_000_000_000
NOT_REGULAR = "không phải tệp thông thường"


def record_path(folder: Path) -> Path:
    """Return where the sources of the files in outputs/<tỉnh>/<năm> are recorded."""
    return folder.parent / f".ncnsc-nguon-{folder.name}.json"


def fingerprint(path: Path, known: dict[str, Print] | None = None) -> Print:
    """Return [size, mtime_ns, ctime_ns, inode, sha256] of `path` (None if absent); reuse
    `known`'s hash when size, both times and inode are those recorded."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device would never end: the build says so
        return [st.st_size, 0, 0, 0, NOT_REGULAR]
    old = (known or {}).get(str(path))
    if old and old[:4] == [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]:
        return old
    try:
        return stamped(st, _sha256_file(path))
    except OSError:  # replaced by a pipe since the stat, or unreadable: the build says so
        return [st.st_size, 0, 0, 0, NOT_REGULAR]


def stamped(st: os.stat_result, sha256: str) -> list:
    """Return [size, mtime_ns, ctime_ns, inode, sha256]; a file modified in the last seconds
    gets times 0 (git's "racily clean" entry).

    File times advance in coarse steps (a few milliseconds; 2 s on FAT drives): a file saved
    again within the same step keeps its time, so until a file is older than that its time
    proves nothing and its content is compared on the next check (as git does).
    """
    racy = time.time_ns() - st.st_mtime_ns < _RACY_NS
    if racy:
        return [st.st_size, 0, 0, st.st_ino, sha256]
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha256]


def listing(folder: Path) -> list[str] | None:
    """Return the names of the files under `folder` (recursively, sorted), None if absent.

    Left out are exactly the names no reader reads (`is_input_name`): Excel's lock files
    (“~$…”, present while a workbook is open: opening it is not a change) and hidden files
    and folders (“.…”, among them macOS's “._…” and .DS_Store).
    """
    if not folder.is_dir():
        return None
    names = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if is_input_name(d)]
        rel = os.path.relpath(root, folder)
        names += [f if rel == "." else f"{rel}/{f}" for f in files if is_input_name(f)]
    return sorted(names)


@dataclass
class Sources:
    """What one report was built from and what it wrote."""

    program: str
    template: str
    folders: dict[str, list[str] | None] = field(default_factory=dict)
    inputs: dict[str, Print] = field(default_factory=dict)
    outputs: dict[str, Print] = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)

    def problems(self) -> list[Problem]:
        """The warnings of the build that wrote the outputs, to show them again."""
        return [Problem(Location(**w["where"]), w["message"], Severity.WARNING,
                        w.get("confirm", "")) for w in self.warnings]


def stale_reason(old: Sources | None, program: str, template: Path,
                 out_folder: Path) -> str | None:
    """Return why the outputs recorded in `old` are not up to date (program, template, a
    recorded folder's files, an input's content; an output missing or edited), or None."""
    if old is None:
        return "chưa có bản ghi nguồn"
    if old.program != program:
        return "chương trình đã đổi phiên bản"
    if old.template != str(template):
        return "mẫu Word khác"
    for folder, names in old.folders.items():
        if listing(Path(folder)) != names:
            return f"thư mục “{folder}” đã thêm hoặc bớt tệp"
    for path, recorded in old.inputs.items():
        if same_content(Path(path), recorded) is None:
            return f"“{path}” đã thay đổi"
    for name, recorded in old.outputs.items():
        if same_content(out_folder / name, recorded) is None:
            return f"“{name}” đã bị sửa hoặc xóa"
    return None


def same_content(path: Path, recorded: Print) -> Print:
    """Return the fingerprint of `path` now if its content is the recorded one, else None.

    Only a changed size, time or inode (or a recent time) costs a hash."""
    now = fingerprint(path, {str(path): recorded} if recorded else None)
    if now is None or recorded is None:
        return None
    return now if now[0] == recorded[0] and now[4] == recorded[4] else None


def refreshed(old: Sources, out_folder: Path) -> Sources | None:
    """Return `old` with the times of files touched but not changed, or None if none moved
    (so the next check does not hash them again)."""
    inputs = {p: same_content(Path(p), r) for p, r in old.inputs.items()}
    outputs = {n: same_content(out_folder / n, r) for n, r in old.outputs.items()}
    if inputs == old.inputs and outputs == old.outputs:
        return None
    return Sources(old.program, old.template, old.folders, inputs, outputs, old.warnings)


def read_sources(out_folder: Path) -> Sources | None:
    """Return the record of `out_folder`, or None when missing, damaged or of another format."""
    return _load(out_folder)[0]


def damage(out_folder: Path) -> str | None:
    """Say, in one line, why the record of `out_folder` exists but cannot be used (damaged or
    edited by hand, of whatever shape), or None when it is missing or usable."""
    return _load(out_folder)[1]


def _load(out_folder: Path) -> tuple[Sources | None, str | None]:
    """(the record, None), (None, why it is damaged) or (None, None) when missing/foreign."""
    path = record_path(out_folder)
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        return None, None
    except ValueError:  # not UTF-8, not JSON
        return None, _damaged(path, "không phải JSON hợp lệ")
    except OSError as err:  # a pipe, a folder, unreadable
        return None, _damaged(path, err.strerror or type(err).__name__)
    if isinstance(data, dict) and data.get("format") != _FORMAT and "format" in data:
        return None, None  # an older program's record: rebuilt without a word
    wrong = _shape_error(data)
    if wrong is not None:
        return None, _damaged(path, wrong)
    return Sources(data["program"], data["template"], data["folders"], data["inputs"],
                   data["outputs"], data["warnings"]), None


def _damaged(path: Path, what: str) -> str:
    return (f"Bản ghi nguồn “{path}” bị hỏng hoặc đã bị sửa tay ({what}) nên không dùng được; "
            "báo cáo được tạo lại và bản ghi được ghi mới.")


_FIELDS = {"format", "note", "program", "template", "folders", "inputs", "outputs", "warnings"}
_WHERE = {"file": str, "sheet": str, "row": int, "column": str, "item": str}


def _shape_error(data) -> str | None:
    """Name the first part of a record that is not as `write_sources` writes it, or None."""
    if not isinstance(data, dict) or set(data) != _FIELDS:
        return "các mục không đúng"
    if not isinstance(data["program"], str) or not isinstance(data["template"], str):
        return "mục “program”/“template”"
    folders = data["folders"]
    if not isinstance(folders, dict) or not all(
            names is None or (isinstance(names, list) and all(isinstance(n, str) for n in names))
            for names in folders.values()):
        return "mục “folders”"
    for part in ("inputs", "outputs"):
        if not isinstance(data[part], dict) or not all(
                _is_print(p) for p in data[part].values()):
            return f"mục “{part}”"
    if not isinstance(data["warnings"], list) or not all(map(_is_warning, data["warnings"])):
        return "mục “warnings”"
    return None


def _is_print(value) -> bool:
    """[size, mtime_ns, ctime_ns, inode, sha256] of whole numbers and a text, or None."""
    if value is None:
        return True
    return (isinstance(value, list) and len(value) == 5 and isinstance(value[4], str)
            and all(type(n) is int and n >= 0 for n in value[:4]))


def _is_warning(value) -> bool:
    if not isinstance(value, dict) or set(value) != {"where", "message"}:
        return False
    where = value["where"]
    return (isinstance(value["message"], str) and isinstance(where, dict)
            and "file" in where and set(where) <= set(_WHERE)
            and isinstance(where["file"], str)
            and all(v is None or type(v) is _WHERE[k] for k, v in where.items()))


def write_sources(out_folder: Path, sources: Sources) -> None:
    """Record `sources` atomically; a failure only costs a rebuild next time."""
    data = {"format": _FORMAT,
            "note": "Nguồn của các tệp trong thư mục " + out_folder.name + "/: khi các tệp này "
                    "không đổi, ncnsc-report không tạo lại báo cáo (--rebuild để tạo lại).",
            "program": sources.program, "template": sources.template,
            "folders": sources.folders, "inputs": sources.inputs, "outputs": sources.outputs,
            "warnings": sources.warnings}
    target = record_path(out_folder)
    staged = target.with_name(target.name + f".{os.getpid()}.tmp")
    try:
        staged.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(staged, target)
    except BaseException as err:  # a full disk, Ctrl-C: no half-written record left behind
        staged.unlink(missing_ok=True)
        if not isinstance(err, OSError):
            raise
        raise OutputError(f"không ghi được “{target}”: {err.strerror}") from err


def warning_records(warnings: list[Problem]) -> list[dict]:
    """Return the warnings as JSON-ready records (a template place keeps its text)."""
    records = []
    for p in warnings:
        where = p.where
        if not where.in_template:
            fields = {"file": where.file, "sheet": where.sheet, "row": where.row,
                      "column": where.column, "item": where.item}
        else:
            fields = {"file": str(where)}
        records.append({"where": fields, "message": p.message}
                       | ({"confirm": p.confirm} if p.confirm else {}))
    return records


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
