"""Turning the loaded rows of a province profile and a year workbook into one `Report`.

Owns the checks that span rows and files: required settings, duplicates, the report year,
values in force in the report's year (the folder, its workbook and the profile are found and
read by `inputs.books`). Every problem is collected; `validate` raises
`InputError` once, with all of them, or returns the report and the warnings.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.books import read_year_folder
from ncnsc_reports.inputs.schema import (
    AGENCY_SETTINGS,
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_FORMATION,
    PROFILE_LOCALITIES,
    PROFILE_RECIPIENTS,
    PROFILE_UNITS,
    RECORD_SHEETS,
    SECTIONS,
    YEAR_CONTENT,
    YEAR_DOCUMENTS,
    YEAR_GENERAL,
    YEAR_RECIPIENTS,
)
from ncnsc_reports.inputs.sheets import Row, read_settings
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.carry_over import has_records, unreviewed_rows
from ncnsc_reports.report.confirm import escalated, unconfirmed
from ncnsc_reports.report.content import (
    content_headings,
    content_sections,
)
from ncnsc_reports.report.formation import folder_name, formation_from_rows
from ncnsc_reports.report.general import (
    General,
    check_placeholders,
    check_typed_symbol,
    read_general,
)
from ncnsc_reports.report.general import report_date as general_report_date
from ncnsc_reports.report.history import any_illustrative, load_history, records_of
from ncnsc_reports.report.localities import read_localities
from ncnsc_reports.report.model import Agency, Document, Report, UnitReplies
from ncnsc_reports.report.norms import other_plans
from ncnsc_reports.report.phases import phase_of
from ncnsc_reports.report.plan import read_plan
from ncnsc_reports.report.programme import earlier_phase
from ncnsc_reports.report.record_errors import check_record_rows
from ncnsc_reports.report.territory import territories
from ncnsc_reports.report.units import Reply, duplicate_records, read_replies, units_in_force


def validate(year_dir: Path, accepted: frozenset[str] = frozenset()) -> tuple[Report, Problems]:
    """Return the report of a year folder and its warnings; raise InputError on any error,
    and on any warning that may mean the figures are wrong unless its option is `accepted`
    (report.confirm)."""
    problems = Problems()
    report = _build(Path(year_dir), problems)
    if problems.errors or report is None or unconfirmed(problems, accepted):
        raise InputError(escalated(problems, accepted))
    return report, problems


def _build(year_dir: Path, problems: Problems) -> Report | None:
    found = read_year_folder(year_dir, problems)
    if found is None:
        return None
    year, book, profile, sheets = found.year, found.book, found.profile, found.sheets
    read = read_general(sheets[YEAR_GENERAL.name], book.name, year, problems)
    general = read.values
    agency = _agency(profile, read, year, problems)
    report_date = general_report_date(general, year)
    formation = formation_from_rows(year_dir.parent, profile[PROFILE_FORMATION.name], problems)
    cited, plan_in_force = read_plan(profile, year, report_date, problems, formation)
    replies, units = _contributions(year_dir, year, profile, agency, (book.name, sheets),
                                    problems)
    history = _history(year_dir, (year, book.name, general.get("spent")), profile,
                       plan_in_force, _with_replies(sheets, replies), problems)
    sections = content_sections(sheets[YEAR_CONTENT.name], problems, replies, found.rich)
    untouched = _whole_book(year_dir, (year, book.name), profile, sheets, sections, replies,
                            problems)
    places = territories(formation, year_dir.parent, profile[PROFILE_LOCALITIES.name],
                         problems)
    others = other_plans(formation, plan_in_force, year_dir.parent, year, report_date, problems)
    earlier, codes = earlier_phase(year_dir.parent, year, formation, profile, plan_in_force,
                                   problems)
    if problems.errors or not cited:
        return None
    return Report(
        file_stem=f"bao-cao-{folder_name(agency.place) or year_dir.parent.name}-{year}",
        province=year_dir.parent.name, year=year, **_signing(general, year), agency=agency,
        plan=cited[0],
        amendments=tuple(cited[1:]), plan_in_force=plan_in_force, history=history,
        date=report_date, phase=phase_of(year),
        localities=read_localities(profile[PROFILE_LOCALITIES.name], problems),
        # the mark follows every source used: earlier years, a predecessor's (issue 22)
        illustrative=general.get("illustrative") == "Có" or any_illustrative(history, earlier),
        recipients=recipients_in_force(profile[PROFILE_RECIPIENTS.name],
                                       sheets[YEAR_RECIPIENTS.name], year),
        documents=_documents(sheets[YEAR_DOCUMENTS.name]), sections=sections,
        empty_group=general.get("empty_group") or "", headings=content_headings(
            sheets[YEAR_CONTENT.name]), untouched=untouched, units=units,
        territories=places, earlier=earlier, earlier_codes=codes, other_plans=others)


def _agency(profile: dict, read: General, year: int, problems: Problems) -> Agency | None:
    """The agency in force for the year (the year's workbook may override the profile's), the
    symbol typed in the workbook checked against it."""
    agency = agency_in_force(profile[PROFILE_AGENCY.name], read.values, year, problems)
    check_typed_symbol(read, agency.symbol if agency else None, problems)
    return agency


def _signing(general: dict, year: int) -> dict:
    """The report's number and signing date as the year's workbook gives them; the year of
    signing is the report's unless the workbook says otherwise."""
    return {"number": general.get("number"), "day": general.get("day"),
            "month": general.get("month"), "sign_year": general.get("sign_year") or year}


def _history(year_dir: Path, own: tuple, profile: dict, plan_in_force, records: dict,
             problems: Problems) -> dict:
    """The earlier years of the phase (with indicators) and the year's own records, which
    feed section I and the appendices even without indicators. `own`: (year, file, spent)."""
    year, file, spent = own
    history = {}
    if plan_in_force is not None:
        history = load_history(year_dir, plan_in_force.period.start, profile, problems)
    history[year] = records_of(year, file, records, spent)
    if plan_in_force is not None:
        check_record_rows(history, plan_in_force, problems)
    return history


def _whole_book(year_dir: Path, book: tuple[int, str], profile: dict, sheets: dict,
                sections: dict, replies: list, problems: Problems) -> bool:
    """The checks of the book as a whole (content, carried rows, required sections); return
    whether it holds only rows carried from last year, unreviewed."""
    year, file = book
    if not replies:  # a unit's form is content too
        _require_content(sheets, file, year, problems)
    untouched = _untouched(sheets, file, year, problems) and not replies
    _require_sections(sections, file, problems)
    return untouched


def _contributions(year_dir: Path, year: int, profile: dict, agency: Agency | None,
                   book: tuple[str, dict], problems: Problems) -> tuple[list[Reply], UnitReplies]:
    """Read the units' forms (don-vi/) and warn about records reported twice."""
    units = units_in_force(profile[PROFILE_UNITS.name], year, problems)
    if agency is None:  # the province's name is unknown: the forms cannot be checked yet
        return [], UnitReplies(tuple(u.name for u in units))
    replies, summary = read_replies(year_dir, year, agency.place, units, problems)
    twice = duplicate_records([book] + [(r.file, r.records) for r in replies], problems)
    for reply in replies:  # a record two files report counts once: the first file's
        reply.records = {name: [row for row in rows if id(row) not in twice]
                         for name, rows in reply.records.items()}
    return replies, summary


def _with_replies(sheets: dict[str, list[Row]], replies: list[Reply]) -> dict[str, list[Row]]:
    """The year book's record sheets followed by each unit's rows (they count alike)."""
    return {**sheets, **{spec.name: sheets[spec.name] + [row for r in replies
                                                         for row in r.records[spec.name]]
                         for spec in RECORD_SHEETS}}


def _untouched(sheets: dict[str, list[Row]], file: str, year: int, problems: Problems) -> bool:
    """Warn about rows carried from last year and not reviewed; return True (and warn) when
    the book holds nothing else: a report built from it is last year's text, not this year's."""
    own = unreviewed_rows(sheets, file, year, problems)
    carried = any(r["review"] for spec in (YEAR_CONTENT, YEAR_DOCUMENTS, YEAR_RECIPIENTS)
                  for r in sheets[spec.name])
    if not carried or own or has_records(sheets):
        return False
    problems.warning(Location(file), f"sổ chỉ có nội dung chép từ năm trước: chưa dòng nào được "
                     f"xem lại và chưa thêm gì cho năm {year}; báo cáo tạo ra ghi rõ là bản nháp "
                     "chưa xem lại")
    return True


def agency_in_force(rows: list[Row], overrides: dict, year: int,
                    problems: Problems) -> Agency | None:
    """Return the values in force in `year` (latest “Áp dụng từ năm” ≤ year), then overrides."""
    in_force: dict[str, tuple[int, object]] = {}
    for setting, value, row in read_settings(rows, AGENCY_SETTINGS, problems):
        since = row["from_year"]
        if since is None or since > year:
            continue
        if setting.key not in in_force or since >= in_force[setting.key][0]:
            in_force[setting.key] = (since, value)
    values = {key: value for key, (_, value) in in_force.items()}
    values.update({k: v for k, v in overrides.items() if v is not None})
    file = PROFILE_FILE
    for setting in AGENCY_SETTINGS:
        if setting.required and setting.key not in in_force and not values.get(setting.key):
            problems.error(Location(file, PROFILE_AGENCY.name), f"thiếu mục “{setting.label}” "
                           f"áp dụng cho năm {year} (ví dụ: {setting.example})")
    if problems.errors:
        return None
    check_placeholders(values, AGENCY_SETTINGS, Location(file, PROFILE_AGENCY.name), problems)
    return Agency(**{s.key: values.get(s.key) or "" for s in AGENCY_SETTINGS})


def _document(row: Row) -> Document:
    v = row.values
    return Document(v["kind"], v["number"], v["issued"], v["issuer"], v.get("subject") or "")


def recipients_in_force(profile_rows: list[Row], year_rows: list[Row],
                        year: int) -> tuple[str, ...]:
    """Return the year's own list if it has one, else the profile list in force in `year`."""
    rows = year_rows or profile_rows
    names = ([r["recipient"] for r in year_rows] if year_rows
             else _in_force_list(rows, "recipient", year))
    return tuple(_recipient_line(n) for n in names if n)


def _in_force_list(rows: list[Row], key: str, year: int) -> tuple[str, ...]:
    """Return the values of the list whose “Áp dụng từ năm” is the latest not after `year`."""
    since = max((r["from_year"] for r in rows
                 if r["from_year"] is not None and r["from_year"] <= year), default=None)
    return tuple(r[key] for r in rows if r["from_year"] == since and r[key])


def _recipient_line(text: str) -> str:
    # NĐ 30/2020, Phụ lục I, II.9.b: "- " before each recipient, ";" at the end of the line.
    return text.strip().lstrip("-").strip().rstrip(";.").strip()


def _documents(rows: list[Row]) -> dict[str, tuple[Document, ...]]:
    usable = [r for r in rows if all(r[k] for k in ("section", "kind", "number", "issued",
                                                      "issuer"))]
    return {s: tuple(_document(r) for r in usable if r["section"] == s)
            for s in ("I.1.a", "I.1.b")}


def _require_content(sheets: dict[str, list[Row]], file: str, year: int,
                     problems: Problems) -> None:
    """Warn when a workbook has no paragraph, document or record: every heading would print
    “không phát sinh”, which is never what is meant to be signed (a warning, not an error, so
    a blank book can still be built to see the layout; --strict refuses it)."""
    settings = (YEAR_GENERAL.name, YEAR_RECIPIENTS.name)
    if any(rows for name, rows in sheets.items() if name not in settings):
        return
    problems.warning(Location(file, YEAR_CONTENT.name), (
        f"sổ chưa có nội dung nào để báo cáo: trang “{YEAR_CONTENT.name}”, trang "
        f"“{YEAR_DOCUMENTS.name}” và các trang số liệu đều trống, nên mọi mục ("
        f"{', '.join(SECTIONS)}) chỉ in “Năm {year} không phát sinh nội dung này.”; hãy "
        "ghi nội dung của từng mục ở trang “Nội dung”, mỗi đoạn một dòng"))


# Sections about next year cannot "not arise": a report without them is sent back. IV may be
# left out (a Sở may have nothing to propose), so it is a warning; III is an error.
REQUIRED_SECTIONS = {"III.1": "phương hướng năm tiếp theo", "III.2": "giải pháp thực hiện"}
OPTIONAL_SECTIONS = {"IV": "đề xuất, kiến nghị"}


def _require_sections(sections: dict, book: str, problems: Problems) -> None:
    where = Location(book, YEAR_CONTENT.name)
    for key, what in REQUIRED_SECTIONS.items():
        if not sections.get(key):
            problems.error(where, f"mục {key} ({what}) chưa có nội dung; báo cáo năm phải nêu "
                           f"{what}: thêm ít nhất một dòng có cột “Mục” là “{key}”")
    for key, what in OPTIONAL_SECTIONS.items():
        if not sections.get(key):
            problems.warning(where, f"mục {key} ({what}) chưa có nội dung; báo cáo sẽ ghi "
                             f"“Không có {what}.” — nếu có, thêm dòng có cột “Mục” là “{key}”")
