"""The rows of a year's record sheets as typed records: one frozen dataclass per sheet.

Owns `Support`, `Training`, `Expert`, `Media` and `Survey`, whose fields are the keys of their
sheet's columns in `schema` (a test holds the two equal), each with the row's `where` and `by`,
the unit whose contribution form it came from (`Row.unit`); and `typed`, which makes them from
the `sheets.Row`s read (`report.model.YearRecords.typed` asks it for a year's). A reader says
`record.amount`, checked by the type, not `row["amount"]` (issue 21, item 4).

A cell that could not be read is None whatever its type says; such a cell is an error, and a
build stops on it before any document is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ncnsc_reports.inputs.schema import (
    YEAR_EXPERTS,
    YEAR_MEDIA,
    YEAR_SUPPORT,
    YEAR_SURVEYS,
    YEAR_TRAINING,
    SheetSpec,
)
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location


@dataclass(frozen=True)
class Support:
    """One row of “Hỗ trợ doanh nghiệp”: one item paid for one enterprise."""

    name: str
    tax_code: str
    locality: str
    kind: str  # SUPPORT_KINDS
    detail: str | None  # “ISO 9001”, “5S”, “Giải Vàng”
    item: str  # SUPPORT_ITEMS
    amount: int  # đồng
    funding: str  # FUNDING
    date: dt.date | None  # a later column: older workbooks lack it
    where: Location
    by: str = ""  # the unit whose contribution form holds the row; "" for the year book


@dataclass(frozen=True)
class Training:
    """One row of “Tập huấn”: a class."""

    title: str
    start: dt.date
    end: dt.date | None
    participants: int
    officials: int | None
    managers: int | None
    cost: int | None  # đồng
    where: Location
    by: str = ""


@dataclass(frozen=True)
class Expert:
    """One row of “Chuyên gia”: a productivity expert trained in the year."""

    name: str
    unit: str  # the expert's employer (“Đơn vị công tác”)
    course: str | None
    where: Location
    by: str = ""


@dataclass(frozen=True)
class Media:
    """One row of “Tin bài”: a news item, article, report or conference."""

    kind: str  # MEDIA_KINDS
    title: str
    published: dt.date
    outlet: str | None
    where: Location
    by: str = ""


@dataclass(frozen=True)
class Survey:
    """One row of “Khảo sát”: a survey of enterprises."""

    title: str
    date: dt.date
    enterprises: int
    where: Location
    by: str = ""


# Each record type with the sheet whose rows it types.
SHEET_OF = {Support: YEAR_SUPPORT, Training: YEAR_TRAINING, Expert: YEAR_EXPERTS,
            Media: YEAR_MEDIA, Survey: YEAR_SURVEYS}
R = TypeVar("R", Support, Training, Expert, Media, Survey)


def typed(kind: type[R], rows: Iterable[Row]) -> tuple[R, ...]:
    """The rows of `kind`'s sheet as records of `kind`, in sheet order."""
    spec: SheetSpec = SHEET_OF[kind]
    keys = [c.key for c in spec.columns]
    return tuple(kind(**{k: row.values.get(k) for k in keys}, where=row.where, by=row.unit)
                 for row in rows)


def fields_of(kind: type) -> list[str]:
    """The names of `kind`'s fields that come from its sheet's columns (for the test that
    holds them equal to the schema)."""
    return [f.name for f in dataclasses.fields(kind) if f.name not in ("where", "by")]
