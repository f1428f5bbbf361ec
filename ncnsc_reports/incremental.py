"""Rebuild only what changed: what a report depends on, checked before a build, recorded after.

A report (its .docx, chi-tieu.xlsx and PDF) depends on its year folder (every file in it: the
workbook, and any contribution forms beside it), the province profile, the earlier year folders
it reads for cumulative results (present or declared absent), the template the search path
resolves to, and the program itself. When none of these changed and its outputs are as written,
`build` returns at once. The record lives beside the hand-edit manifest (`outputs.sources`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

from ncnsc_reports import __version__
from ncnsc_reports.errors import OutputError
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.outputs.journal import pending
from ncnsc_reports.outputs.sources import (
    Sources,
    damage,
    fingerprint,
    listing,
    read_sources,
    refreshed,
    stale_reason,
    stamped,
    warning_records,
    write_sources,
)


@functools.cache
def program_stamp() -> str:
    """Return the program's version and a stamp of its code (size and time of every module),
    so that an upgrade, or a developer's edit without a version change, rebuilds everything."""

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for root, _, files in sorted(os.walk(package)):
        for name in sorted(f for f in files if f.endswith(".py")):
            st = os.stat(os.path.join(root, name))
            digest.update(f"{os.path.relpath(root, package)}/{name}:{st.st_size}:"
                          f"{st.st_mtime_ns};".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def current_sources(out_folder: Path, template: Path, strict: bool) -> Sources | None:
    """Return the record of `out_folder` if its outputs are up to date, else None.

    With `strict`, outputs built with warnings are not up to date: the build must fail on them.
    """
    if pending(out_folder):  # a commit a killed build left: the next write finishes it
        return None
    old = read_sources(out_folder)
    if stale_reason(old, program_stamp(), template, out_folder) is not None:
        return None
    if strict and old.warnings:
        return None
    touched = refreshed(old, out_folder)
    if touched is not None:  # touched but unchanged: remember the new times, hash once only
        with contextlib.suppress(OutputError):  # only a cache
            write_sources(out_folder, touched)
    return old


def record_damage(out_folder: Path) -> list[str]:
    """The one line saying that the record of `out_folder` was damaged (or edited by hand) and
    is not used, so the report is built again (nothing when it is missing or sound)."""
    with contextlib.suppress(OSError):
        if found := damage(out_folder):
            return [found]
    return []


def snapshot(year_dir: Path, template: Path, out_folder: Path) -> Sources:
    """Fingerprint, before anything is read, every input the report may depend on: the
    profile, the template and every year folder of the province up to the report's year."""
    year_dir = year_dir.resolve()
    return snapshot_of(_year_folders(year_dir), [year_dir.parent / PROFILE_FILE, template],
                       str(template), out_folder)


def snapshot_of(folders: list[Path], files: list[Path], template: str,
                out_folder: Path) -> Sources:
    """Fingerprint, before anything is read, every file of `folders` and the `files` (any kind
    of document: `engine`); `template` names the templates found (a change means a rebuild)."""
    known = (read_sources(out_folder) or Sources("", "")).inputs
    listed = {str(f): listing(f) for f in folders}
    inputs = {str(p): fingerprint(p, known) for p in files}
    for folder, names in listed.items():
        inputs.update({str(Path(folder, n)): fingerprint(Path(folder, n), known)
                       for n in names or ()})
    return Sources(program_stamp(), template, listed, inputs)


def record(before: Sources, year_dir: Path, read_years, out_folder: Path,
           files: dict[str, bytes], warnings) -> None:
    """Record what the report was built from: its own year folder, the earlier years in
    `read_years` (the history it read), the profile, the template; and what it wrote."""
    year_dir = year_dir.resolve()
    record_of(before, [year_dir, *(year_dir.parent / str(y) for y in read_years)], out_folder,
              files, warnings)


def record_of(before: Sources, read: list[Path], out_folder: Path, files: dict[str, bytes],
              warnings) -> None:
    """Record what the outputs were built from: the folders of `before` in `read` (the others
    were listed but not read), the files outside every folder; and what was written."""
    used = {str(f) for f in read}
    folders = {f: names for f, names in before.folders.items() if f in used}
    folders.update({f: None for f in used if f not in folders})  # declared without data
    inputs = {p: fp for p, fp in before.inputs.items()
              if fp is not None and _read(p, before.folders, used)}
    outputs = {}
    for name, data in files.items():
        outputs[name] = stamped(os.stat(out_folder / name), hashlib.sha256(data).hexdigest())
    write_sources(out_folder, Sources(before.program, before.template, folders, inputs,
                                      outputs, warning_records(warnings)))


def pdf_is_current(document: Path) -> bool:
    """Whether the PDF beside `document` exists and is no older than it."""
    pdf = document.with_suffix(".pdf")
    try:
        return pdf.stat().st_size > 0 and pdf.stat().st_mtime_ns >= document.stat().st_mtime_ns
    except OSError:
        return False


def _read(path: str, folders, used: set[str]) -> bool:
    """Whether an input file was read: outside every year folder, or inside a used one."""
    inside = [f for f in folders if path.startswith(f + os.sep)]
    return not inside or any(f in used for f in inside)


def _year_folders(year_dir: Path) -> list[Path]:
    """The province's year folders up to the report's year (a later year is never read)."""
    year = int(year_dir.name)
    return sorted(f for f in year_dir.parent.iterdir()
                  if f.is_dir() and f.name.isascii() and f.name.isdigit() and len(f.name) == 4
                  and int(f.name) <= year)
