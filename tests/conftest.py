"""Shared fixtures: the built sample report, and copies of the sample inputs to break."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  # tests/<layer>/test_*.py mirror ncnsc_reports/<layer>/; shared data here
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
SAMPLE_PROVINCE = ROOT / "inputs" / "hung-yen"
SAMPLE_YEAR = SAMPLE_PROVINCE / "2023"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session", autouse=True)
def compiled_templates_of_this_run(tmp_path_factory) -> None:
    """Compiled templates (render.compiled) go to a folder of this run, never to the
    developer's own cache; child processes inherit it."""
    os.environ["NCNSC_CACHE"] = str(tmp_path_factory.mktemp("cache"))


GUARD_SOFFICE = """#!/bin/sh
echo "This test runs LibreOffice without @pytest.mark.libreoffice (tests/conftest.py)" >&2
exit 3
"""


@pytest.fixture(scope="session")
def _soffice_guard(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("soffice-guard")
    for name in ("soffice", "libreoffice"):
        (folder / name).write_text(GUARD_SOFFICE)
        (folder / name).chmod(0o755)
    return folder


@pytest.fixture(autouse=True)
def libreoffice_only_when_marked(request, monkeypatch, _soffice_guard) -> None:
    """A test that runs LibreOffice must say so (@pytest.mark.libreoffice), so that the quick
    command (README, -m "not libreoffice …") leaves out every slow conversion: any other test
    finds a stand-in `soffice` first on PATH, which fails loudly (its children inherit it)."""
    if request.node.get_closest_marker("libreoffice") is None:
        monkeypatch.setenv("PATH", f"{_soffice_guard}{os.pathsep}{os.environ.get('PATH', '')}")


class BuiltSamples:
    """Each sample folder of inputs/ (a year or a summary folder) built once per test run into
    one outputs folder, on first use: the tests that only read a sample's outputs share these
    builds instead of building it again (issue 21 item 5). Under xdist the workers share the
    folder: the first to ask builds (holding a lock), the others read its result. A test that
    changes an output must build its own copy; `changed` finds one that did not."""

    def __init__(self, out_root: Path) -> None:
        self.out_root = out_root
        self._results: dict[Path, object] = {}
        self._digests: dict[Path, str] = {}

    def __call__(self, folder: Path | str):
        """The BuildResult of `folder` (a path, or "an-giang/2025" under inputs/)."""
        folder = ROOT / "inputs" / folder if isinstance(folder, str) else folder
        if folder not in self._results:
            result = self._results[folder] = self._built(folder)
            self._digests.update({p: _digest(p) for p in _files(result.path.parent)})
        return self._results[folder]

    def _built(self, folder: Path):
        from ncnsc_reports.pipeline import build

        return self.once("-".join(folder.relative_to(ROOT).parts),
                         lambda: build(folder, self.out_root))

    def once(self, name: str, make):
        """`make()` run once for the whole run under `name`; its (picklable) result."""
        import pickle

        from ncnsc_reports.outputs.lock import locked

        saved = self.out_root / ".results" / name
        saved.parent.mkdir(parents=True, exist_ok=True)
        with locked(saved, wait=900):  # another worker making it: wait for its result
            if saved.exists():
                return pickle.loads(saved.read_bytes())
            result = make()
            saved.write_bytes(pickle.dumps(result))
            return result

    def changed(self) -> list[str]:
        """Shared outputs some test wrote, removed or added to since they were built."""
        now = {p for result in self._results.values() for p in _files(result.path.parent)}
        return sorted(str(p) for p in now ^ set(self._digests)) + sorted(
            str(p) for p, digest in self._digests.items() if p in now and _digest(p) != digest)


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def built_samples(tmp_path_factory):
    """The shared sample builds (BuiltSamples); fails the session's last user if a test
    changed one of them (they are read-only by agreement: root ignores file modes)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the run's folder, above each worker's own
        root = tmp_path_factory.getbasetemp().parent / "samples"
        root.mkdir(exist_ok=True)
    else:
        root = tmp_path_factory.mktemp("samples")
    samples = BuiltSamples(root)
    yield samples
    assert samples.changed() == [], "a test changed the shared sample outputs"


@pytest.fixture(scope="session")
def built_all(built_samples) -> tuple[Path, int, str]:
    """`build --all --jobs 2` of a copy of every sample province and templates/ (the yearly
    reports and the summaries), run once for the run: (project folder, exit code, output).
    For tests that only read what --all wrote (shared, like built_samples)."""
    project = built_samples.out_root / "build-all"

    def build_all() -> tuple[int, str]:
        from click.testing import CliRunner

        from ncnsc_reports.cli import main

        shutil.rmtree(project, ignore_errors=True)  # a worker stopped half-way: start again
        shutil.copytree(ROOT / "inputs", project / "inputs")
        shutil.copytree(ROOT / "templates", project / "templates")
        done = CliRunner().invoke(main, ["build", "--all", str(project / "inputs"), "--jobs",
                                         "2"], catch_exceptions=False)
        return done.exit_code, done.output

    return project, *built_samples.once("build-all", build_all)


@pytest.fixture(scope="session")
def sample_report(built_samples) -> Path:
    """inputs/hung-yen/2023 built once (shared, read-only); return the .docx."""
    return built_samples(SAMPLE_YEAR).path


@pytest.fixture
def province_copy(tmp_path) -> Path:
    """A writable copy of the project layout: inputs/hung-yen/… and templates/."""
    target = tmp_path / "inputs" / "hung-yen"
    shutil.copytree(SAMPLE_PROVINCE, target)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return target


def edit_workbook(path: Path, sheet: str, edits: dict[str, object]) -> None:
    """Set cells (e.g. {"B3": 5}) of one sheet of a workbook and save it."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in edits.items():
        ws[ref] = value
    wb.save(path)


def year_book(province: Path, year: str = "2023") -> Path:
    return province / year / f"bao-cao-{year}.xlsx"


@pytest.fixture
def an_giang_copy(tmp_path) -> Path:
    """A writable copy of inputs/an-giang (profile and 2021–2025) beside a copy of templates/,
    with inputs/kien-giang: the former province named in its “Hình thành”."""
    target = tmp_path / "inputs" / "an-giang"
    shutil.copytree(ROOT / "inputs" / "an-giang", target)
    shutil.copytree(ROOT / "inputs" / "kien-giang", tmp_path / "inputs" / "kien-giang")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return target


def append_row(path: Path, sheet: str, values: tuple) -> int:
    """Append a row to one sheet of a workbook; return its row number."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb[sheet].append(list(values))
    wb.save(path)
    return wb[sheet].max_row


def fill_required_sections(book: Path) -> None:
    """Give a blank year workbook the sections a report cannot leave out (III.1, III.2)."""
    for section in ("III.1", "III.2"):
        append_row(book, "Nội dung", (section, None, f"Nội dung mục {section}."))


def pdf_of(docx: Path, tmp_path: Path) -> tuple[Path, int, str]:
    """Convert a copy of `docx` with LibreOffice; return the PDF, its page count and its text.

    LibreOffice exits 0 even when it fails: the PDF itself (and pdfinfo reading it) is the
    evidence, checked here independently of the product's converter.
    """
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (bash tools/install-test-deps.sh)"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   capture_output=True, timeout=180)
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "LibreOffice wrote no PDF"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    return pdf, pages, text


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder with the Hưng Yên sample and the templates (the page's tests)."""
    shutil.copytree(SAMPLE_PROVINCE, tmp_path / "inputs" / "hung-yen")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


@pytest.fixture
def server(project):
    """`ncnsc-report serve` over `project` on a free loopback port, stopped after the test."""
    from web_server import Running

    running = Running(project)
    yield running
    running.stop()
