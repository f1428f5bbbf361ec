"""The samples a template is checked and its reference illustrated with, one per kind.

The context `build` would give a template of each kind for its sample comes from the list of
kinds (`ncnsc_reports.kinds`: each kind's module makes it): Hưng Yên 2023 for the yearly report,
An Giang 2021-2025 for the summary and its draft plan. The samples ship with the program
(`resources`), so `check-template` and `fields` work wherever it is installed.
"""

from __future__ import annotations

from ncnsc_reports.kinds import sample_context as kind_sample
from ncnsc_reports.render.names import template_names
from ncnsc_reports.template_check.kinds import YEARLY


def sample_context(kind: str = YEARLY) -> dict[str, object]:
    """Return the names `build` gives a template of `kind` (--mau) for its sample, as the
    template sees them (the kind's typed context made a dict, as `render` does)."""
    return template_names(kind_sample(kind))
