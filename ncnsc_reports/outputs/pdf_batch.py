"""PDFs of many reports at once: the documents split into runs of LibreOffice, side by side.

One LibreOffice process converts one document at a time, so `processes` runs go side by side,
each with its own profile, all made before the first run starts (`soffice.profiles`: two first
starts at once on a fresh machine failed a whole run, issue 25 item 8). A run takes at most
`RUN_SIZE` documents, so that its time limit stays meaningful on a loaded machine (bench/RESULTS.md,
“PDF”: 170 documents in one run took more than 600 s on a machine shared by seven people).
Every PDF is checked by `pdf.convert` as before.
"""

from __future__ import annotations

import math
import os
import queue
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ncnsc_reports.errors import OutputError
from ncnsc_reports.outputs.pdf import convert, find_soffice
from ncnsc_reports.outputs.soffice import profiles

RUN_SIZE = 20
# Below this many documents per process, starting another LibreOffice costs more than it saves.
MIN_PER_PROCESS = 3


def processes_for(count: int, jobs: int | None = None) -> int:
    """How many LibreOffice processes to run side by side for `count` documents."""
    cores = jobs or os.cpu_count() or 1
    return max(1, min(cores, count // MIN_PER_PROCESS))


def runs_of(documents: list[Path], processes: int = 1) -> list[list[Path]]:
    """Split the documents into LibreOffice runs of about equal size, at most RUN_SIZE each,
    as many as a multiple of `processes` (so the processes finish together)."""
    if not documents:
        return []
    count = max(processes, math.ceil(len(documents) / RUN_SIZE))
    count = min(len(documents), math.ceil(count / processes) * processes)
    return [documents[i::count] for i in range(count)]


def convert_all(documents: list[Path], processes: int = 1) -> list[Path]:
    """Convert every document, `processes` LibreOffice runs at a time, each process with a
    profile of its own made before any run starts (soffice.profiles); return the PDFs in the
    order of `documents`. Raise after every run has finished, naming every missing PDF."""
    if not documents:
        return []
    processes = max(1, processes)
    with profiles(processes, find_soffice()) as made:
        free: queue.SimpleQueue[Path] = queue.SimpleQueue()
        for profile in made:
            free.put(profile)
        with ThreadPoolExecutor(max_workers=processes) as pool:
            outcomes = list(pool.map(lambda run: _run(run, free), runs_of(documents, processes)))
    failures = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    unexpected = [f for f in failures if not isinstance(f, OutputError)]
    if unexpected:
        raise unexpected[0]
    if failures:  # every run's missing PDFs, named at once
        raise failures[0] if len(failures) == 1 else OutputError("; ".join(map(str, failures)))
    return [document.with_suffix(".pdf") for document in documents]


def _run(documents: list[Path], free):
    """One LibreOffice run, in a profile no other run uses meanwhile; its failure is returned,
    so the other runs still finish."""
    profile = free.get()
    try:
        return convert(documents, profile=profile)
    except subprocess.TimeoutExpired as err:
        names = ", ".join(d.name for d in documents)
        return OutputError(f"LibreOffice không xong sau {err.timeout:.0f} giây khi tạo PDF cho: "
                           f"{names}; các tệp .docx vẫn đã được tạo, hãy chạy lại với --pdf")
    except Exception as err:  # handed back to convert_all, raised there
        return err
    finally:
        free.put(profile)
