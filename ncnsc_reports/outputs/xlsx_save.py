"""Saving an openpyxl workbook reproducibly, in memory: `save_dated`.

openpyxl's `save()` stamps `modified` with the clock, so the dates are set and its
`ExcelWriter` is called directly. That writer also passes each sheet through a temporary file
(created, written, read back into the zip, deleted): on a slow disk, or under an antivirus, most
of the time of writing a small workbook such as chi-tieu.xlsx. Here each sheet is written to
memory instead; `reproducible.normalise_zip` then dates every entry, so the bytes are those of
openpyxl's own writer.
"""

from __future__ import annotations

import functools
import io
import zipfile


def save_dated(wb, when) -> bytes:
    """Return the workbook's bytes, its created and modified dates set to `when` (the zip
    entries still carry the clock: `reproducible.normalise_zip` dates them)."""
    wb.properties.created = wb.properties.modified = when
    buffer = io.BytesIO()
    _in_memory_writer()(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()


@functools.cache
def _in_memory_writer() -> type:
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class InMemoryWriter(ExcelWriter):
        """openpyxl 3.1.5's writer (pinned in pyproject.toml); `write_worksheet` is its own
        but for the sheet's XML, kept in memory rather than in a temporary file."""

        def write_worksheet(self, ws):
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            out = io.BytesIO()
            writer = WorksheetWriter(ws, out)
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], out.getvalue())
            self.manifest.append(ws)

    return InMemoryWriter
