"""Issue 24's goals for the page, measured beside the CLI on the same folders (not a test).

    python bench/web.py [--runs 3] [--clients 20]

For Hưng Yên 2023 and An Giang 2025, in a fresh copy of the project each run:
  - upload → result: the workbook posted to the year page until the check is on screen, then
    “Tạo báo cáo” until its job is done without PDF … compared with `ncnsc-report build` of the
    same folder (goal: ≤ 1.5× the CLI);
  - page preview: the build with PDF and page images (goal: ≤ 3 s including LibreOffice);
  - a unit's form upload through its link (goal: ≤ 0.5 s);
  - N clients at once, each uploading and building a different copy of a province (on this
    2-core machine): p50 / p95 latency, errors, peak memory of the server.
The server is `ncnsc-report serve` itself, in a subprocess on a free port.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import ROOT, machine

sys.path.insert(0, str(ROOT / "tests"))
from web_server import Client, free_port  # noqa: E402

CASES = {"Hưng Yên 2023": ("hung-yen", "2023"), "An Giang 2025": ("an-giang", "2025")}


def project_copy(where: Path, provinces: dict[str, str]) -> Path:
    """A project with `provinces` ({folder in the copy: sample province}) under `where`."""
    for name, sample in provinces.items():
        shutil.copytree(ROOT / "inputs" / sample, where / "inputs" / name)
    shutil.copytree(ROOT / "templates", where / "templates")
    return where


def start(project: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "ncnsc_reports", "serve", str(project),
                               "--port", str(port), "--no-browser"], cwd=ROOT,
                              stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            Client(url).get("/dang-nhap")
            return server, url
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("serve did not start")


def wait_job(client: Client, page: str) -> None:
    job = re.search(r'data-viec="([^"]+)"', page)[1]
    while True:
        _, text, _ = client.get(f"/viec/{job}")
        if '"active":false' in text.replace(" ", ""):
            assert '"xong"' in text, text
            return
        time.sleep(0.05)


def upload_and_build(url: str, province: str, year: str, sample: str | None = None) -> float:
    """Seconds from posting the workbook (of the sample province `sample`, by default the
    province's own name) to the built report shown (no PDF asked)."""
    client = Client(url)
    base = f"/tinh/{province}/{year}"
    client.get(base)
    book = next((ROOT / "inputs" / (sample or province) / year).glob("*.xlsx")).read_bytes()
    started = time.perf_counter()
    status, page, _ = client.post(f"{base}/so", {}, {"so": ("so.xlsx", book)})
    assert status == 200 and "không có lỗi" in page, page[-2000:]
    _, page, _ = client.post(f"{base}/tao", {})
    wait_job(client, page)
    return time.perf_counter() - started


def preview(url: str, province: str, year: str) -> float:
    """Seconds from “Tạo báo cáo” with PDF to the page images ready (LibreOffice, pdftoppm)."""
    client = Client(url)
    base = f"/tinh/{province}/{year}"
    client.get(base)
    started = time.perf_counter()
    _, page, _ = client.post(f"{base}/tao", {"pdf": "1"})
    wait_job(client, page)
    seconds = time.perf_counter() - started
    assert 'src="' + base + '/trang/1.png"' in client.get(base)[1]
    return seconds


def cli_build(project: Path, province: str, year: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ncnsc_reports", "build", "--rebuild",
                    str(project / "inputs" / province / year)], check=True, cwd=ROOT,
                   capture_output=True)
    return time.perf_counter() - started


def one_case(label: str, runs: int) -> str:
    province, year = CASES[label]
    page_times, cli_times, previews = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            project = project_copy(Path(tmp), {province: province})
            cli_times.append(cli_build(project, province, year))
            shutil.rmtree(project / "outputs")
            server, url = start(project)
            try:
                page_times.append(upload_and_build(url, province, year))
                previews.append(preview(url, province, year))
            finally:
                server.terminate()
                server.wait()
    page, cli = statistics.median(page_times), statistics.median(cli_times)
    return (f"| {label} | {page:.2f} s | {cli:.2f} s | {page / cli:.2f}× | "
            f"{statistics.median(previews):.2f} s |")


def crowd(clients: int) -> str:
    """`clients` clerks at once, each on its own copy of a province: latency and memory."""
    samples = ["hung-yen", "an-giang"]
    with tempfile.TemporaryDirectory() as tmp:
        names = {f"tinh-{i:02d}": samples[i % 2] for i in range(clients)}
        project = project_copy(Path(tmp), names)
        server, url = start(project)
        times, errors = [], []

        def one(name: str) -> None:
            year = "2023" if names[name] == "hung-yen" else "2025"
            try:
                times.append(upload_and_build(url, name, year, names[name]))
            except Exception as err:  # counted, not raised: the run goes on
                errors.append(f"{name}: {type(err).__name__} {err}")

        threads = [threading.Thread(target=one, args=(n,)) for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        peak = _peak_kib(server.pid)
        server.terminate()
        server.wait()
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)] if times else float("nan")
    p50 = statistics.median(times) if times else float("nan")
    return (f"{clients} clients: p50 {p50:.2f} s, p95 {p95:.2f} s, errors {len(errors)}, "
            f"server peak memory {peak / 1024:.0f} MiB" + "".join(f"\n  {e}" for e in errors[:3]))


def _peak_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status)[1])
    except (OSError, TypeError):
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def unit_upload(runs: int) -> str:
    """Seconds to post a unit's form through its link until the answer is on screen."""
    from ncnsc_reports.contributions import write_forms
    from ncnsc_reports.web import access, tokens

    with tempfile.TemporaryDirectory() as tmp:
        project = project_copy(Path(tmp), {"hung-yen": "hung-yen"})
        year_dir = project / "inputs" / "hung-yen" / "2023"
        form = write_forms(year_dir, ("Sở Công Thương",)).written.paths[0].read_bytes()
        token = tokens.issue(access.state_dir(project), "hung-yen", 2023, ["Sở Công Thương"],
                             tokens.default_last_day(2023))["Sở Công Thương"]
        server, url = start(project)
        try:
            client, times = Client(url), []
            client.get(f"/don-vi/{token}")
            for _ in range(runs):
                started = time.perf_counter()
                status, page, _ = client.post(f"/don-vi/{token}", {},
                                              {"phieu": ("phieu.xlsx", form)})
                times.append(time.perf_counter() - started)
                assert status == 200 and "Đã nhận phiếu" in page
        finally:
            server.terminate()
            server.wait()
    return f"unit form upload: median {statistics.median(times):.3f} s over {runs}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    print(machine())
    print("| folder | upload → built (page) | build (CLI) | ratio | preview with PDF |\n"
          "|---|---|---|---|---|")
    for label in CASES:
        print(one_case(label, args.runs))
    print(unit_upload(max(args.runs, 5)))
    print(crowd(args.clients))


if __name__ == "__main__":
    main()
