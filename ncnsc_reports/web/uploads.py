"""Files clerks and units send: saved under our own name, checked, then put in place.

An upload is never written where the page reads from until the library has read it as the
build will (the bounded reader of `inputs/`: zip bombs, far cells, formulas refused) and found
no error. The file it replaces is first kept, dated, in outputs/<tỉnh>/<năm>/ban-cu/ — outside
the year folder, where a second workbook would be an error.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.datastructures import UploadFile

from ncnsc_reports.outputs.one_file import write_file
from ncnsc_reports.web.store import keep_copy

UPLOADS_DIR = "tai-len"  # in .ncnsc-web/: the last upload of each year, for its marked copy
KEPT_DIR = "ban-cu"
CHUNK = 1024 * 1024


class BadUpload(Exception):
    """An upload that is not what the form asks for (no file, not .xlsx/.docx)."""


async def received(form, name: str, suffix: str, limit: int) -> bytes:
    """The bytes of the form's file `name`, which must end in `suffix` and fit in `limit`."""
    upload = form.get(name)
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise BadUpload("Chưa chọn tệp nào.")
    if not upload.filename.lower().endswith(suffix):
        raise BadUpload(f"Cần một tệp {suffix} (Excel lưu dạng “{_kind(suffix)}”), nhưng nhận "
                        f"“{upload.filename}”.")
    data = bytearray()
    while chunk := await upload.read(CHUNK):
        data += chunk
        if len(data) > limit:
            raise BadUpload(f"Tệp quá lớn: tối đa {limit // CHUNK} MB.")
    if not data:
        raise BadUpload(f"Tệp “{upload.filename}” trống.")
    return bytes(data)


def _kind(suffix: str) -> str:
    return "Word Document (*.docx)" if suffix == ".docx" else "Excel Workbook (*.xlsx)"


def staged(state: Path, label: str, data: bytes, suffix: str) -> Path:
    """Save an upload under our own name in .ncnsc-web/tai-len/; return where."""
    return write_file(state / UPLOADS_DIR / f"{label}-{secrets.token_hex(4)}{suffix}", data)


def put_in_place(data: bytes, target: Path, kept_in: Path) -> Path | None:
    """Write `data` as `target`, keeping the file it replaces in `kept_in`; return the copy
    (None when there was none, or it held the same bytes: nothing to keep, nothing to write)."""
    if target.is_file() and target.read_bytes() == data:
        return None
    copy = keep_copy(target, kept_in)
    write_file(target, data)
    return copy
