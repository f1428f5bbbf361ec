"""tools/ is a package run as `python -m tools.NAME` (issue 21, item 6): no `sys.path` edit, no
import cycle between its modules, no import of a neighbour by its bare name."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

TOOLS = ROOT / "tools"


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in sorted(TOOLS.glob("*.py")) if p.stem != "__init__"}


def path_edits(tree: ast.Module) -> list[int]:
    """Lines that touch `sys.path` (or add a site folder): a script must not need one."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and (node.attr == "addsitedir" or node.attr == "path"
                 and isinstance(node.value, ast.Name) and node.value.id == "sys")]


def neighbours(tree: ast.Module, names: set[str]) -> tuple[set[str], list[str]]:
    """The tools modules a module imports (at any depth, in functions too), and the imports
    naming a neighbour bare (`import make_template`), which work only with a path edit."""
    found, bare = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                head, _, rest = alias.name.partition(".")
                if head == "tools" and rest:
                    found.add(rest.split(".")[0])
                elif head in names:
                    bare.append(alias.name)
                    found.add(head)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            head, _, rest = node.module.partition(".")
            if head == "tools":
                found |= {rest.split(".")[0]} if rest else {a.name for a in node.names}
            elif head in names:
                bare.append(node.module)
                found.add(head)
    return found & names, bare


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, as the path that closes it (depth-first, each start once)."""
    found, done = [], set()

    def visit(name: str, path: list[str]) -> None:
        for after in sorted(graph[name]):
            if after in path:
                found.append(path[path.index(after):] + [after])
            elif after not in done:
                visit(after, path + [after])
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    return found


def test_no_tools_script_edits_sys_path():
    edits = {name: lines for name, tree in modules().items() if (lines := path_edits(tree))}
    assert edits == {}, f"sys.path edited in tools/ (run as python -m tools.NAME): {edits}"


def test_tools_import_their_neighbours_through_the_package_without_a_cycle():
    trees = modules()
    graph, bare = {}, {}
    for name, tree in trees.items():
        graph[name], bare[name] = neighbours(tree, set(trees))
    assert cycles(graph) == []
    assert {n: b for n, b in bare.items() if b} == {}
    assert "make_samples" in graph["samples"]  # the check sees the imports it is about


def test_the_checks_catch_what_they_are_for():
    """A cycle and a path edit, written as the old tools/ had them, are both found."""
    old = ast.parse("import sys\nsys.path[:0] = ['x']\ndef f():\n    import b\n")
    assert path_edits(old) == [2]
    assert neighbours(old, {"a", "b"}) == ({"b"}, ["b"])
    graph = {"a": neighbours(ast.parse("def f():\n    from tools import b\n"), {"a", "b"})[0],
             "b": neighbours(ast.parse("from tools.a import X\n"), {"a", "b"})[0]}
    assert cycles(graph) == [["a", "b", "a"]]


def test_a_tool_runs_as_a_module_from_the_root():
    done = subprocess.run([sys.executable, "-m", "tools.docx_parts"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "python -m tools.docx_parts --hygiene" in done.stdout, \
        done.stderr
    assert Path(TOOLS / "__init__.py").is_file()
