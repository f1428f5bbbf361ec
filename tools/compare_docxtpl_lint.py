"""Compare `ncnsc-report check-template` with the PyPI linter docxtpl-lint on the same templates.

Not a test: docxtpl-lint is not a dependency of the project. From the project root:

    pip install docxtpl-lint==2.0.1
    python -m tools.compare_docxtpl_lint

Runs both on every template of the corpus (tests/data/templates/*.docx) and on the intact
templates/bao-cao-nam.docx, and prints one row per file. docxtpl-lint is run as we render:
our filters (--filters), autoescape on (--autoescape), the sample data (--data, Hưng Yên 2023).

Two kinds of docxtpl-lint findings are set aside, and counted: those it also makes on the intact
template, which renders correctly (the golden test), so they are not the file's defect — with
the sample data they are fields under `{%p if budget %}` while `budget` is empty; and DTL301
("not in the data") on a tag that is word for word a tag of the intact template, which
docxtpl-lint reports when a block elsewhere is broken and it loses track of loop variables.
Every other finding must be matched by a check-template finding in the same part and paragraph;
the script exits 1 if one is not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "templates"
TEMPLATE = ROOT / "templates" / "bao-cao-nam.docx"


def lint(files: list[Path], context: dict) -> dict[str, list[dict]]:
    """Return docxtpl-lint's findings per file name, as its JSON report gives them."""
    from ncnsc_reports.formatting import FILTERS

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as data:
        json.dump(context, data, default=_jsonable, ensure_ascii=False)
    command = [sys.executable, "-m", "docxtpl_lint", "--no-config", "--format", "json",
               "--fail-on", "never", "--autoescape", "--filters", ",".join(FILTERS),
               "--data", data.name, *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    Path(data.name).unlink()
    if done.returncode != 0:
        sys.exit(f"docxtpl-lint failed (is it installed?):\n{done.stderr}")
    return {Path(f["file"]).name: f["issues"] for f in json.loads(done.stdout)["files"]}


def _jsonable(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, dt.date | Decimal):
        return str(value)
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(type(value).__name__)


def ours(path: Path, context: dict) -> list[tuple[str, int, str]]:
    """Return check-template's findings as (part as docxtpl-lint names it, paragraph, severity).

    A message that sends the editor to a second paragraph — "(đoạn 89)", where the block a
    misspelt `endfi` should close was opened — counts for that paragraph too.
    """
    from ncnsc_reports.template_check.check import check_template

    found = []
    for problem in check_template(path, context):
        part = re.search(r"\((header\d*|footer\d*|footnotes)\)", problem.where.part)
        name = part.group(1) if part else "body" if not problem.where.part else problem.where.part
        for paragraph in (problem.where.paragraph,
                          *map(int, re.findall(r"\(đoạn (\d+)\)", problem.message))):
            found.append((name, paragraph, problem.severity.value))
    return found


def intact_tags() -> set[str]:
    """Return the text of every tag of the intact template."""
    import zipfile

    from ncnsc_reports.template_check.parts import read_parts
    from ncnsc_reports.template_check.tags import scan

    with zipfile.ZipFile(TEMPLATE) as z:
        return {tag.raw for part in read_parts(z) for tag in scan(part, [])}


def sort(issues: list[dict], baseline: set, tags: set, mine: list) -> dict[str, list[str]]:
    """Sort one file's docxtpl-lint findings: set aside, found by us too, or missed."""
    kinds: dict[str, list[str]] = {"baseline": [], "cascade": [], "matched": [], "missed": []}
    for issue in issues:
        rule, where = issue["rule"], issue["location"]
        shown = f"{rule} {where['part']} ¶{where['paragraph']}"
        if (rule, issue["snippet"]) in baseline:
            kinds["baseline"].append(shown)
        elif rule == "DTL301" and issue["snippet"] in tags:
            kinds["cascade"].append(shown)
        elif any(part == where["part"] and where["paragraph"] in (0, n) for part, n, _ in mine):
            kinds["matched"].append(shown)
        else:
            kinds["missed"].append(shown)
    return kinds


def main() -> int:
    from ncnsc_reports.template_check.check import check_template
    from ncnsc_reports.template_check.sample import sample_context

    context = sample_context()
    files = [TEMPLATE, *sorted(CORPUS.glob("*.docx"))]
    theirs, tags = lint(files, context), intact_tags()
    baseline = {(i["rule"], i["snippet"]) for i in theirs.get(TEMPLATE.name, [])}
    print("| tệp | docxtpl-lint (lỗi của tệp) | check-template | gạt ra (intact / dây chuyền) "
          "| bỏ sót |\n|---|---|---|---|---|")
    total = {"baseline": 0, "cascade": 0, "matched": 0, "missed": 0}
    for path in files:
        mine = ours(path, context)
        kinds = sort(theirs.get(path.name, []), baseline, tags, mine)
        for k in total:
            total[k] += len(kinds[k])
        problems = check_template(path, context)
        counts = ", ".join(f"{sum(p.severity.value == k for p in problems)} {k.lower()}"
                           for k in ("Lỗi", "Cảnh báo")
                           if any(p.severity.value == k for p in problems))
        print(f"| {path.name} | {', '.join(kinds['matched'] + kinds['missed']) or '—'} | "
              f"{counts or '—'} | {len(kinds['baseline'])} / {len(kinds['cascade'])} | "
              f"{', '.join(kinds['missed']) or '—'} |")
    print(f"\ndocxtpl-lint: {sum(total.values())} phát hiện — {total['matched']} check-template "
          f"cũng thấy, {total['baseline']} cũng có ở mẫu nguyên vẹn, {total['cascade']} dây chuyền "
          f"DTL301; check-template bỏ sót {total['missed']}.")
    return 1 if total["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
