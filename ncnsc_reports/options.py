"""How a build runs (`BuildOptions`): what the command line, `build --all` and the web page say.

Its own small module at the bottom of the layers: the engine reads it, each kind of document
(`kinds`) reads the options that concern it, and every front end makes one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildOptions:
    """How `engine.build` runs, as the command line says it: the CLI makes one, `batch` hands
    it to every worker, the engine reads it. Unknown options fail at once (no dict of keywords)."""

    out_root: Path | None = None  # --out: outputs/ beside inputs/ when None
    templates: Path | None = None  # --templates: searched before the province's and ours
    strict: bool = False  # --strict: every warning, the template's included, is an error
    force: bool = False  # --force: replace hand-edited outputs without keeping a copy
    rebuild: bool = False  # --rebuild: build even when nothing it depends on changed
    accept: frozenset[str] = frozenset()  # --chap-nhan-…: warnings confirmed (report.confirm)
    pdf: bool = False  # --pdf: make a PDF beside each document (LibreOffice)
    mark_warnings: bool = False  # --canh-bao-tren-so: mark warnings on the workbooks' copies too

    @classmethod
    def of(cls, options: BuildOptions | Path | None, **changes) -> BuildOptions:
        """Return `options` (a bare path is the output folder) with `changes` made."""
        if not isinstance(options, BuildOptions):
            options = cls(out_root=None if options is None else Path(options))
        return dataclasses.replace(options, **changes) if changes else options
