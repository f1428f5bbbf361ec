"""No-change batch, old code against new, side by side: `python bench/nochange.py --old DIR`.

DIR is a checkout of the program before a change (e.g. `git worktree add /tmp/old <commit>`).
Makes the synthetic 34 provinces × 10 years set of `scale.py`, builds it in full once with each
program (into outputs of its own: the source records differ), then times no-change
`build --all` runs, the two programs taking turns, and prints the medians (wall and CPU of the
whole process tree). Each program runs from its own folder (`python -m ncnsc_reports` with
PYTHONPATH), so the installed package plays no part.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _common import ROOT, machine
from scale import YEARS, make_set, measured, summary


def command(code: Path, inputs: Path, out: Path, *extra: str) -> list[str]:
    return ["env", f"PYTHONPATH={code}", sys.executable, "-m", "ncnsc_reports", "build",
            "--all", str(inputs), "--out", str(out), *extra]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    tmp = Path(tempfile.mkdtemp(prefix="ncnsc-nochange-"))
    os.environ["NCNSC_CACHE"] = str(tmp / "cache")
    inputs = make_set(tmp, args.provinces)
    codes = {"old": args.old.resolve(), "new": ROOT}
    print(f"Machine: {machine()}; load average before: {os.getloadavg()[0]:.1f}\n")
    for name, code in codes.items():
        seconds, _, _, said = measured(command(code, inputs, tmp / f"out-{name}", "--rebuild"))
        print(f"full build, {name}: {seconds:.1f} s ({summary(said)})")
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
    said = {}
    for _ in range(args.runs):
        for name, code in codes.items():
            seconds, cpu, _, output = measured(command(code, inputs, tmp / f"out-{name}"))
            times[name].append((seconds, cpu))
            said[name] = summary(output)
    reports = args.provinces * len(YEARS)
    print(f"\n| no-change `build --all`, {reports} reports, median of {args.runs} | wall | CPU "
          "| summary |\n|---|---|---|---|")
    for name in codes:
        wall = statistics.median(t for t, _ in times[name])
        cpu = statistics.median(c for _, c in times[name])
        print(f"| {name} ({codes[name]}) | {wall:.2f} s | {cpu:.2f} s | {said[name]} |")
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
