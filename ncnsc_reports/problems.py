"""Problems found in the inputs: where (file › sheet › row › column) and what, in Vietnamese.

Loading and validation never raise per cell: they collect `Problem`s so that every error
is reported at once (style: mkdocs collects (where, what) pairs and aborts once).

Warnings are of two kinds (issue 23, item 3; README “Lỗi và cảnh báo”): most are remarks the
report stands by; a warning that may mean the figures are wrong carries `confirm`, the option
that accepts it, and a build refuses it unless that option is given (report.confirm).
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

# The options that confirm a warning that may mean the figures are wrong (report.confirm says
# what each accepts): a sheet that looks renamed, a data sheet missing, a record reported twice,
# a unit's row the report cannot place.
ODD_SHEET = "--chap-nhan-trang-la"
MISSING_SHEET = "--chap-nhan-thieu-trang"
DUPLICATE = "--chap-nhan-trung-lap"
DROPPED_ROW = "--chap-nhan-bo-dong"


class Severity(Enum):
    ERROR = "Lỗi"
    WARNING = "Cảnh báo"


# A file the clerk opens in Excel: a problem in one is fixed in the workbook.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


class ProblemKind(Enum):
    """What a problem is about, so that a front end (the command line, the page) words the next
    step from the problem itself, never from the exception that carried it (issue 21 item 3).

    The first three are located in the inputs: a front end lists them all and says where to fix
    them. The others say that a step could not be done; their message says what to do."""

    WORKBOOK = "sổ Excel"  # a workbook, its sheet, row or cell
    FOLDER = "thư mục, tệp"  # a folder or file of the inputs: missing, misnamed, unreadable
    TEMPLATE = "mẫu Word"  # a place in a Word template (template_check)
    TEMPLATE_FILE = "tệp mẫu Word"  # a template that cannot be found, read or rendered
    ARGUMENT = "tham số"  # the command line names something that does not exist
    OUTPUT = "tệp kết quả"  # a result that cannot be written (rights, full disk, PDF)
    FAILURE = "khác"  # any other step that could not be done

    @property
    def located(self) -> bool:
        """Whether problems of this kind are places in the inputs to list and fix."""
        return self in (ProblemKind.WORKBOOK, ProblemKind.FOLDER, ProblemKind.TEMPLATE)


@dataclass(frozen=True)
class Location:
    """A place in the inputs; the parts that are unknown stay None. A place in a Word template
    is a Location too (`template_check.parts.Place`, `in_template`), so every problem has one."""

    in_template: ClassVar[bool] = False  # a place in a template, not in a workbook or folder
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    item: str | None = None  # the “Mục” of a row of a key/value sheet (“Thông tin chung”)

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"trang “{self.sheet}”")
        if self.row is not None:
            parts.append(f"dòng {self.row}" + (f" (mục “{self.item}”)" if self.item else ""))
        if self.column is not None:
            parts.append(f"cột “{self.column}”")
        return " › ".join(parts)

    def at(self, row: int | None = None, column: str | None = None,
           item: str | None = None) -> Location:
        """Return this location narrowed to a row, a column and/or the row's item."""
        return Location(self.file, self.sheet, row or self.row, column or self.column,
                        item or self.item)


@dataclass(frozen=True)
class Problem:
    """What is wrong and where: a `Location` in the inputs or, in a template, its subclass
    `template_check.parts.Place`. Always a Location (issue 21, item 4): a reader of `where`
    never guesses its type.

    `kind` says what it is about (`ProblemKind`); left out, it follows from `where`: a place in
    a template is the template's, a sheet or a workbook's file the workbook, any other
    `Location` a folder or file of the inputs."""

    where: Location
    message: str
    severity: Severity = Severity.ERROR
    confirm: str = ""  # the option a build needs to go on despite it (“--chap-nhan-trang-la”)
    kind: ProblemKind | None = None  # never None once made (__post_init__)

    def __post_init__(self) -> None:
        if not isinstance(self.where, Location):
            raise TypeError(f"a problem's place is a Location, not {type(self.where).__name__}")
        if self.kind is None:  # frozen: set once, here, as the dataclass would
            object.__setattr__(self, "kind", _kind_of(self.where))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def _kind_of(where: Location) -> ProblemKind:
    if where.in_template:  # template_check.parts.Place
        return ProblemKind.TEMPLATE
    if where.sheet is not None or where.file.endswith(WORKBOOK_SUFFIXES):
        return ProblemKind.WORKBOOK
    return ProblemKind.FOLDER


def expected_found(expected: str, found: object) -> str:
    """Word a problem as "cần …, nhưng gặp …" (expected X, found Y)."""
    shown = "ô trống" if found in (None, "") else f"“{found}”"
    return f"cần {expected}, nhưng gặp {shown}"


class Problems(list):
    """A list of Problem with shorthands for adding errors and warnings."""

    def error(self, where: Location, message: str) -> None:
        self.append(Problem(where, message, Severity.ERROR))

    def warning(self, where: Location, message: str) -> None:
        self.append(Problem(where, message, Severity.WARNING))

    def to_confirm(self, where: Location, message: str, option: str) -> None:
        """A warning that may mean the figures are wrong: a build stops on it unless `option`."""
        self.append(Problem(where, message, Severity.WARNING, option))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if not p.is_error]


# What every shell (bash, cmd, PowerShell) reads as one plain word, Vietnamese letters included.
_PLAIN_WORD = re.compile(r"[\w+./\\:-]+")


def command(*words: object) -> str:
    """A command as a clerk pastes it into a terminal: each word bare when a shell reads it so,
    else in straight quotes — never curly ones, which a shell keeps as part of the path
    (issue 23, item 5)."""
    return " ".join(_shell_word(str(w)) for w in words)


def _shell_word(word: str) -> str:
    if _PLAIN_WORD.fullmatch(word) and (os.name == "nt" or "\\" not in word):
        return word
    if os.name == "nt":
        return f'"{word}"'
    return shlex.quote(word) if any(c in word for c in "$`\\\"!") else f'"{word}"'
