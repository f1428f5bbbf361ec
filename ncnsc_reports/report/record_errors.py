"""Errors in the record rows that would make the indicators count wrong.

Owns the row checks that are errors, not warnings, because a count built on them would be
silently wrong: a system or tool without its standard (two rows of one system would count
twice), a tax code Excel turned into a number (a lost leading 0 makes one enterprise two),
a class without its breakdown when the plan counts officials and managers.
"""

from __future__ import annotations

import re

from ncnsc_reports.inputs.records import Support, Training
from ncnsc_reports.inputs.schema import OFFICIALS_TRAINED, SYSTEM, TOOL
from ncnsc_reports.problems import Problems, expected_found
from ncnsc_reports.report.model import PlanInForce, YearRecords

_TAX_CODE = re.compile(r"\d{10}(-\d{3})?")
_COUNTED_BY_STANDARD = {SYSTEM, TOOL}  # one per enterprise and standard
_BREAKDOWN = OFFICIALS_TRAINED


def check_record_rows(history: dict[int, YearRecords], plan: PlanInForce,
                      problems: Problems) -> None:
    """Record an error for every row whose count would be wrong, in every year read."""
    breakdown = any(i.measure == _BREAKDOWN for i in plan.indicators)
    for records in history.values():
        for row in records.typed(Support):
            _support_row(row, problems)
        for row in records.typed(Training) if breakdown else ():
            if row.participants and row.officials is None and row.managers is None:
                problems.error(row.where.at(column="Trong đó cán bộ, công chức, viên chức"),
                               expected_found("số cán bộ, công chức và/hoặc số quản lý doanh "
                                              "nghiệp trong lớp (chỉ tiêu của Kế hoạch đếm số "
                                              "này; ghi 0 nếu không có)", None))


def _support_row(row: Support, problems: Problems) -> None:
    tax = row.tax_code
    if tax is not None and not _TAX_CODE.fullmatch(str(tax)):
        problems.error(row.where.at(column="Mã số thuế"), expected_found(
            "mã số thuế 10 chữ số (đơn vị phụ thuộc: 10 chữ số-3 chữ số); nếu mã bắt đầu bằng "
            "0, định dạng ô là Text (Văn bản) để Excel không bỏ số 0", tax))
    if row.kind in _COUNTED_BY_STANDARD and not row.detail:
        problems.error(row.where.at(column="Tiêu chuẩn, công cụ"), expected_found(
            "tiêu chuẩn hoặc công cụ (ví dụ ISO 9001, 5S): tư vấn và chứng nhận cùng một hệ "
            "thống được đếm là một nhờ cột này", None))
