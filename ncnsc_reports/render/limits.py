"""Bounds on what a template may ask of the renderer: it ends quickly, in bounded memory.

A template is written by a clerk, not a programmer, and Jinja is a language: `9**(9**9)`, two
nested `range(99999)`, `"x" * 10**9`, a macro calling itself or a filter padding to a billion
characters would hang the build or exhaust memory. Each is stopped here with `TemplateLimit`,
which the renderer words like any other template error (template, paragraph, what to change).
The limits are far above what a year's report needs (10 000 table rows print ~5 MB of XML).
"""

from __future__ import annotations

import math
import time

from jinja2.exceptions import SecurityError
from jinja2.loaders import BaseLoader

from ncnsc_reports.formatting import format_number

MAX_INT_BITS = 4096  # a number of ~1 200 digits; money and counts need 60 bits
MAX_SEQUENCE = 1_000_000  # characters of a string, or items of a list, built by `*` or a filter
MAX_ITERATIONS = 2_000_000  # of every `range(…)` of one render taken together
MAX_PRINTED = 50_000_000  # characters printed by `{{ … }}` in one render
MAX_SECONDS = 60.0  # rendering a 10 000-row appendix takes a few seconds


class TemplateLimit(SecurityError):
    """Raised when a template asks for more than the limits above; the message is Vietnamese."""


class Budget:
    """What one render has used so far: iterations, characters printed, time."""

    def __init__(self) -> None:
        self.iterations = self.printed = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self, iterations: int = 0, printed: int = 0) -> None:
        self.iterations += iterations
        self.printed += printed
        if self.iterations > MAX_ITERATIONS:
            raise TemplateLimit(f"vòng lặp range(…) chạy quá {format_number(MAX_ITERATIONS)} lần; "
                                "hãy giảm số lần lặp")
        if self.printed > MAX_PRINTED:
            raise TemplateLimit("mẫu in ra quá nhiều chữ (quá 50 triệu ký tự); hãy xem lại các "
                                "vòng lặp và phép nhân chuỗi")
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"điền mẫu chạy quá {MAX_SECONDS:.0f} giây; hãy xem lại các vòng "
                                "lặp lồng nhau")


def bounded_range(budget: Budget):
    """Return `range` for templates: at most 100 000 items each, counted into the budget."""

    def template_range(*args):
        numbers = range(*args)
        if len(numbers) > 100_000:
            raise TemplateLimit(f"range(…) có {format_number(len(numbers))} phần tử, quá giới hạn "
                                "100.000; hãy dùng số nhỏ hơn")
        return _counted(numbers, budget)

    return template_range


def _counted(numbers: range, budget: Budget):
    for n in numbers:
        budget.tick(iterations=1)
        yield n


def check_binop(operator: str, left, right) -> None:
    """Refuse `**` and `*` whose result would be enormous, before computing it."""
    if (operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0
            and right * math.log2(abs(left)) > MAX_INT_BITS):
        raise TemplateLimit(f"phép lũy thừa {_short(left)}**{_short(right)} cho một số quá lớn; "
                            "hãy viết số cần in")
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and _is_int(times) and \
                    len(seq) * times > MAX_SEQUENCE:
                raise TemplateLimit(f"phép nhân chuỗi tạo ra quá {format_number(MAX_SEQUENCE)} "
                                    "ký tự hay phần tử; hãy viết nội dung cần in")


def check_size(value, what: str) -> None:
    """Refuse a filter argument (a width, a count) that would build an enormous string."""
    if _is_int(value) and value > MAX_SEQUENCE:
        raise TemplateLimit(f"{what} = {_short(value)} quá lớn (giới hạn "
                            f"{format_number(MAX_SEQUENCE)})")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value) -> str:
    return str(value) if abs(value).bit_length() < 64 else "…"


class NoOtherTemplates(BaseLoader):
    """`{% include %}`, `{% import %}` and `{% extends %}` have nothing to load: a report
    template is one Word file (and a path would read files outside it)."""

    def get_source(self, environment, template):
        raise TemplateLimit(f"thẻ include/import/extends (“{template}”) không dùng được: mẫu "
                            "báo cáo phải là một tệp Word duy nhất; hãy chép nội dung cần dùng "
                            "vào mẫu")
