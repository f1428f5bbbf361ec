"""Start-up and a cold single build: `python bench/startup.py`.

- `ncnsc-report --help` (goal < 0.3 s: heavy imports are deferred);
- a cold `ncnsc-report build` (a new process) of Hưng Yên 2023 (goal ≤ 1.1× the bare
  `python -c "import docxtpl, pandas, openpyxl"`) and An Giang 2025 (goal ≤ 1.3×), each with
  an empty cache of compiled templates (the first build after an install or a template edit)
  and with a warm one (every later build); see `ncnsc_reports/render/compiled.py`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from _common import ROOT, cpu, machine, wall

BARE = [sys.executable, "-c", "import docxtpl, pandas, openpyxl"]
YEARS = (("hung-yen/2023", "≤ 1.1×"), ("an-giang/2025", "≤ 1.3×"))


def main() -> None:
    cli = shutil.which("ncnsc-report") or sys.exit("install the package first: pip install .")
    out, cache = tempfile.mkdtemp(), Path(tempfile.mkdtemp())
    env = {**os.environ, "NCNSC_CACHE": str(cache)}  # not the user's own cache

    def empty() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    print(f"Machine: {machine()}\n")
    for measure, unit in ((wall, "wall"), (cpu, "CPU (user + system)")):
        bare = measure(BARE, runs=7)
        print(f"| {unit}, median of 7 | seconds | × bare import | goal |\n|---|---|---|---|")
        if measure is wall:
            print(f"| `ncnsc-report --help` | {wall([cli, '--help'], runs=7):.2f} s | | < 0.30 s |")
        print(f"| bare `import docxtpl, pandas, openpyxl` | {bare:.2f} s | 1.00× | |")
        for year, goal in YEARS:
            command = [cli, "build", str(ROOT / "inputs" / year), "--out", out, "--rebuild"]
            measure(command, runs=1, env=env)  # the output folder's template check is cached
            cold = measure(command, runs=7, before=empty, env=env)
            warm = measure(command, runs=7, env=env)
            for took, cached in ((cold, "empty"), (warm, "warm")):
                print(f"| cold `ncnsc-report build inputs/{year}`, {cached} template cache "
                      f"| {took:.2f} s | {took / bare:.2f}× | {goal} |")
        print()


if __name__ == "__main__":
    main()
