"""PDFs of built reports, from one LibreOffice start for all of them.

LibreOffice exits 0 even when a conversion fails, so every PDF is checked to exist and to be
non-empty; a private LibreOffice profile keeps a running LibreOffice (a clerk's open window)
from swallowing the conversion.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ncnsc_reports.errors import OutputError

SOFFICE = ("soffice", "libreoffice")


def find_soffice() -> str:
    """Return the LibreOffice program, or raise OutputError saying how to install it."""
    for name in SOFFICE:
        if found := shutil.which(name):
            return found
    raise OutputError("không tìm thấy LibreOffice (lệnh “soffice”) để tạo PDF. Cài LibreOffice "
                      "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) rồi chạy lại; "
                      "các tệp .docx vẫn đã được tạo.")


def convert(documents: list[Path], timeout: int = 600) -> list[Path]:
    """Write <name>.pdf beside each .docx, all from one LibreOffice run; return the PDFs."""
    if not documents:
        return []
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="ncnsc-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, *map(str, documents)],
                       capture_output=True, timeout=timeout, check=False)
        missing = [d.name for d in documents if not _usable(Path(tmp, d.stem + ".pdf"))]
        if missing:
            raise OutputError(f"LibreOffice không tạo được PDF cho: {', '.join(missing)}")
        pdfs = [d.with_suffix(".pdf") for d in documents]
        for document, pdf in zip(documents, pdfs, strict=True):
            shutil.copyfile(Path(tmp, document.stem + ".pdf"), pdf.with_suffix(".pdf.tmp"))
            os.replace(pdf.with_suffix(".pdf.tmp"), pdf)
    return pdfs


def _usable(pdf: Path) -> bool:
    return pdf.is_file() and pdf.stat().st_size > 0 and pdf.read_bytes()[:5] == b"%PDF-"
