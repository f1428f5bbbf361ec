"""Regenerate the golden text of the sample reports. Run only when a change of output is meant:

    python tests/golden/regenerate.py

It also writes cau-chi-tieu.txt, every sentence II.1 can say (tests/phrasing_table.py).

Then read `git diff tests/golden` before committing: every changed line is a changed report.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from docx_text import docx_lines  # noqa: E402
from phrasing_table import table  # noqa: E402

from ncnsc_reports.pipeline import build  # noqa: E402

SAMPLES = {"hung-yen-2023.txt": ROOT / "inputs" / "hung-yen" / "2023",
           "dong-thap-2026.txt": ROOT / "inputs" / "dong-thap" / "2026",
           "an-giang-2025.txt": ROOT / "inputs" / "an-giang" / "2025"}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for name, year_dir in SAMPLES.items():
            result = build(year_dir, Path(tmp))
            text = "\n".join(docx_lines(result.path)) + "\n"
            (Path(__file__).parent / name).write_text(text, encoding="utf-8")
            print(f"{name}: {len(text.splitlines())} dòng")
    phrasing = table()  # every sentence of II.1 (issue 22, item 4): read it aloud
    (Path(__file__).parent / "cau-chi-tieu.txt").write_text(phrasing, encoding="utf-8")
    print(f"cau-chi-tieu.txt: {len(phrasing.splitlines())} dòng")
    return 0


if __name__ == "__main__":
    sys.exit(main())
