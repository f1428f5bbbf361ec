"""Writing input workbooks from the schema: the blank year workbook a clerk fills in.

Headers, drop-down lists and the help sheet all come from `schema`, so the workbook a clerk
receives always matches what the loader expects.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ncnsc_reports.errors import InputError, cannot_write
from ncnsc_reports.inputs.schema import (
    CHOICE,
    HELP_SHEET,
    LISTS_SHEET,
    OTHER_WORKBOOKS,
    PROFILE_FILE,
    PROGRAMME_YEARS,
    YEAR_GENERAL,
    YEAR_SETTINGS,
    YEAR_SHEETS,
    SheetSpec,
)
from ncnsc_reports.inputs.start import make_profile, this_year
from ncnsc_reports.inputs.xlsx import text_stays_text
from ncnsc_reports.problems import Location, Problems, expected_found


def new_workbook(specs: tuple[SheetSpec, ...], rows: dict[str, list[tuple]], title: str,
                 notes: tuple[str, ...] = ()):
    """Return an openpyxl workbook with a help sheet, one sheet per spec (headers, lists) and
    `rows`, not yet saved."""
    from openpyxl import Workbook

    wb = Workbook()
    _help_sheet(wb.active, specs, title, notes)
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    for spec in specs:
        _data_sheet(wb.create_sheet(spec.name), spec, rows.get(spec.name, []), lists)
    text_stays_text(wb)
    return wb


def write_workbook(path: Path, specs: tuple[SheetSpec, ...], rows: dict[str, list[tuple]],
                   title: str, notes: tuple[str, ...] = ()) -> Path:
    """Write a workbook with a help sheet, one sheet per spec (headers, lists) and `rows`."""
    wb = new_workbook(specs, rows, title, notes)
    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:  # whole or not at all: a failure or Ctrl-C leaves no half-saved workbook to open
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(staged)
        os.replace(staged, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
        if isinstance(err, OSError):  # the clerk's workbook is named, not the staged copy
            raise cannot_write(path, err, "sổ Excel") from err
        raise
    return path


def _help_sheet(ws, specs, title: str, notes: tuple[str, ...]) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = HELP_SHEET
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    for note in notes:
        ws.append([note])
        ws.cell(ws.max_row, 1).font = Font(bold=True, color="C00000")
    ws.append(["Mỗi dòng một mục, theo thứ tự in trong báo cáo. Không đổi tên trang, tên cột."])
    for spec in specs:
        ws.append([])
        ws.append([f"Trang “{spec.name}”", spec.help])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for col in spec.columns:
            need = "bắt buộc" if col.required else "có thể để trống"
            ws.append([f"  {col.header}", f"{need}. {col.help}".strip()])
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _data_sheet(ws, spec: SheetSpec, rows: list[tuple], lists) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws.append([c.header for c in spec.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append(list(row))
    for i, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        if col.key == "tax_code":  # as Text: Excel would drop a tax code's leading 0
            ws.column_dimensions[letter].number_format = "@"
        for cell in ws[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if col.kind == CHOICE:
            ref = _list_range(lists, col.choices)
            # Excel and LibreOffice refuse a value outside the list, saying what to do
            dv = DataValidation(type="list", formula1=ref, allow_blank=True,
                                showErrorMessage=True, errorStyle="stop",
                                errorTitle="Giá trị không hợp lệ",
                                error=f"Cột “{col.header}” chỉ nhận một giá trị trong danh sách: "
                                      "bấm mũi tên bên phải ô để chọn.")
            dv.add(f"{letter}2:{letter}2000")
            ws.add_data_validation(dv)


def _list_range(lists, choices: tuple[str, ...]) -> str:
    """Put a list of choices in the hidden sheet; return its absolute range for a drop-down."""
    from openpyxl.utils import get_column_letter

    column = lists.max_column + 1 if lists["A1"].value is not None else 1
    for r, choice in enumerate(choices, start=1):
        lists.cell(r, column, choice)
    letter = get_column_letter(column)
    return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"


def check_new_year_dir(year_dir: Path) -> None:
    """Raise InputError unless `year_dir` is a new year folder of a province with a profile."""
    problems = Problems()
    first, last = PROGRAMME_YEARS
    if not (year_dir.name.isascii() and year_dir.name.isdigit() and len(year_dir.name) == 4):
        problems.error(Location(str(year_dir)), "tên thư mục năm phải là một năm, ví dụ "
                       f"{year_dir.parent / str(this_year())}")
    elif not first <= int(year_dir.name) <= last:
        problems.error(Location(str(year_dir)), expected_found(
            f"một năm của Chương trình 1322 ({first}–{last}, theo QĐ 1322/QĐ-TTg)",
            year_dir.name))
    elif not (year_dir.parent / PROFILE_FILE).is_file():
        problems.error(Location(str(year_dir.parent)), f"thiếu hồ sơ tỉnh “{PROFILE_FILE}”; "
                       f"{make_profile(year_dir.parent)}")
    elif any(year_dir.glob("*.xlsx")):
        problems.error(Location(str(year_dir)), "thư mục năm đã có sổ Excel; không ghi đè")
    elif other := sorted(p.name for pattern in OTHER_WORKBOOKS for p in year_dir.glob(pattern)):
        problems.error(Location(str(year_dir)), f"thư mục năm đã có sổ “{other[0]}”; không tạo "
                       "sổ trống bên cạnh: hãy mở sổ đó bằng Excel, chọn Tệp › Lưu thành › "
                       "“Excel Workbook (*.xlsx)”, rồi chuyển bản cũ ra khỏi thư mục")
    if problems:
        raise InputError(problems)


def write_blank_year_workbook(year_dir: Path, rows: dict[str, list[tuple]] | None = None,
                              notes: tuple[str, ...] = ()) -> Path:
    """Create inputs/<tỉnh>/<năm>/bao-cao-<năm>.xlsx: the “Mục” labels, and `rows` if given
    (what `new-year` carries from the previous year)."""
    year_dir = Path(year_dir)
    check_new_year_dir(year_dir)
    general = [(s.label, year_dir.name if s.key == "year" else None) for s in YEAR_SETTINGS]
    return write_workbook(year_dir / f"bao-cao-{year_dir.name}.xlsx", YEAR_SHEETS,
                          {YEAR_GENERAL.name: general, **(rows or {})},
                          f"Số liệu báo cáo năm {year_dir.name} – Chương trình 1322", notes)
