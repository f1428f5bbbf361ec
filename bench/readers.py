"""Workbook readers side by side: `python bench/readers.py [--timeout 120]` (and
`pip install python-calamine`).

For the An Giang 2025 year workbook as it is, with one formatted blank cell at XFD1048576, and
with 100,000 formatted blank rows (as real files have): the time and peak memory, in a fresh
process each, of reading every sheet's values with
- openpyxl, normal mode (what the program did before issue 15),
- openpyxl, read-only mode, `iter_rows(values_only=True)`,
- the program's own reader alone (`inputs.xlsx_book.open_book` and `sheet_xml.read_sheet_data`
  of every sheet: zipfile + expat, only cells that hold a value; issue 16a),
- the program's whole read (`inputs.sheets.read_workbook`: that reader, then every cell typed
  and checked against the sheets' columns),
- python-calamine (`to_python()` of each sheet; the Rust reader), if installed.
Times exclude imports (the program's reader imports no openpyxl: about 0.1 s less than the
openpyxl columns at start-up); memory is the process's peak (imports included).
Goal (issue 16): a workbook with a formatted cell at XFD1048576 reads in < 1 s and < 150 MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, machine

sys.path.insert(0, str(ROOT / "tests"))
READERS = ("openpyxl", "openpyxl read-only", "ours, reader", "ours, read_workbook",
           "python-calamine")
CHILD = r"""
import json, resource, sys, time
reader, path = sys.argv[1], sys.argv[2]
if reader == "python-calamine":
    import python_calamine
elif reader.startswith("openpyxl"):
    import openpyxl
else:
    from pathlib import Path
    from ncnsc_reports.inputs.schema import HELP_SHEET, LISTS_SHEET, YEAR_SHEETS
    from ncnsc_reports.inputs.sheet_xml import read_sheet_data
    from ncnsc_reports.inputs.sheets import read_workbook
    from ncnsc_reports.inputs.xlsx_book import open_book
    from ncnsc_reports.problems import Problems
start = time.perf_counter()  # the imports are not counted
if reader == "openpyxl":
    wb = openpyxl.load_workbook(path, data_only=True)
    cells = sum(v is not None for ws in wb for row in ws.iter_rows(values_only=True) for v in row)
elif reader == "openpyxl read-only":
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    cells = sum(v is not None for ws in wb for row in ws.iter_rows(values_only=True) for v in row)
elif reader == "ours, reader":
    with open_book(Path(path)) as book:
        cells = sum(len(read_sheet_data(book, name).cells) for name in book.sheetnames)
elif reader == "ours, read_workbook":
    rows = read_workbook(Path(path), YEAR_SHEETS, Problems(), (HELP_SHEET, LISTS_SHEET))
    cells = sum(sum(v is not None for v in r.values.values()) for rs in rows.values() for r in rs)
else:
    wb = python_calamine.load_workbook(path)
    cells = sum(1 for name in wb.sheet_names
                for row in wb.get_sheet_by_name(name).to_python() for v in row if v != "")
seconds = time.perf_counter() - start
# VmHWM is this process's own peak since exec; ru_maxrss keeps the forked parent's size.
try:
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak": peak, "cells": cells}))
"""


def workbooks(tmp: Path) -> dict[str, Path]:
    import hostile

    sample = ROOT / "inputs" / "an-giang" / "2025" / "bao-cao-2025.xlsx"
    books = {"An Giang 2025 as is": sample}
    for name, change in (("+ formatted cell at XFD1048576", lambda p: hostile.formatted_blank_cell(
            p, "Nội dung", "XFD1048576")),
                         ("+ 100,000 formatted blank rows", lambda p: hostile.formatted_blank_rows(
                             p, "Nội dung", 100, 100_000))):
        copy = tmp / f"{len(books)}.xlsx"
        shutil.copyfile(sample, copy)
        change(copy)
        books[name] = copy
    return books


def measure(reader: str, path: Path, timeout: int = 120) -> str:
    if reader == "python-calamine" and importlib.util.find_spec("python_calamine") is None:
        return "not installed"
    try:
        proc = subprocess.run([sys.executable, "-c", CHILD, reader, str(path)], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout} s"
    if proc.returncode:
        return "failed: " + proc.stderr.strip().splitlines()[-1][:60]
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return f"{r['seconds']:.2f} s, {r['peak']:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=120, help="seconds per reader and file")
    timeout = parser.parse_args().timeout
    tmp = Path(tempfile.mkdtemp())
    print(f"Machine: {machine()}\n")
    print("| workbook | " + " | ".join(READERS) + " |\n|---|" + "---|" * len(READERS))
    for name, path in workbooks(tmp).items():
        print(f"| {name} | " + " | ".join(measure(r, path, timeout) for r in READERS) + " |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
