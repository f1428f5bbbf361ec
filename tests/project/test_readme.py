"""The README describes the workbooks as the schema defines them, and its quick start is CI's."""

from __future__ import annotations

from conftest import ROOT

from ncnsc_reports.inputs.schema import PROFILE_SHEETS, YEAR_SHEETS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_names_every_sheet_and_column():
    missing = [f"{spec.name} › {col.header}" for spec in PROFILE_SHEETS + YEAR_SHEETS
               for col in spec.columns
               if f"| {spec.name} |" not in README or col.header not in README]
    assert missing == []


def test_ci_runs_the_readme_quick_start():
    quick_start = README.split("```bash\n")[1].split("```")[0].strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert len(quick_start) == 2
    assert all(command in ci for command in quick_start)
