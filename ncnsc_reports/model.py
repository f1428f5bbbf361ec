"""The typed model of one report: what the validated inputs say, before any formatting.

Frozen dataclasses; built only by `validation`, read by `context`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A cited legal or administrative document (NĐ 30/2020: loại, số ký hiệu, ngày, cơ quan)."""

    kind: str
    number: str
    issued: dt.date
    issuer: str
    subject: str = ""


@dataclass(frozen=True)
class Paragraph:
    """One line of free text; `kind` is a value of schema.LINE_KINDS, `label` e.g. "a)"."""

    kind: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class Agency:
    """The profile values in force in the report's year (after the year's overrides)."""

    parent_agency: str
    agency: str
    symbol: str
    place: str
    authority: str
    signer_title: str
    signer_name: str
    filing: str
    closing: str


@dataclass(frozen=True)
class Report:
    province: str
    year: int
    number: int | None
    day: int | None
    month: int | None
    sign_year: int
    agency: Agency
    plan: Document
    recipients: tuple[str, ...]
    documents: dict[str, tuple[Document, ...]] = field(default_factory=dict)
    sections: dict[str, tuple[Paragraph, ...]] = field(default_factory=dict)
    empty_group: str = ""
