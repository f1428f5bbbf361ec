"""The samples a template is checked and its reference illustrated with, one per kind.

Owns building the context `build` would give a template of each kind (`kinds`) for its sample:
Hưng Yên 2023 for the yearly report, An Giang 2021-2025 for the summary and its draft plan.
The samples ship with the program (`resources`), so `check-template` and `fields` work wherever
it is installed.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.errors import NcnscError
from ncnsc_reports.render.context import build_context
from ncnsc_reports.resources import SAMPLE_PERIOD, SAMPLE_YEAR, shipped
from ncnsc_reports.template_check.kinds import YEARLY


def sample_context(kind: str = YEARLY) -> dict:
    """Return the context `build` gives a template of `kind` for its sample."""
    if kind == YEARLY:
        report, results, _ = gather(_sample_dir(SAMPLE_YEAR))  # the same inputs as a build
        return build_context(report, results)
    from ncnsc_reports.template_check.period_sample import period_sample_context  # pandas

    return period_sample_context(_sample_dir(SAMPLE_PERIOD), kind)


def _sample_dir(relative: str) -> Path:
    folder = shipped(relative)
    if not folder.is_dir():
        raise NcnscError(f"thiếu dữ liệu mẫu đi kèm chương trình ({folder}); hãy cài lại "
                         "chương trình (pip install .)")
    return folder
