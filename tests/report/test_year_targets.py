"""A target set only year by year is summed over the phase in a summary (review M10), from the
document that set the targets in each year; the yearly reports keep their own reading."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT

from ncnsc_reports.report.model import Phase

AN_GIANG = ROOT / "inputs" / "an-giang"


def test_the_survey_target_is_2023s_of_kh_573_plus_2025s_of_qd_648():
    from ncnsc_reports.report.period import load_period

    period, _ = load_period(AN_GIANG / "tong-ket-2021-2025")
    targets = period.plan_in_force.period_targets
    assert targets["KS"] == 50 + 50
    assert targets["HTQL"] == 12  # written for the phase by QĐ 648: kept, not summed


def test_the_yearly_report_keeps_a_years_target_and_a_review_sums_its_years():
    from ncnsc_reports.compute.gather import gather
    from ncnsc_reports.inputs.schema import HELP_SHEET, LISTS_SHEET, PROFILE_SHEETS
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.problems import Problems
    from ncnsc_reports.report.year_targets import with_year_sums

    profile = read_workbook(AN_GIANG / "ho-so-tinh.xlsx", PROFILE_SHEETS, Problems(),
                            (HELP_SHEET, LISTS_SHEET))

    plan = gather(AN_GIANG / "2025")[0].plan_in_force
    assert "KS" not in plan.period_targets  # the yearly report: a year's target only
    summed = with_year_sums(plan, profile, Phase(2021, 2025), dt.date(2025, 12, 31))
    assert summed.period_targets["KS"] == 100
    partial = with_year_sums(plan, profile, Phase(2021, 2024), dt.date(2024, 12, 31))
    assert partial.period_targets["KS"] == 50  # a review of 2021-2024: 2023's only
