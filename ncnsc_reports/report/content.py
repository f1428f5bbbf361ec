"""The year's “Nội dung” sheet (and the units' paragraphs) as the report's paragraphs.

Owns grouping the content rows by section in row order, then each unit's paragraphs; the line
kinds (a point, a solution group, a sub-title…), a line break inside a cell starting a new
paragraph, bold and italic typed on part of a cell, the titles typed on “Tên mục” rows, and
the labels of points and groups (a), b) …; 2.1., 2.2. …). Moved out of `validation`, which
checks the rows across files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace

from ncnsc_reports.inputs.schema import LINE_KINDS, SECTIONS, TITLED_SECTIONS
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Problems, expected_found
from ncnsc_reports.report.model import Paragraph
from ncnsc_reports.report.units import Reply

# NĐ 30/2020, Phụ lục I, II.6.e (điểm): the points of a khoản follow the Vietnamese alphabet.
VIETNAMESE_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")


def content_sections(rows: list[Row], problems: Problems, replies: list[Reply],
              rich: dict | None = None) -> dict[str, tuple[Paragraph, ...]]:
    """Group the content rows by section, in row order, then each unit's paragraphs (in the
    profile's order of units); label points and solution groups. `rich`: the bold and italic
    runs of the cells, read with the workbook (inputs.books.YearFolder.rich)."""
    sections: dict[str, list[Paragraph]] = {name: [] for name in SECTIONS}
    rich = rich or {}
    for row in rows:
        kind = _kind(row, problems)
        if kind is not None and kind != "heading":
            lines = split_lines(kind, str(row["text"]), rich.get(str(row["text"]), ()))
            if row["line_kind"] == LIGHT_SUBTITLE:
                lines = [replace(p, light=True) for p in lines]
            sections[row["section"]].extend(lines)
    for reply in replies:
        for name, paragraphs in reply.paragraphs.items():
            sections[name].extend(paragraphs)
    return {name: tuple(_label(paragraphs)) for name, paragraphs in sections.items()}


LIGHT_SUBTITLE = "Tiêu đề nhỏ nghiêng (*)"  # seed 004, I.1.c: the first sub-title is italic


def split_lines(kind: str, text: str, runs=()) -> list[Paragraph]:
    """A line break inside a cell starts a new paragraph of the same kind (a manual break would
    stretch the justified line before it); after a point or a group, the rest is body text.
    Bold or italic typed on part of the cell follows its words into their paragraph."""
    lines: list[list] = [[]]
    for part, bold, italic in runs or ((text, False, False),):
        for n, piece in enumerate(part.split("\n")):
            if n:
                lines.append([])
            lines[-1].append((piece, bold, italic))
    result = []
    for line in lines:
        line = _trimmed(line)
        plain = "".join(p for p, _, _ in line)
        if plain:
            again = kind if not result or kind not in ("point", "group") else "text"
            rich = tuple(line) if any(b or i for _, b, i in line) else ()
            result.append(Paragraph(again, plain, runs=rich))
    return result


def _trimmed(line: list) -> list:
    """The runs of one line without outer spaces (as the cell's text is stripped)."""
    line = [list(r) for r in line if r[0]]
    if line:
        line[0][0] = line[0][0].lstrip()
        line[-1][0] = line[-1][0].rstrip()
    return [tuple(r) for r in line if r[0]]


def _kind(row: Row, problems: Problems) -> str | None:
    """The row's line kind, or None for an empty row or a kind used outside its section."""
    if not row["section"] or not row["text"]:
        return None
    kind = LINE_KINDS[row["line_kind"]] if row["line_kind"] else "text"
    allowed = {"group": ("III.2",), "heading": TITLED_SECTIONS}.get(kind)
    if allowed and row["section"] not in allowed:
        label = next(k for k, v in LINE_KINDS.items() if v == kind).split(" (")[0]
        problems.error(row.where.at(column="Kiểu dòng"), expected_found(
            f"“{label}” chỉ dùng trong mục {', '.join(allowed)}", f"mục {row['section']}"))
        return None
    return kind


def content_headings(rows: list[Row]) -> dict[str, str]:
    """Titles typed on “Tên mục” rows, replacing the printed ones (punctuation as typed)."""
    return {row["section"]: " ".join(str(row["text"]).split()) for row in rows
            if row["section"] in TITLED_SECTIONS and row["text"]
            and row["line_kind"] and LINE_KINDS[row["line_kind"]] == "heading"}


def _label(paragraphs: list[Paragraph]):
    """Yield paragraphs with labels: groups 2.1., 2.2. …; points a), b) … restarting per group."""
    group, point = 0, 0
    for p in paragraphs:
        if p.kind == "group":
            group, point = group + 1, 0
            yield dataclasses.replace(p, label=f"2.{group}.")
        elif p.kind == "point":
            letter = VIETNAMESE_LETTERS[point % len(VIETNAMESE_LETTERS)]
            point += 1
            yield dataclasses.replace(p, label=f"{letter})")
        else:
            yield p
