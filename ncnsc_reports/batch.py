"""Regenerating every report at once: `build --all`, in parallel across the machine's cores.

Owns finding every folder of every kind (province × year, and the period summaries) under an
inputs folder and building them in worker
processes. A failed report never stops the others; each outcome is returned for the summary.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.engine import BuildOptions, BuildResult, build, up_to_date
from ncnsc_reports.inputs.shared import share_reads
from ncnsc_reports.kinds import KINDS

# Set by the batch on Ctrl-C, read by its workers between reports (see `_start_worker`).
_stop = None


@dataclass(frozen=True)
class BatchItem:
    """The outcome of one report: its result, or the lines of its failure."""

    year_dir: Path
    result: BuildResult | None = None
    failure: tuple[str, ...] = ()
    marked: tuple[Path, ...] = ()  # copies of the workbooks with the errors marked on them

    @property
    def name(self) -> str:
        return f"{self.year_dir.parent.name}/{self.year_dir.name}"


def discover(inputs_dir: Path) -> list[Path]:
    """Return every folder some kind of document builds (`kinds`): inputs/<tỉnh>/<năm>, and
    inputs/<tỉnh>/tong-ket-2021-2025 after the years it sums up; by province, then name."""
    return sorted(folder for province in Path(inputs_dir).iterdir() if province.is_dir()
                  for folder in province.iterdir()
                  if folder.is_dir() and any(k.recognises(folder.name) for k in KINDS))


def build_one(year_dir: Path, options: BuildOptions) -> BatchItem:
    """Build one folder (`engine.build`); turn any failure into lines a clerk can read."""
    try:
        result = build(year_dir, options)
    except Exception as err:  # one report's bug must not stop the batch
        return BatchItem(year_dir, failure=(f"Lỗi không mong đợi: {type(err).__name__}: {err}",))
    if result.ok:
        return BatchItem(year_dir, result=result)
    if any(p.kind.located for p in result.errors):  # every problem where it is, warnings too
        return BatchItem(year_dir, failure=tuple(f"{p.severity.value}: {p}"
                                                 for p in [*result.errors, *result.warnings]),
                         marked=tuple(result.marked))
    return BatchItem(year_dir, failure=tuple(f"Lỗi: {p.message}" for p in result.errors))


def build_group(year_dirs: list[Path], options: BuildOptions,
                worker: Callable[[Path, BuildOptions], BatchItem] = build_one) -> list[BatchItem]:
    """Build the reports of `year_dirs` in order in this process, sharing the workbooks read
    (a province's profile and earlier years are read once, `inputs.shared`)."""
    share_reads()
    items = []
    for year_dir in year_dirs:
        if _stop is not None and _stop.is_set():
            break  # Ctrl-C: the report being built was finished whole; start no other
        items.append(worker(year_dir, options))
    return items


def build_all(year_dirs: list[Path], options: BuildOptions, jobs: int | None = None,
              on_done: Callable[[BatchItem], None] | None = None,
              worker: Callable[[Path, BuildOptions], BatchItem] = build_one) -> list[BatchItem]:
    """Build every year folder with `jobs` worker processes (default: one per core).

    Reports whose inputs did not change are found here first (a few file stats each), so a
    batch with nothing to do starts no worker. A worker that dies (killed for lack of memory,
    say) breaks the whole pool: the reports it took down with it are built again one by one,
    each in its own process, so only the report that kills its worker again is a failure.
    """
    done = on_done or (lambda item: None)
    items, stale = _up_to_date(year_dirs, options, done)
    # known to be out of date: no second check; the PDFs are made after, all at once
    options = dataclasses.replace(options, rebuild=True, pdf=False)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(stale)))
    if jobs == 1:
        share_reads()
        try:
            for year_dir in sorted(stale):
                items.append(worker(year_dir, options))
                done(items[-1])
        finally:
            share_reads(0)  # this process goes on: nothing kept after the batch
        return sorted(items, key=lambda item: item.year_dir)
    built, broken = _in_pool(_groups(stale, jobs), options, worker, jobs, done)
    items.extend(built)
    for year_dir in sorted(broken):
        items.append(_alone(year_dir, options, worker))
        done(items[-1])
    return sorted(items, key=lambda item: item.year_dir)


def _in_pool(groups: list[list[Path]], options: BuildOptions, worker, jobs: int,
             done) -> tuple[list[BatchItem], list[Path]]:
    """Build the groups in a pool; return the items built and the reports a dead worker took down.

    A worker can die while tasks are still being handed out: the pool then refuses the rest, which
    are taken down with it, like the tasks it was running.
    """
    items, broken, futures = [], [], {}
    context = multiprocessing.get_context()  # the pool's own start method: the event reaches
    stop = context.Event()  # its workers through the initializer whether forked or spawned
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=_start_worker, initargs=(stop,)) as pool:
        try:
            for group in groups:
                try:
                    futures[pool.submit(build_group, group, options, worker)] = group
                except BrokenProcessPool:
                    broken.extend(group)
            for future in as_completed(futures):
                try:
                    group_items = future.result()
                except BrokenProcessPool:
                    broken.extend(futures[future])
                    continue
                for item in group_items:
                    items.append(item)
                    done(item)
        except KeyboardInterrupt:  # the reports being built finish (each whole); no new one
            stop.set()  # a worker's group stops after its current report (build_group)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return items, broken


def _start_worker(stop=None) -> None:
    """A worker ignores Ctrl-C (the terminal sends it to every process of the group): the
    batch stops handing out reports and says so once, with no traceback per worker. On
    Ctrl-C the batch sets `stop`, which `build_group` reads before each report: a worker
    given a whole province builds no further year of it."""
    global _stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _stop = stop


def _groups(year_dirs: list[Path], jobs: int) -> list[list[Path]]:
    """One task per province (its years in order, so later years reuse what earlier ones
    read) when there are enough provinces to keep every worker busy; else one per report."""
    provinces: dict[Path, list[Path]] = {}
    for year_dir in sorted(year_dirs):
        provinces.setdefault(year_dir.parent, []).append(year_dir)
    if len(provinces) >= 2 * jobs:
        return sorted(provinces.values(), key=len, reverse=True)  # longest first: even finish
    return [[year_dir] for year_dir in sorted(year_dirs)]


def _up_to_date(year_dirs: list[Path], options: BuildOptions, on_done) -> tuple[list, list[Path]]:
    """Split the year folders into up-to-date reports (as items) and those to build."""
    items, stale = [], []
    for year_dir in year_dirs:
        result = None if options.rebuild else up_to_date(year_dir, options)
        if result is None:
            stale.append(year_dir)
        else:
            items.append(BatchItem(year_dir, result=result))
            on_done and on_done(items[-1])
    return items, stale


def _alone(year_dir: Path, options: BuildOptions, worker) -> BatchItem:
    """Build one report in a process of its own; its death is that report's failure."""
    with ProcessPoolExecutor(max_workers=1, initializer=_start_worker) as pool:
        try:
            return pool.submit(worker, year_dir, options).result()
        except BrokenProcessPool:
            return BatchItem(year_dir, failure=(
                "Lỗi: tiến trình tạo báo cáo này bị dừng đột ngột (thường do máy hết bộ nhớ); "
                "chưa ghi tệp nào của báo cáo này. Hãy đóng bớt chương trình rồi chạy lại "
                "riêng báo cáo này.",))
