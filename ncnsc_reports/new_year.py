"""`new-year`: start a year's workbook from the latest earlier year of the same province.

Orchestrates: find the previous year's workbook, read it, keep what `report.carry_over`
declares standing (marked “Chưa xem lại”), write the new workbook. `blank=True`, or a province
with no earlier year, gives the empty workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.blank import check_new_year_dir, write_blank_year_workbook
from ncnsc_reports.inputs.schema import HELP_SHEET, LISTS_SHEET, YEAR_SHEETS
from ncnsc_reports.inputs.sheets import find_year_workbook, read_workbook
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.carry_over import carried_rows


@dataclass(frozen=True)
class NewYear:
    """The workbook written, the year it was started from (None: blank) and rows carried."""

    path: Path
    source: Path | None = None
    carried: dict[str, int] = field(default_factory=dict)  # sheet name -> rows carried


def previous_year_dir(year_dir: Path) -> Path | None:
    """Return the latest year folder of the province before `year_dir`'s year, if any."""
    year = int(year_dir.name)
    earlier = [p for p in year_dir.parent.iterdir()
               if p.is_dir() and p.name.isascii() and p.name.isdigit() and len(p.name) == 4
               and int(p.name) < year]
    return max(earlier, key=lambda p: int(p.name), default=None)


def start_year(year_dir: Path, blank: bool = False) -> NewYear:
    """Write the year's workbook, from the previous year's unless `blank`; return what was done."""
    year_dir = Path(year_dir)
    check_new_year_dir(year_dir)
    source = None if blank else previous_year_dir(year_dir)
    if source is None:
        return NewYear(write_blank_year_workbook(year_dir))
    rows, book = _carried(source, year_dir)
    note = (f"Sổ này được bắt đầu từ sổ năm {source.name} ({book.name}): các dòng có “Chưa xem "
            f"lại” ở cột “Chép từ năm trước” là nội dung chép sang — hãy đọc, sửa rồi chọn "
            f"“Đã xem lại”.")
    path = write_blank_year_workbook(year_dir, rows, (note,))
    counts = {name: len(r) for name, r in rows.items() if name != "Thông tin chung" and r}
    return NewYear(path, book, counts)


def _carried(source: Path, year_dir: Path) -> tuple[dict[str, list[tuple]], Path]:
    """Read the previous year's workbook and return the rows it passes on, and its path."""
    problems = Problems()
    book = find_year_workbook(source, problems)
    sheets = {} if book is None else read_workbook(
        book, YEAR_SHEETS, problems, (HELP_SHEET, LISTS_SHEET), f"{source.name}/{book.name}")
    if problems.errors:
        problems.error(Location(str(source)), f"không chép được từ sổ năm {source.name} vì các "
                       "lỗi trên; sửa sổ đó, hoặc tạo sổ trống bằng: ncnsc-report new-year "
                       f"--trong {year_dir}")
        raise InputError(problems.errors)
    return carried_rows(sheets, int(year_dir.name)), book
