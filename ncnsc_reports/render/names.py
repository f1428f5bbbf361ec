"""The names a template sees: a typed context turned into the mapping docxtpl renders with.

Owns the last step of a context's way to a template (issue 21, item 4): a context travels typed
(`report_fields.ReportContext`, `period_fields.PeriodContext` or `PlanContext`, a kind's own
dataclass) from where it is built, through the engine and the template check, to here, and
only here becomes a dict. Only the top level is unpacked: every value inside stays the object
whose attributes the template reads. Also `described`, the field that says what a name of a
context means (the reference `ncnsc-report fields` is generated from it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping


def is_context(value: object) -> bool:
    """True for a typed context: an instance of a dataclass (not the class itself)."""
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def template_names(context: object) -> dict[str, object]:
    """Return {name: value} for every field of a typed context, in the order it declares them.
    A plain mapping (a test's small template, a one-off trial) is taken as it is."""
    if is_context(context):
        return {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    if isinstance(context, Mapping):
        return dict(context)
    raise TypeError(f"a template context is a dataclass or a mapping, not {type(context)!r}")


def described(meaning: str, of: type | None = None, **default):
    """A field of a template's context, with what it means for the template's editor; `of`
    names the type of a value whose members the template reads, when the type hint does not
    say it; `default=` for a name added after the context is built (a chart's caption)."""
    return dataclasses.field(metadata={"meaning": meaning, "of": of}, **default)
