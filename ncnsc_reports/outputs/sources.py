"""What a report was built from, recorded beside its outputs, to rebuild only what changed.

Owns the record `outputs/<tỉnh>/.ncnsc-nguon-<năm>.json` (a sibling of the manifest): the
program's stamp, the folders whose listing a build depended on, and for every input and
output file its size, modification time and SHA-256. A file is hashed again only when its
size or modification time differs from the record (a `touch` without an edit costs one
hash, not a rebuild). A missing, damaged or foreign record means "not up to date".

Inputs are fingerprinted *before* they are read: a workbook saved while a build runs then
differs from its recorded hash, and the next build redoes the report.
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
from ncnsc_reports.problems import Location, Problem, Severity

# A file's fingerprint: [size, mtime_ns, sha256]; None for a file that does not exist.
Print = list | None
_FORMAT = 1
_RACY_NS = 3_000_000_000


def record_path(folder: Path) -> Path:
    """Return where the sources of the files in outputs/<tỉnh>/<năm> are recorded."""
    return folder.parent / f".ncnsc-nguon-{folder.name}.json"


def fingerprint(path: Path, known: dict[str, Print] | None = None) -> Print:
    """Return [size, mtime_ns, sha256] of `path` (None if absent); reuse `known`'s hash when
    size and modification time are unchanged."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    old = (known or {}).get(str(path))
    if old and old[0] == st.st_size and old[1] == st.st_mtime_ns:
        return old
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device would never end: the build says so
        return [st.st_size, 0, "không phải tệp thông thường"]
    return stamped(st, _sha256_file(path))


def stamped(st: os.stat_result, sha256: str) -> list:
    """Return [size, mtime_ns, sha256]; a file modified in the last seconds gets time 0.

    File times advance in coarse steps (a few milliseconds; 2 s on FAT drives): a file saved
    again within the same step keeps its time, so until a file is older than that its time
    proves nothing and its content is compared on the next check (as git does).
    """
    racy = time.time_ns() - st.st_mtime_ns < _RACY_NS
    return [st.st_size, 0 if racy else st.st_mtime_ns, sha256]


def listing(folder: Path) -> list[str] | None:
    """Return the names of the files under `folder` (recursively, sorted), None if absent.

    Excel's lock files (“~$…”, present while a workbook is open) and hidden files are left out:
    opening a workbook is not a change.
    """
    if not folder.is_dir():
        return None
    names = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        names += [f if rel == "." else f"{rel}/{f}" for f in files
                  if not f.startswith(("~$", "."))]
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

    Only a changed size or modification time costs a hash."""
    now = fingerprint(path, {str(path): recorded} if recorded else None)
    if now is None or recorded is None:
        return None
    return now if now[0] == recorded[0] and now[2] == recorded[2] else None


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
    try:
        data = json.loads(record_path(out_folder).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return None
        return Sources(data["program"], data["template"], data["folders"], data["inputs"],
                       data["outputs"], data.get("warnings", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


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
        if isinstance(where, Location):
            fields = {"file": where.file, "sheet": where.sheet, "row": where.row,
                      "column": where.column}
        else:
            fields = {"file": str(where)}
        records.append({"where": fields, "message": p.message}
                       | ({"confirm": p.confirm} if p.confirm else {}))
    return records


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
