"""Templates compiled once: per process in memory, per user on disk.

Owns `template(env, source)`, which gives what `env.from_string(source)` gives without compiling
again a source compiled before. Jinja turns each XML part of a Word template into Python code;
for a yearly report that is about 0.1 s, paid by every build and by every report of a batch
although the template rarely changes. The compiled code (a code object) is kept in memory for the
process (a batch worker renders many reports with one template) and written to a per-user cache
folder, marshalled like Jinja's own `FileSystemBytecodeCache`, for the next cold build.

The code depends only on the source and on how the environment compiles, so the key is a hash of
the exact source, Jinja's, Python's and this program's versions, and the environment's settings
(class, syntax, autoescape, finalize, sandboxed operators, the names of filters and tests, and
the files of our filters, which Jinja may call at compile time to fold constants). The template
is always made with the environment of the render at hand: its sandbox, limits and budget apply
as to a template compiled now. The cache is only a cache: an absent or read-only folder means no
cache, a damaged file is ignored and written again, writes are atomic, and deleting the folder is
safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections import OrderedDict
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

from ncnsc_reports import __version__
from ncnsc_reports.inputs.regular import read_regular

CACHE_VARIABLE = "NCNSC_CACHE"  # a folder to use instead of the per-user one
FOLDER = "mau-da-dich"  # "compiled templates", under the cache folder
_HEADER = b"ncnsc-jinja-2\n"  # then the SHA-256 of the payload, then the marshalled payload
_IN_MEMORY = 64  # entries kept per process (a report template has about ten parts)
_ON_DISK = 200  # files kept in the folder; the oldest go first
_memory: OrderedDict[str, object] = OrderedDict()


def template(env, source: str):
    """Return `env.from_string(source)`, its code compiled at most once per process and once per
    user. What folding constants printed at compile time is charged to the render's budget."""
    key = _key(_settings(env), source)
    found = _recall(key)
    if not isinstance(found, tuple):
        before = env.budget.printed
        found = env.compile(source), env.budget.printed - before
        _store(key, found)
    else:
        env.budget.tick(printed=found[1])  # counted as when it was compiled (render.limits)
    return env.template_class.from_code(env, found[0], env.make_globals(None), None)


def remembered(kind: str, source: str, make) -> str:
    """Return `make(source)`, text made from text by a pure function that `kind` names with its
    version (docxtpl's clean-up of a part's XML before Jinja), made at most once per process
    and once per user."""
    key = _key(kind, source)
    found = _recall(key)
    if not isinstance(found, str):
        found = make(source)
        _store(key, found)
    return found


def forget() -> None:
    """Empty the in-memory cache (as a new process starts); the folder is kept."""
    _memory.clear()


def _recall(key: str):
    found = _memory.get(key)
    if found is None and (found := _read(key)) is not None:
        _remember(key, found)
    return found


def _store(key: str, found) -> None:
    _remember(key, found)
    _write(key, found)


def _remember(key: str, found) -> None:
    _memory[key] = found
    _memory.move_to_end(key)
    while len(_memory) > _IN_MEMORY:
        _memory.popitem(last=False)


def cache_folder() -> Path | None:
    """Return the per-user folder of compiled templates: $NCNSC_CACHE, else %LOCALAPPDATA% on
    Windows, $XDG_CACHE_HOME or ~/.cache elsewhere; None when there is no home to put it in."""
    if chosen := os.environ.get(CACHE_VARIABLE):
        return Path(chosen) / FOLDER
    if os.name == "nt" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "ncnsc-reports" / "Cache" / FOLDER
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    except RuntimeError:  # no home directory known
        return None
    return root / "ncnsc-reports" / FOLDER


def _key(what, source: str) -> str:
    """The hash of `source` and of everything else that its result depends on (`what`)."""
    import jinja2

    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    digest.update(repr((jinja2.__version__, __version__, sys.version, MAGIC_NUMBER,
                        what)).encode("utf-8"))
    return digest.hexdigest()


def _settings(env) -> tuple:
    """Everything of the environment Jinja's parser, code generator and optimizer read."""
    kind = type(env)
    functions = {**env.filters, **env.tests}
    modules = {getattr(f, "__module__", None) or "" for f in functions.values()}
    files = sorted(str(getattr(sys.modules.get(m), "__file__", m)) for m in modules
                   if m.startswith("ncnsc_reports"))
    return (f"{kind.__module__}.{kind.__qualname__}", [c.__name__ for c in kind.__mro__],
            env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.is_async, repr(env.autoescape), env.finalize is not None, env.sandboxed,
            sorted(getattr(env, "intercepted_binops", ())),
            sorted(getattr(env, "intercepted_unops", ())), sorted(env.extensions),
            sorted(env.filters), sorted(env.tests), [(f, _stamp(f)) for f in files])


def _stamp(path: str) -> tuple[int, int]:
    """Size and time of a file of our filters: an edit (of a developer) compiles again."""
    with contextlib.suppress(OSError):
        found = os.stat(path)
        return found.st_size, found.st_mtime_ns
    return 0, 0


def _read(key: str):
    """Return what is stored under `key`, or None when absent, unreadable or damaged."""
    folder = cache_folder()
    try:
        # a pipe or a device put in the folder is refused at once, never waited on (issue 25)
        data = read_regular(folder / key) if _trusted(folder, key) else b""
    except (OSError, ValueError):
        return None
    payload = data[len(_HEADER) + 32:]
    if not data.startswith(_HEADER) or data[len(_HEADER):len(_HEADER) + 32] != \
            hashlib.sha256(payload).digest():
        return None
    try:
        stored_key, found = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return found if stored_key == key and _is_entry(found) else None


def _trusted(folder: Path | None, key: str) -> bool:
    """Whether code stored in `folder` may be run: on POSIX the folder and the file must be the
    user's own and the folder writable by no one else, so another user cannot plant code there
    (a shared NCNSC_CACHE). The hash in each file only detects damage, not who wrote it."""
    if folder is None:
        return False
    if os.name != "posix":
        return True  # Windows: %LOCALAPPDATA% is the user's own profile
    try:
        where, what = os.stat(folder), os.stat(folder / key)
    except (OSError, ValueError):
        return False
    mine = os.getuid()
    return where.st_uid == what.st_uid == mine and not where.st_mode & 0o022


def _is_entry(found) -> bool:
    """Whether a stored value is (code, characters printed) or a text."""
    if isinstance(found, tuple) and len(found) == 2:
        return isinstance(found[0], CodeType) and isinstance(found[1], int)
    return isinstance(found, str)


def _write(key: str, found) -> None:
    """Store `found` under `key` atomically; any failure only means no cache."""
    folder = cache_folder()
    if folder is None:
        return
    payload = marshal.dumps((key, found))
    temporary = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tam-")
        with os.fdopen(handle, "wb") as file:
            file.write(_HEADER + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, folder / key)
        temporary = None
        _prune(folder)
    except (OSError, ValueError):
        pass  # only a cache: the next build compiles again
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(folder: Path) -> None:
    """Keep the newest `_ON_DISK` files: an edited template leaves its old parts behind."""
    entries = [e for e in os.scandir(folder) if e.is_file() and not e.name.startswith(".")]
    if len(entries) > _ON_DISK:
        for entry in sorted(entries, key=lambda e: e.stat().st_mtime_ns)[:-_ON_DISK]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
