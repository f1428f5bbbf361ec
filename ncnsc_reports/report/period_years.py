"""The years a period summary adds up: which are missing, and a last year without data.

A summary rests on every year of its period. A province formed by the 2025 merger, or new to
the tool, may have none of them; one message then says which years are missing and the two
ways forward — bring in the predecessors' years (“Hình thành”), or mark the years in “Năm không
có số liệu” (issue 23, item 4). A marked year is a year without records, the last one included:
the last year's agency, plan and recipients then come from the profile alone.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.inputs.books import read_profile
from ncnsc_reports.inputs.schema import (
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_FORMATION,
    PROFILE_LOCALITIES,
    PROFILE_NO_DATA,
    PROFILE_RECIPIENTS,
    SECTIONS,
)
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.formation import folder_name, read_formation, year_sources
from ncnsc_reports.report.general import report_date
from ncnsc_reports.report.history import load_history
from ncnsc_reports.report.localities import read_localities
from ncnsc_reports.report.model import Phase, Report, UnitReplies, YearRecords
from ncnsc_reports.report.phases import phase_of
from ncnsc_reports.report.plan import read_plan
from ncnsc_reports.report.territory import territories
from ncnsc_reports.report.validation import agency_in_force, recipients_in_force


def missing_years(province_dir: Path, period: Phase, no_data: set[int],
                  problems: Problems) -> list[int]:
    """The years of `period` no folder covers (the province's own, or a predecessor's up to
    the merger) and the profile does not mark as without data; one error names them all."""
    formation = read_formation(province_dir, Problems())  # its problems: the years report them
    sources = year_sources(province_dir, period, formation)
    missing = [year for year, folders in sources.items() if not folders and year not in no_data]
    if missing:
        others = sorted({p.folder.name for p in formation.predecessors if p.folder is not None
                         and p.folder.resolve() != Path(province_dir).resolve()}
                        ) if formation else []
        problems.error(Location(PROFILE_FILE, PROFILE_NO_DATA.name),
                       _missing(province_dir, period, missing, others))
    return missing


def _missing(province_dir: Path, period: Phase, missing: list[int], others: list[str]) -> str:
    own = f"{province_dir.parent.name}/{province_dir.name}/<năm>"
    elsewhere = (f", các tỉnh trước sắp xếp ghi ở trang “{PROFILE_FORMATION.name}” "
                 f"({', '.join(others)}) cũng không có năm đó") if others else ""
    return (f"báo cáo tổng kết giai đoạn {period.start}-{period.end} cộng số liệu của từng năm, "
            f"nhưng chưa có số liệu năm {', '.join(map(str, missing))}: không có thư mục {own}"
            f"{elsewhere} (tỉnh mới sắp xếp, hoặc mới dùng chương trình). Có hai cách: (1) đưa "
            "số liệu các năm đó của các tỉnh trước sắp xếp vào — ở trang "
            f"“{PROFILE_FORMATION.name}” ghi mỗi tỉnh một dòng, cột “Thư mục số liệu” là thư "
            "mục của tỉnh đó trong inputs/ (ví dụ tien-giang), trong đó có các thư mục năm; (2) "
            f"năm nào không có số liệu thì ghi năm đó vào trang “{PROFILE_NO_DATA.name}” của "
            "hồ sơ tỉnh")


def year_without_data(province_dir: Path, year: int, problems: Problems) -> Report | None:
    """The report of a year that has no workbook (marked without data, or covered only by the
    predecessors' folders): the profile's values in force that year, no records or prose."""
    profile = read_profile(province_dir / PROFILE_FILE, problems)
    agency = agency_in_force(profile[PROFILE_AGENCY.name], {}, year, problems)
    date = report_date({}, year)
    # the plan's territory as in a year with data (validation.py): a plan of a former province
    # covers that province only (report.territory), and the summary lists each plan once
    formation = read_formation(province_dir, Problems())  # its problems: the years report them
    cited, plan = read_plan(profile, year, date, problems, formation)
    if agency is None or not cited:
        if not problems.errors:
            problems.error(Location(PROFILE_FILE), f"chưa có kế hoạch nào áp dụng năm {year}")
        return None
    # the earlier years' own problems are told by their own validation or by missing_years
    history = load_history(province_dir / str(year), plan.period.start, profile, Problems()) \
        if plan is not None else {}
    history[year] = YearRecords(year, "", no_data=True)
    return Report(
        file_stem=f"bao-cao-{folder_name(agency.place) or province_dir.name}-{year}",
        province=province_dir.name, year=year, number=None, day=None, month=None,
        sign_year=year, agency=agency, plan=cited[0], amendments=tuple(cited[1:]),
        plan_in_force=plan, history=history, date=date, phase=phase_of(year),
        localities=read_localities(profile[PROFILE_LOCALITIES.name], problems),
        recipients=recipients_in_force(profile[PROFILE_RECIPIENTS.name], [], year),
        sections={name: () for name in SECTIONS}, units=UnitReplies(()),
        # where each record lies, so the plan's rate counts its territory only (domain.md §7)
        territories=territories(formation, province_dir, profile[PROFILE_LOCALITIES.name],
                                Problems()))  # its problems: the years report them
