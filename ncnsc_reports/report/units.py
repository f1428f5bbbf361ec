"""The units asked for contributions and the forms they sent back, checked and kept by unit.

Owns reading the profile's “Đơn vị phối hợp” (the units in force in a year and their task
groups), checking every form in inputs/<tỉnh>/<năm>/don-vi/ (found and read by
`inputs.books`; each checked on its own, so one broken form never hides the others'
problems), and the sentence that names a paragraph's unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ncnsc_reports.inputs.books import form_books, read_form
from ncnsc_reports.inputs.schema import (
    AGENCY_SETTINGS,
    LINE_KINDS,
    PROFILE_FILE,
    PROFILE_UNITS,
    RECORD_SHEETS,
)
from ncnsc_reports.inputs.sheets import Row, read_settings
from ncnsc_reports.inputs.unit_form import (
    FORMS_DIR,
    TASK_SECTIONS,
    UNIT_CONTENT,
    UNIT_GENERAL,
    UNIT_SETTINGS,
)
from ncnsc_reports.names import name_key
from ncnsc_reports.problems import DROPPED_ROW, DUPLICATE, Location, Problems, expected_found
from ncnsc_reports.report.model import Paragraph, UnitReplies

# Words a unit's paragraph usually starts with (what was done): after the unit's name they
# read as one sentence, “Sở Công Thương đã tổ chức …” (seed 004, I.1.c: “Sở Khoa học và Công
# nghệ, Tỉnh đoàn … đã tổ chức tập huấn”). Any other start keeps its capital after a colon.
_LEADING_VERBS = ("đã", "đang", "tiếp tục", "tổ chức", "phối hợp", "triển khai", "hỗ trợ",
                  "ban hành", "tham mưu", "thực hiện", "xây dựng", "tuyên truyền", "hướng dẫn",
                  "chủ trì", "đẩy mạnh", "kiểm tra", "thường xuyên")


_PLACE = tuple(s for s in AGENCY_SETTINGS if s.key == "place")


@dataclass(frozen=True)
class Unit:
    name: str
    sections: tuple[str, ...]  # the task groups of I.2 it takes part in


@dataclass
class Reply:
    """One returned form: whose, which file, its paragraphs by section and its records."""

    unit: str
    file: str
    paragraphs: dict[str, list[Paragraph]] = field(default_factory=dict)
    records: dict[str, list[Row]] = field(default_factory=dict)


def attributed(unit: str, text: str) -> str:
    """Return the paragraph as printed under its unit's name: “Sở Công Thương đã tổ chức …”."""
    start = " ".join(text.split()).casefold() + " "
    if text[:1].islower() or any(start.startswith(v + " ") for v in _LEADING_VERBS):
        return f"{unit} {text[:1].lower()}{text[1:]}"
    return f"{unit}: {text}"


def units_in_force(rows: list[Row], year: int, problems: Problems) -> tuple[Unit, ...]:
    """Return the units of the list whose “Áp dụng từ năm” is the latest not after `year`.

    A unit listed twice (names equal but for case or spaces) is an error naming both rows: a
    returned form names its unit in those letters, so the two could not be told apart.
    """
    since = max((r["from_year"] for r in rows
                 if r["from_year"] is not None and r["from_year"] <= year), default=None)
    first: dict[str, Row] = {}
    units = []
    for row in (r for r in rows if r["from_year"] == since and r["unit"]):
        earlier = first.setdefault(name_key(row["unit"]), row)
        if earlier is row:
            units.append(Unit(row["unit"], _sections(row, problems)))
        else:
            problems.error(row.where.at(column="Đơn vị"), (
                f"đơn vị “{row['unit']}” trùng với “{earlier['unit']}” ở dòng "
                f"{earlier.where.row} (chữ hoa, chữ thường, dấu cách khác nhau vẫn là một đơn "
                "vị); mỗi đơn vị một dòng: hãy xóa một trong hai dòng"))
    return tuple(units)


def _sections(row: Row, problems: Problems) -> tuple[str, ...]:
    """“2.2, 2.3” (or “I.2.2”) → ("I.2.2", "I.2.3"); blank → all six task groups."""
    text = row["groups"] or ""
    parts = [p.strip().removeprefix("I.") for p in re.split(r"[,;]", text) if p.strip()]
    wrong = [p for p in parts if f"I.{p}" not in TASK_SECTIONS]
    if wrong:
        problems.error(row.where.at(column="Nhóm nhiệm vụ tham gia"), expected_found(
            "các nhóm 2.1 … 2.6 cách nhau bằng dấu phẩy (ví dụ “2.2, 2.3”)", ", ".join(wrong)))
    chosen = [f"I.{p}" for p in parts if f"I.{p}" in TASK_SECTIONS]
    return tuple(s for s in TASK_SECTIONS if s in chosen) or TASK_SECTIONS


def read_replies(year_dir: Path, year: int, place: str, units: tuple[Unit, ...],
                 problems: Problems) -> tuple[list[Reply], UnitReplies]:
    """Read every form of don-vi/; return the good ones and who was asked, who answered."""
    folder = year_dir / FORMS_DIR
    books = form_books(folder, problems) if folder.is_dir() else []
    known = {name_key(u.name): u for u in units}
    replies, seen = [], {}
    for book in books:
        own = Problems()
        reply = _form_reply(book, f"{FORMS_DIR}/{book.name}", year, place, known, own)
        if reply is not None and reply.unit in seen:
            own.error(Location(reply.file), f"đơn vị “{reply.unit}” đã có phiếu "
                      f"“{seen[reply.unit]}”; mỗi đơn vị một phiếu: giữ bản mới nhất, chuyển "
                      "bản cũ ra khỏi thư mục don-vi")
        problems.extend(own)
        if reply is not None and not own.errors:
            seen[reply.unit] = reply.file
            replies.append(reply)
    asked = tuple(u.name for u in units)
    replies.sort(key=lambda r: asked.index(r.unit))  # the report follows the profile's order
    return replies, UnitReplies(asked, {r.unit: r.file for r in replies}, folder.is_dir())


def _form_reply(book: Path, label: str, year: int, place: str, known: dict[str, Unit],
                problems: Problems) -> Reply | None:
    """The reply of one form (read by inputs.books); record its problems (file › sheet › row ›
    column) in `problems`."""
    sheets = read_form(book, label, problems)
    if sheets is None:
        return None  # unreadable or without a sheet: nothing more to say about its rows
    unit = _identity(sheets[UNIT_GENERAL.name], label, year, place, known, problems)
    if unit is None:
        return None
    reply = Reply(unit.name, label, records={s.name: sheets[s.name] for s in RECORD_SHEETS})
    for row in sheets[UNIT_CONTENT.name]:
        if not row["section"] or not row["text"]:
            continue
        if row["section"] not in unit.sections:
            problems.warning(row.where.at(column="Mục"), (
                f"nhóm {row['section']} không có trong các nhóm của {unit.name} (hồ sơ tỉnh, "
                f"trang “{PROFILE_UNITS.name}”); đoạn vẫn được đưa vào nhóm đó"))
        kind = LINE_KINDS[row["line_kind"]] if row["line_kind"] else "text"
        if kind in _NOT_PLACED:  # it would print as a stray body line (issue 23, item 3)
            problems.to_confirm(row.where.at(column="Kiểu dòng"), _NOT_PLACED[kind].format(
                kind=row["line_kind"], text=_short(row["text"])), DROPPED_ROW)
            continue
        reply.paragraphs.setdefault(row["section"], []).append(
            Paragraph(kind, row["text"], unit=unit.name,
                      attributed=attributed(unit.name, row["text"])))
    for rows in reply.records.values():
        for row in rows:
            row.unit = unit.name
    return reply


# Line kinds a unit's form cannot use: the Sở names the sections (“Tên mục” rows of its own
# workbook) and groups the solutions (III.2); a unit only contributes paragraphs to I.2.
_NOT_PLACED = {
    kind: "dòng kiểu “{kind}” (“{text}”) không đặt được vào báo cáo: tên mục, nhóm giải pháp "
          "do Sở ghi trong sổ của Sở, phiếu đơn vị chỉ góp đoạn nội dung; dòng này sẽ bị bỏ. "
          "Nếu là nội dung, hãy chọn kiểu “Đoạn văn”"
    for kind in ("heading", "group")
}


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:60] + "…"


def _identity(rows: list[Row], label: str, year: int, place: str, known: dict[str, Unit],
              problems: Problems) -> Unit | None:
    """Check the form's province, year and unit against the folder and the profile."""
    before = len(problems.errors)
    values, where = {}, {}
    for setting, value, row in read_settings(rows, UNIT_SETTINGS, problems):
        values[setting.key], where[setting.key] = value, row.where.at(column="Giá trị")
    for setting in UNIT_SETTINGS:
        if setting.required and setting.key not in values:
            problems.error(Location(label, UNIT_GENERAL.name),
                           f"thiếu dòng “{setting.label}” (cột “Mục”)")
    if any(p.where.sheet == UNIT_GENERAL.name for p in problems.errors) or \
            len(problems.errors) > before:
        return None  # who sent the form is unknown: its other checks would mislead
    if values["year"] != year:
        problems.error(where["year"], expected_found(
            f"năm {year} (phiếu của năm này, thư mục {year}/{FORMS_DIR})", values["year"]))
    if str(values["province"]).casefold() != place.casefold():
        problems.error(where["province"], expected_found(f"tỉnh “{place}”", values["province"]))
    unit = known.get(name_key(str(values["unit"])))
    if unit is None:
        names = ", ".join(f"“{u.name}”" for u in known.values()) or "(chưa có đơn vị nào)"
        problems.error(where["unit"], expected_found(
            f"tên một đơn vị áp dụng năm {year} trong {PROFILE_FILE}, trang "
            f"“{PROFILE_UNITS.name}”: {names}", values["unit"]))
    return None if len(problems.errors) > before else unit


# What makes two records the same thing reported twice (by two units, or a unit and the Sở).
_SAME = {
    "Hỗ trợ doanh nghiệp": (lambda r: (r["tax_code"] or r["name"], r["kind"], r["detail"],
                                       r["item"]),
                            lambda r: f"doanh nghiệp “{r['name']}”, “{r['kind']}"
                                      f"{' – ' + r['detail'] if r['detail'] else ''} – "
                                      f"{r['item']}”"),
    "Tập huấn": (lambda r: (r["title"], r["start"]), lambda r: f"lớp “{r['title']}”"),
    "Chuyên gia": (lambda r: (r["name"], r["unit"]), lambda r: f"chuyên gia “{r['name']}”"),
    "Tin bài": (lambda r: (r["title"], r["published"]), lambda r: f"tin bài “{r['title']}”"),
    "Khảo sát": (lambda r: (r["title"], r["date"]), lambda r: f"đợt khảo sát “{r['title']}”"),
}


def duplicate_records(sources: list[tuple[str, dict[str, list[Row]]]],
                      problems: Problems) -> set[int]:
    """Record each record that two files both report, naming both (file › sheet › row), as a
    warning to confirm (problems.DUPLICATE); return the ids of the later copies, which the
    report leaves out: the record counts once everywhere (issue 23, item 3)."""
    later: set[int] = set()
    for sheet, (key_of, name_of) in _SAME.items():
        first: dict[tuple, Row] = {}
        for file, records in sources:
            for row in records.get(sheet, []):
                key = tuple(str(v).casefold().strip() for v in key_of(row))
                earlier = first.setdefault(key, row)
                if earlier is not row and earlier.where.file != file:
                    later.add(id(row))
                    problems.to_confirm(row.where, (
                        f"{name_of(row)} đã có ở {earlier.where}: hai nơi cùng báo cáo một "
                        f"việc nên báo cáo chỉ tính một lần (theo {earlier.where.file}); nếu "
                        "là một việc, hãy xóa ở một trong hai nơi"), DUPLICATE)
    return later


def place_in_force(rows: list[Row], year: int, problems: Problems) -> str:
    """Return the profile's “Địa danh” in force in `year` (“Hưng Yên”), or "" if none."""
    found = [(row["from_year"], value) for setting, value, row in
             read_settings(rows, _PLACE, problems)
             if value and row["from_year"] is not None and row["from_year"] <= year]
    return max(found, key=lambda f: f[0])[1] if found else ""
