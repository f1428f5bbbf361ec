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

    class ReportSandbox(SandboxedEnvironment):
        """The sandbox, with a quick yes for public fields of our own frozen dataclasses."""

        def is_safe_attribute(self, obj, attr, value):
            if _is_own_record(type(obj)) and not attr.startswith("_"):
                return True
            return super().is_safe_attribute(obj, attr, value)

    env = ReportSandbox(undefined=StrictUndefined, autoescape=True, finalize=_finalize)
    env.filters.update(FILTERS)
    return env
