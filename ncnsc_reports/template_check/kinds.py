"""The kinds of Word template, named for the CLI's options: taken from the list of kinds.

Every template of every kind of document (`ncnsc_reports.kinds`): the yearly report
(bao-cao-nam.docx), the phase summary (tong-ket-giai-doan.docx), the draft plan of the next phase
(du-thao-ke-hoach.docx)… Light: the CLI reads it for `--mau`'s choices.
"""

from __future__ import annotations

from pathlib import Path

from ncnsc_reports.kinds import template_of, templates

YEARLY, SUMMARY, DRAFT_PLAN = "bao-cao-nam", "tong-ket", "du-thao-ke-hoach"
KIND_NAMES = {name: t.title for name, t in templates().items()}
SAMPLE_NAMES = {name: t.sample for name, t in templates().items()}


def kind_of(path: Path) -> str:
    """The kind of a template from its file name, as `build` names them (tong-ket-giai-doan.docx,
    du-thao-ke-hoach.docx); any other name is a yearly report's template."""
    return template_of(path).name
