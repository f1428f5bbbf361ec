"""How Excel displays a value typed into a cell: its number format applied, as a clerk sees it.

A text column (a document number, a name) may hold a number, a date, a time or TRUE that Excel
stored as such; the report must print what the clerk saw — "50%", "1.234.567,89", "11/04/2023",
"08:30", "TRUE" — never Python's "0.5", "2023-04-11 00:00:00" or "True". The common formats are
rendered here as Vietnamese Excel shows them (dot for thousands, comma for decimals; the
locale's short date for format 14, see `excel_formats.LOCALE_FORMATS`). A format we cannot
render, or a number longer than the 15 digits Excel keeps, gives None: the caller asks the
clerk to type the text as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_EPOCH_1904 = dt.datetime(1904, 1, 1)
_NUMBER = re.compile(r"(#,##0|0)(\.0+)?")
_DATE_TOKEN = re.compile(r'yyyy|yy|d{3,}|dd|d|m{3,}|mm|m|hh|h|ss|s|am/pm|"[^"]*"|\\.|'
                         r'[^a-z"\\]+', re.IGNORECASE)
_DROP = re.compile(r"\[(?:\$[^\]]*|[a-z]+\d*)\]|_.|\*.", re.IGNORECASE)  # [$-42A] [Red] _) *


@dataclass(frozen=True)
class Typed:
    """A cell Excel stored as a number, date, time or boolean: its value and what it showed."""

    value: Any
    shown: str | None  # None: the display cannot be known
    number_format: str = "General"
    date1904: bool = False

    def __str__(self) -> str:
        return self.shown if self.shown is not None else str(self.value)


def shown(value: Any, fmt: str) -> str | None:
    """Return the text Excel shows for `value` under format `fmt`, or None if unknown."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    section = _DROP.sub("", fmt.split(";")[0]).strip() or "General"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date_shown(value, section)
    if isinstance(value, int | float):
        return _number_shown(value, section)
    return None


def _number_shown(value: float, section: str) -> str | None:
    if abs(value) >= 1e15:  # Excel keeps 15 significant digits: the typed ones are lost
        return None
    if section.lower() in ("general", "@"):
        return _decimal(f"{value:.10g}" if isinstance(value, float) else str(value))
    percent = section.endswith("%")
    match = _NUMBER.fullmatch(section.removesuffix("%"))
    if not match:
        return None
    decimals = len(match[2] or ".") - 1
    number = value * 100 if percent else value
    text = f"{number:,.{decimals}f}" if match[1] == "#,##0" else f"{number:.{decimals}f}"
    return _decimal(text) + ("%" if percent else "")


def _decimal(text: str) -> str:
    """Python's 1,234.5 as Vietnamese Excel shows it: 1.234,5."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _date_shown(value, section: str) -> str | None:
    if section.lower() == "general":
        section = "dd/mm/yyyy" if not isinstance(value, dt.time) else "hh:mm:ss"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    elif isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(1899, 12, 30), value)
    tokens = _DATE_TOKEN.findall(section)
    if "".join(tokens) != section:
        return None  # something we do not know (day or month names, elapsed [h], …)
    twelve = any(t.lower() == "am/pm" for t in tokens)
    parts = [_date_part(value, tokens, i, twelve) for i in range(len(tokens))]
    return None if None in parts else "".join(parts)


def _date_part(value: dt.datetime, tokens: list[str], i: int, twelve: bool) -> str | None:
    token, low = tokens[i], tokens[i].lower()
    if low in ("m", "mm") and _is_minute(tokens, i):
        return f"{value.minute:0{len(low)}d}"
    hour = (value.hour % 12 or 12) if twelve else value.hour
    parts = {"yyyy": f"{value.year:04d}", "yy": f"{value.year % 100:02d}",
             "dd": f"{value.day:02d}", "d": str(value.day), "mm": f"{value.month:02d}",
             "m": str(value.month), "hh": f"{hour:02d}", "h": str(hour),
             "ss": f"{value.second:02d}", "s": str(value.second),
             "am/pm": "AM" if value.hour < 12 else "PM"}
    if low in parts:
        return parts[low]
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    return None if any(ch.isalpha() for ch in token) else token


def _is_minute(tokens: list[str], i: int) -> bool:
    """m/mm is minutes right after an hour or right before seconds (ECMA-376, 18.8.31)."""
    units = [(j, t.lower()) for j, t in enumerate(tokens) if t.lower().strip("dmyhs") == ""
             and t.strip()]
    before = [t for j, t in units if j < i]
    after = [t for j, t in units if j > i]
    return bool(before and before[-1] in ("h", "hh")) or bool(after and after[0] in ("s", "ss"))


def serial_date(serial: float, date1904: bool) -> dt.date | None:
    """Return the date of an Excel serial number in the workbook's date system."""
    if date1904:
        return (_EPOCH_1904 + dt.timedelta(days=int(serial))).date() if serial >= 0 else None
    return None  # the 1900 system: cells.py's own conversion
