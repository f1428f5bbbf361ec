"""Writing a build's files into outputs/<tỉnh>/<năm>/: all of them or none, never over hand edits.

Every file is first written in full (and flushed to disk) to a staging folder beside the target
folder (`.dang-ghi-<năm>.…`); only when all are written are they renamed into place, so an error
or a kill while writing leaves the previous outputs as they were. The renames are journalled
first (journal.py): a build killed between two of them is finished by the next build, which
also removes the staging folders killed builds left (`settle`), so the year's outputs are all
the previous ones or all the new ones (issue 25, item 6).

Staff edit the report in Word before it is signed. A manifest beside the folder
(`.ncnsc-manifest-<năm>.json`) records the SHA-256 of every file a build wrote; on the next
build, an existing file whose hash is not recorded, and whose own fingerprint (fingerprint.py)
no longer matches, was changed by hand (or has unknown origin) and is kept under a new name,
`…-sua-tay-<ngày giờ sửa>.docx`, before the new file takes its place — unless `force`, which
replaces it and says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import OutputError, os_reason
from ncnsc_reports.inputs.regular import read_regular
from ncnsc_reports.outputs.fingerprint import is_unchanged
from ncnsc_reports.outputs.interrupts import held
from ncnsc_reports.outputs.journal import decode, encode, journal_path, pending, sync_folder
from ncnsc_reports.outputs.lock import locked

STAGE_PREFIX = ".dang-ghi-"
KEPT_MARK = "-sua-tay-"
# A staging folder this old belongs to a build that was killed, not to one still running.
_STALE_SECONDS = 3600


@dataclass(frozen=True)
class Written:
    """What a build did in the output folder."""

    paths: list[Path]
    kept: dict[Path, Path] = field(default_factory=dict)  # hand-edited file -> its kept copy
    replaced: list[Path] = field(default_factory=list)  # hand-edited files replaced (force)
    removed: list[Path] = field(default_factory=list)  # earlier outputs this build no longer makes


def manifest_path(folder: Path) -> Path:
    """Return where the hashes of the files written into `folder` are recorded."""
    return folder.parent / f".ncnsc-manifest-{folder.name}.json"


def write_outputs(folder: Path, files: dict[str, bytes], force: bool = False, *,
                  keep_others: bool = False) -> Written:
    """Write {file name: bytes} into `folder` all or nothing; keep hand-edited files.

    Return the paths written, the copies kept of hand-edited files and, with `force`, the
    hand-edited files replaced without a copy. `keep_others`: `files` is a part of what the
    folder holds, so earlier outputs not in it stay, recorded (else they are removed).
    """
    _make_folder(folder)
    with locked(folder):  # one writer at a time: the manifest read below stays true
        settle(folder)
        stage = _make_stage(folder)
        try:
            return _write_locked(folder, files, force, stage, keep_others)
        finally:
            if not pending(folder):  # a journalled commit needs its staged files to finish
                shutil.rmtree(stage, ignore_errors=True)


def settle(folder: Path) -> None:
    """Finish the commit a killed build left in `folder` (journal.py) and remove the staging
    folders of killed builds. Call with the folder's lock held (write_outputs does)."""
    planned = decode(folder) if pending(folder) else None
    if planned is not None:
        moves, stale, new = planned
        try:
            _apply(folder, moves, stale, new)
        except OSError as err:
            raise OutputError(f"lần tạo trước bị dừng giữa chừng khi ghi “{folder}” và chưa "
                              f"hoàn tất được: {_reason(err, folder)}") from err
    elif pending(folder):  # damaged: never finished writing, so its commit never began
        journal_path(folder).unlink(missing_ok=True)
    _remove_stale_stages(folder)


def _write_locked(folder: Path, files: dict[str, bytes], force: bool, stage: Path,
                  keep_others: bool = False) -> Written:
    edits: dict[Path, str] = {}  # hand-edited file -> hash of its edited content
    kept: dict[Path, Path] = {}
    try:
        recorded = _read_manifest(folder)
        edits = {folder / n: h for n in files
                 if (h := _edited_hash(folder / n, recorded.get(n, ()))) is not None}
        for name in files:
            _check_replaceable(folder / name)
        for name, data in files.items():
            _write_synced(stage / name, data)
        # A Ctrl-C waits for the kept copies and the renames: never half the files of a
        # build, nor a kept copy beside the untouched original (one more on every retry).
        with held():
            keeps = [] if force else [_keep(path, stage) for path in edits]
            kept = {path: target for path, (_, target) in zip(edits, keeps, strict=False)}
            paths, removed = _commit(stage, folder, files, recorded, keeps, keep_others)
        return Written(paths, kept, list(edits) if force else [], removed)
    except OutputError as err:
        raise OutputError(f"{err}{_where_edits_are(edits, kept, folder)}") from err
    except OSError as err:  # e.g. a name too long for the file system, met while looking
        raise OutputError(f"không ghi được “{_users(err.filename, folder)}”: "
                          f"{_reason(err, folder)}"
                          f"{_where_edits_are(edits, kept, folder)}") from err
    except BaseException:  # an interrupt not held (a second thread, a worker): undo the keeps
        _where_edits_are(edits, kept, folder)
        raise


def _reason(err: OSError, target: Path | None = None) -> str:
    return os_reason(err, target)


def _users(name, folder: Path) -> Path:
    """The user's file an OSError is about: the file in `folder`, never its staged copy."""
    if not name:
        return folder
    path = Path(os.fsdecode(name))
    return folder / path.name if path.parent.name.startswith(STAGE_PREFIX) else path


def _where_edits_are(edits: dict[Path, str], kept: dict[Path, Path], folder: Path) -> str:
    """After a failure, drop kept copies whose original is intact; say where each edit is.

    Whatever step failed, a hand edit is on disk under its own name or its kept name: a copy
    is removed only once the original is seen, unchanged, in its place — and never while a
    journalled commit is unfinished: the next build finishes it, replacing the original.
    """
    if pending(folder):
        return ""
    lines = []
    for path, edited_hash in edits.items():
        copy = kept.get(path)
        if _hash_of(path) == edited_hash:
            if copy is not None:
                copy.unlink(missing_ok=True)
            lines.append(f" Bản đã sửa tay vẫn nguyên ở “{path}”.")
        elif copy is not None and _hash_of(copy) == edited_hash:
            lines.append(f" Bản đã sửa tay “{path.name}” được giữ lại ở “{copy}”.")
    return "".join(lines)


def _hash_of(path: Path) -> str | None:
    try:
        return _sha256(read_regular(path))
    except OSError:  # absent, unreadable, or a pipe (never read: it would never end)
        return None


def _commit(stage: Path, folder: Path, files: dict[str, bytes], recorded: dict[str, list[str]],
            keeps: list[tuple[Path, Path]], keep_others: bool = False
            ) -> tuple[list[Path], list[Path]]:
    """Move the kept copies and staged files into place, recording their hashes in the
    manifest; remove the untouched outputs of earlier builds that this one no longer makes (a
    hand-edited one stays). Return the paths written and those removed.

    Journalled first (journal.py): from the moment the journal is on disk, a kill leaves a
    commit the next build finishes; a failure here (a file open in Word) puts everything back.
    """
    new = {name: [_sha256(data)] for name, data in files.items()}
    # Record old and new hashes first: while the renames below run, neither version may look
    # hand-edited (and a later build finishing them reads the same manifest).
    both = {n: sorted({*recorded.get(n, ()), *new.get(n, ())}) for n in {*recorded, *new}}
    manifest = stage / manifest_path(folder).name
    _write_synced(manifest, _manifest_bytes(folder, both))
    backups = _backups(stage, folder, list(files))
    moves = [*keeps, (manifest, manifest_path(folder)), *((stage / n, folder / n) for n in files)]
    others = {n: h for n, h in recorded.items() if n not in new}
    stale, final = ({}, {**others, **new}) if keep_others else (others, new)
    _write_synced(stage / "nhat-ky.json", encode(folder, moves, stale, final))
    _move(stage / "nhat-ky.json", journal_path(folder))
    sync_folder(folder.parent)
    try:
        removed = _apply(folder, moves, stale, final)
    except OutputError:
        _undo(folder, [(stage / n, folder / n) for n in files], backups)
        raise
    return [folder / name for name in files], removed


def _apply(folder: Path, moves: list[tuple[Path, Path]], stale: dict[str, list[str]],
           new: dict[str, list[str]]) -> list[Path]:
    """Do the journalled renames still to do (a staged file still staged), remove the stale
    outputs, record the new manifest, then end the journal. Return the files removed."""
    for staged, target in moves:
        if os.path.lexists(staged):
            _move(staged, target)
    sync_folder(folder)
    removed, left = _remove_stale(folder, stale)
    # only a clean-up: the manifest moved above already records the files now in place
    with contextlib.suppress(OutputError):
        _write_manifest(folder, {**left, **new}, moves[-1][0].parent)  # into the stage
    sync_folder(folder.parent)
    journal_path(folder).unlink(missing_ok=True)
    sync_folder(folder.parent)
    return removed


def _undo(folder: Path, moves: list[tuple[Path, Path]], backups: dict[str, Path]) -> None:
    """After a rename failed in this process: end the journal, then put back every output in
    `moves` already moved (a hand-edited one that cannot be put back is still in its kept
    copy, which `_where_edits_are` then judges)."""
    with contextlib.suppress(OSError):
        journal_path(folder).unlink(missing_ok=True)
    for staged, target in moves:
        if os.path.lexists(staged):
            continue  # not moved
        with contextlib.suppress(OSError):
            if target.name in backups:
                os.replace(backups[target.name], target)
            else:
                target.unlink(missing_ok=True)


def _remove_stale(folder: Path, stale: dict[str, list[str]]):
    """Remove the files of `stale` still as a build wrote them; return (removed, {name: hashes}
    of those that could not be removed, so that a later build tries again)."""
    removed, left = [], {}
    for name, hashes in sorted(stale.items()):
        path = folder / name
        if _hash_of(path) not in hashes:
            continue  # gone already, or edited by hand: no longer ours to remove
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            left[name] = hashes
    return removed, left


def _backups(stage: Path, folder: Path, names: list[str]) -> dict[str, Path]:
    """Copy the files about to be replaced into the staging folder, to put them back if a
    rename fails."""
    backups = {}
    for name in names:
        if (folder / name).is_file():
            backups[name] = stage / f"ban-truoc-{name}"
            try:
                shutil.copy2(folder / name, backups[name])
            except OSError as err:
                # the copy failed, not the file: it is untouched, so say so (a full disk)
                raise OutputError(f"không ghi được bản lưu tạm của “{folder / name}” (trước khi "
                                  f"thay): {err.strerror}. Hãy kiểm tra chỗ trống trên đĩa rồi "
                                  "chạy lại.") from err
    return backups


def _check_replaceable(target: Path) -> None:
    """Fail before anything moves if `target` cannot be replaced (e.g. open in Excel). Only a
    regular file is opened: a pipe there is replaced, never opened (it would wait)."""
    try:
        if target.exists() and stat.S_ISREG(os.lstat(target).st_mode):
            with open(target, "r+b"):
                pass
    except OSError as err:
        raise OutputError(f"không ghi được “{target}”: {err.strerror}. Nếu tệp đang mở trong "
                          "Word hoặc Excel, hãy đóng lại rồi chạy lại.") from err


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"không tạo được thư mục kết quả “{folder}”: "
                          f"{_reason(err, folder)}") from err


def _make_stage(folder: Path) -> Path:
    """A staging folder named after `folder` (`.dang-ghi-<năm>.…`): under the folder's lock,
    any other of that name was left by a killed build (`_remove_stale_stages`)."""
    try:
        return Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{folder.name}.", dir=folder.parent))
    except OSError as err:
        raise OutputError(f"không tạo được thư mục kết quả “{folder}”: "
                          f"{_reason(err, folder)}") from err


def _remove_stale_stages(folder: Path) -> None:
    """Remove the staging folders of `folder` left by killed builds (the lock is held, so none
    is running), and any unnamed one (of an earlier version) old enough to belong to no
    running build. Another folder's are its own to remove: its journal may need them."""
    own = f"{STAGE_PREFIX}{folder.name}."
    for stage in folder.parent.glob(STAGE_PREFIX + "*"):
        unnamed = "." not in stage.name[len(STAGE_PREFIX):]
        with contextlib.suppress(OSError):
            if stage.is_dir() and (stage.name.startswith(own) or unnamed and
                                   time.time() - stage.stat().st_mtime > _STALE_SECONDS):
                shutil.rmtree(stage, ignore_errors=True)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _edited_hash(path: Path, recorded_hashes) -> str | None:
    """Return the hash of `path` if it exists with content no build wrote (edited, or origin
    unknown), else None."""
    if not path.is_file():
        return None
    digest = _hash_of(path)
    if digest in recorded_hashes or _carries_its_fingerprint(path):
        return None
    return digest


def _carries_its_fingerprint(path: Path) -> bool:
    """A file whose own fingerprint still matches was written by a build and never changed:
    no false alarm when the manifest is lost (fingerprint.py)."""
    try:
        return is_unchanged(read_regular(path))
    except OSError:
        return False


def _read_manifest(folder: Path) -> dict[str, list[str]]:
    """Return {file name: hashes written}; a missing or damaged manifest records nothing."""
    try:
        files = json.loads(read_regular(manifest_path(folder)).decode("utf-8"))["files"]
        return {str(k): [str(h) for h in v] for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _manifest_bytes(folder: Path, files: dict[str, list[str]]) -> bytes:
    data = {"note": "Mã SHA-256 của các tệp ncnsc-report đã ghi vào thư mục "
                    f"{folder.name}/; tệp có mã khác là đã được sửa tay.", "files": files}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _write_manifest(folder: Path, files: dict[str, list[str]], stage: Path) -> None:
    staged = stage / manifest_path(folder).name
    _write_synced(staged, _manifest_bytes(folder, files))
    _move(staged, manifest_path(folder))


def _keep(path: Path, stage: Path) -> tuple[Path, Path]:
    """Stage a copy of a hand-edited file, to be moved (with the build's files, journalled) to
    `<stem>-sua-tay-<its modification time><suffix>`; return (staged copy, its name)."""
    edited_at = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}{KEPT_MARK}{edited_at}{path.suffix}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}{KEPT_MARK}{edited_at}-{number}{path.suffix}")
    staged = stage / f"giu-{target.name}"
    try:
        _write_synced(staged, read_regular(path))
        shutil.copystat(path, staged)  # the kept copy shows when it was last edited
    except OSError as err:
        raise OutputError(f"không giữ lại được bản đã sửa tay “{path}”: {err.strerror}; báo "
                          "cáo cũ vẫn giữ nguyên") from err
    return staged, target


def _write_synced(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as err:
        raise OutputError(f"không ghi được “{path.name}”: {err.strerror}. Hãy kiểm tra chỗ "
                          "trống trên đĩa rồi chạy lại.") from err


def _move(staged: Path, target: Path) -> Path:
    try:
        os.replace(staged, target)
    except OSError as err:
        raise OutputError(f"không ghi được “{target}”: {err.strerror}. Nếu tệp đang mở trong "
                          "Word hoặc Excel, hãy đóng lại rồi chạy lại.") from err
    return target
