"""Start-up and a cold single build: `python bench/startup.py`.

- `ncnsc-report --help` (goal < 0.3 s: heavy imports are deferred);
- a cold `ncnsc-report build` of the Hưng Yên sample against the bare
  `python -c "import docxtpl, pandas, openpyxl"` (goal ≤ 1.3×).
"""

from __future__ import annotations

import shutil
import sys
import tempfile

from _common import ROOT, cpu, machine, wall


def main() -> None:
    cli = shutil.which("ncnsc-report") or sys.exit("install the package first: pip install .")
    out = tempfile.mkdtemp()
    help_time = wall([cli, "--help"], runs=7)
    bare = wall([sys.executable, "-c", "import docxtpl, pandas, openpyxl"], runs=7)
    build = wall([cli, "build", str(ROOT / "inputs/hung-yen/2023"), "--out", out, "--rebuild"],
                 runs=7)
    indicators = wall([cli, "build", str(ROOT / "inputs/an-giang/2023"), "--out", out,
                       "--rebuild"], runs=7)
    print(f"Machine: {machine()}\n")
    print("| measure | median of 7 | goal |\n|---|---|---|")
    print(f"| `ncnsc-report --help` | {help_time:.2f} s | < 0.30 s |")
    print(f"| bare `import docxtpl, pandas, openpyxl` | {bare:.2f} s | |")
    print(f"| cold `ncnsc-report build inputs/hung-yen/2023` | {build:.2f} s "
          f"({build / bare:.2f}× the bare import) | ≤ 1.3× |")
    print(f"| cold `ncnsc-report build inputs/an-giang/2023` (indicators: pandas, 3 earlier "
          f"workbooks) | {indicators:.2f} s ({indicators / bare:.2f}×) | |")
    cpu_times(cli, out)


def cpu_times(cli: str, out: str) -> None:
    """The same, in CPU time (user + system): on a shared machine wall time mostly measures
    the other users."""
    bare = cpu([sys.executable, "-c", "import docxtpl, pandas, openpyxl"], runs=7)
    print("\n| CPU time, median of 7 | seconds | × bare import | goal |\n|---|---|---|---|")
    print(f"| bare `import docxtpl, pandas, openpyxl` | {bare:.2f} s | 1.00× | |")
    for year, goal in (("hung-yen/2023", "≤ 1.1×"), ("an-giang/2025", "≤ 1.3×")):
        took = cpu([cli, "build", str(ROOT / "inputs" / year), "--out", out, "--rebuild"], runs=7)
        print(f"| cold `ncnsc-report build inputs/{year}` | {took:.2f} s | {took / bare:.2f}× "
              f"| {goal} |")


if __name__ == "__main__":
    main()
