"""The model of a period summary (báo cáo tổng kết / sơ kết) and how it is gathered.

Owns turning inputs/<tỉnh>/tong-ket-2021-2025/ into one `PeriodReport`: every year of the
period is validated as its yearly report would be (so the summary rests on the same records,
plan and checks), the plan and its amendments in force at the summary's date are listed with
what each replaced, and the period workbook adds the clerk's own prose, the yearly prose to
carry and the rule for the next phase. Every problem is collected; one InputError at the end.

A province formed by the 2025 merger (its profile's “Hình thành”, `report.formation`) is
summed over its territory: its own years and its predecessors' years up to the merger
(`formation.territory_history`), so an enterprise supported by two predecessors is counted
once by its tax code (domain.md §7).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.books import period_book, profile_sheets, read_period_book
from ncnsc_reports.inputs.period_schema import (
    DEFAULT_PERCENT,
    PERIOD_BUDGET,
    PERIOD_CARRY,
    PERIOD_CONTENT,
    PERIOD_GENERAL,
    PERIOD_SECTIONS,
    PERIOD_SETTINGS,
    RULE_MAX,
    period_folder,
    period_folder_problem,
)
from ncnsc_reports.inputs.schema import (
    LINE_KINDS,
    PROFILE_FILE,
    PROFILE_NO_DATA,
    PROFILE_PLAN,
    PROFILE_TARGETS,
)
from ncnsc_reports.inputs.sheets import Row, read_settings
from ncnsc_reports.problems import Location, Problems, command, expected_found
from ncnsc_reports.report.confirm import ACCEPTS
from ncnsc_reports.report.content import VIETNAMESE_LETTERS
from ncnsc_reports.report.formation import (
    Formation,
    read_formation,
    territory_history,
    year_sources,
)
from ncnsc_reports.report.general import report_date
from ncnsc_reports.report.history import any_illustrative
from ncnsc_reports.report.model import (
    Agency,
    Document,
    Paragraph,
    Phase,
    PlanInForce,
    Report,
    Territories,
    YearRecords,
)
from ncnsc_reports.report.period_years import missing_years, year_without_data
from ncnsc_reports.report.plan import PARTS, chain_in_force, plan_rows
from ncnsc_reports.report.predecessors import FormerPlan, check_predecessors, former_plans
from ncnsc_reports.report.validation import validate
from ncnsc_reports.report.year_targets import with_year_sums


@dataclass(frozen=True)
class PlanVersion:
    """The plan or one amendment: from when it applies and which parts it replaced."""

    document: Document
    effective: dt.date
    parts: tuple[str, ...]
    is_plan: bool


@dataclass(frozen=True)
class NextPhaseRule:
    """How the draft plan's targets follow from this phase: `base` × `percent` %, rounded up."""

    base: str = RULE_MAX
    percent: int = DEFAULT_PERCENT


@dataclass(frozen=True)
class PeriodReport:
    province: str
    kind: str  # "tổng kết" (a whole phase) or "sơ kết" (a mid-term review)
    period: Phase
    phase: Phase
    number: int | None
    day: int | None
    month: int | None
    sign_year: int
    date: dt.date
    agency: Agency
    recipients: tuple[str, ...]
    plan_versions: tuple[PlanVersion, ...]
    plan_in_force: PlanInForce
    history: dict[int, YearRecords]
    sections: dict[str, tuple[Paragraph, ...]]
    carried: dict[str, tuple[tuple[int, tuple[Paragraph, ...]], ...]]
    rule: NextPhaseRule
    chart_codes: tuple[str, ...]
    next_budget: dict[int, int]
    illustrative: bool
    yearly: dict[int, Report] = field(default_factory=dict)
    formation: Formation | None = None  # a province formed by merging others (1/7/2025)
    merged_from: tuple[str, ...] = ()  # the predecessors whose years are added up
    former: tuple[FormerPlan, ...] = ()  # the other former provinces' plans (predecessors)
    territories: Territories | None = None  # where each record lies (report.territory)


def _territory(province_dir: Path, period: Phase, end: Report, problems: Problems):
    """(formation, history, predecessors with years in the period): the province's own
    history, or for a merged province every folder that covered part of its territory."""
    formation = read_formation(province_dir, problems)
    if formation is None:
        return None, end.history, ()
    sources = {f.resolve().parent for folders in year_sources(province_dir, period, formation)
               .values() for f in folders}
    counted = tuple(p.name for p in formation.predecessors
                    if p.folder is not None and p.folder.resolve() in sources)
    return formation, territory_history(province_dir, period, problems), counted


def load_period(period_dir: Path) -> tuple[PeriodReport, Problems]:
    """Return the period report of a folder and its warnings; raise InputError on any error."""
    problems = Problems()
    report = _build(Path(period_dir), problems)
    if problems.errors or report is None:
        raise InputError(_unique(problems.errors) + _unique(problems.warnings))
    return report, Problems(_unique(problems))


def _unique(problems) -> list:
    """Each problem once: the years of a period re-read the same earlier workbooks."""
    seen, result = set(), []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            result.append(p)
    return result


def _build(period_dir: Path, problems: Problems) -> PeriodReport | None:
    read = _read(period_dir, problems)
    if read is None:
        return None
    kind, span, profile, yearly, book = read
    sheets = read_period_book(book, problems)
    general, where = _settings(sheets[PERIOD_GENERAL.name], f"{span.start}-{span.end}",
                               book.name, problems)
    end = yearly[span.end]
    planned = _plan(period_dir, end, profile, general, span, problems)
    if planned is None:
        return None
    plan, date = planned
    formation, history, merged_from = _territory(period_dir.parent, span, end, problems)
    former = _former(formation, plan, span, date, problems)
    return PeriodReport(
        province=period_dir.parent.name, kind=kind, period=span, phase=plan.period,
        number=general.get("number"), day=general.get("day"), month=general.get("month"),
        sign_year=general.get("sign_year") or span.end, date=date, agency=end.agency,
        recipients=end.recipients, plan_versions=_versions(profile, plan.period, date),
        plan_in_force=plan, history=history, formation=formation, merged_from=merged_from,
        former=former, territories=end.territories,
        sections=_phase_sections(sheets[PERIOD_CONTENT.name], book, plan, span, problems),
        carried=_carried(sheets[PERIOD_CARRY.name], yearly, span, problems),
        rule=NextPhaseRule(general.get("rule") or RULE_MAX,
                           general.get("percent") or DEFAULT_PERCENT),
        chart_codes=_codes(general.get("chart_codes"), where.get("chart_codes"), plan, problems),
        next_budget={r["year"]: r["amount"] for r in sheets[PERIOD_BUDGET.name]
                     if r["year"] and r["amount"] is not None},
        # a year's, not only the last, and a predecessor's years too (issue 22)
        illustrative=general.get("illustrative") == "Có" or any(
            r.illustrative for r in yearly.values()) or any_illustrative(history),
        yearly=yearly)


def _read(period_dir: Path, problems: Problems) -> tuple | None:
    """The folder's kind and span, the profile, every year validated and the summary workbook;
    None when any of them cannot be read (every problem recorded)."""
    parsed = _folder(period_dir, problems)
    if parsed is None:
        return None
    kind, first, last = parsed
    profile = _profile(period_dir.parent, problems)
    yearly = _yearly_reports(period_dir.parent, first, last, profile, problems)
    book = period_book(period_dir, problems)
    if book is None or problems.errors or last not in yearly:
        return None
    return kind, Phase(first, last), profile, yearly, book


def _plan(period_dir: Path, end: Report, profile, general: dict, span: Phase,
          problems: Problems) -> tuple[PlanInForce, dt.date] | None:
    """The plan in force at the signing date and that date; None without the plan's targets."""
    if end.plan_in_force is None:
        problems.error(Location(PROFILE_FILE), "báo cáo tổng kết cần trang “Chỉ tiêu” và “Chỉ "
                       "tiêu kế hoạch” trong hồ sơ tỉnh (chỉ tiêu của Kế hoạch)")
        return None
    date = report_date(general, span.end)
    # a target set only year by year is summed over the phase (review M10)
    plan = with_year_sums(end.plan_in_force, profile, span, date)
    if plan.period.start != span.start:
        problems.error(Location(str(period_dir)), expected_found(
            f"giai đoạn bắt đầu từ năm đầu của giai đoạn Kế hoạch ({plan.period.start})",
            span.start))
    return plan, date


def _former(formation, plan: PlanInForce, span: Phase, date: dt.date,
            problems: Problems) -> tuple[FormerPlan, ...]:
    """The predecessors' plans when the period reaches back before the merger."""
    if formation is None or span.start > formation.last_year_before:
        return ()
    check_predecessors(formation, problems)  # years before the merger: every predecessor
    return former_plans(formation, plan, span.end, date, problems)


def _phase_sections(rows: list[Row], book: Path, plan: PlanInForce, span: Phase,
                    problems: Problems) -> dict[str, tuple[Paragraph, ...]]:
    """The summary's sections; for a whole phase the draft plan's are checked too."""
    whole = span.start == plan.period.start and span.end == plan.period.end
    return _sections(rows, problems, Location(book.name, PERIOD_CONTENT.name) if whole else None)


def _folder(period_dir: Path, problems: Problems) -> tuple[str, int, int] | None:
    if not period_dir.is_dir():
        fix = ("cần dạng inputs/<tỉnh>/tong-ket-2021-2025 (hoặc so-ket-2026-2028)"
               if period_folder_problem(period_dir.name) else
               "tạo thư mục và sổ Excel tổng kết bằng: "
               + command("ncnsc-report", "new-summary", period_dir))
        problems.error(Location(str(period_dir)), f"không tìm thấy thư mục tổng kết; {fix}")
    elif problem := period_folder_problem(period_dir.name):
        problems.error(Location(str(period_dir)), problem)
    return None if problems.errors else period_folder(period_dir.name)


def _profile(province_dir: Path, problems: Problems) -> dict[str, list[Row]]:
    """The profile's plan and no-data sheets. Their problems are reported here too: the years'
    validations report the same ones (load_period keeps each once), but a year whose workbook
    is missing stops before reading the profile, and every problem is to be told at once."""
    return profile_sheets(province_dir, (PROFILE_PLAN, PROFILE_NO_DATA, PROFILE_TARGETS),
                          problems)  # a missing profile: the years report it


def _yearly_reports(province_dir: Path, first: int, last: int, profile,
                    problems: Problems) -> dict[int, Report]:
    """Validate every year of the period as its yearly report would be."""
    no_data = {r["year"] for r in profile[PROFILE_NO_DATA.name] if r["year"]}
    missing = missing_years(province_dir, Phase(first, last), no_data, problems)
    reports = {}
    for year in range(first, last + 1):
        if not (province_dir / str(year)).is_dir():  # marked, a predecessor's, or missing
            end = year_without_data(province_dir, year, problems) \
                if year == last and year not in missing else None  # the profile says who
            if end is not None:
                reports[year] = end
            continue
        try:
            # warnings to confirm stay warnings here: the summary's build confirms them with
            # its own options (report.confirm), once for the whole period
            reports[year], warnings = validate(province_dir / str(year), frozenset(ACCEPTS))
            problems.extend(warnings)
        except InputError as err:
            problems.extend(err.problems)
    return reports


def _settings(rows: list[Row], period: str, file: str,
              problems: Problems) -> tuple[dict, dict[str, Location]]:
    """Return ({key: value}, {key: where its value is}) of “Thông tin chung”."""
    values, where = {}, {}
    for setting, value, row in read_settings(rows, PERIOD_SETTINGS, problems):
        values[setting.key], where[setting.key] = value, row.where.at(column="Giá trị")
        if setting.key == "period" and value and value.replace(" ", "") != period:
            problems.error(row.where.at(column="Giá trị"), expected_found(
                f"giai đoạn trùng tên thư mục ({period})", value))
    if "period" not in values:
        problems.error(Location(file, PERIOD_GENERAL.name), "thiếu dòng “Giai đoạn” (cột “Mục”)")
    return values, where


def _versions(profile, phase: Phase, on: dt.date) -> tuple[PlanVersion, ...]:
    """The plan of the phase and its amendments in force on the summary's date."""
    # Problems of these rows may be dropped: _build comes here only when the period's last
    # year validated without an error, and that validation parsed these same rows with
    # plan_rows (report.plan.read_plan) into the problems load_period reports.
    chain = chain_in_force(plan_rows(profile[PROFILE_PLAN.name], Problems()), phase, on)
    return tuple(PlanVersion(r.document, r.effective, tuple(p for p in PARTS if p in r.parts),
                             r.is_plan) for r in chain)


def _sections(rows: list[Row], problems: Problems,
              plan_at: Location | None) -> dict[str, tuple[Paragraph, ...]]:
    """Group the rows by section, in row order; points a), b) … follow the Vietnamese alphabet
    (NĐ 30/2020, Phụ lục I, II.6.e). With a draft plan (`plan_at`, the sheet), a task group
    of the plan left empty is told."""
    sections = _grouped(rows)
    empty = [n for n in range(1, 7) if not sections[f"KH.III.{n}"]]
    # review M13: a heading of III with nothing under it is not a plan to sign
    if empty and plan_at is not None:
        problems.warning(plan_at, (
            "dự thảo Kế hoạch, mục III: nhóm nhiệm vụ " + ", ".join(map(str, empty)) + " chưa có "
            "nội dung, nên chỉ in tên nhóm. Ghi nhiệm vụ, giải pháp của từng nhóm ở các dòng "
            "Mục “" + "”, “".join(f"KH.III.{n}" for n in empty) + "”"))
    return sections


def _grouped(rows: list[Row]) -> dict[str, tuple[Paragraph, ...]]:
    sections: dict[str, list[Paragraph]] = {name: [] for name in PERIOD_SECTIONS}
    for row in rows:
        if row["section"] and row["text"]:
            kind = LINE_KINDS[row["line_kind"]] if row["line_kind"] else "text"
            points = sum(p.kind == "point" for p in sections[row["section"]])
            label = f"{VIETNAMESE_LETTERS[points % len(VIETNAMESE_LETTERS)]})"
            sections[row["section"]].append(Paragraph(kind, row["text"],
                                                      label if kind == "point" else ""))
    return {name: tuple(paragraphs) for name, paragraphs in sections.items()}


def _carried(rows: list[Row], yearly: dict[int, Report], period: Phase,
             problems: Problems) -> dict[str, tuple[tuple[int, tuple[Paragraph, ...]], ...]]:
    """{"I.2.3": ((2022, paragraphs of 2022's I.2.3), …)}: the yearly prose chosen to carry."""
    chosen: dict[str, set[int]] = {}
    for row in rows:
        if not (row["year"] and row["section"]):
            continue
        if not period.start <= row["year"] <= period.end:
            problems.error(row.where.at(column="Năm"), expected_found(
                f"một năm của giai đoạn {period.label}", row["year"]))
        elif row["year"] in yearly:
            chosen.setdefault(row["section"], set()).add(row["year"])
    return {section: tuple((y, yearly[y].sections[section]) for y in sorted(years)
                           if yearly[y].sections[section])
            for section, years in chosen.items()}


def _codes(text: str | None, where: Location | None, plan: PlanInForce,
           problems: Problems) -> tuple[str, ...]:
    """The indicators drawn on the chart: those named, else every one with a phase target."""
    known = [i.code for i in plan.indicators]
    if not text:
        return tuple(c for c in known if plan.period_targets.get(c) is not None)
    codes = tuple(c.strip() for c in text.replace(";", ",").split(",") if c.strip())
    for code in codes:
        if code not in known:
            problems.error(where, expected_found(
                f"mã chỉ tiêu ở trang “Chỉ tiêu” của hồ sơ tỉnh ({', '.join(known)})", code))
    return tuple(c for c in codes if c in known)
