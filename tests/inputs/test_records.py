"""Typed records (issue 21, item 4): each record sheet's rows become a frozen dataclass whose
fields are the sheet's columns, read by name, with the row's place and contributing unit."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ROOT

from ncnsc_reports.inputs.records import SHEET_OF, Expert, Support, Training, fields_of, typed
from ncnsc_reports.inputs.schema import RECORD_SHEETS
from ncnsc_reports.inputs.sheets import Row
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.history import load_year


@pytest.mark.parametrize("kind", list(SHEET_OF), ids=lambda k: k.__name__)
def test_a_record_has_a_field_for_each_column_of_its_sheet_in_order(kind):
    assert fields_of(kind) == [c.key for c in SHEET_OF[kind].columns]
    assert [f.name for f in dataclasses.fields(kind)][-2:] == ["where", "by"]
    assert kind.__dataclass_params__.frozen


def test_every_record_sheet_has_its_type():
    assert sorted(s.name for s in SHEET_OF.values()) == sorted(s.name for s in RECORD_SHEETS)


def test_a_row_becomes_its_record_with_place_and_unit():
    where = Location("don-vi/so-cong-thuong.xlsx", "Chuyên gia", 4)
    row = Row({"name": "Nguyễn Văn A", "unit": "Trung tâm Năng suất", "course": None}, where,
              unit="Sở Công Thương")
    assert typed(Expert, [row]) == (Expert("Nguyễn Văn A", "Trung tâm Năng suất", None, where,
                                           "Sở Công Thương"),)


def test_a_sample_year_reads_the_same_through_its_records():
    problems = Problems()
    records = load_year(ROOT / "inputs" / "an-giang" / "2023", 2023, problems)
    assert not problems.errors
    support = records.typed(Support)
    rows = records.rows["Hỗ trợ doanh nghiệp"]
    assert support and len(support) == len(rows)
    assert [(s.name, s.amount, s.where) for s in support] == \
        [(r["name"], r["amount"], r.where) for r in rows]
    assert sum(t.participants for t in records.typed(Training)) == \
        sum(r["participants"] for r in records.rows["Tập huấn"])
