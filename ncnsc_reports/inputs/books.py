"""Whole readings the report layer asks for in one call: a year folder (its workbook with the
bold and italic runs of its cells, and the province's profile), an earlier year's record
sheets, a profile or some of its sheets, the units' forms of don-vi/ and each form's sheets,
a summary folder's workbook.

Owns finding, opening and reading those files, and what is said when the folder or a workbook
is the mistake, so that `report` modules validate what was read and never open a workbook,
find a year's book or read a sheet themselves (issue 21, item 4: reading files happens in
`inputs`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ncnsc_reports.inputs.cells import XML_ILLEGAL
from ncnsc_reports.inputs.period_schema import PERIOD_SHEETS
from ncnsc_reports.inputs.schema import (
    HELP_SHEET,
    LISTS_SHEET,
    PROFILE_FILE,
    PROFILE_SHEETS,
    RECORD_SHEETS,
    YEAR_CONTENT,
    YEAR_GENERAL,
    YEAR_SETTINGS,
    YEAR_SHEETS,
    SheetSpec,
)
from ncnsc_reports.inputs.shared import read_workbook_once
from ncnsc_reports.inputs.sheets import (
    Row,
    clean_text,
    find_year_workbook,
    read_settings,
    read_sheet,
    read_workbook,
)
from ncnsc_reports.inputs.start import example_year_dir, make_profile
from ncnsc_reports.inputs.unit_form import FORMS_DIR, UNIT_SHEETS
from ncnsc_reports.inputs.xlsx import rich_strings
from ncnsc_reports.inputs.xlsx_book import open_book
from ncnsc_reports.problems import Location, Problems, command, expected_found

_OTHER_SHEETS = tuple(s.name for s in YEAR_SHEETS if s not in RECORD_SHEETS)
# What an earlier year's “Thông tin chung” tells the years after it.
_RECORD_SETTINGS = tuple(s for s in YEAR_SETTINGS if s.key in ("spent", "illustrative"))


@dataclass(frozen=True)
class RecordBook:
    """The record sheets of one year's workbook, and the settings read with them."""

    file: str  # as messages name it: “2022/bao-cao-2022.xlsx”, “tien-giang/2024/…”
    sheets: dict[str, list[Row]]  # by sheet name, every sheet of RECORD_SHEETS
    settings: dict[str, Any]  # "spent" (đồng), "illustrative" (“Có”/“Không”), when given


def read_record_book(folder: Path, year: int, problems: Problems,
                     prefix: str = "") -> RecordBook | None:
    """The record sheets of a year folder's workbook, named “<prefix><year>/<book>” in
    messages; None when the folder has no single workbook (the problem is recorded)."""
    book = find_year_workbook(folder, problems)
    if book is None:
        return None
    file = f"{prefix}{year}/{book.name}"
    # in a batch, read once for every later year of the phase (inputs.shared)
    sheets = read_workbook_once(book, RECORD_SHEETS + (YEAR_GENERAL,), problems,
                                (HELP_SHEET, LISTS_SHEET) + _OTHER_SHEETS, file)
    labels = {s.label for s in _RECORD_SETTINGS}
    settings = {s.key: value for s, value, _ in read_settings(
        [r for r in sheets[YEAR_GENERAL.name] if r["label"] in labels],
        _RECORD_SETTINGS, problems)}
    return RecordBook(file, sheets, settings)


def read_profile(path: Path, problems: Problems, label: str | None = None
                 ) -> dict[str, list[Row]]:
    """Every sheet of a province's profile (ho-so-tinh.xlsx at `path`, named `label` in
    messages), read once per batch worker (inputs.shared)."""
    return read_workbook_once(path, PROFILE_SHEETS, problems, (HELP_SHEET, LISTS_SHEET), label)


def profile_sheets(province_dir: Path, specs: tuple[SheetSpec, ...], problems: Problems
                   ) -> dict[str, list[Row]]:
    """The rows of the profile's sheets `specs` (its other sheets known, unread); every sheet
    empty when the province has no profile (the caller says so, or its years do)."""
    path = Path(province_dir) / PROFILE_FILE
    if not path.is_file():
        return {s.name: [] for s in specs}
    others = tuple(s.name for s in PROFILE_SHEETS if s not in specs)
    return read_workbook(path, specs, problems, (HELP_SHEET, LISTS_SHEET) + others)


def period_book(period_dir: Path, problems: Problems) -> Path | None:
    """The one workbook of a summary folder (tong-ket-2021-2025/), or None (recorded)."""
    books = sorted(p for p in period_dir.glob("*.xlsx") if not p.name.startswith("~$"))
    if len(books) != 1:
        found = ", ".join(p.name for p in books) or "không có sổ nào"
        problems.error(Location(str(period_dir)), expected_found(
            "đúng một sổ Excel tổng kết (tạo sổ trống bằng: "
            f"{command('ncnsc-report', 'new-summary', period_dir)})", found))
        return None
    return books[0]


def read_period_book(book: Path, problems: Problems) -> dict[str, list[Row]]:
    """Every sheet of a summary's workbook (inputs.period_schema)."""
    return read_workbook(book, PERIOD_SHEETS, problems, (HELP_SHEET, LISTS_SHEET))


def profile_sheet(province_dir: Path, spec: SheetSpec, problems: Problems) -> list[Row]:
    """The rows of one sheet of a province's profile (ho-so-tinh.xlsx), its other sheets
    unread and unchecked."""
    with open_book(Path(province_dir) / PROFILE_FILE) as book:
        return read_sheet(book, spec, PROFILE_FILE, problems)


@dataclass(frozen=True)
class YearFolder:
    """A year folder read: its year, its workbook's sheets and the province's profile."""

    year: int
    book: Path
    profile: dict[str, list[Row]]  # every sheet of PROFILE_SHEETS
    sheets: dict[str, list[Row]]  # every sheet of YEAR_SHEETS
    rich: dict[str, tuple]  # bold/italic runs of “Nội dung” cells, by the text as cleaned


def read_year_folder(year_dir: Path, problems: Problems) -> YearFolder | None:
    """The year folder read, or None when the folder, the profile or a workbook is the
    mistake (recorded): checks across sheets would then mislead."""
    year = _folder_year(year_dir, problems)
    profile_path = year_dir.parent / PROFILE_FILE
    if year is not None and not profile_path.exists():  # else the folder is the one mistake
        problems.error(Location(str(year_dir.parent)), f"thiếu hồ sơ tỉnh “{PROFILE_FILE}” "
                       "(tên cơ quan, kế hoạch, người ký, nơi nhận) trong thư mục tỉnh; "
                       f"{make_profile(year_dir.parent)}")
    book = find_year_workbook(year_dir, problems) if year_dir.is_dir() else None
    if problems.errors or year is None or book is None:
        return None
    profile = read_profile(profile_path, problems)
    sheets = read_workbook(book, YEAR_SHEETS, problems, (HELP_SHEET, LISTS_SHEET))
    if any(p.where.sheet is None for p in problems.errors):
        return None  # a workbook unreadable or without a sheet
    return YearFolder(year, book, profile, sheets, rich_runs(book))


def form_books(folder: Path, problems: Problems) -> list[Path]:
    """Return the forms of don-vi/ to read (.xlsx, any case); say what else is there that looks
    like one: Excel's lock file of an open form is set aside (the form being open is said at the
    end of the build, inputs.excel_lock), a Mac's AppleDouble copy with a warning (it is no
    form: reading it said “damaged, save in Excel”), an .xlsm/.xls/.xlsb form is an error (it
    cannot be read, and its unit would look as if it had not answered)."""
    books = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        suffix, where = path.suffix.lower(), Location(f"{FORMS_DIR}/{path.name}")
        if path.name.startswith("~$"):
            continue  # Excel's lock file of an open form: said after the build (excel_lock)
        if path.name.startswith("._") and suffix in _EXCEL_SUFFIXES:
            problems.warning(where, "tệp phụ máy Mac tạo khi chép tệp (AppleDouble), không phải "
                             f"phiếu: bỏ qua; có thể xóa tệp này (phiếu là “{path.name[2:]}”)")
        elif path.name.startswith("."):
            continue  # hidden: not read, as the source record leaves it out (is_input_name)
        elif suffix in _EXCEL_SUFFIXES[1:]:
            problems.error(where, f"phiếu dạng {suffix} không đọc được (chương trình chỉ đọc "
                           "phiếu .xlsx): hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu "
                           "thành › “Excel Workbook (*.xlsx)”), rồi chuyển bản "
                           f"{suffix} ra khỏi thư mục {FORMS_DIR}")
        elif suffix == ".xlsx":
            books.append(path)
    return books


_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb")


def read_form(book: Path, label: str, problems: Problems) -> dict[str, list[Row]] | None:
    """The sheets of one unit's form, named `label` in messages; None when the form cannot be
    read or lacks a sheet (recorded in `problems`, which holds only this form's)."""
    sheets = read_workbook(book, UNIT_SHEETS, problems, (HELP_SHEET, LISTS_SHEET), label)
    return None if any(p.where.sheet is None for p in problems.errors) else sheets


def rich_runs(book: Path) -> dict[str, tuple]:
    """Bold/italic runs of the “Nội dung” cells, keyed by the text as the loader cleaned it."""
    def clean(part: str) -> str:
        text = XML_ILLEGAL.sub("", part).replace("\r\n", "\n").replace("\r", "\n")
        return unicodedata.normalize("NFC", text)
    return {clean_text(text, Location(book.name), Problems()):
            tuple((clean(p), b, i) for p, b, i in runs)
            for text, runs in rich_strings(book, YEAR_CONTENT.name).items()}


def _folder_year(year_dir: Path, problems: Problems) -> int | None:
    where = Location(str(year_dir))
    if not year_dir.is_dir():
        problems.error(where, f"không tìm thấy thư mục năm; {_missing_year(year_dir)}")
        return None
    years = sorted(p.name for p in year_dir.iterdir() if p.is_dir() and _is_year(p.name))
    if not _is_year(year_dir.name) and (years or (year_dir / PROFILE_FILE).exists()):
        example = year_dir / (years[-1] if years else "2023")
        listed = f" Các năm có trong đó: {', '.join(years)}." if years else ""
        problems.error(where, "đây là thư mục tỉnh, chưa phải thư mục năm; hãy ghi thư mục "
                              "một năm trong đó, ví dụ: "
                              f"{command('ncnsc-report', 'build', example)}.{listed}")
        return None
    if not _is_year(year_dir.name):
        problems.error(where, expected_found("tên thư mục là một năm (ví dụ 2023)",
                                             year_dir.name))
        return None
    return int(year_dir.name)


def _missing_year(year_dir: Path) -> str:
    """What to run for a year folder that does not exist: the province's profile first if it
    has none (new-province), then the year's workbook (new-year)."""
    province = year_dir.parent
    if not _is_year(year_dir.name):
        return f"cần dạng inputs/<tỉnh>/<năm>, ví dụ {example_year_dir(province)}"
    new_year = command("ncnsc-report", "new-year", year_dir)
    if not (province / PROFILE_FILE).is_file():
        return (f"thư mục tỉnh chưa có hồ sơ “{PROFILE_FILE}”: {make_profile(province)}, "
                f"rồi {new_year}")
    return f"tạo thư mục và sổ Excel của năm bằng: {new_year}"


def _is_year(name: str) -> bool:
    return name.isascii() and name.isdigit() and len(name) == 4
