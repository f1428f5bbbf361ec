"""The sample a template is checked and its reference illustrated with: Hưng Yên 2023.

Owns finding the sample year and building the context `build` would give the template for it.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.compute.gather import gather
from ncnsc_reports.render.context import build_context

SAMPLE_YEAR = Path(__file__).resolve().parents[2] / "inputs" / "hung-yen" / "2023"


def sample_context() -> dict:
    """Return the context `build` gives the template for the sample year (Hưng Yên 2023)."""
    report, results, _ = gather(SAMPLE_YEAR)  # the same inputs as a build
    return build_context(report, results)
