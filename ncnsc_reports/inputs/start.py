"""What a message tells a clerk whose project lacks a folder or a profile: the command that
makes it (`new-province`, `new-year`), naming a folder that exists or the one the clerk typed.

An installed copy has no inputs/hung-yen/ and no templates/ beside the clerk's folder (issue
23): a message never sends the clerk to the repository's samples, only to what is on their
disk or to the command that creates it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ncnsc_reports.inputs.schema import PROFILE_FILE, PROGRAMME_YEARS

NEW_PROVINCE = "ncnsc-report new-province"
NEW_YEAR = "ncnsc-report new-year"


def this_year() -> int:
    """The year to suggest for a new year folder: today's, within the programme's years."""
    first, last = PROGRAMME_YEARS
    return min(max(dt.date.today().year, first), last)


def example_year_dir(province_dir: Path) -> Path:
    """A year folder of the province to show: its latest, or this year's when it has none."""
    years = sorted(p.name for p in province_dir.glob("[0-9][0-9][0-9][0-9]") if p.is_dir()) \
        if province_dir.is_dir() else []
    return province_dir / (years[-1] if years else str(this_year()))


def make_profile(province_dir: Path) -> str:
    """“tạo hồ sơ tỉnh bằng: ncnsc-report new-province inputs/dong-thap”."""
    return f"tạo hồ sơ tỉnh bằng: {NEW_PROVINCE} {province_dir}"


def first_steps(inputs_dir: Path = Path("inputs")) -> str:
    """How to go on when the clerk gave no folder: a year folder that exists under
    `inputs_dir` (relative to where the command runs), else how to start a province."""
    provinces = sorted(p for p in inputs_dir.glob(f"*/{PROFILE_FILE}")) \
        if inputs_dir.is_dir() else []
    years = sorted((y for p in provinces for y in p.parent.glob("[0-9][0-9][0-9][0-9]")
                    if y.is_dir()), key=lambda y: (y.name, str(y)))
    if years:
        return f"ví dụ: ncnsc-report build {years[-1]}"
    if provinces:
        return (f"chưa có thư mục năm nào; tạo sổ của năm bằng: {NEW_YEAR} "
                f"{provinces[0].parent / str(this_year())}")
    return (f"chưa có tỉnh nào trong {inputs_dir}/; bắt đầu bằng: {NEW_PROVINCE} "
            f"{inputs_dir}/<tỉnh> (ví dụ {inputs_dir}/dong-thap)")
