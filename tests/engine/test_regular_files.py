"""Everything a build opens is a regular file, opened without waiting (issue 25, item 4).

A named pipe (FIFO) waits on open for a writer that never comes; a build that opened one would
hang for ever. Pipes are put where a build looks — the user's cache of compiled templates, the
source record, the manifest, the lock, an output, a year folder — and every build, run in a
process of its own with a time limit, must finish (and say what it must say).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, year_book

from ncnsc_reports.inputs.regular import NotRegular, RegularZip, read_regular

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
LIMIT = 60  # seconds; a build of the sample takes about one


def cli(*args: str, cache) -> subprocess.CompletedProcess:
    """Run ncnsc-report in a process of its own; a hang is a failure, not a stuck suite."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NCNSC_CACHE": str(cache)}
    try:
        return subprocess.run([sys.executable, "-m", "ncnsc_reports", *args], env=env,
                              capture_output=True, text=True, timeout=LIMIT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"ncnsc-report {' '.join(args)} hung for {LIMIT} s on a named pipe")


def pipe(path) -> None:
    if path.exists():
        path.unlink()
    os.mkfifo(path)


def test_pipes_are_refused_at_once_by_the_readers(tmp_path):
    os.mkfifo(tmp_path / "ong")
    for read in (read_regular, RegularZip):
        with pytest.raises(NotRegular):
            read(tmp_path / "ong")
    with pytest.raises(NotRegular):
        read_regular(tmp_path)


def test_pipes_in_the_cache_of_compiled_templates_never_hang_a_build(province_copy, tmp_path):
    year, cache = province_copy / "2023", tmp_path / "cache"
    assert cli("build", str(year), cache=cache).returncode == 0
    entries = [p for p in (cache / "mau-da-dich").iterdir() if not p.name.startswith(".")]
    assert entries
    for entry in entries:  # every entry the next build will look for is a pipe
        pipe(entry)
    done = cli("build", str(year), "--rebuild", cache=cache)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Đã tạo báo cáo" in done.stdout


PLACES = {
    "source record": lambda out, year: out / "hung-yen" / ".ncnsc-nguon-2023.json",
    "manifest": lambda out, year: out / "hung-yen" / ".ncnsc-manifest-2023.json",
    "lock": lambda out, year: out / "hung-yen" / ".ncnsc-lock-2023",
    "report": lambda out, year: out / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx",
    "a file of the year folder": lambda out, year: year / "ghi-chu.txt",
}


@pytest.mark.parametrize("place", PLACES, ids=list(PLACES))
def test_a_pipe_where_a_build_looks_never_hangs_it(province_copy, tmp_path, place):
    year, out = province_copy / "2023", province_copy.parent.parent / "outputs"
    assert cli("build", str(year), cache=tmp_path / "cache").returncode == 0
    pipe(PLACES[place](out, year))
    done = cli("build", str(year), cache=tmp_path / "cache")
    assert done.returncode == 0, done.stdout + done.stderr
    report = out / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert report.is_file() and read_regular(report)[:2] == b"PK"
    again = cli("build", str(year), cache=tmp_path / "cache")  # and the next one too
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_pipe_named_as_the_workbook_is_refused_from_the_batch_too(province_copy, tmp_path):
    year_book(province_copy).unlink()
    os.mkfifo(year_book(province_copy))
    done = cli("build", "--all", str(province_copy.parent), "--jobs", "1",
               cache=tmp_path / "cache")
    assert done.returncode == 1
    assert ("bao-cao-2023.xlsx: không phải một tệp thông thường (có thể là liên kết tới thiết "
            "bị, ống dẫn hay thư mục); hãy thay bằng sổ Excel thật") in done.stdout
