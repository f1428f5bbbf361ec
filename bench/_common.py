"""Shared helpers of the benchmark scripts: timing, machine description, sample context."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _proc_lines(name: str) -> list[str]:
    """Lines of /proc/<name>; none off Linux (read whole, so no file is left open)."""
    try:
        return Path("/proc", name).read_text().splitlines()
    except OSError:
        return []


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _proc_lines("cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in _proc_lines("meminfo")
                if line.startswith("MemTotal")), 0)
    return (f"{os.cpu_count()} cores ({cpu}), {mem // 1024} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def wall(command: list[str], runs: int = 5, before=None, **kwargs) -> float:
    """Median wall time of a command, in seconds (`before()` runs untimed before each run)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu(command: list[str], runs: int = 5, before=None, **kwargs) -> float:
    """Median CPU time (user + system, the command and its children) of a command, in seconds:
    steadier than wall time on a machine shared with other work."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                **kwargs)
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"{' '.join(command)} failed")
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times)


def sample_context(year_dir: Path):
    """The template and the names a build of `year_dir` renders with (imports included): the
    typed context made the dict docxtpl takes, as `render` does, so plain docxtpl gets it too."""
    from ncnsc_reports.compute.gather import gather
    from ncnsc_reports.render.context import build_context
    from ncnsc_reports.render.names import template_names

    report, results, _ = gather(year_dir)
    return ROOT / "templates" / "bao-cao-nam.docx", template_names(build_context(report, results))


def raw_docxtpl(template: Path, context: dict) -> bytes:
    """What a plain docxtpl user would do: autoescape, our filters, nothing else."""
    import io

    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from ncnsc_reports.formatting import FILTERS

    env = Environment(autoescape=True)
    env.filters.update(FILTERS)
    doc = DocxTemplate(template)
    doc.render(context, env, autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
