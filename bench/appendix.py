"""An appendix of 1k / 10k / 20k enterprise rows, ours against raw docxtpl:
`python bench/appendix.py`.

Each measurement runs in a fresh process: the time is the render alone (imports and context
done before the clock starts); the memory is the process's peak resident set (imports
included, so the 1k row shows the baseline). Goals: 10k rows ≤ 2 s, linear growth, ≤ 300 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

from _common import ROOT, machine

SIZES = (1_000, 10_000, 20_000)


def one(mode: str, rows: int) -> dict:
    """Run in a child: render the An Giang 2023 report with `rows` enterprises."""
    import datetime as dt
    import resource
    import time

    from _common import raw_docxtpl, sample_context

    from ncnsc_reports.render.context import SupportLine
    from ncnsc_reports.render.docx import render

    template, context = sample_context(ROOT / "inputs/an-giang/2023")
    context["enterprises"] = [
        SupportLine(f"Công ty TNHH Minh Họa {i}", f"99{i:08d}", "Long Xuyên", "Mã số mã vạch",
                    "", "Phí đăng ký", 1_500_000, "Ngân sách tỉnh") for i in range(rows)]
    if mode == "ours":  # warm the lazy imports of render() outside the clock
        import ncnsc_reports.render.docxtpl_engine  # noqa: F401
    else:
        import docxtpl  # noqa: F401
    start = time.perf_counter()
    if mode == "ours":
        data = render(template, context, dt.datetime(2023, 11, 30, 8))
    else:
        data = raw_docxtpl(template, context)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "bytes": len(data)}


def main() -> None:
    if len(sys.argv) == 3:
        print(json.dumps(one(sys.argv[1], int(sys.argv[2]))))
        return
    print(f"Machine: {machine()}\n")
    print("| rows | raw docxtpl | ours | ours / raw | raw peak | ours peak |\n"
          "|---|---|---|---|---|---|")
    for rows in SIZES:
        r = {mode: json.loads(subprocess.run([sys.executable, __file__, mode, str(rows)],
                                             capture_output=True, text=True, check=True).stdout)
             for mode in ("raw", "ours")}
        print(f"| {rows:,} | {r['raw']['seconds']:.2f} s | {r['ours']['seconds']:.2f} s | "
              f"{r['ours']['seconds'] / r['raw']['seconds']:.2f}× | {r['raw']['peak_mb']:.0f} MB | "
              f"{r['ours']['peak_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
