"""Files the program ships besides its code: the default report template and the sample year.

In a checkout they are read where editors and clerks keep them (templates/, inputs/hung-yen/);
a built wheel carries copies of `SHIPPED` under ncnsc_reports/shipped/ (setup.py copies them),
so an installed tool needs no checkout: `check-template` and `fields` use the sample year (and
An Giang 2021-2025 for the summary's templates), and
`build` falls back to the shipped template when a project has none of its own.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED = (
    "templates/bao-cao-nam.docx",
    "templates/tong-ket-giai-doan.docx",  # period summary (tools/make_summary_template.py)
    "templates/du-thao-ke-hoach.docx",  # draft plan of the next phase (make_plan_template.py)
    "inputs/hung-yen/ho-so-tinh.xlsx",
    "inputs/hung-yen/2023/bao-cao-2023.xlsx",
    # the summary's and draft plan's sample (check-template, fields --mau tong-ket)
    "inputs/an-giang/ho-so-tinh.xlsx",
    *(f"inputs/an-giang/{year}/bao-cao-{year}.xlsx" for year in range(2021, 2026)),
    "inputs/an-giang/tong-ket-2021-2025/tong-ket-2021-2025.xlsx",
    # the former Kiên Giang, named in An Giang's “Hình thành”: the summary adds its years
    "inputs/kien-giang/ho-so-tinh.xlsx",
    *(f"inputs/kien-giang/{year}/bao-cao-{year}.xlsx" for year in range(2021, 2026)),
)
INSTALLED = "shipped"  # the folder inside the installed package that holds the copies
DEFAULT_TEMPLATES = "templates"
SAMPLE_YEAR = "inputs/hung-yen/2023"
SAMPLE_PERIOD = "inputs/an-giang/tong-ket-2021-2025"
_PACKAGE = Path(__file__).resolve().parent


def shipped(relative: str) -> Path:
    """Return the shipped file or folder `relative` (e.g. "templates"): the installed copy, or
    the checkout's own when the package runs from a checkout."""
    installed = _PACKAGE / INSTALLED / relative
    return installed if installed.exists() else _PACKAGE.parent / relative

