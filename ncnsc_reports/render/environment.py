"""The one Jinja environment every template is rendered and checked in.

Owns the environment: sandboxed, StrictUndefined, autoescaped, our filters, and a `finalize`
that makes every printed value safe for Word's XML.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.formatting import FILTERS
from ncnsc_reports.inputs.cells import XML_ILLEGAL


def _finalize(value):
    """Make every printed value safe: no None, NFC text, no XML-illegal characters."""
    if hasattr(value, "__html__"):
        return value  # already XML (a macro's paragraphs, a RichText)
    if value is None:
        raise TemplateError("mẫu in ra một giá trị rỗng (None); đây là lỗi của chương trình")
    # the characters the loader already removed from cells (with a warning): a safety net
    return XML_ILLEGAL.sub("", unicodedata.normalize("NFC", str(value)))


@functools.cache
def _is_own_record(cls: type) -> bool:
    """Whether a type is one of this package's dataclasses (fields only, no callables)."""
    return cls.__module__.startswith("ncnsc_reports.") and dataclasses.is_dataclass(cls)


def make_environment():
    """Return the Jinja environment every template is rendered in."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from ncnsc_reports.render import limits

    budget = limits.Budget()

    class ReportSandbox(SandboxedEnvironment):
        """The sandbox, with a quick yes for public fields of our own frozen dataclasses, and
        the bounds of `limits` on powers, repetitions, ranges, output and time."""

        intercepted_binops = frozenset({"**", "*"})  # also keeps them from constant folding

        def is_safe_attribute(self, obj, attr, value):
            if _is_own_record(type(obj)) and not attr.startswith("_"):
                return True
            return super().is_safe_attribute(obj, attr, value)

        def call_binop(self, context, operator, left, right):
            limits.check_binop(operator, left, right)
            budget.tick()
            return super().call_binop(context, operator, left, right)

    def finalize(value):
        value = _finalize(value)
        budget.tick(printed=len(value))
        return value

    env = ReportSandbox(undefined=StrictUndefined, autoescape=True, finalize=finalize,
                        loader=limits.NoOtherTemplates())
    env.filters.update(FILTERS)
    env.filters.update(_bounded_filters(env.filters))
    env.globals["range"] = limits.bounded_range(budget)
    env.budget = budget  # what this render used; `compiled` charges what a cached part folded
    return env


def _bounded_filters(filters: dict) -> dict:
    """Jinja's filters that pad or repeat to a size given in the template, bounded."""
    from ncnsc_reports.render import limits

    def bounded(name, position):
        real = filters[name]

        def checked(*args, **kwargs):
            if len(args) > position:
                limits.check_size(args[position], f"độ rộng của bộ lọc “{name}”")
            for value in kwargs.values():
                limits.check_size(value, f"tham số của bộ lọc “{name}”")
            return real(*args, **kwargs)

        for attr in ("jinja_pass_arg",):  # keep Jinja's marker of filters taking the env
            if hasattr(real, attr):
                setattr(checked, attr, getattr(real, attr))
        return checked

    return {name: bounded(name, position) for name, position in
            (("center", 1), ("indent", 1), ("wordwrap", 2), ("truncate", 2), ("batch", 1),
             ("slice", 1)) if name in filters}
