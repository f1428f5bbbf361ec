"""The phases of Chương trình 1322 and how a report speaks of its own.

QĐ 1322/QĐ-TTg runs 2021–2030 in two phases (2021–2025, 2026–2030); a plan covers one phase
or the whole programme (Tiền Giang 224/KH-UBND: 2021–2030). Owns reading a period typed in a
cell (“2021-2025”, “2026 – 2030”) and the phrases that name a phase, its first year and the
years counted so far — so that the first year of a phase reads “năm 2026”, never “2026-2026”.
"""

from __future__ import annotations

import re

from ncnsc_reports.inputs.period_schema import PHASE_YEARS
from ncnsc_reports.report.model import Phase

PHASES = tuple(Phase(first, last) for first, last in PHASE_YEARS)
PROGRAMME = Phase(2021, 2030)
_RANGE = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")

PHASE_EXPECTED = "một giai đoạn của Chương trình: “2021-2025” hoặc “2026-2030”"
PLAN_PERIOD_EXPECTED = ("giai đoạn mà văn bản áp dụng: “2021-2025”, “2026-2030” hoặc “2021-2030” "
                        "(cả Chương trình)")


def phase_of(year: int) -> Phase:
    """The phase a report year belongs to (years after 2030 get a phase of their own)."""
    return next((p for p in PHASES if p.start <= year <= p.end), Phase(year, year))


def parse_range(text: object) -> Phase | None:
    """Return the years of “2021-2025” (hyphen or dash, spaces allowed); None otherwise."""
    m = _RANGE.match(str(text or ""))
    return Phase(int(m[1]), int(m[2])) if m else None


def parse_plan_period(text: object) -> Phase | None:
    """A plan's period: one phase or the whole programme; None when it is neither."""
    found = parse_range(text)
    return found if found in PHASES + (PROGRAMME,) else None


def parse_target_period(text: object) -> Phase | int | None:
    """A target's “Kỳ”: a phase, or one year of the programme; None when it is neither."""
    if m := _YEAR.match(str(text or "")):
        year = int(m[1])
        return year if PROGRAMME.start <= year <= PROGRAMME.end else None
    found = parse_range(text)
    return found if found in PHASES else None


def covers(period: Phase, phase: Phase) -> bool:
    return period.start <= phase.start and phase.end <= period.end


def previous(phase: Phase) -> Phase | None:
    index = PHASES.index(phase) if phase in PHASES else 0
    return PHASES[index - 1] if index > 0 else None


def years_text(first: int, last: int) -> str:
    """“năm 2026” for one year, “các năm 2021-2023” for several."""
    return f"năm {first}" if first == last else f"các năm {first}-{last}"


def span_text(first: int, last: int) -> str:
    """A table header's span: “năm 2026” for one year, “2021-2023” for several."""
    return f"năm {first}" if first == last else f"{first}-{last}"


def since_text(phase: Phase, year: int) -> str:
    """How far back the cumulative figures run: “từ năm 2021 đến hết năm 2023”; in the first
    year of a phase “năm 2026 (năm đầu giai đoạn 2026-2030)”: one year, said once (not “từ đầu
    giai đoạn 2026-2030 đến hết năm 2026”)."""
    if year == phase.start:
        return f"năm {year} ({first_year_text(phase)})"
    return f"từ năm {phase.start} đến hết năm {year}"


def first_year_text(phase: Phase) -> str:
    """“năm đầu giai đoạn 2026-2030”: what a phase's first year is called wherever the report
    would otherwise give a cumulative span of that one year (II, Phụ lục I, chi-tieu.xlsx)."""
    return f"năm đầu giai đoạn {phase.label}"


def start_text(phase: Phase, with_year: bool) -> str:
    """“từ đầu Chương trình (năm 2021)” in the first phase, “từ đầu giai đoạn 2026-2030 (năm
    2026)” in the second: the II heading (without the year) and II.1 (with it), seed 004."""
    words = "từ đầu Chương trình" if phase.start == PROGRAMME.start else \
        f"từ đầu giai đoạn {phase.label}"
    return f"{words} (năm {phase.start})" if with_year else words
