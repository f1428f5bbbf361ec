"""The kinds of Word template and how to tell them apart: light, for the CLI's options.

A yearly report (bao-cao-nam.docx), a phase summary (tong-ket-giai-doan.docx) and the draft plan
of the next phase (du-thao-ke-hoach.docx) are filled from different contexts; `sample` builds
each kind's sample context from these names.
"""

from __future__ import annotations

from pathlib import Path

YEARLY, SUMMARY, DRAFT_PLAN = "bao-cao-nam", "tong-ket", "du-thao-ke-hoach"
KIND_NAMES = {YEARLY: "báo cáo năm", SUMMARY: "báo cáo tổng kết (sơ kết) giai đoạn",
              DRAFT_PLAN: "dự thảo kế hoạch giai đoạn sau"}
_AN_GIANG = ("An Giang giai đoạn 2021-2025 (inputs/an-giang/tong-ket-2021-2025, dữ liệu minh "
             "họa)")
SAMPLE_NAMES = {YEARLY: "Hưng Yên năm 2023 (inputs/hung-yen/2023)", SUMMARY: _AN_GIANG,
                DRAFT_PLAN: _AN_GIANG}


def kind_of(path: Path) -> str:
    """The kind of a template from its file name, as `build` names them (tong-ket-giai-doan.docx,
    du-thao-ke-hoach.docx); any other name is a yearly report's template."""
    name = Path(path).stem.lower()
    if "tong-ket" in name or "so-ket" in name:
        return SUMMARY
    return DRAFT_PLAN if "du-thao" in name or "ke-hoach" in name else YEARLY
