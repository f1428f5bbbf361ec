"""The “Thông tin chung” sheet: the report's year, number and signing date, as clerks type them.

Owns the key/value reading of that sheet (each item once), the forms people type in place of a
bare number — “215/BC-SKHCN” in “Số báo cáo”, “28/11/2024” in “Ngày ký” — understood when
they are unambiguous and otherwise answered with what to type, and the window a signing date
must fall in for the report's year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ncnsc_reports.inputs.cells import normalise, typed_date
from ncnsc_reports.inputs.display import Typed
from ncnsc_reports.inputs.schema import PLACEHOLDER_START, YEAR_GENERAL, YEAR_SETTINGS, Setting
from ncnsc_reports.inputs.sheets import Row, read_settings
from ncnsc_reports.problems import Location, Problems, expected_found

# A report number typed with its symbol, as it is printed: “215/BC-SKHCN”, “Số 215/BC-SKHCN”.
_NUMBER_WITH_SYMBOL = re.compile(r"(?:số\s*:?\s*)?(\d{1,5})\s*/\s*(\S+)", re.IGNORECASE)
# Signing window. The provinces' plans ask for the yearly report by 30 November of the year
# (An Giang KH 573/KH-UBND §VI.1.đ; Tiền Giang KH 224/KH-UBND §V: “trước ngày 30 tháng 11
# hàng năm”), and a ministry may ask for whole-year figures in January: a report on year N is
# signed in N or in the first quarter of N+1. Any other date is a typing slip, most often a
# workbook copied from last year with “Năm ký” left unchanged.
LATE_MONTHS = 3
_DATE_PARTS = {"month": "Tháng ký", "sign_year": "Năm ký"}


@dataclass
class General:
    """The typed values of “Thông tin chung” by key, the row of each, and the symbol typed
    after the number (“BC-SKHCN” of “215/BC-SKHCN”), checked once the profile is read."""

    values: dict
    rows: dict[str, Row]
    typed_symbol: str | None = None
    whole: dict = field(default_factory=dict)


def read_general(rows: list[Row], file: str, year: int, problems: Problems) -> General:
    """Read “Thông tin chung”; check the stated year and the signing date against `year`."""
    whole: dict = {}
    rows = [_bare(row, whole, problems) for row in rows]
    values, seen = single_settings(rows, YEAR_SETTINGS, file, problems)
    general = General(values, seen, whole.get("symbol"), whole)
    _complete_from_whole_date(general, problems)
    _check_year(general, year, problems)
    return general


def single_settings(rows: list[Row], settings: tuple[Setting, ...], file: str,
                    problems: Problems) -> tuple[dict, dict[str, Row]]:
    """Return ({key: value}, {key: row}) of a key/value sheet whose labels appear once each."""
    values: dict = {}
    seen: dict[str, Row] = {}
    for setting, value, row in read_settings(rows, settings, problems):
        if setting.key in seen:
            problems.error(row.where.at(column="Mục"), f"mục “{setting.label}” đã ghi ở dòng "
                           f"{seen[setting.key].where.row}; mỗi mục chỉ ghi một lần")
            continue
        seen[setting.key] = row
        values[setting.key] = value
    for setting in settings:
        if setting.required and setting.key not in seen:
            problems.error(Location(file, YEAR_GENERAL.name),
                           f"thiếu dòng “{setting.label}” (cột “Mục”)")
    return values, seen


def _bare(row: Row, whole: dict, problems: Problems) -> Row:
    """Return the row with a number or a day typed in its whole printed form made bare."""
    raw = row.raw.get("value")  # an Excel date as a date, not as it is shown; text as cleaned
    raw = raw if isinstance(raw, Typed) else row["value"]
    m = _NUMBER_WITH_SYMBOL.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if row["label"] == "Số báo cáo" and m:
        whole["symbol"], whole["number"] = m[2], raw
        return Row({**row.values, "value": int(m[1])}, row.where)
    if row["label"] == "Ngày ký" and (date := typed_date(raw)) is not None:
        whole["date"], whole["date_text"] = date, _shown(raw, date)
        return Row({**row.values, "value": date.day}, row.where)
    if row["label"] == "Ngày ký" and isinstance(raw, str) and re.search(r"[/.\-]|tháng", raw):
        problems.error(row.where.at(column="Giá trị", item="Ngày ký"), expected_found(
            "chỉ số ngày (ví dụ 28); tháng ghi ở mục “Tháng ký”, năm ở mục “Năm ký”", raw))
        return Row({**row.values, "value": None}, row.where)
    return row


def _shown(raw, date: dt.date) -> str:
    return raw.strip() if isinstance(raw, str) else f"{date.day}/{date.month}/{date.year}"


def _complete_from_whole_date(general: General, problems: Problems) -> None:
    """A whole date in “Ngày ký” gives the month and year too, unless they say otherwise."""
    date = general.whole.get("date")
    if date is None:
        return
    for key, part in (("month", date.month), ("sign_year", date.year)):
        given = general.values.get(key)
        if given is None:
            general.values[key] = part
        elif given != part:
            problems.error(general.rows["day"].where.at(column="Giá trị"), expected_found(
                f"chỉ số ngày (ví dụ {date.day}), vì mục “{_DATE_PARTS[key]}” ghi {given}; "
                "tháng ghi ở mục “Tháng ký”, năm ở mục “Năm ký”", general.whole["date_text"]))
            general.values["day"] = None
            return


def check_typed_symbol(general: General, symbol: str | None, problems: Problems) -> None:
    """“215/BC-SKHCN” is understood as 215 only when its symbol is the report's own."""
    typed = general.typed_symbol
    if typed is None or symbol is None or normalise(typed) == normalise(symbol):
        return
    problems.error(general.rows["number"].where.at(column="Giá trị"), expected_found(
        f"chỉ số của báo cáo (ví dụ 215); ký hiệu “{symbol}” lấy từ mục “Ký hiệu báo cáo”",
        general.whole["number"]))


def _check_year(general: General, year: int, problems: Problems) -> None:
    values, rows = general.values, general.rows
    stated = values.get("year")
    if stated is not None and stated != year:
        problems.error(rows["year"].where.at(column="Giá trị"),
                       expected_found(f"năm trùng tên thư mục năm ({year})", stated))
    day, month, sign_year = values.get("day"), values.get("month"), values.get("sign_year")
    if day and month:
        try:
            dt.date(sign_year or year, month, day)
        except ValueError:
            problems.error(rows["day"].where.at(column="Giá trị"),
                           expected_found(f"ngày có thật trong tháng {month}", day))
            return
    if _signed_in_window(year, sign_year or year, month):
        return
    where = next(rows[k] for k in ("sign_year", "day", "month") if k in rows)
    problems.error(where.where.at(column="Giá trị"), _window_message(year, values))


def _signed_in_window(year: int, sign_year: int, month: int | None) -> bool:
    return sign_year == year or (sign_year == year + 1 and month is not None
                                 and month <= LATE_MONTHS)


def _window_message(year: int, values: dict) -> str:
    day, month, sign_year = values.get("day"), values.get("month"), values.get("sign_year")
    shown = "/".join(str(v) for v in (day, month, sign_year) if v is not None)
    return (f"ngày ký báo cáo (mục “Ngày ký”, “Tháng ký”, “Năm ký”) là {shown}; báo cáo năm "
            f"{year} cần ký trong năm {year} hoặc đến hết tháng {LATE_MONTHS}/{year + 1}"
            + ("" if month or sign_year != year + 1 else " (hãy ghi “Tháng ký”)"))


def report_date(values: dict, year: int) -> dt.date:
    """The date the plan is read at: the signing date, its blanks taken as late as possible."""
    sign_year, month = values.get("sign_year") or year, values.get("month") or 12
    last = calendar.monthrange(sign_year, month)[1]
    day = values.get("day") if values.get("day") and values["day"] <= last else last
    return dt.date(sign_year, month, day)


def check_placeholders(values: dict, settings: tuple[Setting, ...], where: Location,
                       problems: Problems) -> None:
    """Warn about a value still “(ghi …)”, the placeholder new-province writes: the report
    would print it where the signer's name belongs."""
    for setting in settings:
        value = values.get(setting.key)
        if isinstance(value, str) and value.startswith(PLACEHOLDER_START):
            problems.warning(where, f"mục “{setting.label}” vẫn là chữ giữ chỗ “{value}” (do "
                             "lệnh new-province ghi); báo cáo sẽ in nguyên chữ đó — hãy thay "
                             "bằng giá trị thật")
