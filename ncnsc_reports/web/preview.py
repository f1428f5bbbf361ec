"""The report's pages as PNG images, for a look before downloading: PDF → `pdftoppm`.

The images go into a hidden folder beside the outputs (`.xem-truoc/`, left out of a build's
record of its sources); they are made again only when the PDF changed. Without poppler (most
Windows PCs) the page says the preview needs it and the PDF is still there to download.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.one_file import write_file

PREVIEW_DIR = ".xem-truoc"
RESOLUTION = "60"  # dots per inch: an A4 page ≈ 500 × 700 px, readable, light
MAX_PAGES = 40


def preview_folder(out_folder: Path) -> Path:
    return out_folder / PREVIEW_DIR


def page_images(pdf: Path) -> list[Path]:
    """Make (or reuse) one PNG per page of `pdf`; return them in page order."""
    folder = preview_folder(pdf.parent)
    stamp = folder / f"{pdf.stem}.nguon"
    key = f"{pdf.stat().st_size} {pdf.stat().st_mtime_ns}"
    if not (stamp.is_file() and stamp.read_text(encoding="ascii") == key):
        _render(pdf, folder)
        write_file(stamp, key.encode("ascii"))
    return images_of(folder, pdf.stem)


def images_of(folder: Path, stem: str) -> list[Path]:
    """The page images made for `stem`, in page order (pdftoppm numbers them -01, -02…)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix == ".png"
             and p.name.startswith(f"{stem}-") and p.stem[len(stem) + 1:].isdigit()]
    return sorted(found, key=lambda p: int(p.stem[len(stem) + 1:]))


def _render(pdf: Path, folder: Path) -> None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise OutputError("xem trước trang cần pdftoppm (gói poppler); PDF vẫn tải về được")
    folder.mkdir(parents=True, exist_ok=True)
    for old in images_of(folder, pdf.stem):
        old.unlink(missing_ok=True)
    command = [tool, "-png", "-r", RESOLUTION, "-l", str(MAX_PAGES), str(pdf),
               str(folder / pdf.stem)]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as err:
        raise OutputError(f"không tạo được ảnh trang từ “{pdf.name}”: {err}") from err
