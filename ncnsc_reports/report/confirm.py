"""Warnings that cannot change the figures silently: each stops a build unless confirmed.

A renamed data sheet, a missing one, a record two files both report, a unit's row the report
cannot place: each may mean the report's figures or text are wrong, and a warning scrolls by
above “Đã tạo báo cáo” (issue 23, item 3). Such a problem carries the option that accepts it
(`Problem.confirm`); a build without that option turns it into an error that names the option.
The options are named for what they accept, so a clerk who types one knows what he agrees to.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.problems import (
    DROPPED_ROW,
    DUPLICATE,
    MISSING_SHEET,
    ODD_SHEET,
    Problem,
    Severity,
)

# The options of `build` (help texts): what each accepts.
ACCEPTS = {
    ODD_SHEET: "Vẫn tạo báo cáo khi sổ có trang lạ giống tên một trang số liệu (trang bị đổi "
               "tên?): trang lạ bị bỏ qua.",
    MISSING_SHEET: "Vẫn tạo báo cáo khi sổ thiếu một trang số liệu: coi như trang đó trống.",
    DUPLICATE: "Vẫn tạo báo cáo khi hai phiếu (hoặc sổ và một phiếu) cùng báo cáo một việc: "
               "việc đó chỉ được tính một lần.",
    DROPPED_ROW: "Vẫn tạo báo cáo khi phiếu đơn vị có dòng báo cáo không đặt được vào đâu "
                 "(ví dụ dòng “Tên mục”): bỏ dòng đó.",
}


def unconfirmed(problems: list[Problem], accepted: frozenset[str] | set[str]) -> list[Problem]:
    """The problems that need an option not given."""
    return [p for p in problems if p.confirm and p.confirm not in accepted]


RERUN = "nếu vẫn muốn tạo báo cáo như vậy, chạy lại với {option}"


def escalated(problems: list[Problem], accepted: frozenset[str] | set[str],
              advice: str = RERUN) -> list[Problem]:
    """The errors, then the warnings needing an option not given (as errors, `advice` added:
    the option to give, or for who cannot give one — a unit on the page — what to do), then
    the other warnings: what a failed build lists."""
    needed = unconfirmed(problems, accepted)
    errors = [p for p in problems if p.is_error]
    errors += [Problem(p.where, f"{p.message}; {advice.format(option=p.confirm)}",
                       Severity.ERROR, p.confirm) for p in needed]
    return errors + [p for p in problems if not p.is_error and p not in needed]


def require_confirmed(warnings: list[Problem], accepted: frozenset[str] | set[str],
                      template: Path | None = None) -> None:
    """Raise InputError when a warning needs an option not in `accepted`."""
    if unconfirmed(warnings, accepted):
        raise InputError(escalated(warnings, accepted), template=template)
