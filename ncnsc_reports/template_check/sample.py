"""The sample a template is checked and its reference illustrated with: Hưng Yên 2023.

Owns building the context `build` would give the template for the sample year, which ships
with the program (`resources`), so `check-template` and `fields` work wherever it is installed.
"""

from __future__ import annotations

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.errors import NcnscError
from ncnsc_reports.render.context import build_context
from ncnsc_reports.resources import SAMPLE_YEAR, shipped


def sample_context() -> dict:
    """Return the context `build` gives the template for the sample year (Hưng Yên 2023)."""
    year_dir = shipped(SAMPLE_YEAR)
    if not year_dir.is_dir():
        raise NcnscError(f"thiếu dữ liệu mẫu đi kèm chương trình ({year_dir}); hãy cài lại "
                         "chương trình (pip install .)")
    report, results, _ = gather(year_dir)  # the same inputs as a build
    return build_context(report, results)
