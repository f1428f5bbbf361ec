"""`unit-form`: write the contribution forms Sở KH&CN sends to departments and communes.

Orchestrates: read the profile's units in force in the year (and the province's name), pick
the units asked for, write one form each (inputs.unit_form) into
outputs/<tỉnh>/<năm>/phieu-don-vi/. Reading the forms that come back is the build's business
(report.units).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ncnsc_reports.errors import ArgumentError, InputError
from ncnsc_reports.inputs.schema import (
    HELP_SHEET,
    LISTS_SHEET,
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_SHEETS,
    PROFILE_UNITS,
)
from ncnsc_reports.inputs.sheets import read_workbook
from ncnsc_reports.inputs.start import make_profile, this_year
from ncnsc_reports.inputs.unit_form import FORMS_DIR, form_file_name, write_unit_form
from ncnsc_reports.outputs.place import output_folder
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.units import place_in_force, units_in_force

FORMS_OUT = "phieu-don-vi"


def write_forms(year_dir: Path, names: tuple[str, ...] = (), out_dir: Path | None = None
                ) -> list[Path]:
    """Write the form of each named unit (all units of the year without names); return paths."""
    year_dir = Path(year_dir)
    problems = Problems()
    year, place, units = _profile_units(year_dir, problems)
    known = {u.name.casefold(): u for u in units}
    if year is not None and not units and not problems.errors:
        problems.error(Location(PROFILE_FILE, PROFILE_UNITS.name),
                       f"chưa có đơn vị nào áp dụng năm {year}; ghi các đơn vị phối hợp (mỗi đơn "
                       "vị một dòng) rồi chạy lại")
    if problems.errors:
        raise InputError(problems.errors)
    unknown = [n for n in names if n.casefold() not in known]
    if unknown:
        raise ArgumentError(_unknown_units(year_dir, year, unknown, units))
    chosen = [known[n.casefold()] for n in names] if names else list(units)
    # the folder the answers go to: from now on the build lists who has not answered
    (year_dir / FORMS_DIR).mkdir(parents=True, exist_ok=True)
    out = Path(out_dir) if out_dir else _default_out(year_dir)
    return [write_unit_form(out / form_file_name(u.name, year), place, year, u.name, u.sections)
            for u in chosen]


def _unknown_units(year_dir: Path, year: int, unknown: list[str], units) -> str:
    """Say that the unit named after the command is not one of the year's units, list those."""
    names = [u.name for u in units]
    wrong = []
    for name in unknown:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        wrong.append(f"“{name}”" + (f" (có phải “{close[0]}”?)" if close else ""))
    listed = "\n".join(f"  “{n}”" for n in names)
    return (f"tên đơn vị ghi sau lệnh không có trong hồ sơ tỉnh: {', '.join(wrong)}. "
            f"Các đơn vị áp dụng năm {year} "
            f"({PROFILE_FILE} › trang “{PROFILE_UNITS.name}”):\n{listed}\n"
            f"Ghi tên đúng như trên, trong ngoặc kép, ví dụ: ncnsc-report unit-form {year_dir} "
            f"\"{names[0]}\"; không ghi tên thì tạo phiếu cho mọi đơn vị.")


def _default_out(year_dir: Path) -> Path:
    """outputs/<tỉnh>/<năm>/phieu-don-vi beside inputs/ (as the reports are)."""
    return output_folder(year_dir) / FORMS_OUT


def _profile_units(year_dir: Path, problems: Problems):
    """Return (year, province name, units in force) read from the province profile."""
    if not (year_dir.name.isdigit() and len(year_dir.name) == 4):
        problems.error(Location(str(year_dir)), "tên thư mục năm phải là một năm, ví dụ "
                       f"{year_dir.parent / str(this_year())}")
        return None, "", ()
    profile_path = year_dir.parent / PROFILE_FILE
    if not profile_path.is_file():
        problems.error(Location(str(year_dir.parent)), f"thiếu hồ sơ tỉnh “{PROFILE_FILE}”; "
                       f"{make_profile(year_dir.parent)}")
        return None, "", ()
    year = int(year_dir.name)
    other = tuple(s.name for s in PROFILE_SHEETS if s not in (PROFILE_AGENCY, PROFILE_UNITS))
    sheets = read_workbook(profile_path, (PROFILE_AGENCY, PROFILE_UNITS), problems,
                           (HELP_SHEET, LISTS_SHEET) + other)
    place = place_in_force(sheets[PROFILE_AGENCY.name], year, problems)
    return year, place, units_in_force(sheets[PROFILE_UNITS.name], year, problems)
