"""The records of the years before the report's year, for cumulative results since 2021.

Owns finding the earlier year folders of a province and loading only their record sheets
(“Hỗ trợ doanh nghiệp”, “Tập huấn”, …; read by `inputs.books`). A missing earlier year is an
error unless the profile declares it in “Năm không có số liệu”.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.inputs.books import read_record_book
from ncnsc_reports.inputs.schema import PROFILE_NO_DATA, RECORD_SHEETS
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.model import YearRecords


def records_of(year: int, file: str, sheets: dict[str, list[Row]],
               stated_spent: int | None, illustrative: bool = False) -> YearRecords:
    """Return the record sheets of a loaded year workbook."""
    return YearRecords(year, file, {spec.name: sheets.get(spec.name, []) for spec in RECORD_SHEETS},
                       stated_spent=stated_spent, illustrative=illustrative)


def load_history(year_dir: Path, start: int, profile: dict[str, list[Row]],
                 problems: Problems) -> dict[int, YearRecords]:
    """Return {year: records} for start … the year before `year_dir`'s year."""
    declared = {r["year"] for r in profile[PROFILE_NO_DATA.name] if r["year"]}
    history = {}
    for year in range(start, int(year_dir.name)):
        folder = year_dir.parent / str(year)
        if folder.is_dir():
            history[year] = load_year(folder, year, problems)
        elif year in declared:
            history[year] = YearRecords(year, "", no_data=True)
        else:
            problems.error(Location(str(folder)), f"thiếu thư mục số liệu năm {year}, cần để tính "
                           f"lũy kế từ năm {start}; nếu năm đó không có số liệu, ghi năm {year} "
                           f"vào trang “{PROFILE_NO_DATA.name}” của hồ sơ tỉnh")
    return history


def load_year(folder: Path, year: int, problems: Problems, prefix: str = "") -> YearRecords:
    """One year folder's record sheets; files are named “<prefix><year>/<book>” in messages
    (a predecessor's with its province folder, e.g. “tien-giang/2024/…”)."""
    book = read_record_book(folder, year, problems, prefix)
    if book is None:
        return YearRecords(year, "", no_data=True)
    return records_of(year, book.file, book.sheets, book.settings.get("spent"),
                      book.settings.get("illustrative") == "Có")


def any_illustrative(*histories: dict[int, YearRecords]) -> bool:
    """Whether any year used comes from an illustrative workbook (the document says so)."""
    return any(r.illustrative for history in histories for r in history.values())
