"""PDFs of many reports at once: the documents split between LibreOffice processes.

One LibreOffice process converts one document at a time; on a machine with two cores, two
processes (each with its own profile, which `pdf.convert` makes) convert about twice as many
(bench/RESULTS.md, “PDF”). Each process's PDFs are checked by `pdf.convert` as before.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.pdf import convert

# Below this many documents per process, starting another LibreOffice costs more than it saves.
MIN_PER_PROCESS = 3


def processes_for(count: int, jobs: int | None = None) -> int:
    """How many LibreOffice processes to start for `count` documents."""
    cores = jobs or os.cpu_count() or 1
    return max(1, min(cores, count // MIN_PER_PROCESS))


def convert_all(documents: list[Path], processes: int = 1) -> list[Path]:
    """Convert every document with `processes` LibreOffice processes; return the PDFs in the
    order of `documents`. Raise after every process has finished, naming every missing PDF."""
    if processes <= 1 or len(documents) < 2:
        return convert(documents)
    chunks = [documents[i::processes] for i in range(processes)]
    with ThreadPoolExecutor(max_workers=processes) as pool:
        futures = [pool.submit(convert, chunk) for chunk in chunks]
        done = [f.exception() or f.result() for f in futures]
    failures = [outcome for outcome in done if isinstance(outcome, BaseException)]
    unexpected = [f for f in failures if not isinstance(f, OutputError)]
    if unexpected:
        raise unexpected[0]
    if failures:  # every process's missing PDFs, named at once
        raise failures[0] if len(failures) == 1 else OutputError("; ".join(map(str, failures)))
    return [document.with_suffix(".pdf") for document in documents]
