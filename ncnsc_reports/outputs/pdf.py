"""PDFs of built reports, from one LibreOffice start for all of them.

LibreOffice exits 0 even when a conversion fails, so every PDF is checked to exist and to be
non-empty, and one that is missing is converted once more before it is reported; a profile of
its own, made before the run (soffice.py), keeps a running LibreOffice (a clerk's open window)
from swallowing the conversion and the first start of a profile from failing it. LibreOffice
is found on PATH, where its installers put it on Windows and macOS, or where NCNSC_SOFFICE
points. Its PDFs carry the clock time (CreationDate) and ids derived from it; they are
rewritten from the document's own date, so the same .docx gives the same PDF bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.soffice import profiles, reset, run_bounded, uri

__all__ = ["convert", "find_soffice", "reproducible", "run_bounded"]

SOFFICE = ("soffice", "libreoffice")
SOFFICE_ENV = "NCNSC_SOFFICE"  # the path of soffice / soffice.exe, when it is installed elsewhere
# Where LibreOffice's own installers put soffice (relative to Program Files / an Applications
# folder). Plain strings and os.path, not Path: the same code is exercised with os.name = "nt".
_PROGRAM = ("LibreOffice", "program", "soffice.exe")
_MAC_APP = ("LibreOffice.app", "Contents", "MacOS", "soffice")


AGAIN = ("Tệp Word đã được ghi; hãy thử lại (lần khởi động đầu của LibreOffice đôi khi lỗi), "
         "nếu vẫn lỗi thì đóng LibreOffice đang mở rồi thử lại")

def find_soffice() -> str:
    """Return the LibreOffice program, or raise OutputError saying how to install or name it."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        if os.path.isfile(named):
            return named
        raise OutputError(f"biến môi trường {SOFFICE_ENV} chỉ tới “{named}”, nhưng không có tệp "
                          "đó; hãy sửa cho đúng đường dẫn tới soffice (Windows: soffice.exe) "
                          "rồi chạy lại; các tệp .docx vẫn đã được tạo.")
    for name in SOFFICE:
        if found := shutil.which(name):
            return found
    for place in install_locations(os.name, sys.platform, os.environ):
        if os.path.isfile(place):
            return place
    raise OutputError(
        "không tìm thấy LibreOffice để tạo PDF. Cài LibreOffice (https://www.libreoffice.org; "
        "Debian/Ubuntu: apt-get install libreoffice-writer-nogui) rồi chạy lại; nếu đã cài ở "
        f"chỗ khác, đặt biến môi trường {SOFFICE_ENV} là đường dẫn tới soffice, ví dụ trên "
        f"Windows: set {SOFFICE_ENV}=D:\\LibreOffice\\program\\soffice.exe (PowerShell: "
        f"$env:{SOFFICE_ENV}=\"D:\\LibreOffice\\program\\soffice.exe\"). Các tệp .docx vẫn đã "
        "được tạo.")


def install_locations(os_name: str, platform: str, environ) -> list[str]:
    """Where LibreOffice's installers put soffice: Program Files (64- and 32-bit) and the
    per-user Programs folder on Windows; /Applications and ~/Applications on macOS."""
    if os_name == "nt":
        roots = [environ.get(k) for k in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        if environ.get("LOCALAPPDATA"):
            roots.append(os.path.join(environ["LOCALAPPDATA"], "Programs"))
        return [os.path.join(root, *_PROGRAM) for root in dict.fromkeys(r for r in roots if r)]
    if platform == "darwin":
        return [os.path.join("/Applications", *_MAC_APP),
                os.path.join(os.path.expanduser("~/Applications"), *_MAC_APP)]
    return []


# LibreOffice starts in a few seconds and converts a report in a few more; a run far past
# this is hung (a dialog nobody sees, a broken profile) and would block the clerk for ever.
START_SECONDS, SECONDS_PER_REPORT = 60, 30


def convert(documents: list[Path], timeout: float | None = None,
            profile: Path | None = None) -> list[Path]:
    """Write <name>.pdf beside each .docx, all from one LibreOffice run in `profile` (one of
    the user's kept profiles when None; soffice.profiles); return the PDFs. A document
    LibreOffice did not convert is converted once more, in the profile made anew, before it
    is reported."""
    if not documents:
        return []
    soffice = find_soffice()
    if profile is None:
        with profiles(1, soffice, timeout) as (own,):
            return convert(documents, timeout, own)
    with tempfile.TemporaryDirectory(prefix="ncnsc-pdf-") as tmp:
        missing = _converted(soffice, profile, documents, Path(tmp), timeout)
        if missing:  # e.g. the first start of a profile: once more, from a profile made anew
            reset(profile, soffice, timeout)
            missing = _converted(soffice, profile, missing, Path(tmp), timeout)
        if missing:
            # Review L14: a first start of LibreOffice may fail where a second run succeeds.
            raise OutputError("LibreOffice không tạo được PDF cho: "
                              f"{', '.join(d.name for d in missing)}. {AGAIN}")
        pdfs = [d.with_suffix(".pdf") for d in documents]
        for document, pdf in zip(documents, pdfs, strict=True):
            data = reproducible(Path(tmp, document.stem + ".pdf").read_bytes(),
                                document_date(document))
            _replace(pdf, data)
    return pdfs


def _converted(soffice: str, profile: Path, documents: list[Path], tmp: Path,
               timeout: float | None) -> list[Path]:
    """Run LibreOffice on `documents` into `tmp`; return those it made no usable PDF of
    (LibreOffice exits 0 even when a conversion fails)."""
    timeout = timeout or START_SECONDS + SECONDS_PER_REPORT * len(documents)
    run_bounded([soffice, uri(profile), "--headless", "--norestore", "--convert-to", "pdf",
                 "--outdir", str(tmp), *map(str, documents)], timeout)
    return [d for d in documents if not _usable(tmp / (d.stem + ".pdf"))]


def _replace(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a failure or Ctrl-C leaves no “.pdf.tmp” behind)."""
    staged = path.with_suffix(".pdf.tmp")
    try:
        staged.write_bytes(data)
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


# LibreOffice writes the clock time as /CreationDate (and /ModDate) and derives the trailer's
# /ID and /DocChecksum from it (all 32 hex digits). Each is replaced by a value of the same
# length, so the cross-reference offsets stay right.
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_PDF_IDS = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)"
                      rb"|(/DocChecksum\s*/)([0-9A-Fa-f]{32})")


def reproducible(pdf: bytes, when: str) -> bytes:
    """The PDF dated `when` (YYYYMMDDHHMMSS) instead of the clock, its ids derived from its
    content: the same document gives the same bytes."""
    dated = _PDF_DATE.sub(lambda m: m[1] + when.encode(), pdf)
    digest = hashlib.md5(_PDF_IDS.sub(b"", dated), usedforsecurity=False).hexdigest()
    digest = digest.upper().encode()

    def ids(m: re.Match) -> bytes:
        if m[1]:
            return m[1] + digest + m[3] + digest + m[5]
        return m[6] + digest

    return _PDF_IDS.sub(ids, dated)


def document_date(document: Path) -> str:
    """The .docx's own last-modified date (docProps/core.xml), as YYYYMMDDHHMMSS: the report
    date for a generated report, the edit's time for a hand-edited one."""
    try:
        with zipfile.ZipFile(document) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        core = ""
    found = re.search(r"<dcterms:modified[^>]*>([^<]+)<", core) or re.search(
        r"<dcterms:created[^>]*>([^<]+)<", core)
    digits = re.sub(r"\D", "", found[1])[:14] if found else ""
    return digits if len(digits) == 14 else "20000101000000"


def _usable(pdf: Path) -> bool:
    return pdf.is_file() and pdf.stat().st_size > 0 and pdf.read_bytes()[:5] == b"%PDF-"
