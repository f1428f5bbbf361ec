"""The clerk's password and the session key, both kept in the project's `.ncnsc-web/` folder.

The password is stored as a scrypt hash (stdlib `hashlib.scrypt`, salt per password) so a copy
of the project does not give the password away. The session key signs the session cookie; it is
made once per project (random) so sessions survive a restart of `serve`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from ncnsc_reports.errors import ArgumentError
from ncnsc_reports.outputs.one_file import write_file

STATE_DIR = ".ncnsc-web"
PASSWORD_FILE = "mat-khau.json"
KEY_FILE = "khoa-phien.txt"
MIN_LENGTH = 8
# scrypt's cost (RFC 7914 §2: N=2^14, r=8, p=1 is the interactive-login setting, 16 MiB)
_N, _R, _P = 2**14, 8, 1


def state_dir(project: Path) -> Path:
    return Path(project) / STATE_DIR


def _scrypt(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def set_password(project: Path, password: str) -> Path:
    """Store the hash of `password` for the clerk's and editor's pages; return the file."""
    if len(password) < MIN_LENGTH:
        raise ArgumentError(f"mật khẩu cần ít nhất {MIN_LENGTH} ký tự, nhưng chỉ có "
                            f"{len(password)}")
    salt = secrets.token_bytes(16)
    record = {"scrypt": [_N, _R, _P], "salt": base64.b64encode(salt).decode("ascii"),
              "hash": base64.b64encode(_scrypt(password, salt)).decode("ascii")}
    write_file(state_dir(project) / PASSWORD_FILE, json.dumps(record).encode("utf-8"))
    return state_dir(project) / PASSWORD_FILE


def has_password(project: Path) -> bool:
    return (state_dir(project) / PASSWORD_FILE).is_file()


def check_password(project: Path, password: str) -> bool:
    """Whether `password` is the one set; False when none is set or the record is damaged."""
    try:
        record = json.loads((state_dir(project) / PASSWORD_FILE).read_text(encoding="utf-8"))
        salt, stored = base64.b64decode(record["salt"]), base64.b64decode(record["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return hmac.compare_digest(_scrypt(password, salt), stored)


def session_key(project: Path) -> str:
    """Return the project's session-signing key, making it on first use."""
    path = state_dir(project) / KEY_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    except (OSError, UnicodeDecodeError):
        pass
    key = secrets.token_urlsafe(48)
    write_file(path, key.encode("ascii"))
    if os.name != "nt":  # readable by its owner only: the key forges sessions
        path.chmod(0o600)
    return key
