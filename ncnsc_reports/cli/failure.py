"""How every command words a failure: from typed problems, never from an exception's class.

Owns `--debug` (declared once, added to every command), running a library call (`attempt`)
and the failure's words: the located problems listed all at once, then what was not done and
the next step that fits what they are about (`Problem.kind`: a workbook, the folders, a Word
template); a step that could not be done (a file not written, LibreOffice missing) in one line
of its own, its message saying what to do (issue 21 item 3; the build's `BuildResult` and the
page word it from the same problems).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import click

from ncnsc_reports.cli.wording import marked_lines
from ncnsc_reports.errors import NcnscError
from ncnsc_reports.problems import Problem, ProblemKind, command

EXIT_OK, EXIT_FAILED = 0, 1
NO_REPORT = "Chưa tạo báo cáo nào."
T = TypeVar("T")


def debug_option(command_function):
    """--debug, declared once for every command."""
    return click.option("--debug", is_flag=True,
                        help="In chi tiết lỗi (traceback) cho nhóm phát triển.")(command_function)


def echo_problems(title: str, problems: Sequence[Problem]) -> None:
    """Say `title` (n): then one line a problem, on stderr; nothing when there is none."""
    if problems:
        click.echo(f"{title} ({len(problems)}):", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)


def word_failure(errors: Sequence[Problem], warnings: Sequence[Problem], nothing_done: str,
                 *, strict: bool = False, template: Path | None = None,
                 marked: Iterable[Path] = ()) -> None:
    """Say why a command failed: every located problem, what was not done and the next step;
    or, for a step that could not be done, its message and what was not done."""
    if errors and not any(p.kind.located for p in errors):
        for p in errors:
            click.echo(f"Lỗi: {p.message}", err=True)
        if nothing_done:
            click.echo(nothing_done, err=True)
        return
    echo_problems("Lỗi", errors)
    echo_problems("Cảnh báo", warnings)
    click.echo(f"{nothing_done} {next_step(errors, strict, template)}".strip(), err=True)
    for line in marked_lines(marked):
        click.echo(line, err=True)


def next_step(errors: Sequence[Problem], strict: bool, template: Path | None) -> str:
    """The action that fits what is wrong: the workbook, the folders, or the Word template."""
    kinds = {p.kind for p in errors}
    steps = []
    if ProblemKind.WORKBOOK in kinds:
        steps.append("sửa các lỗi trên trong sổ Excel")
    if ProblemKind.FOLDER in kinds:
        steps.append("sửa thư mục, tệp theo hướng dẫn ở từng lỗi")
    if ProblemKind.TEMPLATE in kinds:
        steps.append(f"sửa mẫu Word “{template}” (xem lại bằng: "
                     f"{command('ncnsc-report', 'check-template', template)}; thêm --fix để "
                     "tự sửa nháy cong, thẻ bị tách định dạng)")
    text = f"Hãy {', '.join(steps)} rồi chạy lại." if steps else ""
    if strict:
        text += (" (Các cảnh báo trên được coi là lỗi do --strict; bỏ --strict thì báo cáo "
                 "vẫn được tạo, kèm cảnh báo.)")
    return text


def attempt(debug: bool, action: Callable[[], T], nothing_done: str = NO_REPORT) -> T:
    """Run `action` and return what it returns. Our error (and, without --debug, any error)
    becomes a message that ends with what was not done and what to do next, and the command
    exits 1; --debug shows the traceback instead."""
    try:
        return action()
    except NcnscError as err:
        if debug:
            raise
        problems = err.problems_at()
        word_failure([p for p in problems if p.is_error], [p for p in problems if not p.is_error],
                     nothing_done)
    except MemoryError:
        if debug:
            raise
        click.echo("Lỗi: máy không đủ bộ nhớ để làm xong; hãy đóng bớt chương trình khác rồi "
                   "chạy lại.", err=True)
        click.echo(nothing_done, err=True)
    except Exception as err:
        if debug:
            raise
        click.echo(f"Lỗi không mong đợi: {type(err).__name__}: {err}", err=True)
        click.echo("Chạy lại với --debug để xem chi tiết và gửi cho nhóm phát triển.", err=True)
    sys.exit(EXIT_FAILED)
