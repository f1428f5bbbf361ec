"""Exception classes of ncnsc_reports; each docstring says when it is raised.

Every message is Vietnamese and written for the secretariat clerk who runs the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ncnsc_reports.problems import Problem


class NcnscError(Exception):
    """Base class: any failure the CLI turns into a message and exit code 1."""


class InputError(NcnscError):
    """Raised when the inputs (folders, profile, year workbook) have one or more errors.

    Carries every problem found, so the clerk can fix them all in one pass; `strict` when they
    are warnings that `--strict` made errors, `template` the Word template some of them are in
    (the CLI words the next step from these). `marked`: the copies of the workbooks with the
    faulty cells marked (outputs.marked), once written.
    """

    def __init__(self, problems: list[Problem], *, strict: bool = False,
                 template: Path | None = None):
        self.problems = list(problems)
        self.strict, self.template = strict, template
        self.marked: list[Path] = []
        super().__init__("\n".join(str(p) for p in self.problems))


class ArgumentError(NcnscError):
    """Raised when an argument typed after the command (a unit's name, a folder) names something
    that does not exist; the fix is in the command line, not in a workbook."""


class TemplateError(NcnscError):
    """Raised when a Word template cannot be found, parsed or rendered."""


class OutputError(NcnscError):
    """Raised when the finished report cannot be written to the output folder."""
