"""The layout holds: imports run one way (import-linter), no cycles, no private names across
modules, and imports inside functions only to keep a heavy library off the start-up path.

The contracts live in pyproject.toml ([tool.importlinter]); `lint-imports` runs them too.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT
from importlinter.cli import lint_imports

PACKAGE = ROOT / "ncnsc_reports"
CONFIG = ROOT / "pyproject.toml"
# Why a function may import a library instead of its module: each costs start-up time that
# `ncnsc-report --help`, `new-year` or a province without indicators should not pay.
HEAVY = {
    "pandas": "about 0.5 s; only a province that sets indicators needs it",
    "numpy": "pandas' own base; same reason",
    "openpyxl": "about 0.3 s; only reading or writing a workbook needs it",
    "docxtpl": "loads python-docx, lxml and jinja2; only rendering needs it",
    "docx": "python-docx; only rendering needs it",
    "lxml": "only reading a template's or a report's XML needs it",
    "jinja2": "only rendering and checking a template need it",
    "matplotlib": "about 0.5 s and a font cache; only a period summary's charts need it",
    "vietnam_provinces": "3,321 communes; only new-province needs them",
    "vietnam_address_converter": "a 10 MB table read in about 0.5 s; only new-province needs it",
}


def _contracts() -> list[dict]:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def test_the_import_contracts_hold():
    os.chdir(ROOT)  # lint-imports reads pyproject.toml from the working folder
    assert lint_imports(config_filename=str(CONFIG), no_cache=True, no_logo=True) == 0


def test_every_module_has_a_layer():
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    tops = {m.split(".")[1] for m in _modules() if m.count(".") >= 1}
    assert {f"ncnsc_reports.{t}" for t in tops} - {"ncnsc_reports.__main__"} <= placed


def _violating_copy(tmp_path: Path, module: str, line: str) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE, copy / "ncnsc_reports",
                    ignore=shutil.ignore_patterns("__pycache__", "shipped"))
    shutil.copyfile(CONFIG, copy / "pyproject.toml")
    target = copy / Path(*module.split(".")).with_suffix(".py")
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return copy


def _lint(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(folder))  # the copy, not the installed package
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import "
                           "lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("module", "line", "expected"), [
    ("ncnsc_reports.inputs.cells", "import ncnsc_reports.pipeline  # noqa",
     "ncnsc_reports.inputs.cells -> ncnsc_reports.pipeline"),
    ("ncnsc_reports.render.templates", "from ncnsc_reports.template_check import parts  # noqa",
     "ncnsc_reports.render.templates -> ncnsc_reports.template_check.parts"),
    ("ncnsc_reports.template_check.parts", "from ncnsc_reports.template_check import rules",
     "No cycles are allowed in ncnsc_reports.template_check"),
])
def test_the_contracts_fail_on_a_violation(tmp_path, module, line, expected):
    done = _lint(_violating_copy(tmp_path, module, line))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "BROKEN" in done.stdout and expected in done.stdout, done.stdout


def _imports(tree) -> list[tuple[ast.AST, str, list[str]]]:
    """Return (node, module, names) of every import in a syntax tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node, node.module, [a.name for a in node.names]))
    return found


def test_no_module_imports_a_private_name_of_another():
    bad = [f"{path.relative_to(ROOT)}:{node.lineno}: {module}.{name}"
           for name_of, path in _modules().items()
           for node, module, names in _imports(ast.parse(path.read_text(encoding="utf-8")))
           if module.startswith("ncnsc_reports") and module != name_of
           for name in names if name.startswith("_") and name != "__version__"]
    assert bad == []


def _top_level(path: Path) -> set[str]:
    """Return what a module imports when it is imported (not under TYPE_CHECKING)."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue  # TYPE_CHECKING blocks; what functions and classes import comes later
        for _, module, imported in _imports(node):
            names.add(module)
            names |= {f"{module}.{n}" for n in imported}
    return names


def _loads_heavy(module: str, modules: dict[str, Path], seen: set[str]) -> str | None:
    """Return the heavy library importing `module` loads (its parents count), or None."""
    if module.split(".")[0] in HEAVY:
        return module.split(".")[0]
    if module not in modules or module in seen:
        return None
    seen.add(module)
    parents = [".".join(module.split(".")[:i]) for i in range(2, module.count(".") + 1)]
    return next((h for m in [*parents, *sorted(_top_level(modules[module]))]
                 if (h := _loads_heavy(m, modules, seen))), None)


def test_imports_inside_functions_only_keep_heavy_libraries_off_start_up():
    """A function may import a heavy library (reason in HEAVY), or one of our modules that
    loads one; the CLI may import each command's module (mkdocs' way: --help stays instant)."""
    modules, bad = _modules(), []
    for name, path in modules.items():
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node, module, names in _imports(fn):
                targets = [module, *(f"{module}.{n}" for n in names)]
                heavy = any(_loads_heavy(t, modules, set()) for t in targets)
                if not heavy and not name.startswith("ncnsc_reports.cli"):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {module}")
    assert bad == []


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_the_readme_architecture_names_every_subpackage_and_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = (_section(readme, "### Kiến trúc", "- Văn bản chuẩn (golden)"),
                _section(readme, "- Architecture:", "- Speed:"))
    names = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    names |= {f"{path.name}" for path in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    for section in sections:
        assert [n for n in sorted(names) if f"`{n}`" not in section] == [], section[:40]
        for path in re.findall(r"`((?:\w+/)*\w+\.py)`", section):
            assert (PACKAGE / path).is_file() or (ROOT / path).is_file() or any(
                PACKAGE.rglob(path)), path
