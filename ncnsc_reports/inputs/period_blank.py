"""The blank period workbook (`ncnsc-report new-summary inputs/<tỉnh>/tong-ket-2021-2025`).

Headers, drop-down lists and help come from `period_schema`, like the year workbook's from
`schema`; the “Mục” labels of “Thông tin chung” are written, with the period filled in.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.blank import write_workbook
from ncnsc_reports.inputs.period_schema import (
    DEFAULT_PERCENT,
    PERIOD_GENERAL,
    PERIOD_SETTINGS,
    PERIOD_SHEETS,
    RULE_MAX,
    period_folder,
    period_folder_problem,
)
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.inputs.start import make_profile
from ncnsc_reports.problems import Location, Problems

DEFAULTS = {"rule": RULE_MAX, "percent": DEFAULT_PERCENT}


def write_blank_period_workbook(period_dir: Path) -> Path:
    """Create inputs/<tỉnh>/tong-ket-2021-2025/tong-ket-2021-2025.xlsx, ready to fill in."""
    period_dir = Path(period_dir)
    parsed = period_folder(period_dir.name)
    problems = Problems()
    if problem := period_folder_problem(period_dir.name):
        problems.error(Location(str(period_dir)), problem)
    elif not (period_dir.parent / PROFILE_FILE).is_file():
        problems.error(Location(str(period_dir.parent)), f"thiếu hồ sơ tỉnh “{PROFILE_FILE}”; "
                       "thư mục tổng kết đặt trong thư mục tỉnh, cạnh các thư mục năm; tỉnh chưa "
                       f"có hồ sơ thì {make_profile(period_dir.parent)}")
    elif any(period_dir.glob("*.xlsx")):
        problems.error(Location(str(period_dir)), "thư mục đã có sổ Excel; không ghi đè")
    if problems:
        raise InputError(problems)
    kind, first, last = parsed
    values = {"period": f"{first}-{last}", **DEFAULTS}
    general = [(s.label, values.get(s.key)) for s in PERIOD_SETTINGS]
    return write_workbook(period_dir / f"{period_dir.name}.xlsx", PERIOD_SHEETS,
                          {PERIOD_GENERAL.name: general},
                          f"Báo cáo {kind} giai đoạn {first}-{last} – Chương trình 1322")
