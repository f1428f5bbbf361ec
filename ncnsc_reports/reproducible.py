"""Byte-identical outputs: the same inputs give the same .docx and .xlsx, byte for byte.

A .docx or .xlsx is a zip; zip entries carry the time they were written and Office documents
carry created/modified dates. Both are set from the report's date instead of the clock, so a
rebuild that changes nothing writes nothing new (and hashes of outputs mean something).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def fixed_time(day: dt.date) -> dt.datetime:
    """The timestamp every output of a report carries: its date at 08:00 (zip can't hold 1970)."""
    return dt.datetime(day.year, day.month, day.day, 8, 0, 0)


def normalise_zip(data: bytes, when: dt.datetime, change=None) -> bytes:
    """Return the same zip with every entry dated `when`, in the same order, deflated.

    With `change`, the parts ({name: bytes}, in order) go through it first and what it returns
    is written: a change made here costs no second compression of the whole file (the
    fingerprint, `outputs.fingerprint.fingerprinted`).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    if change is not None:
        parts = change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            entry = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()
