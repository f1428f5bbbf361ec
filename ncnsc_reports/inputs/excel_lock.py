"""Workbooks open in Excel (or LibreOffice) while a report is built from them.

Excel writes a lock file “~$<tên sổ>” beside a workbook it has open (LibreOffice “.~lock.<tên
sổ>#”); the program reads the version last saved, so changes not yet saved are not in the
report. That is said, with the time of the saved version used (issue 23, item 3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.inputs.unit_form import FORMS_DIR


def open_in_excel(folder: Path, today: dt.date | None = None) -> list[str]:
    """One sentence per workbook a build of `folder` reads that is open in Excel: the folder's
    own, its units' forms, the province's profile (and, for a period, every year's)."""
    folder = Path(folder)
    places = [folder, folder / FORMS_DIR, folder.parent]
    if period_folder(folder.name) is not None:
        places += sorted(p for p in folder.parent.iterdir() if p.is_dir() and p.name.isdigit())
    books = [book for place in places if place.is_dir() for book in sorted(place.glob("*.xlsx"))
             if not book.name.startswith(("~$", ".~lock."))]
    today = today or dt.date.today()
    return [_sentence(book, folder.parent, today) for book in books if _is_open(book)]


def _is_open(book: Path) -> bool:
    """Whether a lock file of Excel (“~$” + the name, or its last characters for a long name,
    as Office shortens it) or of LibreOffice lies beside the workbook."""
    name = book.name
    locks = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return any((book.parent / lock).exists() for lock in locks)


def _sentence(book: Path, base: Path, today: dt.date) -> str:
    try:
        saved = dt.datetime.fromtimestamp(book.stat().st_mtime)
    except OSError:
        saved = None
    try:
        label = book.relative_to(base).as_posix()
    except ValueError:
        label = book.name
    when = "" if saved is None else f" lúc {saved:%H:%M}" + (
        "" if saved.date() == today else f" ngày {saved:%d/%m/%Y}")
    return (f"Sổ “{label}” đang mở trong Excel: báo cáo dùng bản đã lưu{when}; nếu vừa sửa mà "
            "chưa lưu, hãy lưu (Ctrl+S) rồi chạy lại.")
