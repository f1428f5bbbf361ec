"""One worksheet read lean: the cells that hold a value, its merged ranges and hidden rows.

The workbook is opened read-only (openpyxl builds no cell objects) and each sheet's XML is
streamed once through openpyxl's own parser, keeping only what the loader needs. A sheet's
declared size, blank formatted cells and formatted rows cost only the time to stream them: a
cell formatted at XFD1048576 adds nothing, 100 000 formatted blank rows about a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ncnsc_reports.inputs.display import number_format


@dataclass(frozen=True)
class Merged:
    """A merged range: its bounds and its reference as Excel shows it (e.g. "C5:C6")."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int
    coord: str


@dataclass
class SheetData:
    """What the loader reads of one sheet; `cells` holds only cells with a value."""

    state: str
    # value, data type, number format
    cells: dict[tuple[int, int], tuple[Any, str, str]] = field(default_factory=dict)
    merged: list[Merged] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    date1904: bool = False
    unreadable: tuple[int, int] | None = None  # (row, column) of a cell the parser refused

    def value(self, row: int, col: int) -> Any:
        return self.cells.get((row, col), (None, "n"))[0]


def read_sheet_data(wb, name: str) -> SheetData:
    """Stream the sheet `name` of a read-only workbook opened with data_only=True."""
    from openpyxl.worksheet._reader import WorkSheetParser  # pinned openpyxl==3.1.5

    ws = wb[name]
    data = SheetData(getattr(ws, "sheet_state", "visible") or "visible",
                     date1904=wb.epoch.year == 1904)
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        try:
            _stream(parser, wb, data)
        except ValueError:  # e.g. a number of 5 000 digits: Python will not convert it
            data.unreadable = (parser.row_counter, parser.col_counter)
    data.hidden_rows = {int(r) for r, attrs in parser.row_dimensions.items()
                        if attrs.get("hidden") in ("1", "true")}
    data.merged = [_merged(cr.ref) for cr in getattr(parser.merged_cells, "mergeCell", None)
                   or ()]
    return data


def _stream(parser, wb, data: SheetData) -> None:
    formats: dict[int, str] = {}
    for _, row in parser.parse():
        for cell in row:
            if cell["value"] is not None:
                style = cell["style_id"] or 0
                if style not in formats:
                    formats[style] = number_format(wb, style)[0]
                data.cells[(cell["row"], cell["column"])] = (
                    cell["value"], cell["data_type"], formats[style])


def _merged(ref: str) -> Merged:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return Merged(min_row, min_col, max_row, max_col, ref)
