"""Excel's number formats and dates: which format code a style means, whether it shows a date.

A workbook stores a date as a number (days since an epoch) and says "date" only through the
cell's number format. Owns the built-in format table, the rules that tell a date or elapsed-time
format from a number format, and the conversion of a serial number or an ISO 8601 text to a
Python date, time or duration. The rules are those openpyxl 3.1.5 applies (the program read
workbooks with it before; the reports must not change), each written beside its source.
"""

from __future__ import annotations

import datetime as dt
import re

# ECMA-376 Part 1, 18.8.30 (numFmt): the formats every workbook has without declaring them, as
# openpyxl's BUILTIN_FORMATS spells them (ids 23–36 and 50–163 are locale-dependent and have no
# code here; a style using one reads as "General" for display, as with openpyxl).
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
BUILTIN_IDS = {code: fmt_id for fmt_id, code in BUILTIN_FORMATS.items()}
FIRST_CUSTOM = 164  # ECMA-376 Part 1, 18.8.30: ids below are reserved for built-in formats
# ECMA-376 Part 1, 18.8.30: formats 14 and 22 follow the system's short date; Vietnamese
# Windows writes dd/MM/yyyy.
LOCALE_FORMATS = {14: "dd/mm/yyyy", 22: "dd/mm/yyyy h:mm"}

# ECMA-376 Part 1, 18.8.31 (numFmts): a format is a date when its first section, quoted text
# and [bracketed] colours or locales aside ([h], [mm], [ss] are elapsed time and stay), has a
# d, m, h, y or s not escaped by "\" or "_" (openpyxl's is_date_format).
_LITERAL = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
# Elapsed time: [h]:mm:ss and its shorter forms (openpyxl's is_timedelta_format).
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def is_date_format(code: str | None) -> bool:
    """Whether a number under format `code` is a date, time or datetime."""
    if code is None:
        return False
    return _DATE_CHAR.search(_LITERAL.sub("", code.split(";")[0])) is not None


def is_elapsed_format(code: str | None) -> bool:
    """Whether a number under format `code` is a duration ([h]:mm:ss)."""
    return code is not None and _ELAPSED.search(code.split(";")[0]) is not None


WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)  # ECMA-376 Part 1, 18.17.4.1: the 1904 date system


def from_serial(value: float, date1904: bool, elapsed: bool = False):
    """Return the datetime, time or duration Excel means by serial `value` (openpyxl's
    from_excel). ECMA-376 Part 1, 18.17.4.1: in the 1900 system Excel counts 29/2/1900, a day
    that never was, so serials 1–59 are one day later than a plain count from 30/12/1899.
    Raises OverflowError or ValueError for a serial outside Python's dates."""
    if elapsed:
        span = dt.timedelta(days=value)
        if span.microseconds:  # rounded to the millisecond, as Excel keeps them
            span = dt.timedelta(seconds=span.total_seconds() // 1,
                                microseconds=round(span.microseconds, -3))
        return span
    epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:  # a time of day alone
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and not date1904:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


# ECMA-376 Part 1, 18.17.4 and 22.9.2.6 (ST_Xstring of t="d" cells): ISO 8601 dates, times,
# datetimes, and the PT…H…M…S durations Excel writes in strict mode (openpyxl's from_ISO8601).
_ISO = re.compile(r"""
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?""",
                  re.VERBOSE)
_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")


def from_iso(text: str):
    """Return the date, time, datetime or duration of an ISO 8601 text; ValueError if none."""
    match = _ISO.match(text)
    if match and any(match.groups()):
        parts = match.groupdict(0)
        for key in ("year", "month", "day", "hour", "minute", "second"):
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts["microsecond"]) * 1_000_000)
        if not parts["date"]:
            return dt.time(parts["hour"], parts["minute"], parts["second"],
                           parts["microsecond"])
        if not parts["time"]:
            return dt.date(parts["year"], parts["month"], parts["day"])
        return dt.datetime(*(parts[k] for k in ("year", "month", "day", "hour", "minute",
                                                "second", "microsecond")))
    match = _DURATION.match(text)
    if match and any(match.groups()):
        return dt.timedelta(**{k: float(v) for k, v in match.groupdict(0).items() if v})
    raise ValueError(f"Invalid datetime value {text}")


def style_formats(xf_format_ids: list[int], custom: dict[int, str]
                  ) -> list[tuple[str, bool, bool]]:
    """For each cell style (cellXfs order): (format code as shown, is a date, is a duration).

    Follows openpyxl's reading of styles.xml: a declared format whose code is a built-in one
    takes the built-in id; the other declared formats are numbered from 164 in the order the
    styles first use them; a style naming an id that is neither built-in nor declared is
    "General" for display (unless the renumbering happens to reach it, as with openpyxl).
    """
    used: list[str] = []
    ids = []
    dates = []
    for fmt_id in xf_format_ids:
        code = custom.get(fmt_id) if fmt_id in custom else BUILTIN_FORMATS.get(fmt_id)
        if fmt_id in custom:
            if code in BUILTIN_IDS:
                fmt_id = BUILTIN_IDS[code]
            else:
                if code not in used:
                    used.append(code)
                fmt_id = used.index(code) + FIRST_CUSTOM
        ids.append(fmt_id)
        dates.append((is_date_format(code), is_elapsed_format(code)))
    return [(_shown_code(fmt_id, used), *flags) for fmt_id, flags in zip(ids, dates, strict=True)]


def _shown_code(fmt_id: int, used: list[str]) -> str:
    if fmt_id in BUILTIN_FORMATS:
        return LOCALE_FORMATS.get(fmt_id, BUILTIN_FORMATS[fmt_id])
    index = fmt_id - FIRST_CUSTOM
    return used[index] if 0 <= index < len(used) else "General"
