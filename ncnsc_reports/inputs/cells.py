"""One cell's raw value turned into text, a whole number, a year, a date or a choice.

Owns what a clerk can put into a single cell and how each case is answered: characters XML
cannot hold (removed, with a warning), decomposed Unicode (made NFC), text longer than an Excel
cell, Vietnamese typed in a legacy encoding (TCVN3, VNI), numbers and dates typed as text or as
Excel serial numbers, and values out of range. It never raises: every problem is recorded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import Any

from ncnsc_reports.formatting import format_number
from ncnsc_reports.inputs.display import Typed, serial_date
from ncnsc_reports.inputs.schema import CHOICE, DATE, INT, TEXT, YEAR, Column, Setting
from ncnsc_reports.problems import Location, Problems, expected_found

# XML 1.0 forbids these characters; Word cannot hold them (they come from pasted text). With
# them go the C1 controls (U+0080–U+009F, e.g. U+0085 from old encodings) and the bidi
# embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would show a
# figure reversed ("999 đồng" inside U+202E) in a document that has no right-to-left text.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                         "\ud800-\udfff\ufffe\uffff]")
# Excel's limit for one cell: a longer text did not come from Excel, and Excel would cut it
# on the next save, so the report would no longer match the workbook.
MAX_TEXT = 32_767
_DATE_TEXT = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORDS_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
# Vietnamese writes thousands with dots (1.000.000); a comma starts decimals (1,5).
_INT_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:[. \u00a0]\d{3})+|\d+)")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Documents cited are of the Socialist Republic (from 1945); other years are typing slips.
DATE_YEARS = (1945, 2100)

# Letters of Unicode Vietnamese outside Latin-1: one of them proves the text is Unicode.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
# TCVN3 (ABC) and VNI-Windows text seen without its .VnTime/VNI font, as Excel stores it:
# Latin-1 characters that are no letter of Vietnamese ("Céng hoµ x· héi", "Coäng hoøa xaõ").
_LEGACY_MARKS = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþ")
# VNI writes a tone or hat as a second character after its vowel ("Vieät"); TCVN3 replaces
# the vowel itself ("ViÖt").
_VOWELS = frozenset("aeiouyAEIOUY")


def normalise(text: str) -> str:
    """Return text in NFC with inner whitespace collapsed, for matching headers and choices."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def blank(value: Any) -> bool:
    """Return whether a cell counts as empty (nothing, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(raw: Any, where: Location, problems: Problems) -> str:
    """Return the cell as NFC text, without XML-illegal characters (warned) or outer spaces."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw)
    cleaned = XML_ILLEGAL.sub("", text)  # before NFC: a removed character may split a pair
    if cleaned != text:
        problems.warning(where, "đã bỏ ký tự điều khiển không in được (thường do dán từ nơi khác)")
    cleaned = unicodedata.normalize("NFC", cleaned)
    return cleaned.replace("\r\n", "\n").replace("\r", "\n").strip()


def legacy_encoding(text: str) -> str | None:
    """Return "TCVN3 (ABC)" or "VNI" if `text` looks typed in that old encoding, else None.

    Cautious on purpose, since a false alarm would block the build: a text is taken as it is
    if it holds any Unicode-only Vietnamese letter, fewer than two marks, marks rarer than one
    in twenty characters, or no mark inside a word (symbols such as “© 2023”, “5 µm”).
    """
    if _UNICODE_VIETNAMESE.search(text):
        return None
    marks = [i for i, ch in enumerate(text) if ch in _LEGACY_MARKS]
    if len(marks) < 2 or len(marks) * 20 < len(text):
        return None
    if not any(0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
               for i in marks):
        return None
    accented = [i for i, ch in enumerate(text) if ord(ch) > 127]
    after_vowel = sum(1 for i in accented if i and text[i - 1] in _VOWELS)
    return "VNI" if after_vowel * 2 > len(accented) else "TCVN3 (ABC)"


def parse_cell(raw: Any, col: Column | Setting, where: Location, problems: Problems) -> Any:
    """Return the cell's value as the column's kind, or None after recording a problem."""
    if blank(raw):
        if col.required:
            problems.error(where, expected_found(_EXPECTED[col.kind], None))
        return None
    if isinstance(raw, Typed):
        raw = _untyped(raw, col, where, problems)
        if raw is None:
            return None
    value = _PARSERS[col.kind](raw, col, where, problems)
    if value is None:
        return None
    if col.kind in (INT, YEAR) and not _in_range(value, col):
        problems.error(where, expected_found(_range_text(col), raw))
        return None
    return value


def _untyped(raw: Typed, col, where: Location, problems: Problems) -> Any:
    """A text column takes what Excel showed; other kinds its value (a serial number of a
    1904-system workbook becomes its date here, since the 1900 system is assumed below)."""
    if col.kind in (TEXT, CHOICE):
        if raw.shown is None:
            seen = (f"{raw.value:.6G}".replace(".", ",") if isinstance(raw.value, float)
                    else raw.value)
            problems.error(where, expected_found("nội dung dạng chữ", seen) + " — ô là số "
                           f"(định dạng “{raw.number_format}”) mà Excel không hiển thị nguyên "
                           "như đã gõ (Excel chỉ giữ 15 chữ số); hãy gõ lại dạng chữ, thêm dấu ' "
                           "ở đầu (ví dụ '12345678901234567890)")
        return raw.shown
    if col.kind == DATE and raw.date1904 and isinstance(raw.value, int | float):
        return serial_date(raw.value, True) or raw.value
    return raw.value


def _parse_text(raw, col, where, problems):
    text = clean_text(raw, where, problems)
    if len(text) > MAX_TEXT:
        problems.error(where, f"cần nội dung không quá {_grouped(MAX_TEXT)} ký tự (giới hạn một "
                       f"ô của Excel), nhưng gặp {_grouped(len(text))} ký tự, bắt đầu bằng "
                       f"“{text[:40]}…”; hãy chia thành nhiều dòng, mỗi đoạn một dòng")
        return None
    if not text and col.required:  # only characters that were removed: nothing is left
        problems.error(where, expected_found(_EXPECTED[TEXT], None))
        return None
    encoding = legacy_encoding(text)
    if encoding:
        problems.error(where, expected_found("chữ tiếng Việt Unicode", _excerpt(text)) +
                       f" — chữ gõ bằng bảng mã {encoding}; hãy chuyển sang Unicode bằng Unikey "
                       "(Ctrl+Shift+F6: “Công cụ chuyển mã”) rồi chạy lại")
        return None
    return text or None


def _excerpt(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _grouped(number: int) -> str:
    """Return 1.000.000 for 1000000; years and other numbers under 10.000 stay as typed."""
    return str(number) if abs(number) < 10_000 else format_number(number)


def _parse_int(raw, col, where, problems):
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = str(raw).strip()
    if _INT_TEXT.fullmatch(text) and len(text) <= 40:  # longer: no count or amount, a slip
        return int(re.sub(r"[. \u00a0]", "", text))
    has_digit = any(ch.isdigit() for ch in text)
    problems.error(where, expected_found(_INT_AS_TEXT if has_digit else _EXPECTED[col.kind], raw))
    return None


_INT_AS_TEXT = ("một số nguyên chỉ gồm chữ số, không kèm chữ, đơn vị hay phần thập phân "
                "(ví dụ 1500000 hoặc 1.500.000)")


def _parse_date(raw, col, where, problems):
    date = _as_date(raw)
    if date is None:
        problems.error(where, expected_found(_EXPECTED[DATE], raw) + _impossible(raw))
    elif not DATE_YEARS[0] <= date.year <= DATE_YEARS[1]:
        shown = f"{date.day}/{date.month}/{date.year}" if isinstance(raw, dt.date) else raw
        problems.error(where, expected_found(
            f"một ngày từ năm {DATE_YEARS[0]} đến năm {DATE_YEARS[1]}", shown))
        return None
    return date


def typed_date(raw) -> dt.date | None:
    """Return the date of a cell holding an Excel date or a date typed as text (not a bare
    number, which is a day or a count where this is asked), else None."""
    if isinstance(raw, Typed):
        raw = raw.value
    if isinstance(raw, int | float) or blank(raw):
        return None
    date = _as_date(raw)
    return date if date and DATE_YEARS[0] <= date.year <= DATE_YEARS[1] else None


def _as_date(raw) -> dt.date | None:
    """Return a date from an Excel date, an Excel serial number or a date typed as text."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _EXCEL_EPOCH + dt.timedelta(days=int(raw)) if 1 <= raw < 2958466 else None
    text = unicodedata.normalize("NFC", str(raw)).strip().casefold()
    if m := _DATE_TEXT.fullmatch(text):
        parts = (m[4], m[3], m[1])
    elif m := _ISO_DATE.fullmatch(text):
        parts = (m[1], m[2], m[3])
    elif m := _WORDS_DATE.fullmatch(text):
        parts = (m[3], m[2], m[1])
    else:
        return None
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:
        return None


def _impossible(raw) -> str:
    """“: không có ngày này (tháng 2 năm 2026 chỉ có 28 ngày)” for a date typed in a right
    form that the calendar does not have (31/02/2026, 12/13/2023); "" otherwise."""
    text = unicodedata.normalize("NFC", str(raw)).strip().casefold()
    if m := _DATE_TEXT.fullmatch(text):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    elif m := _WORDS_DATE.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO_DATE.fullmatch(text):
        day, month, year = int(m[3]), int(m[2]), int(m[1])
    else:
        return ""
    if not 1 <= month <= 12:
        return f": không có ngày này (không có tháng {month}; năm chỉ có 12 tháng)"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f": không có ngày này (tháng {month} năm {year} chỉ có {last} ngày)"
    return ""


def _parse_choice(raw, col, where, problems):
    text = normalise(clean_text(raw, where, problems))
    for choice in col.choices:
        if text in (normalise(choice), normalise(choice.split(" (")[0])):
            return choice
    allowed = "; ".join(f"“{c}”" for c in col.choices)
    problems.error(where, expected_found(f"một trong các giá trị {allowed}", raw))
    return None


def _in_range(value: int, col) -> bool:
    return (col.low is None or value >= col.low) and (col.high is None or value <= col.high)


def _range_text(col) -> str:
    if col.high is None:
        return f"số nguyên từ {_grouped(col.low)} trở lên"
    if col.low is None:
        return f"số nguyên không quá {_grouped(col.high)}"
    return f"số nguyên từ {_grouped(col.low)} đến {_grouped(col.high)}"


_PARSERS = {TEXT: _parse_text, INT: _parse_int, YEAR: _parse_int, DATE: _parse_date,
            CHOICE: _parse_choice}
_EXPECTED = {
    TEXT: "nội dung (không được để trống)",
    INT: "một số nguyên (ví dụ 12)",
    YEAR: "một năm gồm 4 chữ số (ví dụ 2023)",
    DATE: "một ngày dạng ngày/tháng/năm (ví dụ 11/4/2023)",
    CHOICE: "chọn một giá trị trong danh sách",
}
