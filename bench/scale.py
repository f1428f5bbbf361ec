"""A scale sample: `python bench/scale.py [--provinces 34] [--no-pdf]`.

Makes a synthetic set of 34 provinces × 10 years (2021–2030) in a temporary folder (never
committed): each province is the An Giang sample (real plan 573/KH-UBND for 2021–2025, an
illustrative plan for 2026–2030, every record illustrative — “dữ liệu minh họa”). Then, side
by side in one run:

- a full `build --all` and a no-change one, without and with `--pdf`, with the peak memory of
  the largest process (the CLI, a worker or LibreOffice);
- one changed year workbook: which reports are rebuilt;
- time per report in the full batch against a raw docxtpl render of one report of the set;
- PDFs: one LibreOffice process against two in parallel, on the same documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, raw_docxtpl, sample_context

sys.path.insert(0, str(ROOT / "tools"))
YEARS = range(2021, 2031)
NEXT_PLAN = "999/KH-UBND"


def make_set(target: Path, provinces: int) -> Path:
    """Write one province's profile and ten year workbooks, then copy it `provinces` times."""
    import make_samples as m

    from ncnsc_reports.inputs import schema as s
    from ncnsc_reports.inputs.blank import write_workbook

    first = target / "inputs" / "tinh-01"
    profile = m.profile_an_giang()
    profile[s.PROFILE_PLAN.name].append((
        "Kế hoạch", NEXT_PLAN, dt.date(2026, 3, 2), "Ủy ban nhân dân tỉnh An Giang",
        "triển khai Chương trình 1322 giai đoạn 2026 - 2030 (dữ liệu minh họa)", "2026-2030",
        None, None, None))
    profile[s.PROFILE_TARGETS.name] += [(NEXT_PLAN, c, "2026-2030", v)
                                        for c, v in {**m.AG_PERIOD, "KS": 50}.items()]
    profile[s.PROFILE_BUDGET.name] += [(NEXT_PLAN, 2026 + i, v) for i, v in enumerate(m.AG_BUDGET)]
    profile[s.PROFILE_CAPS.name] += [(NEXT_PLAN, *cap) for cap in m.AG_CAPS]
    write_workbook(first / s.PROFILE_FILE, s.PROFILE_SHEETS, profile,
                   "Hồ sơ tỉnh (dữ liệu minh họa)", (m.NOTE,))
    for year in range(2026, 2031):
        m.AG_PLAN_OF_YEAR[year] = m.AG_PLAN_OF_YEAR[year - 5]
    rng = random.Random(1322)
    firms = m.Enterprises(rng)
    for year in YEARS:
        write_workbook(first / str(year) / f"bao-cao-{year}.xlsx", s.YEAR_SHEETS,
                       m.year_an_giang(year, rng, firms),
                       f"Số liệu năm {year} (dữ liệu minh họa)", (m.NOTE,))
    for i in range(2, provinces + 1):
        shutil.copytree(first, target / "inputs" / f"tinh-{i:02d}")
    shutil.copytree(ROOT / "templates", target / "templates")
    return target / "inputs"


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run a command; return (wall seconds, CPU seconds of its whole tree, peak MB of the
    largest process in its tree, output). On a shared machine the CPU time is the steadier."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def summary(output: str) -> str:
    line = next(line for line in output.splitlines() if line.startswith("Tổng kết"))
    return re.sub(r"^Tổng kết: \d+ báo cáo — ", "", line).rstrip(".")


def outputs_state(out: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in out.glob("*/*/*") if p.is_file()}


def batches(cli: str, inputs: Path, pdf: bool) -> list[tuple[str, float, float, float, str]]:
    """Full and no-change batches, without then with PDFs; then one changed workbook."""
    rows = []
    runs = [("full, no PDF", ["--rebuild"]), ("no change, no PDF", [])]
    if pdf:
        runs += [("full, with PDF", ["--rebuild", "--pdf"]), ("no change, with PDF", ["--pdf"])]
    for label, extra in runs:
        times = [measured([cli, "build", "--all", str(inputs), *extra])
                 for _ in range(3 if "no change" in label else 1)]
        seconds = statistics.median(t for t, _, _, _ in times)
        cpu = statistics.median(c for _, c, _, _ in times)
        rows.append((label, seconds, cpu, max(m for _, _, m, _ in times), summary(times[-1][3])))
    return rows


def one_changed(cli: str, inputs: Path, pdf: bool) -> tuple[float, list[str], str]:
    """Edit tinh-01/2027; return the time, the reports rebuilt (by output times), summary."""
    import openpyxl

    out = inputs.parent / "outputs"
    before = outputs_state(out)
    book = inputs / "tinh-01" / "2027" / "bao-cao-2027.xlsx"
    wb = openpyxl.load_workbook(book)
    wb["Nội dung"]["C3"] = "Đoạn văn sửa lại sau góp ý (dữ liệu minh họa)."
    wb.save(book)
    seconds, _, _, output = measured([cli, "build", "--all", str(inputs),
                                      *(["--pdf"] if pdf else [])])
    after = outputs_state(out)
    rebuilt = sorted({"/".join(Path(p).parts[-3:-1]) for p in after
                      if before.get(p) != after[p] and p.endswith(".docx")})
    return seconds, rebuilt, summary(output)


def pdf_processes(out: Path, count: int) -> tuple[float, float, int]:
    """Seconds for `count` documents with one LibreOffice run, then with two runs side by side."""
    from ncnsc_reports.outputs.pdf_batch import convert_all

    work = Path(tempfile.mkdtemp())
    documents = []
    # every province of the set is a copy of An Giang: the same file names in each folder
    for i, path in enumerate(sorted(out.glob("*/*/*.docx"))[:count]):
        documents.append(work / f"{i:02d}-{path.name}")
        shutil.copyfile(path, documents[-1])
    times = []
    for processes in (1, 2):
        start = time.perf_counter()
        pdfs = convert_all(documents, processes)
        times.append(time.perf_counter() - start)
        assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)
        for p in pdfs:
            p.unlink()
    return times[0], times[1], len(documents)


def raw_render(inputs: Path) -> float:
    """Median CPU time of 5 raw docxtpl renders of one report of the set (tinh-01/2028)."""
    template, context = sample_context(inputs / "tinh-01" / "2028")
    raw_docxtpl(template, context)
    times = []
    for _ in range(5):
        start = time.process_time()  # CPU, like the batch's: the machine is shared
        raw_docxtpl(template, context)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--pdf-documents", type=int, default=20)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # results appear as they are measured
    cli = shutil.which("ncnsc-report") or sys.exit("install the package first: pip install .")
    tmp = Path(tempfile.mkdtemp(prefix="ncnsc-scale-"))
    start = time.perf_counter()
    inputs = make_set(tmp, args.provinces)
    reports = args.provinces * len(YEARS)
    print(f"Machine: {machine()}; load average before the run: {os.getloadavg()[0]:.1f}\n")
    print(f"Set: {args.provinces} provinces × {len(YEARS)} years = {reports} reports "
          f"(written in {time.perf_counter() - start:.0f} s, in {tmp})\n")
    rows = batches(cli, inputs, not args.no_pdf)
    print("| `build --all` | wall | CPU (all processes) | peak memory (largest process) | "
          "summary |\n|---|---|---|---|---|")
    for label, seconds, cpu, peak, said in rows:
        print(f"| {label} | {seconds:.2f} s | {cpu:.2f} s | {peak:.0f} MB | {said} |")
    seconds, rebuilt, said = one_changed(cli, inputs, not args.no_pdf)
    print(f"\nOne changed workbook (tinh-01/2027), `build --all{'' if args.no_pdf else ' --pdf'}`:"
          f" {seconds:.2f} s; rebuilt: {', '.join(rebuilt)} ({said}).")
    raw = raw_render(inputs)
    per_report = rows[0][2] / reports
    print(f"\nPer report in the full batch (CPU time / {reports}): {per_report:.3f} s; raw "
          f"docxtpl render of tinh-01/2028 (same template): {raw:.3f} s ({per_report / raw:.2f}×)."
          f" Wall: {rows[0][1] / reports:.3f} s per report on {os.cpu_count()} cores.")
    if not args.no_pdf:
        one, two, count = pdf_processes(inputs.parent / "outputs", args.pdf_documents)
        print(f"\nPDF, {count} documents: one LibreOffice process {one:.1f} s, two in parallel "
              f"{two:.1f} s ({one / two:.2f}×).")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
