"""Unknown fields, attributes, filters and tests in a template, found in its Jinja syntax tree.

Owns `NameCheck`, which walks the tree of one part with the context's `shapes`: loop variables
and macro parameters get the shape of what they stand for (the items of the list looped over,
the arguments the macro is called with), so `item.txt` inside `{%p macro paras(items) %}` is
caught as well as `agency.signer` is. Each finding says what exists instead ("có phải …?").
"""

from __future__ import annotations

import re
from collections import ChainMap

from ncnsc_reports.template_check.parts import Part, Tag, did_you_mean, problem_at, said
from ncnsc_reports.template_check.shapes import LOOP, merge
from ncnsc_reports.template_check.suggest import meaning_hint
from ncnsc_reports.template_check.tags import CELL_TAGS, jinja_source, jinja_words

_LIST_FILTERS = ("sort", "reverse", "list", "unique", "selectattr", "rejectattr")


class NameCheck:
    """Walk a part's syntax tree: every name, attribute, filter and test must exist."""

    def __init__(self, env, shapes: dict, line_tags: list[Tag]):
        self.env, self.shapes, self.line_tags = env, shapes, line_tags
        self.macro_args: dict[str, list] = {}
        self.found: list[tuple[Tag, str]] = []
        self.report = False

    def run(self, tree) -> list[tuple[Tag, str]]:
        from jinja2 import nodes

        top = {n.name: None for n in tree.find_all(nodes.Macro)}
        top |= {n.name: None for a in tree.find_all((nodes.Assign, nodes.AssignBlock))
                for n in a.target.find_all(nodes.Name)} if tree.body else {}
        for self.report in (False, True):  # first learn what macros are called with
            self.found = []
            scope = ChainMap(top, dict(self.shapes), dict.fromkeys(self.env.globals))
            self.visit_all(tree.body, scope)
        return self.found

    def visit_all(self, items, scope) -> None:
        for node in items:
            self.visit(node, scope)

    def visit(self, node, scope) -> None:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method:
            method(node, scope)
        else:
            self.visit_all(node.iter_child_nodes(), scope)

    def say(self, node, message: str) -> None:
        if self.report:
            self.found.append((self.line_tags[node.lineno - 1], message))

    def visit_For(self, node, scope) -> None:
        self.visit(node.iter, scope)
        inner = scope.new_child({"loop": LOOP})
        shape = self.shape(node.iter, scope)
        self.bind(node.target, shape.item if shape and shape.is_list else None, inner)
        self.visit_all([node.test] if node.test else [], inner)
        self.visit_all(node.body, inner)
        self.visit_all(node.else_, scope)

    def visit_Macro(self, node, scope) -> None:
        inner = scope.new_child(dict.fromkeys(("varargs", "kwargs", "caller")))
        args = self.macro_args.get(node.name, [])
        for i, arg in enumerate(node.args):
            inner[arg.name] = args[i] if i < len(args) else None
        self.visit_all(node.defaults, scope)
        self.visit_all(node.body, inner)

    def visit_Assign(self, node, scope) -> None:
        self.visit(node.node, scope)
        self.bind(node.target, self.shape(node.node, scope), scope)

    def visit_With(self, node, scope) -> None:
        inner = scope.new_child()
        for target, value in zip(node.targets, node.values, strict=True):
            self.visit(value, scope)
            self.bind(target, self.shape(value, scope), inner)
        self.visit_all(node.body, inner)

    def visit_Name(self, node, scope) -> None:
        if node.ctx == "load" and node.name not in scope:
            from jinja2.defaults import DEFAULT_NAMESPACE

            # Jinja's own globals stay usable but are never suggested: “cycler” for a typo of
            # “year” sends an editor to Jinja's manual, not to our fields (issue 23, item 5)
            ours = [name for name in scope if name not in DEFAULT_NAMESPACE]
            hint = did_you_mean(node.name, ours) or meaning_hint(node.name)
            self.say(node, f"không có trường “{node.name}”" + hint
                     + " (danh sách trường: ncnsc-report fields)")

    def visit_Getattr(self, node, scope) -> None:
        self.visit(node.node, scope)
        self.attribute(node, node.attr, scope)

    def visit_Getitem(self, node, scope) -> None:
        from jinja2 import nodes

        self.visit_all(node.iter_child_nodes(), scope)
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            self.attribute(node, node.arg.value, scope)

    def visit_Filter(self, node, scope) -> None:
        self.visit_all(node.iter_child_nodes(), scope)
        if node.name not in self.env.filters:
            self.say(node, f"không có bộ lọc “{node.name}”"
                     + did_you_mean(node.name, self.env.filters))

    def visit_Test(self, node, scope) -> None:
        self.visit_all(node.iter_child_nodes(), scope)
        if node.name not in self.env.tests:
            self.say(node, f"không có phép thử “is {node.name}”"
                     + did_you_mean(node.name, self.env.tests))

    def visit_Call(self, node, scope) -> None:
        from jinja2 import nodes

        if isinstance(node.node, nodes.Name) and not self.report:
            known = self.macro_args.setdefault(node.node.name, [])
            for i, arg in enumerate(node.args):
                shape = self.shape(arg, scope)
                if i < len(known):
                    known[i] = merge(known[i], shape)
                else:
                    known.append(shape)
        self.visit_all(node.iter_child_nodes(), scope)

    def bind(self, target, shape, scope) -> None:
        from jinja2 import nodes

        for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
            scope[name.name] = shape if isinstance(target, nodes.Name) else None

    def shape(self, node, scope):
        """Return the shape of an expression, or None when it cannot be known."""
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            return scope.get(node.name)
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            inner = self.shape(node.node, scope)
            key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if inner and inner.is_list and isinstance(key, int):
                return inner.item
            return inner.attribute(key) if inner and isinstance(key, str) else None
        if isinstance(node, nodes.Filter) and node.name in _LIST_FILTERS and node.node:
            return self.shape(node.node, scope)
        return None

    def attribute(self, node, attr: str, scope) -> None:
        whose = _dotted(node.node)
        if attr.startswith("_"):
            self.say(node, f"không được dùng “{attr}” (thuộc tính nội bộ của Python; mẫu chạy "
                           "trong hộp cát an toàn)")
            return
        shape = self.shape(node.node, scope)
        if shape is None:
            return
        if shape.is_list:
            self.say(node, f"“{whose}” là một danh sách, không có thuộc tính “{attr}”; cần "
                           f"vòng lặp {{%p for x in {whose} %}} rồi dùng x.{attr}")
        elif shape.attrs is not None:
            names = [k for k, _ in shape.attrs]
            names += ["items", "keys", "values", "get"] if shape.type_name == "dict" else []
            if attr not in names:
                kind = f" ({shape.type_name})" if shape.type_name != whose else ""
                self.say(node, f"“{whose}”{kind} không có thuộc tính “{attr}”"
                         + (did_you_mean(attr, names) or meaning_hint(attr, shape.type_name)))


def _dotted(node) -> str:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "giá trị này"


def check_names(part: Part, tags: list[Tag], shapes: dict, env, problems: list) -> None:
    """Parse the part as Jinja sees it (one tag a line) and check every name in it."""
    from jinja2 import TemplateSyntaxError

    line_tags = [t for t in tags if t.kind != "{#" and t.keyword not in CELL_TAGS]
    source = "\n".join(("{{ %s }}" if t.kind == "{{" else "{%% %s %%}")
                       % jinja_source(t) for t in line_tags)
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as err:
        tag = line_tags[min(max(err.lineno, 1), len(line_tags)) - 1]
        problems.append(problem_at(tag.para, said(tag) + "sai cú pháp — "
                                 f"{jinja_words(err.message or str(err))}"))
        return
    seen = set()
    for tag, message in NameCheck(env, shapes, line_tags).run(tree):
        if (id(tag), message) not in seen:
            seen.add((id(tag), message))
            problems.append(problem_at(tag.para, said(tag) + message))


# A name a block binds: {% for x, y in … %}, {% set x = … %}, {% macro m(a, b=…) %}.
_BINDS = re.compile(r"^\s*(?:for\s+([\w\s,]+?)\s+in\b|set\s+([\w\s,]+?)\s*=|set\s+(\w+)\s*$"
                    r"|macro\s+(\w+)\s*\(([^)]*)\))")
_EXPRESSION = re.compile(r"^\s*(?:if|elif)\s+(.+)$|^\s*for\s+.+?\s+in\s+(.+?)(?:\s+if\s.*)?$",
                         re.DOTALL)


def check_expression_names(part: Part, tags: list[Tag], shapes: dict, env,
                           problems: list) -> None:
    """After a structural error (unclosed block, misspelt end tag…), still check the names of
    every expression on its own, so one run reports every problem. Names bound by the part's
    blocks (loop variables, macros and their parameters, set) are taken as known, shape unknown:
    a check that cannot be sure says nothing."""
    bound = {"loop": LOOP}
    for tag in tags:
        if tag.kind == "{%" and (m := _BINDS.match(jinja_source(tag))):
            names = ",".join(g for g in (m[1], m[2], m[3], m[4], m[5]) if g)
            bound |= dict.fromkeys(re.findall(r"\w+", re.sub(r"=[^,]*", "", names)))
    lines, line_tags = [], []
    for tag in tags:
        expression = _expression(tag)
        line = "{{ " + expression + " }}" if expression is not None else ""
        if line and _parses(env, line):
            lines.append(line)
            line_tags.append(tag)
    if not lines:
        return
    check, seen = NameCheck(env, {**bound, **shapes}, line_tags), set()
    for tag, message in check.run(env.parse("\n".join(lines))):
        if (id(tag), message) not in seen:
            seen.add((id(tag), message))
            problems.append(problem_at(tag.para, said(tag) + message))


def _expression(tag: Tag) -> str | None:
    if tag.kind == "{{":
        return jinja_source(tag)
    if tag.kind == "{%" and (m := _EXPRESSION.match(jinja_source(tag))):
        return m[1] or m[2]
    return None


def _parses(env, source: str) -> bool:
    from jinja2 import TemplateSyntaxError

    try:
        env.parse(source)
    except TemplateSyntaxError:
        return False
    return True
