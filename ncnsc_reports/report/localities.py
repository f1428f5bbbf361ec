"""The province's localities by date, to tell whether a supported enterprise is in the province.

Owns the profile sheet “Địa bàn” read with day precision: districts were abolished on 1/7/2025
(two-level local government), so a 2025 record dated before 1 July names a district and one
dated after names a commune or ward. A record with a date is checked against the list in force
that day; one without, against every list in force at some time in its year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ncnsc_reports.formatting import short_date
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Problems, expected_found

# (first day in force, names), sorted by the first day
Lists = tuple[tuple[dt.date, tuple[str, ...]], ...]
# Vietnamese tone marks (NFD): where a word carries one varies with the spelling habit —
# the official commune list of 2025 writes “Xã Hoà An”, “Phường Thuỷ Nguyên”, a clerk “Hòa”,
# “Thủy” — so two names are the same name when each word has the same letters and tone.
TONES = "\u0300\u0301\u0303\u0309\u0323"


def locality_key(name: str) -> str:
    """The form two spellings of a locality share: case-folded, each word's tone mark moved to
    its end, spaces and dashes between words alike (“Văn Miếu - Quốc Tử Giám”, “Văn
    Miếu-Quốc Tử Giám”)."""
    words = re.split(r"[\s\-–—]+", unicodedata.normalize("NFD", str(name).casefold()))
    return " ".join("".join(c for c in w if c not in TONES) + "".join(c for c in w if c in TONES)
                    for w in words if w)


def read_localities(rows: list[Row], problems: Problems) -> Lists:
    """Group the rows of “Địa bàn” into dated lists; a “Từ ngày” of another year is an error."""
    lists: dict[dt.date, list[str]] = {}
    for row in rows:
        if row["from_year"] is None or not row["locality"]:
            continue
        since = row["from_date"] or dt.date(row["from_year"], 1, 1)
        if since.year != row["from_year"]:
            problems.error(row.where.at(column="Từ ngày"), expected_found(
                f"một ngày của năm {row['from_year']} (cột “Áp dụng từ năm”)", short_date(since)))
            continue
        lists.setdefault(since, []).append(row["locality"])
    return tuple((since, tuple(names)) for since, names in sorted(lists.items()))


def names_for(lists: Lists, year: int, day: dt.date | None) -> tuple[set[str], str]:
    """The names a record may use (`locality_key`), and how the message names the list."""
    if day is not None:
        in_force = [names for since, names in lists if since <= day][-1:]
        when = f"áp dụng ngày {short_date(day)}"
    else:
        start = max((s for s, _ in lists if s <= dt.date(year, 1, 1)), default=None)
        in_force = [names for since, names in lists
                    if (start is not None and since >= start or since.year == year)
                    and since.year <= year]
        when = f"năm {year}"
    return {locality_key(name) for names in in_force for name in names}, when
