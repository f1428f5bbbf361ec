"""Exception classes of ncnsc_reports; each docstring says when it is raised.

Every message is Vietnamese and written for the secretariat clerk who runs the build.
"""

from __future__ import annotations

import errno
import os.path
from typing import TYPE_CHECKING

from ncnsc_reports.problems import Location, Problem, ProblemKind

if TYPE_CHECKING:
    from pathlib import Path


class NcnscError(Exception):
    """Base class: any failure the CLI turns into a message and exit code 1.

    `problems_at()` hands it on as typed problems, so a front end words every failure the same way
    without asking which class it was (issue 21 item 3); `kind` says what each class is about.
    """

    kind = ProblemKind.FAILURE

    def problems_at(self, where: Location | None = None) -> list[Problem]:
        """Return what went wrong as problems: one of this error's kind, placed at `where`
        (the folder being built, say) — InputError returns every problem it carries."""
        return [Problem(where or Location(""), str(self), kind=self.kind)]


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

    def problems_at(self, where: Location | None = None) -> list[Problem]:
        """Return every problem found, each already located."""
        return list(self.problems)


class ArgumentError(NcnscError):
    """Raised when an argument typed after the command (a unit's name, a folder) names something
    that does not exist; the fix is in the command line, not in a workbook."""

    kind = ProblemKind.ARGUMENT


class TemplateError(NcnscError):
    """Raised when a Word template cannot be found, parsed or rendered."""

    kind = ProblemKind.TEMPLATE_FILE


class OutputError(NcnscError):
    """Raised when the finished report cannot be written to the output folder."""

    kind = ProblemKind.OUTPUT


def cannot_write(target: Path, err: OSError, what: str = "tệp", verb: str = "ghi"
                 ) -> OutputError:
    """Return the error of a file or folder of the user's that could not be written: it names
    `target` (never a temporary file beside it), the folder refusing it, and what to do."""
    return OutputError(f"không {verb} được {what} “{target}”: {os_reason(err, target)}")


def os_reason(err: OSError, target: Path | None = None) -> str:
    """Say in Vietnamese why the system refused to write (and what to do), for a clerk."""
    # os.path.isdir: False, never an error, for a folder that cannot even be looked into
    folder = next((p for p in (target, *target.parents) if os.path.isdir(p)), None) \
        if target is not None else None
    place = f"thư mục “{folder}”" if folder is not None else "thư mục này"
    if err.errno in (errno.EACCES, errno.EPERM):
        return (f"không có quyền ghi vào {place}; hãy cấp quyền ghi cho tài khoản đang dùng "
                "(trên Windows: chuột phải vào thư mục › Properties › Security), hoặc làm việc "
                "trong một thư mục của mình, rồi chạy lại")
    if err.errno == errno.EROFS:
        return (f"{place} nằm trên ổ đĩa chỉ cho đọc; hãy chép dự án sang ổ đĩa ghi được rồi "
                "chạy lại")
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại"
    if err.errno == errno.ENAMETOOLONG:
        return ("tên tệp hoặc đường dẫn quá dài; hãy đặt tên thư mục tỉnh ngắn hơn hoặc chuyển "
                "dự án lên thư mục gần gốc ổ đĩa rồi chạy lại")
    return f"{err.strerror or err}; hãy kiểm tra {place} rồi chạy lại"
