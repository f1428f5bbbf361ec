"""The list of document kinds: what each kind of folder builds, said once.

A kind (the yearly report; the phase summary with its draft plan) is one entry of `KINDS` and
one module that does its work (`KindWork`): what its outputs depend on (`inputs`, for the
freshness check), `prepare` (gather the inputs → a typed result → the documents' contexts and
the workbooks), the main document's name, and the sample context its templates are checked and
described with (`check-template`, `fields`). The engine, `template_check` and the CLI branch on
no kind: they look it up here. Adding a kind (a national roll-up, say) is one entry here and
its module; README “Kiến trúc” has a worked example.

The modules are loaded by name when a folder of their kind is built, as plug-ins are: a year's
build never loads the summary's modules (pandas, matplotlib), nor `--help` any of them.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ncnsc_reports.errors import NcnscError
from ncnsc_reports.inputs.period_schema import period_folder
from ncnsc_reports.problems import Problem
from ncnsc_reports.render.names import is_context

if TYPE_CHECKING:  # --help loads no reader of workbooks
    from ncnsc_reports.report.model import UnitReplies
from ncnsc_reports.resources import shipped


@dataclass(frozen=True)
class Template:
    """One Word template a kind fills, and how `check-template --mau` / `fields` name it."""

    name: str  # --mau: "bao-cao-nam"
    title: str  # "báo cáo năm"
    file: str  # "bao-cao-nam.docx", found on the template search path (render.templates)
    sample: str  # the sample its fields are illustrated with (said where a user sees it)
    hints: tuple[str, ...] = ()  # words in a template's file name that say it is this one
    described: str = ""  # "module:Class": the context dataclass whose fields say their meaning

    def context_class(self) -> type | None:
        """The context dataclass `described` names (loaded when asked), None when not said."""
        if not self.described:
            return None
        module, name = self.described.split(":")
        return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Inputs:
    """What a folder's outputs may depend on, fingerprinted before anything is read."""

    folders: list[Path]  # every file in them
    files: list[Path]  # files outside those folders (the profile)
    rebuild: bool = False  # build every time (e.g. while units' forms are being collected)


@dataclass(frozen=True)
class Document:
    """One Word document to render: its output name, its template's file name, its context."""

    name: str
    template: str
    # Typed: a dataclass declaring every name the template sees (report_fields.ReportContext…);
    # it becomes the dict docxtpl needs only in render (render.names), never before (issue 21).
    context: object
    pictures: dict[str, tuple[bytes, float, str]] | None = None  # key -> (png, width cm, alt)

    def __post_init__(self):
        if not is_context(self.context):
            raise TypeError(f"{self.name}: the context is a dataclass instance, not "
                            f"{type(self.context).__name__}")


@dataclass(frozen=True)
class Prepared:
    """A folder gathered, checked and computed, its documents' contexts made: everything the
    engine needs before it reads a template. Typed, not a tuple."""

    date: dt.date  # every output is dated from it: same inputs, same bytes
    documents: list[Document]  # the first is the main document
    warnings: list[Problem]
    workbooks: Callable[[dt.datetime], dict[str, bytes]]  # made once the strict gate passed
    read: list[Path]  # the folders actually read (the record keeps only these)
    units: UnitReplies | None = None  # units asked, forms received (a yearly report's)


class KindWork(Protocol):
    """What a kind's module defines (see kinds/yearly.py, kinds/summary.py)."""

    def main_name(self, folder: Path) -> str: ...
    def inputs(self, folder: Path) -> Inputs: ...
    def prepare(self, folder: Path, options) -> Prepared: ...
    def sample_context(self, template: Template) -> object: ...  # a typed context


@dataclass(frozen=True)
class Kind:
    """One kind of document: its name, how its folder is recognised, its templates, and the
    module doing its work (loaded by name, when used)."""

    name: str  # "bao-cao-nam"
    title: str  # "báo cáo năm", said to a user
    module: str  # dotted name of its KindWork module
    templates: tuple[Template, ...]  # the first is the main document's
    recognises: Callable[[str], bool] = field(compare=False)  # a folder's name

    def work(self) -> KindWork:
        return importlib.import_module(self.module)


_HUNG_YEN = "Hưng Yên năm 2023 (inputs/hung-yen/2023)"
_AN_GIANG = ("An Giang giai đoạn 2021-2025 (inputs/an-giang/tong-ket-2021-2025, dữ liệu minh "
             "họa)")
YEARLY = Kind("bao-cao-nam", "báo cáo năm", "ncnsc_reports.kinds.yearly", (
    Template("bao-cao-nam", "báo cáo năm", "bao-cao-nam.docx", _HUNG_YEN),),
    recognises=lambda name: name.isascii() and name.isdigit())
_PERIOD_CONTEXT = "ncnsc_reports.render.period_fields"
SUMMARY = Kind("tong-ket", "báo cáo tổng kết (sơ kết) giai đoạn", "ncnsc_reports.kinds.summary", (
    Template("tong-ket", "báo cáo tổng kết (sơ kết) giai đoạn", "tong-ket-giai-doan.docx",
             _AN_GIANG, ("tong-ket", "so-ket"), f"{_PERIOD_CONTEXT}:PeriodContext"),
    Template("du-thao-ke-hoach", "dự thảo kế hoạch giai đoạn sau", "du-thao-ke-hoach.docx",
             _AN_GIANG, ("du-thao", "ke-hoach"), f"{_PERIOD_CONTEXT}:PlanContext")),
    recognises=lambda name: period_folder(name) is not None)

# Searched in order; a folder no kind recognises is taken for a year's (its checks say why not).
KINDS: list[Kind] = [YEARLY, SUMMARY]


def of_folder(folder: Path) -> Kind:
    """The kind of document a folder builds (by its name)."""
    return next((k for k in KINDS if k.recognises(Path(folder).name)), KINDS[0])


def templates() -> dict[str, Template]:
    """Every template of every kind, by its --mau name."""
    return {t.name: t for kind in KINDS for t in kind.templates}


def template_of(path: Path) -> Template:
    """The template a file is, by the words of its name (tong-ket…, du-thao…); any other name
    is the first kind's main template (the yearly report's)."""
    stem = Path(path).stem.lower()
    found = [t for t in templates().values() if any(h in stem for h in t.hints)]
    return found[0] if found else KINDS[0].templates[0]


def kind_of_template(template: Template) -> Kind:
    return next(k for k in KINDS if template in k.templates)


def sample_context(name: str) -> object:
    """The typed context a build gives the template `name` (--mau) for its kind's sample."""
    template = templates()[name]
    return kind_of_template(template).work().sample_context(template)


def sample_folder(relative: str) -> Path:
    """A sample shipped with the program (resources), or an error saying to reinstall."""
    folder = shipped(relative)
    if not folder.is_dir():
        raise NcnscError(f"thiếu dữ liệu mẫu đi kèm chương trình ({folder}); hãy cài lại "
                         "chương trình (pip install .)")
    return folder
