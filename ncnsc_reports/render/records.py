"""What section I says about the year's records: articles, support by enterprise, classes, experts.

Owns turning the record rows of the report's year into the items the template lists under the
task groups of QĐ 1322/QĐ-TTg (I.2.2 thông tin, truyền thông; I.2.3 hỗ trợ doanh nghiệp; I.2.4
đào tạo), so that section I tells the same story as II.1 and the appendices. The sentences
around the items are in the template; here only the facts and the short phrase naming each
kind of support.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ncnsc_reports.inputs.records import Expert, Media, Support, Survey, Training
from ncnsc_reports.inputs.schema import (
    CERTIFICATION_ITEM,
    CERTIFICATION_KIND,
    MEDIA_KINDS,
    SUPPORT_KINDS,
)
from ncnsc_reports.report.model import Report, YearRecords

_AWARD = SUPPORT_KINDS[5]  # a proper name: never lower-cased
# QĐ 1322/QĐ-TTg, mục III: which task group lists which records (fields of `year_records`).
GROUP_RECORDS = {"2.2": ("media",), "2.3": ("supported", "surveys"),
                 "2.4": ("classes", "experts")}


@dataclass(frozen=True)
class Count:
    count: int
    what: str


@dataclass(frozen=True)
class MediaItem:
    kind: str
    title: str
    published: dt.date
    outlet: str


@dataclass(frozen=True)
class ClassItem:
    title: str
    start: dt.date
    end: dt.date | None
    participants: int
    officials: int | None
    managers: int | None
    cost: int | None = None  # “Kinh phí (đồng)”: said in I.2.4 so II.1's money adds up (M3)


@dataclass(frozen=True)
class ExpertItem:
    name: str
    unit: str
    course: str


@dataclass(frozen=True)
class SurveyItem:
    title: str
    date: dt.date
    enterprises: int


@dataclass(frozen=True)
class SupportedEnterprise:
    """One enterprise and everything it was supported with in the year (rows in sheet order)."""

    name: str
    locality: str
    what: tuple[str, ...]
    amount: int


def year_records(report: Report) -> dict:
    """Return the template fields listing the year's records (empty lists when there are none)."""
    records = report.history.get(report.year) or YearRecords(report.year, "")
    media = [MediaItem(r.kind, r.title, r.published, r.outlet or "")
             for r in records.typed(Media)]
    classes = [ClassItem(r.title, r.start, r.end, r.participants or 0, r.officials,
                         r.managers, r.cost) for r in records.typed(Training)]
    supported = _by_enterprise(records.typed(Support))
    return {
        "media": media,
        "media_counts": _counts(media),
        "classes": classes,
        "trainees": sum(c.participants for c in classes),
        "experts": [ExpertItem(r.name, r.unit, r.course or "") for r in records.typed(Expert)],
        "surveys": [SurveyItem(r.title, r.date, r.enterprises or 0)
                    for r in records.typed(Survey)],
        "supported": supported,
        "support_total": sum(e.amount for e in supported),
    }


def _counts(media: list[MediaItem]) -> list[Count]:
    """“02 tin, 01 bài viết”: how many of each kind, in the order of the drop-down list."""
    return [Count(n, kind.lower()) for kind in MEDIA_KINDS
            if (n := sum(1 for m in media if m.kind == kind))]


def support_phrase(kind: str, detail: str, item: str, amount: int | None = None) -> str:
    """“tư vấn áp dụng hệ thống quản lý ISO 9001”, “phí đăng ký mã số mã vạch”. The award's
    “Tiêu chuẩn, công cụ” is the level won (“Giải Vàng”), said only with money paid for it:
    a 0-đồng row is an enterprise urged to enter, not a winner (issue 22, review M17)."""
    if kind == _AWARD:
        return f"tham dự {kind}" + (f", đạt {detail}" if detail and amount else "")
    if kind == CERTIFICATION_KIND or (item == CERTIFICATION_ITEM and detail):
        subject = detail  # one form (review L3): “đánh giá chứng nhận lần đầu ISO 9001”
    else:
        subject = kind.lower() + (f" {detail}" if detail else "")
    return f"{item[0].lower()}{item[1:]} {subject}".strip()


def _by_enterprise(rows: tuple[Support, ...]) -> list[SupportedEnterprise]:
    """Group support rows by enterprise (tax code, else name), in the order first met."""
    groups: dict[str, list[Support]] = {}
    for r in rows:
        groups.setdefault(str(r.tax_code or r.name).replace(" ", ""), []).append(r)
    return [SupportedEnterprise(
        rs[0].name, rs[0].locality or "",
        tuple(dict.fromkeys(support_phrase(r.kind, r.detail or "", r.item, r.amount)
                            for r in rs)),
        sum(r.amount or 0 for r in rs)) for rs in groups.values()]
