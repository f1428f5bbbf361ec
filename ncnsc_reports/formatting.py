"""Vietnamese formatting for official documents.

This module owns every piece of text formatting that follows the conventions of
Nghị định 30/2020/NĐ-CP (công tác văn thư) and common Vietnamese administrative
practice: dates (short citation form and "ngày ... tháng ... năm ..." form),
the place-and-date line, numbers and percentages (dot thousands, comma
decimals), two-digit counts, numbers and money amounts in words, and citations
of other documents. It also exposes ``FILTERS`` for registration in Jinja.

All functions are pure and use only the standard library (no locale, Babel or
num2words), so the output does not depend on the machine's settings.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

# Blank left for the signer to fill in by hand (day and/or month of issue).
BLANK = " " * 5

_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9
# Scales read inside one "tỷ" block; larger numbers recurse on the tỷ prefix.
_SCALES = ((10**6, "triệu"), (10**3, "nghìn"), (1, ""))


def _require_int(n: Any, name: str = "n") -> int:
    # bool is a subclass of int but True/False are never meant as numbers here.
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} must be an int, got {type(n).__name__}")
    return n


def _collapse(text: str) -> str:
    return " ".join(str(text).split())


# --- Dates ------------------------------------------------------------------


def _pad_day(day: int) -> str:
    # NĐ 30/2020, Phụ lục I, II.4.b: days below 10 are written with a leading 0.
    return f"{day:02d}"


def _pad_month(month: int) -> str:
    # NĐ 30/2020, Phụ lục I, II.4.b: only months 1 and 2 get a leading 0
    # (so "01", "02" but "3" ... "12").
    return f"{month:02d}" if month in (1, 2) else str(month)


def _require_date(d: Any) -> datetime.date:
    if not isinstance(d, datetime.date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    return d


def short_date(d: datetime.date) -> str:
    """Citation form, e.g. ``30/6/2021``, ``05/01/2024`` (NĐ 30/2020, Phụ lục I, II.4.b)."""
    d = _require_date(d)
    return f"{_pad_day(d.day)}/{_pad_month(d.month)}/{d.year}"


def long_date(d: datetime.date) -> str:
    """``ngày 05 tháng 01 năm 2024`` (NĐ 30/2020, Phụ lục I, II.4.b)."""
    d = _require_date(d)
    return date_parts(d.day, d.month, d.year)


def _validate_date_parts(day: int | None, month: int | None, year: int) -> None:
    _require_int(year, "year")
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"year out of range: {year}")
    if day is not None and not 1 <= _require_int(day, "day") <= 31:
        raise ValueError(f"day out of range: {day}")
    if month is not None and not 1 <= _require_int(month, "month") <= 12:
        raise ValueError(f"month out of range: {month}")
    if day is not None and month is not None:
        datetime.date(year, month, day)  # raises ValueError for e.g. 31/02


def date_parts(day: int | None, month: int | None, year: int) -> str:
    """``ngày DD tháng MM năm YYYY`` where day/month may be left blank (``None``).

    A blank is five spaces: the signer writes the day/month by hand at signing
    time, a common practice for documents drafted ahead of issue.
    """
    _validate_date_parts(day, month, year)
    day_text = BLANK if day is None else _pad_day(day)
    month_text = BLANK if month is None else _pad_month(month)
    return f"ngày {day_text} tháng {month_text} năm {year}"


def place_date_line(place: str, day: int | None, month: int | None, year: int) -> str:
    """``Hưng Yên, ngày 05 tháng 11 năm 2023`` (NĐ 30/2020, Phụ lục I, II.4.b)."""
    return f"{_collapse(place)}, {date_parts(day, month, year)}"


# --- Numbers ----------------------------------------------------------------


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"expected int, float or Decimal, got {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"cannot format non-finite number {value!r}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"cannot format non-finite number {value!r}")
    # str() of a float is its shortest repr, so 2.675 rounds as written (-> 2,68)
    # instead of as its binary approximation 2.67499999...
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Dot thousands, comma decimals, half-up rounding: ``1.234,5``.

    Vietnamese practice uses "." to group thousands and "," as the decimal mark;
    rounding is half up, as readers of reports expect (not banker's rounding).
    """
    if _require_int(decimals, "decimals") < 0:
        raise ValueError("decimals must be >= 0")
    if type(value) is int and decimals == 0:  # fast path: a 10 000-row appendix calls this
        return f"{value:,}".replace(",", ".")
    number = _to_decimal(value)
    with localcontext() as ctx:
        # Enough precision that quantize never fails on large values.
        ctx.prec = max(28, number.adjusted() + decimals + 3)
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""  # avoids "-0,0" after rounding
    integer, _, fraction = format(abs(rounded), "f").partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def format_percent(value: int | float | Decimal, decimals: int = 1) -> str:
    """``66,7%``: the number as in :func:`format_number`, with "%" attached."""
    return format_number(value, decimals) + "%"


def format_rate(value: int | float | Decimal) -> str:
    """A rate as officials write it: ``100``, ``66,7`` — one decimal, none when it is ``,0``.

    Write ``{{ x|rate }}%`` in a sentence (“đạt 100%”, never “100,0%”); the appendix column
    header carries the “(%)”.
    """
    text = format_number(value, 1)
    return text[:-2] if text.endswith(",0") else text


def two_digits(n: int) -> str:
    """Counts 1..9 written with two digits (``05``); 0 and >= 10 unchanged.

    House convention for counts in plans and reports ("có 05 đơn vị"); zero
    stays "0" because "00" reads oddly.
    """
    if _require_int(n) < 0:
        raise ValueError("count must be >= 0")
    return f"{n:02d}" if 0 < n < 10 else str(n)


# --- Numbers in words -------------------------------------------------------


def _tens_and_units(tens: int, units: int, after_hundreds: bool) -> list[str]:
    if tens == 0:
        if units == 0:
            return []
        # Zero tens between hundreds and a unit is read "linh" (105 "một trăm linh năm").
        return ["linh", _UNITS[units]] if after_hundreds else [_UNITS[units]]
    words = ["mười"] if tens == 1 else [_UNITS[tens], "mươi"]
    if units == 5:
        words.append("lăm")  # 15 "mười lăm", 25 "hai mươi lăm"
    elif units == 1 and tens > 1:
        words.append("mốt")  # 21 "hai mươi mốt" but 11 "mười một"
    elif units == 4 and tens > 1:
        words.append("tư")  # 24 "hai mươi tư" but 14 "mười bốn"
    elif units:
        words.append(_UNITS[units])
    return words


def _group_words(group: int, inner: bool) -> list[str]:
    """Words for 1..999; an inner group always reads its hundreds ("không trăm")."""
    hundreds, rest = divmod(group, 100)
    words = [_UNITS[hundreds], "trăm"] if hundreds or inner else []
    return words + _tens_and_units(rest // 10, rest % 10, bool(words))


def _positive_words(n: int, inner: bool) -> list[str]:
    if n >= _BILLION:
        # Beyond "tỷ" the prefix is read recursively: 10**12 "một nghìn tỷ".
        prefix, rest = divmod(n, _BILLION)
        head = _positive_words(prefix, inner) + ["tỷ"]
        return head + _positive_words(rest, True) if rest else head
    words: list[str] = []
    for scale, scale_word in _SCALES:
        group, n = divmod(n, scale)
        if group:  # all-zero groups are skipped (1000000 "một triệu")
            words += _group_words(group, inner) + ([scale_word] if scale_word else [])
            inner = True
    return words


def number_to_words(n: int) -> str:
    """Lower-case Vietnamese words: 2021 -> "hai nghìn không trăm hai mươi mốt"."""
    _require_int(n)
    if n == 0:
        return "không"
    words = " ".join(_positive_words(abs(n), inner=False))
    return "âm " + words if n < 0 else words


def amount_in_words(n: int) -> str:
    """Money in words, capitalised, ending in "đồng": "Không đồng"."""
    words = number_to_words(n) + " đồng"
    return words[0].upper() + words[1:]


def amount_with_words(n: int) -> str:
    """``3.260.800.000 đồng (Ba tỷ ... đồng)``: figures then words in brackets."""
    words = amount_in_words(n)  # validates n (int only) before formatting
    return f"{format_number(n)} đồng ({words})"


# --- Citations --------------------------------------------------------------


def cite_short(doc: Any) -> str:
    """``Quyết định số 843/QĐ-UBND``: later citations of a document.

    NĐ 30/2020, Phụ lục I (viện dẫn văn bản): after the first citation only the
    kind and the number/symbol are given.
    """
    kind, number = _collapse(doc.kind), _collapse(doc.number)
    # A document without a number (rare, e.g. a draft) is cited by kind only.
    return f"{kind} số {number}" if number else kind


def cite_full(doc: Any) -> str:
    """``Quyết định số 843/QĐ-UBND ngày 11/4/2023 của UBND tỉnh Hưng Yên về việc ...``.

    NĐ 30/2020, Phụ lục I (viện dẫn văn bản): the first citation gives kind,
    number/symbol, date of issue, issuer and subject, in that order. Fields are
    used as typed (only whitespace is collapsed): the user's capitalisation and
    wording of the subject are never changed.
    """
    parts = [cite_short(doc), "ngày", short_date(doc.issued)]
    issuer, subject = _collapse(doc.issuer), _collapse(doc.subject)
    if issuer:
        parts += ["của", issuer]
    if subject:
        parts.append(subject)
    return " ".join(parts)


def cite_after(doc: Any, earlier: Any) -> str:
    """A full citation of `doc` whose subject names `earlier`, already cited in full: the subject
    stops at the short form (NĐ 30/2020, Phụ lục I: later mentions give kind and number only),
    so “… của Kế hoạch số 573/KH-UBND ngày 28 tháng 9 năm 2021 của … tỉnh An Giang” becomes
    “… của Kế hoạch số 573/KH-UBND” and the earlier title is not repeated with its date
    written another way."""
    text, short = cite_full(doc), cite_short(earlier)
    at = text.find(short, len(cite_short(doc)))
    end = at + len(short)
    if at < 0 or (end < len(text) and (text[end].isalnum() or text[end] in "/-")):
        return text
    return text[:end]


FILTERS: dict[str, Callable[..., str]] = {
    "short_date": short_date,
    "long_date": long_date,
    "number": format_number,
    "percent": format_percent,
    "rate": format_rate,
    "two_digits": two_digits,
    "words": number_to_words,
    "amount_words": amount_in_words,
    "amount": amount_with_words,
    "cite": cite_full,
    "cite_short": cite_short,
    "cite_after": cite_after,
}
