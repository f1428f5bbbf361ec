"""What `build` says last, where a clerk's eyes are, and the options that confirm warnings.

Warnings printed above “Đã tạo báo cáo” scroll by (issue 23, item 3): after the report's path
they are counted and listed again, with the workbooks open in Excel (their unsaved changes are
not in the report). The `--chap-nhan-…` options (report.confirm) are added to a command here, so
the command itself stays a few lines.
"""

from __future__ import annotations

import functools

import click

from ncnsc_reports.report.confirm import ACCEPTS


def accept_options(command):
    """Add one flag per `report.confirm.ACCEPTS` option to `command`, handed to it together as
    `accept`, the frozenset of the options given."""
    keys = {flag: "accept_" + flag.removeprefix("--chap-nhan-").replace("-", "_")
            for flag in ACCEPTS}

    @functools.wraps(command)
    def with_accept(*args, **kwargs):
        given = frozenset(flag for flag, key in keys.items() if kwargs.pop(key))
        return command(*args, accept=given, **kwargs)

    for flag, help_text in reversed(ACCEPTS.items()):
        with_accept = click.option(flag, keys[flag], is_flag=True, help=help_text)(with_accept)
    return with_accept


def closing_lines(warnings, open_books) -> list[str]:
    """The last lines of a build: the workbooks open in Excel, then the warnings again,
    counted."""
    lines = list(open_books)
    if warnings:
        lines.append(f"Cần xem lại {len(warnings)} cảnh báo trước khi trình ký:")
        lines += [f"  - {p}" for p in warnings]
    return lines
