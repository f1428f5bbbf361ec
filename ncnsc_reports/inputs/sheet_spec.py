"""How a workbook's shape is declared: a sheet (`SheetSpec`), its columns, a key/value row.

The declarations themselves live in `profile_schema.py` (the province profile) and
`year_schema.py` (a year's workbook); the loader, the blank-workbook writer and the help sheet
all read these types, so a header changed in a declaration changes everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of cell values the loader knows how to read (see loading.parse_cell).
TEXT, INT, DATE, YEAR, CHOICE = "text", "int", "date", "year", "choice"
# The bounds of an amount of money (đồng) and of a count of people or enterprises.
MONEY = {"low": 0, "high": 10**15}
COUNT = {"low": 0, "high": 10**6}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    required: bool = True
    choices: tuple[str, ...] = ()
    help: str = ""
    width: int = 20
    low: int | None = None
    high: int | None = None
    may_be_absent: bool = False  # added later: older workbooks lack it


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    help: str
    required: bool = True

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Setting:
    """One row of a key/value sheet: its label in column “Mục” and the kind of its value."""

    key: str
    label: str
    kind: str = TEXT
    required: bool = False
    help: str = ""
    example: str = ""
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
