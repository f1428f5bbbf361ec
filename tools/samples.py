"""Write every sample workbook: `python -m tools.samples` (from the repository's root).

An Giang 2021–2025 and Tiền Giang 2021 (tools/make_samples.py), the former Kiên Giang
2021–2025 (tools/make_samples_kien_giang.py), An Giang 2026 and Đồng Tháp 2026, phase 2026–2030
(tools/make_samples_2026.py). This module only puts them together: the parts import their shared
pieces from make_samples.py, and nothing imports this module back (issue 21, item 6: no cycle).
Every record is invented and marked illustrative (dữ liệu minh họa); the plans are real or say
they are illustrative.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from ncnsc_reports.inputs import schema as s
from ncnsc_reports.inputs.blank import write_workbook
from tools import make_samples_2026 as p2
from tools import make_samples_kien_giang as kien_giang
from tools.make_samples import (
    NOTE,
    TITLE,
    Enterprises,
    profile_an_giang,
    tien_giang,
    year_an_giang,
)

ROOT = Path(__file__).resolve().parent.parent


def write_samples(inputs: Path, phase2: bool = True) -> None:
    """Write every sample; without `phase2`, only the 2021–2025 ones (the profiles without
    their 2026–2030 rows): a test builds both and compares the 2021–2025 reports byte for byte.
    """
    profile = profile_an_giang()
    if phase2:
        profile = p2.add_rows(profile, p2.an_giang_phase2())
    write_workbook(inputs / "an-giang" / s.PROFILE_FILE, s.PROFILE_SHEETS, profile,
                   TITLE.format("An Giang"), (NOTE,))
    rng = random.Random(1322)
    firms = Enterprises(rng)
    for year in range(2021, 2026):
        write_workbook(inputs / "an-giang" / str(year) / f"bao-cao-{year}.xlsx", s.YEAR_SHEETS,
                       year_an_giang(year, rng, firms),
                       f"Số liệu năm {year} – An Giang (dữ liệu minh họa)", (NOTE,))
    profile, year = tien_giang()
    write_workbook(inputs / "tien-giang" / s.PROFILE_FILE, s.PROFILE_SHEETS, profile,
                   TITLE.format("Tiền Giang"), (NOTE,))
    write_workbook(inputs / "tien-giang" / "2021" / "bao-cao-2021.xlsx", s.YEAR_SHEETS, year,
                   "Số liệu năm 2021 – Tiền Giang (dữ liệu minh họa)", (NOTE,))
    kien_giang.write(inputs)
    if phase2:
        p2.write(inputs, tien_giang()[0])


def main() -> int:
    write_samples(ROOT / "inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
