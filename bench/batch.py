"""Batch regeneration: `python bench/batch.py`.

- Marginal cost per report in a warm process (`pipeline.build`, the template check and the
  compiled template cached as in a batch) against a raw docxtpl render of the same template
  and context (goal ≤ 1.2×).
- Speed-up of `ncnsc-report build --all` on 2 cores: 16 reports with `--jobs 1` and `--jobs 2`
  (goal ≥ 1.8×).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, raw_docxtpl, sample_context, wall


def median_time(action, runs: int = 5) -> float:
    action()  # warm: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def marginal(year: str, out: Path) -> tuple[float, float, float]:
    """Per report, warm: our whole build, our render alone, raw docxtpl's render."""
    import datetime as dt

    from ncnsc_reports.pipeline import build
    from ncnsc_reports.render.docx import render

    year_dir = ROOT / "inputs" / year
    ours = median_time(lambda: build(year_dir, out, rebuild=True))
    template, context = sample_context(year_dir)
    when = dt.datetime(2023, 11, 30, 8)
    rendered = median_time(lambda: render(template, context, when))
    raw = median_time(lambda: raw_docxtpl(template, context))
    return ours, rendered, raw


def batch_inputs(target: Path, copies: int = 8) -> Path:
    """16 reports: 8 copies each of the Hưng Yên 2023 and Tiền Giang 2021 samples."""
    for i in range(copies):
        for province in ("hung-yen", "tien-giang"):
            shutil.copytree(ROOT / "inputs" / province, target / "inputs" / f"{province}-{i}")
    shutil.copytree(ROOT / "templates", target / "templates")
    return target / "inputs"


def main() -> None:
    cli = shutil.which("ncnsc-report") or sys.exit("install the package first: pip install .")
    tmp = Path(tempfile.mkdtemp())
    # compiled templates (render.compiled) in a folder of this run, not the user's: the first
    # report of each process compiles, every later one renders from memory
    os.environ["NCNSC_CACHE"] = str(tmp / "cache")
    print(f"Machine: {machine()}\n")
    print("| report | raw docxtpl render | our render (strict, checked, dated) | our whole "
          "build (read Excel, validate, render, write) | goal |")
    print("|---|---|---|---|---|")
    for year in ("hung-yen/2023", "an-giang/2023"):
        ours, rendered, raw = marginal(year, tmp / "out")
        print(f"| {year} | {raw:.3f} s | {rendered:.3f} s ({rendered / raw:.2f}×) | "
              f"{ours:.3f} s ({ours / raw:.2f}×) | ≤ 1.2× |")
    inputs = batch_inputs(tmp / "batch")
    one = wall([cli, "build", "--all", str(inputs), "--jobs", "1", "--rebuild"], runs=3)
    two = wall([cli, "build", "--all", str(inputs), "--jobs", "2", "--rebuild"], runs=3)
    print("\n| `build --all`, 16 reports | --jobs 1 | --jobs 2 | speed-up | goal |")
    print("|---|---|---|---|---|")
    print(f"| median of 3 | {one:.2f} s | {two:.2f} s | {one / two:.2f}× | ≥ 1.8× |")


if __name__ == "__main__":
    main()
