"""The records of the years before the report's year, for cumulative results since 2021.

Owns finding the earlier year folders of a province and loading only their record sheets
(“Hỗ trợ doanh nghiệp”, “Tập huấn”, …). A missing earlier year is an error unless the profile
declares it in “Năm không có số liệu”.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.inputs.schema import (
    HELP_SHEET,
    LISTS_SHEET,
    PROFILE_NO_DATA,
    RECORD_SHEETS,
    YEAR_GENERAL,
    YEAR_SETTINGS,
    YEAR_SHEETS,
)
from ncnsc_reports.inputs.shared import read_workbook_once
from ncnsc_reports.inputs.sheets import Row, find_year_workbook, read_settings
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.model import YearRecords

_OTHER_SHEETS = tuple(s.name for s in YEAR_SHEETS if s not in RECORD_SHEETS)


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
    book = find_year_workbook(folder, problems)
    if book is None:
        return YearRecords(year, "", no_data=True)
    # in a batch, read once for every later year of the phase (inputs.shared)
    sheets = read_workbook_once(book, RECORD_SHEETS + (YEAR_GENERAL,), problems,
                                (HELP_SHEET, LISTS_SHEET) + _OTHER_SHEETS,
                                f"{prefix}{year}/{book.name}")
    settings = tuple(s for s in YEAR_SETTINGS if s.key in ("spent", "illustrative"))
    values = {s.key: value for s, value, _ in read_settings(
        [r for r in sheets[YEAR_GENERAL.name] if r["label"] in {s.label for s in settings}],
        settings, problems)}
    return records_of(year, f"{prefix}{year}/{book.name}", sheets, values.get("spent"),
                      values.get("illustrative") == "Có")


def any_illustrative(*histories: dict[int, YearRecords]) -> bool:
    """Whether any year used comes from an illustrative workbook (the document says so)."""
    return any(r.illustrative for history in histories for r in history.values())
