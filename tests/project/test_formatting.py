"""Tests for ncnsc_reports.formatting (Vietnamese formatting, NĐ 30/2020 conventions)."""

from __future__ import annotations

import datetime
import math
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ncnsc_reports.formatting import (
    FILTERS,
    amount_in_words,
    amount_with_words,
    cite_after,
    cite_full,
    cite_short,
    date_parts,
    format_number,
    format_percent,
    format_rate,
    long_date,
    number_to_words,
    place_date_line,
    short_date,
    two_digits,
)

D = datetime.date
B = " " * 5  # blank left for a hand-written day/month

# --- Dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (D(2021, 6, 30), "30/6/2021"),
        (D(2023, 3, 6), "06/3/2023"),
        (D(2024, 1, 5), "05/01/2024"),
        (D(2024, 2, 15), "15/02/2024"),
        (D(2022, 12, 5), "05/12/2022"),
        (D(2023, 4, 11), "11/4/2023"),
        (D(2020, 10, 10), "10/10/2020"),
        (D(2024, 2, 9), "09/02/2024"),
        (datetime.datetime(2024, 1, 5, 13, 45), "05/01/2024"),
    ],
)
def test_short_date(d, expected):
    assert short_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (D(2024, 1, 5), "ngày 05 tháng 01 năm 2024"),
        (D(2024, 3, 15), "ngày 15 tháng 3 năm 2024"),
        (D(2023, 11, 22), "ngày 22 tháng 11 năm 2023"),
        (D(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (D(2021, 6, 30), "ngày 30 tháng 6 năm 2021"),
        (D(2023, 3, 6), "ngày 06 tháng 3 năm 2023"),
    ],
)
def test_long_date(d, expected):
    assert long_date(d) == expected


@pytest.mark.parametrize("bad", ["2024-01-05", None, 20240105])
@pytest.mark.parametrize("func", [short_date, long_date])
def test_dates_reject_non_dates(func, bad):
    with pytest.raises(TypeError):
        func(bad)


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (5, 1, 2024, "ngày 05 tháng 01 năm 2024"),
        (15, 3, 2024, "ngày 15 tháng 3 năm 2024"),
        (None, 11, 2023, "ngày " + B + " tháng 11 năm 2023"),
        (None, 11, 2023, "ngày       tháng 11 năm 2023"),
        (None, None, 2023, "ngày       tháng       năm 2023"),
        (None, 2, 2024, "ngày " + B + " tháng 02 năm 2024"),
        (7, None, 2024, "ngày 07 tháng " + B + " năm 2024"),
        (31, None, 2024, "ngày 31 tháng " + B + " năm 2024"),
        (29, 2, 2024, "ngày 29 tháng 02 năm 2024"),
    ],
)
def test_date_parts(day, month, year, expected):
    assert date_parts(day, month, year) == expected


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        (31, 2, 2023),
        (29, 2, 2023),
        (31, 4, 2024),
        (None, 13, 2023),
        (None, 0, 2023),
        (0, None, 2023),
        (32, None, 2023),
        (-1, 5, 2023),
        (1, 1, 0),
    ],
)
def test_date_parts_rejects_impossible(day, month, year):
    with pytest.raises(ValueError):
        date_parts(day, month, year)


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("5", 1, 2024), (5, 1.0, 2024), (5, 1, "2024"), (True, 1, 2024)],
)
def test_date_parts_rejects_non_int(day, month, year):
    with pytest.raises(TypeError):
        date_parts(day, month, year)


@pytest.mark.parametrize(
    ("place", "day", "month", "year", "expected"),
    [
        ("Hưng Yên", 5, 11, 2023, "Hưng Yên, ngày 05 tháng 11 năm 2023"),
        ("Hưng Yên", 5, 1, 2024, "Hưng Yên, ngày 05 tháng 01 năm 2024"),
        ("Hà Nội", None, 3, 2024, "Hà Nội, ngày " + B + " tháng 3 năm 2024"),
        ("  Hưng   Yên ", 22, 11, 2023, "Hưng Yên, ngày 22 tháng 11 năm 2023"),
        ("Hưng Yên", None, None, 2025, "Hưng Yên, ngày " + B + " tháng " + B + " năm 2025"),
    ],
)
def test_place_date_line(place, day, month, year, expected):
    assert place_date_line(place, day, month, year) == expected


def test_place_date_line_validates():
    with pytest.raises(ValueError):
        place_date_line("Hưng Yên", 31, 2, 2023)


# --- Numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (3260800000, 0, "3.260.800.000"),
        (1234.5, 1, "1.234,5"),
        (-1234567, 0, "-1.234.567"),
        (0, 0, "0"),
        (0, 2, "0,00"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (999.96, 1, "1.000,0"),
        (2.675, 2, "2,68"),
        (0.05, 1, "0,1"),
        (66.65, 1, "66,7"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (-0.04, 1, "0,0"),
        (0.1 + 0.2, 2, "0,30"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("-0.005"), 2, "-0,01"),
        (1e16, 0, "10.000.000.000.000.000"),
        (10**30, 0, "1" + ".000" * 10),
        (12, 3, "12,000"),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("value", [True, False, "12", None, [1]])
def test_format_number_type_errors(value):
    with pytest.raises(TypeError):
        format_number(value)


@pytest.mark.parametrize(
    "value", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("Infinity")]
)
def test_format_number_non_finite(value):
    with pytest.raises(ValueError):
        format_number(value, 1)


def test_format_number_negative_decimals():
    with pytest.raises(ValueError):
        format_number(1, -1)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (66.666, 1, "66,7%"),
        (100, 1, "100,0%"),
        (0, 1, "0,0%"),
        (12.345, 2, "12,35%"),
        (1234.5, 0, "1.235%"),
    ],
)
def test_format_percent(value, decimals, expected):
    assert format_percent(value, decimals) == expected


def test_format_percent_default_one_decimal():
    assert format_percent(66.666) == "66,7%"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0"), (1, "01"), (5, "05"), (9, "09"), (10, "10"), (12, "12"), (105, "105")],
)
def test_two_digits(n, expected):
    assert two_digits(n) == expected


@pytest.mark.parametrize(("n", "exc"), [(-1, ValueError), (5.0, TypeError), (True, TypeError)])
def test_two_digits_errors(n, exc):
    with pytest.raises(exc):
        two_digits(n)


# --- Numbers in words -------------------------------------------------------

WORDS = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (7, "bảy"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (91, "chín mươi mốt"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1100, "một nghìn một trăm"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000005, "một triệu không trăm linh năm"),
    (1000050, "một triệu không trăm năm mươi"),
    (1005000, "một triệu không trăm linh năm nghìn"),
    (1000000000, "một tỷ"),
    (1000000005, "một tỷ không trăm linh năm"),
    (3260800000, "ba tỷ hai trăm sáu mươi triệu tám trăm nghìn"),
    (10**12, "một nghìn tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (2 * 10**12 + 5, "hai nghìn tỷ không trăm linh năm"),
    (-1, "âm một"),
    (-21, "âm hai mươi mốt"),
    (-5000, "âm năm nghìn"),
]


@pytest.mark.parametrize(("n", "expected"), WORDS)
def test_number_to_words(n, expected):
    assert number_to_words(n) == expected


@pytest.mark.parametrize("n", [1.0, Decimal(1), "1", None, True, False])
def test_number_to_words_type_errors(n):
    with pytest.raises(TypeError):
        number_to_words(n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (3260800000, "Ba tỷ hai trăm sáu mươi triệu tám trăm nghìn đồng"),
        (0, "Không đồng"),
        (-5000, "Âm năm nghìn đồng"),
        (1000005, "Một triệu không trăm linh năm đồng"),
        (21000, "Hai mươi mốt nghìn đồng"),
    ],
)
def test_amount_in_words(n, expected):
    assert amount_in_words(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (
            3260800000,
            "3.260.800.000 đồng (Ba tỷ hai trăm sáu mươi triệu tám trăm nghìn đồng)",
        ),
        (0, "0 đồng (Không đồng)"),
        (-5000, "-5.000 đồng (Âm năm nghìn đồng)"),
        (1500000, "1.500.000 đồng (Một triệu năm trăm nghìn đồng)"),
    ],
)
def test_amount_with_words(n, expected):
    assert amount_with_words(n) == expected


@pytest.mark.parametrize("func", [amount_in_words, amount_with_words])
@pytest.mark.parametrize("n", [1.5, True, "100"])
def test_amounts_reject_non_int(func, n):
    with pytest.raises(TypeError):
        func(n)


# --- Citations --------------------------------------------------------------


@dataclass
class Doc:
    kind: str
    number: str
    issued: datetime.date
    issuer: str = ""
    subject: str = ""


QD_843 = Doc(
    "Quyết định",
    "843/QĐ-UBND",
    D(2023, 4, 11),
    "UBND tỉnh Hưng Yên",
    "về việc tiếp tục thực hiện Đề án ...",
)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            QD_843,
            "Quyết định số 843/QĐ-UBND ngày 11/4/2023 của UBND tỉnh Hưng Yên "
            "về việc tiếp tục thực hiện Đề án ...",
        ),
        (
            Doc("Kế hoạch", "12/KH-UBND", D(2024, 1, 5), "UBND tỉnh Hưng Yên"),
            "Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh Hưng Yên",
        ),
        (
            Doc("Công văn", "45/UBND-VP", D(2023, 3, 6), "", "V/v Báo Cáo tình hình"),
            "Công văn số 45/UBND-VP ngày 06/3/2023 V/v Báo Cáo tình hình",
        ),
        (
            Doc("Công văn", "45/UBND-VP", D(2023, 3, 6)),
            "Công văn số 45/UBND-VP ngày 06/3/2023",
        ),
        (
            Doc(
                " Quyết  định",
                " 843/QĐ-UBND ",
                D(2023, 4, 11),
                "UBND  tỉnh\nHưng Yên",
                "  về việc   ABC\t xyz ",
            ),
            "Quyết định số 843/QĐ-UBND ngày 11/4/2023 của UBND tỉnh Hưng Yên về việc ABC xyz",
        ),
        (
            Doc("Quyết định", "843/QĐ-UBND", D(2023, 4, 11), "   ", "   "),
            "Quyết định số 843/QĐ-UBND ngày 11/4/2023",
        ),
    ],
)
def test_cite_full(doc, expected):
    assert cite_full(doc) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (QD_843, "Quyết định số 843/QĐ-UBND"),
        (Doc("Kế hoạch", "12/KH-UBND", D(2024, 1, 5)), "Kế hoạch số 12/KH-UBND"),
        (Doc(" Công  văn ", " 45/UBND-VP", D(2023, 3, 6)), "Công văn số 45/UBND-VP"),
        (Doc("Tờ trình", "", D(2023, 3, 6)), "Tờ trình"),
    ],
)
def test_cite_short(doc, expected):
    assert cite_short(doc) == expected


def test_cite_accepts_any_object_with_attributes():
    class Plain:
        kind, number, issued = "Thông báo", "7/TB-UBND", D(2022, 12, 5)
        issuer, subject = "UBND huyện", ""

    assert cite_full(Plain()) == "Thông báo số 7/TB-UBND ngày 05/12/2022 của UBND huyện"


# --- Jinja filters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "func"),
    [
        ("short_date", short_date),
        ("long_date", long_date),
        ("number", format_number),
        ("percent", format_percent),
        ("two_digits", two_digits),
        ("words", number_to_words),
        ("amount_words", amount_in_words),
        ("amount", amount_with_words),
        ("cite", cite_full),
        ("cite_short", cite_short),
    ],
)
def test_filters(name, func):
    assert FILTERS[name] is func


def test_filters_has_exactly_the_documented_names():
    assert set(FILTERS) == {
        "short_date",
        "long_date",
        "number",
        "percent",
        "rate",
        "two_digits",
        "words",
        "amount_words",
        "amount",
        "cite",
        "cite_short",
        "cite_after",
    }


# --- Property tests ---------------------------------------------------------

_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def parse_words(text: str) -> int:
    """Independent reader of Vietnamese number words (inverse of number_to_words)."""
    tokens = text.split()
    sign = 1
    if tokens and tokens[0] == "âm":
        sign, tokens = -1, tokens[1:]
    total = group = last = 0
    for token in tokens:
        if token in _DIGITS:
            last = _DIGITS[token]
            group += last
        elif token == "mười":
            group += 10
        elif token == "mươi":
            group += last * 9  # the digit just added was the tens digit
        elif token == "trăm":
            group *= 100
        elif token == "nghìn":
            total, group = total + group * 1000, 0
        elif token == "triệu":
            total, group = total + group * 10**6, 0
        elif token == "tỷ":
            total, group = (total + group) * 10**9, 0  # tỷ scales all that precedes
        elif token != "linh":
            raise ValueError(f"unknown word {token!r}")
    return sign * (total + group)


@pytest.mark.parametrize(("n", "words"), WORDS)
def test_parser_reads_reference_table(n, words):
    assert parse_words(words) == n


@given(st.integers(min_value=0, max_value=10**6 - 1))
def test_words_round_trip_below_million(n):
    assert parse_words(number_to_words(n)) == n


@given(st.integers(min_value=-(10**21), max_value=10**21))
def test_words_round_trip_large(n):
    assert parse_words(number_to_words(n)) == n


@given(st.integers(min_value=-(10**19), max_value=10**19))
def test_words_shape(n):
    words = number_to_words(n)
    assert "  " not in words
    assert words == words.strip()
    assert words == words.lower()
    assert unicodedata.is_normalized("NFC", words)
    assert words.startswith("âm ") == (n < 0)


@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=0, max_value=99999))
def test_distinct_numbers_distinct_words(a, b):
    if a != b:
        assert number_to_words(a) != number_to_words(b)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_amount_in_words_shape(n):
    text = amount_in_words(n)
    assert text.endswith(" đồng")
    assert text[0].isupper()
    assert text[0].lower() + text[1:] == number_to_words(n) + " đồng"


@given(st.dates())
def test_short_date_parses_back(d):
    day, month, year = short_date(d).split("/")
    assert D(int(year), int(month), int(day)) == d
    assert len(day) == 2
    assert len(month) == (2 if d.month in (1, 2, 10, 11, 12) else 1)


@given(st.dates())
def test_long_date_matches_short_date(d):
    day, month, year = short_date(d).split("/")
    assert long_date(d) == f"ngày {day} tháng {month} năm {year}"


@given(
    st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, places=4),
    st.integers(min_value=0, max_value=4),
)
def test_format_number_parses_back(value, decimals):
    text = format_number(value, decimals)
    parsed = Decimal(text.replace(".", "").replace(",", "."))
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parsed == expected
    integer = text.lstrip("-").split(",")[0]
    assert all(len(g) == 3 for g in integer.split(".")[1:])


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_format_number_int_has_no_decimals(n):
    text = format_number(n)
    assert "," not in text
    assert int(text.replace(".", "")) == n


@pytest.mark.parametrize("value, expected", [
    (Decimal("100.0"), "100"), (Decimal("66.7"), "66,7"), (Decimal("0"), "0"),
    (Decimal("99.96"), "100"), (Decimal("1234.5"), "1.234,5"), (60, "60"),
])
def test_rate_drops_a_zero_decimal(value, expected):
    # officials write “đạt 100%”, “đạt 66,7%”, never “100,0%”
    assert format_rate(value) == expected


def test_cite_after_stops_the_subject_at_the_earlier_document():
    # NĐ 30/2020: a document already cited in full is named by kind and number only
    plan = Doc("Kế hoạch", "573/KH-UBND", datetime.date(2021, 9, 28), "UBND tỉnh", "triển khai")
    amend = Doc("Quyết định", "648/QĐ-UBND", datetime.date(2025, 4, 25), "Chủ tịch UBND tỉnh",
                 "về việc sửa đổi một số nội dung của Kế hoạch số 573/KH-UBND ngày 28 tháng 9 "
                 "năm 2021 của UBND tỉnh triển khai Chương trình")
    assert cite_after(amend, plan) == ("Quyết định số 648/QĐ-UBND ngày 25/4/2025 của Chủ tịch "
                                       "UBND tỉnh về việc sửa đổi một số nội dung của Kế hoạch "
                                       "số 573/KH-UBND")
    other = Doc("Kế hoạch", "5730/KH-UBND", plan.issued, "UBND tỉnh", "")
    assert cite_after(amend, other) == cite_full(amend)
