"""The typed model of one report: what the validated inputs say, before any formatting.

Frozen dataclasses; built only by `validation`, read by `context`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ncnsc_reports.inputs.records import SHEET_OF, R, typed


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
    unit: str = ""  # the unit whose form sent it (“Sở Công Thương”); "" for the Sở's own
    attributed: str = ""  # text under the unit's name: “Sở Công Thương đã …”; else = text
    runs: tuple[tuple[str, bool, bool], ...] = ()  # (part, bold, italic) as typed in Excel
    light: bool = False  # a sub-title typed “Tiêu đề nhỏ nghiêng”: italic, not bold

    def __post_init__(self) -> None:
        if not self.attributed:
            object.__setattr__(self, "attributed", self.text)


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
    agency_name: str = ""

    # “tỉnh An Giang”, “thành phố Hải Phòng”: filled from `place` and `parent_agency`
    province_words: str = ""

    def __post_init__(self):
        if not self.province_words:
            object.__setattr__(self, "province_words",
                               province_words(self.place, self.parent_agency))


def province_words(place: str, parent_agency: str) -> str:
    """“tỉnh An Giang”, “thành phố Hải Phòng”, “Thành phố Hồ Chí Minh” (a place that says its
    kind): the province as a sentence names it; a centrally-run city's parent agency is “UBND
    THÀNH PHỐ …” (NĐ 30/2020 Phụ lục I; new-province writes it so)."""
    if re.match(r"(tỉnh|thành phố)\s", place, flags=re.IGNORECASE):
        return place
    city = "THÀNH PHỐ" in parent_agency.upper()
    return f"{'thành phố' if city else 'tỉnh'} {place}"


@dataclass(frozen=True)
class Phase:
    """A span of years of Chương trình 1322: a phase (2021-2025, 2026-2030) or a plan's period."""

    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.start}-{self.end}"


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
    headings: dict[str, str] = field(default_factory=dict)  # “Tên mục” rows: section -> title
    amendments: tuple[Document, ...] = ()
    plan_in_force: PlanInForce | None = None
    history: dict[int, YearRecords] = field(default_factory=dict)
    localities: tuple[tuple[dt.date, tuple[str, ...]], ...] = ()  # dated lists, see localities
    illustrative: bool = False
    date: dt.date | None = None  # the signing date, blanks read as late as possible
    untouched: bool = False  # only rows carried from last year, none reviewed, nothing added
    phase: Phase | None = None  # the phase of `year`: what cumulative figures and targets cover
    file_stem: str = ""  # bao-cao-<tỉnh>-<năm>, from the place name in force (not the folder)
    units: UnitReplies | None = None  # who was asked for a contribution and who answered
    territories: Territories | None = None  # a merged province: where each record lies
    # a later phase: the previous phase's records and the indicators measured in both (II)
    earlier: dict[int, YearRecords] = field(default_factory=dict)
    earlier_codes: tuple[str, ...] = ()
    # a merged province measured on one former province's plan: the other territories' plans
    other_plans: tuple[TerritoryPlan, ...] = ()


@dataclass(frozen=True)
class Territories:
    """The former provinces of a merged province, so that each record is counted in the
    territory of the plan that covers it (domain.md §7: a plan covers the territory of the
    province that issued it). Built by `report.territory`."""

    formed: dt.date  # the first day of the merged province (1/7/2025)
    own: str  # the former province whose folder this is (“An Giang (trước sắp xếp)”), or ""
    folders: dict[str, str]  # inputs/ folder name -> former province, for its years' records
    localities: dict[str, str]  # commune or ward (case-folded) -> former province
    words: dict[str, str]  # former province -> “tỉnh Kiên Giang (trước sắp xếp)”


@dataclass(frozen=True)
class UnitReplies:
    """The units asked for contributions (profile) and the forms that came back."""

    asked: tuple[str, ...] = ()
    answered: dict[str, str] = field(default_factory=dict)  # unit -> form file (don-vi/…)
    collecting: bool = False  # the year has a don-vi/ folder: forms were sent, answers awaited

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(u for u in self.asked if u not in self.answered)


# --- Plans as data and the records of each year (issue: indicators against the plan) -----


@dataclass(frozen=True)
class Indicator:
    """One target of the plan: what is counted (`measure`) and how a sentence names it."""

    code: str
    name: str
    unit: str
    measure: str
    verb: str
    noun: str


@dataclass(frozen=True)
class Cap:
    """A support norm: at most `cap` đồng per item and `per_year` items per enterprise a year."""

    kind: str
    item: str
    detail: str
    cap: int | None
    per_year: int | None
    source: Document


@dataclass(frozen=True)
class PlanInForce:
    """The plan as it stands on the report's date, each part with the document that sets it.

    `caps` is None when the document in force replaced the norms without giving amounts.
    """

    documents: tuple[Document, ...]
    indicators: tuple[Indicator, ...]
    period: Phase  # the phase of the report year
    period_targets: dict[str, int]
    year_targets: dict[str, int]
    targets_source: Document
    caps: tuple[Cap, ...] | None
    caps_source: Document
    budget: dict[int, int]
    budget_source: Document
    target_rules: dict[str, TargetRule] = field(default_factory=dict)  # derived targets only
    territory: str = ""  # the former province whose territory the plan covers; "" = all
    # the norms of the phase by the date they took effect, up to the report date: a record is
    # checked against those in force on its date (QĐ 648 replaced 573's norms from 25/4/2025)
    norms: tuple[Norms, ...] = ()

    def norms_on(self, day: dt.date | None) -> Norms:
        """The norms in force on `day`: those of the report date for an undated record, the
        earliest of the phase for a day before them."""
        if not self.norms:
            return Norms(None, self.caps, self.caps_source)
        if day is None:
            return self.norms[-1]
        return next((n for n in reversed(self.norms) if n.since <= day), self.norms[0])


@dataclass(frozen=True)
class Norms:
    """The support norms (định mức hỗ trợ) one document sets, from the day it takes effect;
    `caps` is None when the document gives no amounts."""

    since: dt.date | None
    caps: tuple[Cap, ...] | None
    source: Document


@dataclass(frozen=True)
class TerritoryPlan:
    """The plan in force on a former province's territory other than the one the report's
    plan covers (domain.md §7): the report cites it, and support there is checked against its
    norms, never another province's. Built by `report.norms`."""

    territory: str  # as in “Hình thành”
    words: str  # “tỉnh Kiên Giang (trước sắp xếp)”
    profile: str  # “kien-giang/ho-so-tinh.xlsx”, where its plan and norms are typed; "" none
    plan: PlanInForce | None  # None: no plan in force there on the report date
    absent: bool = False  # the former province's data is not available (no folder named)


@dataclass(frozen=True)
class TargetRule:
    """How a target not written in any document was derived from the plan's rule.

    Tiền Giang 224/KH-UBND §I.2.b: 2026-2030 targets at least 110% of 2021-2025, so the
    derived value is the previous phase's target × rate, rounded up to whole units.
    """

    document: Document  # the plan that states the rule
    rate: int  # percent of the previous phase's target
    previous: Phase
    previous_value: int

    @property
    def text(self) -> str:
        """“tăng ít nhất 10% so với giai đoạn 2021-2025” (the plan's own words, 224 §I.2.b)."""
        if self.rate == 100:
            return f"không thấp hơn giai đoạn {self.previous.label}"
        return f"tăng ít nhất {self.rate - 100}% so với giai đoạn {self.previous.label}"


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator's results, as the report prints it (a sentence in II.1, a row of Phụ lục I)."""

    code: str
    name: str
    unit: str
    verb: str
    noun: str
    period_target: int | None
    year_target: int | None
    year_result: int
    cumulative: int
    completion: Decimal | None  # percent, one decimal, half up; None without a target
    source: Document
    rule: str = ""  # how a derived phase target was set, e.g. "tăng ít nhất 10% so với …"
    derived_from: int | None = None  # the previous phase's target it was derived from
    # A plan covering part of a merged province: results above are those in its territory
    # (`territory`, in words); the whole province's are beside them, or None when the same.
    # `placed` is False when the records cannot be told apart by territory (a class has no
    # commune): the results are then the whole province's and no rate is given.
    territory: str = ""
    whole_year: int | None = None
    whole_cumulative: int | None = None
    placed: bool = True


@dataclass(frozen=True)
class BudgetLine:
    year: int
    planned: int | None
    spent: int


@dataclass(frozen=True)
class Spending:
    """What the year's money went to, on the basis of the year's spent figure (review M3): a
    plan covering one former province is measured on its territory (domain.md §7), and then
    `where` names that territory and `whole` the whole province's spend beside it."""

    support: int = 0  # “Hỗ trợ doanh nghiệp” amounts
    training: int = 0  # “Tập huấn” costs
    funding: tuple[str, ...] = ()  # “Nguồn kinh phí” of the support rows, in order met
    where: str = ""  # the plan's territory, “tỉnh An Giang (trước sắp xếp)”; "" if the same
    whole: int | None = None  # the whole province's spend when `where` is a territory
    elsewhere: tuple[tuple[str, int], ...] = ()  # (other territory in words, its spend)
    whole_basis: bool = False  # the whole province's money, said so: the plan covers part


@dataclass(frozen=True)
class BudgetSummary:
    """The budget of the phase to the report year: per year, the year's and the totals."""

    years: tuple[BudgetLine, ...]
    planned_year: int | None
    spent_year: int
    planned_to_date: int | None
    spent_to_date: int
    completion: Decimal | None
    source: Document


@dataclass(frozen=True)
class SupportLine:
    """One row of the list of enterprises supported in the year (Phụ lục II)."""

    name: str
    tax_code: str
    locality: str
    kind: str
    detail: str
    item: str
    amount: int
    funding: str
    what: str  # “Tư vấn áp dụng hệ thống quản lý ISO 9001”: the phrase section I uses too


@dataclass(frozen=True)
class YearRecords:
    """What happened in one year, as loaded rows by sheet name; empty for a “no data” year."""

    year: int
    file: str
    rows: dict[str, list] = field(default_factory=dict)
    no_data: bool = False
    stated_spent: int | None = None
    # its workbook says “Dữ liệu minh họa: Có”: a document using these rows says so too, even
    # when they come from another folder (a predecessor's, an earlier year's)
    illustrative: bool = False

    def typed(self, kind: type[R]) -> tuple[R, ...]:
        """The year's rows of `kind`'s sheet as typed records (inputs.records): `Support`,
        `Training`, `Expert`, `Media`, `Survey`."""
        return typed(kind, self.rows.get(SHEET_OF[kind].name, ()))
