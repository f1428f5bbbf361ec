"""Small pieces, as the project's rules ask (issue 21 “Done when”): every module under 400
lines; no function over 40 lines in the build engine, the command line or the validation of
the workbooks; and the front ends word a failure from its typed problems, never by asking
which exception it was (issue 21 item 3)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "ncnsc_reports"
MODULE_LINES, FUNCTION_LINES = 400, 40
# Where issue 21 says no function may pass the limit; the package's other modules keep the
# same rule by review.
SHORT_FUNCTIONS = ["engine.py", "batch.py", "cli", "report/validation.py"]
ERRORS = {"NcnscError", "InputError", "OutputError", "TemplateError", "ArgumentError"}
FRONT_ENDS = ["cli", "web"]


def _modules(*places: str) -> list[Path]:
    found = []
    for place in places or [""]:
        path = PACKAGE / place
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_every_module_is_under_400_lines():
    long = {_name(p): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= MODULE_LINES}
    assert long == {}


def test_no_function_of_the_engine_the_cli_or_the_validation_is_over_40_lines():
    long = [f"{_name(path)}:{node.lineno} {node.name} ({length} dòng)"
            for path in _modules(*SHORT_FUNCTIONS)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (length := node.end_lineno - node.lineno + 1) > FUNCTION_LINES]
    assert long == []


def test_the_measure_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    [node] = ast.parse(f"def f():\n{body}\n").body
    assert node.end_lineno - node.lineno + 1 == FUNCTION_LINES + 1


def _asks_the_exception(node: ast.AST) -> bool:
    """isinstance(…, SomeError) on our errors, or reading a result's `.exception`."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance":
        return any(getattr(n, "id", "") in ERRORS for n in ast.walk(node.args[1]))
    return isinstance(node, ast.Attribute) and node.attr == "exception"


def test_the_front_ends_word_a_failure_from_its_problems_not_its_exception():
    """Only `raise result.exception` (--debug's traceback) may touch the exception."""
    found = []
    for path in _modules(*FRONT_ENDS):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        raised = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) and r.exc
                  for n in ast.walk(r.exc)}
        found += [f"{_name(path)}:{n.lineno}" for n in ast.walk(tree)
                  if _asks_the_exception(n) and id(n) not in raised]
    assert found == []
