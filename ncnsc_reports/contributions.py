"""`unit-form`: write the contribution forms Sở KH&CN sends to departments and communes.

Orchestrates: read the profile's units in force in the year (and the province's name), pick
the units asked for, write one form each (inputs.unit_form) into
outputs/<tỉnh>/<năm>/phieu-don-vi/. Reading the forms that come back is the build's business
(report.units).
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.schema import (
    HELP_SHEET,
    LISTS_SHEET,
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_SHEETS,
    PROFILE_UNITS,
)
from ncnsc_reports.inputs.sheets import read_workbook
from ncnsc_reports.inputs.unit_form import FORMS_DIR, form_file_name, write_unit_form
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
    for name in names:
        if name.casefold() not in known and units:
            listed = ", ".join(f"“{u.name}”" for u in units)
            problems.error(Location(PROFILE_FILE, PROFILE_UNITS.name),
                           f"cần tên một đơn vị áp dụng năm {year}: {listed}, nhưng gặp “{name}”")
    if problems.errors:
        raise InputError(problems.errors)
    chosen = [known[n.casefold()] for n in names] if names else list(units)
    # the folder the answers go to: from now on the build lists who has not answered
    (year_dir / FORMS_DIR).mkdir(parents=True, exist_ok=True)
    out = Path(out_dir) if out_dir else _default_out(year_dir)
    return [write_unit_form(out / form_file_name(u.name, year), place, year, u.name, u.sections)
            for u in chosen]


def _default_out(year_dir: Path) -> Path:
    """outputs/<tỉnh>/<năm>/phieu-don-vi beside inputs/ (as the reports are)."""
    year_dir = year_dir.resolve()
    return year_dir.parent.parent.parent / "outputs" / year_dir.parent.name / year_dir.name \
        / FORMS_OUT


def _profile_units(year_dir: Path, problems: Problems):
    """Return (year, province name, units in force) read from the province profile."""
    if not (year_dir.name.isdigit() and len(year_dir.name) == 4):
        problems.error(Location(str(year_dir)), "tên thư mục năm phải là một năm, ví dụ "
                       "inputs/hung-yen/2024")
        return None, "", ()
    profile_path = year_dir.parent / PROFILE_FILE
    if not profile_path.is_file():
        problems.error(Location(str(year_dir.parent)), f"thiếu hồ sơ tỉnh “{PROFILE_FILE}”")
        return None, "", ()
    year = int(year_dir.name)
    other = tuple(s.name for s in PROFILE_SHEETS if s not in (PROFILE_AGENCY, PROFILE_UNITS))
    sheets = read_workbook(profile_path, (PROFILE_AGENCY, PROFILE_UNITS), problems,
                           (HELP_SHEET, LISTS_SHEET) + other)
    place = place_in_force(sheets[PROFILE_AGENCY.name], year, problems)
    return year, place, units_in_force(sheets[PROFILE_UNITS.name], year, problems)
