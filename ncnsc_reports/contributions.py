"""`unit-form`: write the contribution forms Sở KH&CN sends to departments and communes.

Orchestrates: read the profile's units in force in the year (and the province's name), pick
the units asked for, make one form each (inputs.unit_form) and write them into
outputs/<tỉnh>/<năm>/phieu-don-vi/ as a build writes a report (outputs.write): a clerk may
pre-fill a form there before sending it, so a form changed since it was written is kept, never
overwritten (issue 25). Reading the forms that come back is the build's business
(report.units).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import ArgumentError, InputError, cannot_write
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
from ncnsc_reports.inputs.unit_form import FORMS_DIR, form_file_names, unit_form_book
from ncnsc_reports.names import name_key
from ncnsc_reports.outputs.fingerprint import fingerprinted
from ncnsc_reports.outputs.place import output_folder
from ncnsc_reports.outputs.write import Written, write_outputs
from ncnsc_reports.outputs.xlsx_save import save_dated
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.units import Unit, place_in_force, units_in_force
from ncnsc_reports.reproducible import fixed_time, normalise_zip

FORMS_OUT = "phieu-don-vi"


@dataclass(frozen=True)
class Forms:
    """What `unit-form` did: the files written (outputs.write) and, on a run for every unit,
    earlier forms edited by hand that no unit's form replaces any more (kept where they are:
    a unit's file name changes when a unit whose name differs only in accents is added)."""

    written: Written
    left: list[Path] = field(default_factory=list)


def write_forms(year_dir: Path, names: tuple[str, ...] = (), out_dir: Path | None = None,
                force: bool = False) -> Forms:
    """Write the form of each named unit (all units of the year without names), as a build
    writes its outputs: all or none, recorded, a form edited since it was written kept as a
    “-sua-tay-” copy (unless `force`). Without names, the untouched forms of units no longer in
    the profile are removed; with names, the other forms stay as they are."""
    year_dir = Path(year_dir)
    problems = Problems()
    year, place, units = _profile_units(year_dir, problems)
    if year is not None and not units and not problems.errors:
        problems.error(Location(PROFILE_FILE, PROFILE_UNITS.name),
                       f"chưa có đơn vị nào áp dụng năm {year}; ghi các đơn vị phối hợp (mỗi đơn "
                       "vị một dòng) rồi chạy lại")
    if problems.errors:
        raise InputError(problems.errors)
    known = {name_key(u.name): u for u in units}
    unknown = [n for n in names if name_key(n) not in known]
    if unknown:
        raise ArgumentError(_unknown_units(year_dir, year, unknown, units))
    chosen = list({name_key(n): known[name_key(n)] for n in names}.values()) if names \
        else list(units)
    # named with all the year's units, so a unit's file is the same whoever is asked for
    files = form_file_names([u.name for u in units], year)
    when = fixed_time(dt.date(year, 1, 1))
    forms = {files[u.name]: _form_bytes(place, year, u, when) for u in chosen}
    _answers_folder(year_dir)
    out = Path(out_dir) if out_dir else _default_out(year_dir)
    before = set() if names else _earlier_forms(out, year)
    written = write_outputs(out, forms, force, keep_others=bool(names))
    gone = {*forms, *(p.name for p in written.removed)}
    return Forms(written, sorted(out / n for n in before - gone if (out / n).is_file()))


def _earlier_forms(out: Path, year: int) -> set[str]:
    """The names of the forms of `year` already in the folder (kept copies aside)."""
    return {p.name for p in out.glob(f"phieu-*-{year}.xlsx")} if out.is_dir() else set()


def _form_bytes(place: str, year: int, unit: Unit, when: dt.datetime) -> bytes:
    """The form's bytes, dated and fingerprinted like a report (outputs.fingerprint)."""
    book = unit_form_book(place, year, unit.name, unit.sections)
    return normalise_zip(save_dated(book, when), when, fingerprinted)


def _answers_folder(year_dir: Path) -> None:
    """Make don-vi/, where the answers go: from now on the build lists who has not answered."""
    folder = year_dir / FORMS_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise cannot_write(folder, err, "thư mục nhận phiếu", "tạo") from err


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
