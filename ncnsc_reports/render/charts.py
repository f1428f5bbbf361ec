"""The charts of a period summary: results by year against the target, and budget by year.

Owns what is plotted (`ChartData`, also written to the summary's workbook and to the picture's
alt text, so a reader or a test can check the picture against the table) and how it is drawn
with matplotlib: Vietnamese labels and numbers (dot thousands, comma decimals, through
`formatting`), readable in black and white (hatching, markers and line styles, not colour),
200 dpi PNG with fixed metadata so the same inputs give the same bytes. matplotlib is imported
only when a chart is drawn, never on the CLI's start-up path.
"""

from __future__ import annotations

import io
import logging
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ncnsc_reports.formatting import format_number

if TYPE_CHECKING:
    from ncnsc_reports.render.period_fields import PeriodContext

DPI = 200
WIDTH_CM = 16.0
_CM_PER_INCH = 2.54
RESULT, CUMULATIVE, TARGET, PLANNED, SPENT = (
    "Kết quả năm", "Lũy kế", "Chỉ tiêu giai đoạn", "Dự toán theo Kế hoạch", "Đã sử dụng")


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int | None, ...]  # one per year of the chart; None where nothing is known


@dataclass(frozen=True)
class Panel:
    code: str
    title: str
    unit: str
    series: tuple[Series, ...]


@dataclass(frozen=True)
class ChartData:
    key: str  # the template field the picture fills
    caption: str
    years: tuple[int, ...]
    panels: tuple[Panel, ...]

    def description(self) -> str:
        """The picture's alt text: its caption and every plotted value, as in the table."""
        parts = [self.caption + "."]
        for panel in self.panels:
            values = "; ".join(f"{s.label}: " + ", ".join(
                f"{y} = {_text(v)}" for y, v in zip(self.years, s.values, strict=True)
                if v is not None) for s in panel.series)
            parts.append(f"{panel.code} ({panel.unit}) – {values}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Chart:
    data: ChartData
    png: bytes
    width_cm: float = WIDTH_CM


def _text(value: int) -> str:
    return format_number(value)


def indicator_data(results, codes: tuple[str, ...], caption: str) -> ChartData:
    """Results by year, cumulative and phase target of the indicators named by `codes`."""
    years = results.phase_years
    panels = []
    for line in (i for i in results.indicators if i.code in codes):
        running, cumulative = 0, []
        for value in line.results:
            running += value or 0
            cumulative.append(None if value is None else running)
        target = (line.period_target,) * len(years)
        panels.append(Panel(line.code, line.name, line.unit, (
            Series(RESULT, line.results), Series(CUMULATIVE, tuple(cumulative)),
            Series(TARGET, target if line.period_target is not None else (None,) * len(years)))))
    return ChartData("indicator_chart", caption, years, tuple(panels))


def budget_data(results, caption: str) -> ChartData:
    """Budget planned and spent in each year of the period (đồng)."""
    years = tuple(b.year for b in results.budget)
    return ChartData("budget_chart", caption, years, (Panel("KP", "Kinh phí", "đồng", (
        Series(PLANNED, tuple(b.planned for b in results.budget)),
        Series(SPENT, tuple(b.spent for b in results.budget)))),))


def period_charts(results, codes: tuple[str, ...], context: PeriodContext) -> list[ChartData]:
    """The summary's two charts, captioned as its context says."""
    return [indicator_data(results, codes, context.indicator_caption),
            budget_data(results, context.budget_caption)]


def _style():
    """matplotlib settings for every chart: a serif font with every Vietnamese letter, black on
    white."""
    return {"font.family": "serif",
            "font.serif": ["DejaVu Serif"],  # shipped with matplotlib: same glyphs everywhere
            "font.size": 8, "axes.edgecolor": "black", "axes.linewidth": 0.6,
            "hatch.linewidth": 0.6, "legend.frameon": False, "svg.hashsalt": "ncnsc"}


def draw(data: ChartData) -> Chart:
    """Draw a chart's data: indicator panels in two columns, or the budget's grouped bars."""
    import matplotlib

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # fallback fonts
    with matplotlib.rc_context(_style()):
        figure = _budget_figure(data) if data.key == "budget_chart" else _indicator_figure(data)
        buffer = io.BytesIO()
        # no "Software" text and no date in the PNG: the same figures give the same bytes
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return Chart(data, buffer.getvalue())


def _figure(width_in: float, height_in: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _indicator_figure(data: ChartData):
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rows = max(1, -(-len(data.panels) // 2))
    figure = _figure(WIDTH_CM / _CM_PER_INCH, 0.4 + 2.1 * rows)
    axes = figure.subplots(rows, 2, squeeze=False).flatten()
    x = list(range(len(data.years)))
    for ax, panel in zip(axes, data.panels, strict=False):
        result, cumulative, target = panel.series
        bars = [v or 0 for v in result.values]
        drawn = ax.bar(x, bars, width=0.55, color="white", edgecolor="black", hatch="////",
                       linewidth=0.6, label=RESULT)
        ax.bar_label(drawn, labels=[_text(v) if v is not None else "" for v in result.values],
                     fontsize=7, padding=1)
        known = [(i, v) for i, v in zip(x, cumulative.values, strict=True) if v is not None]
        ax.plot([i for i, _ in known], [v for _, v in known], color="black", marker="o",
                markersize=3.5, linewidth=1, label=CUMULATIVE)
        title = f"{panel.title} ({panel.unit.lower()})"
        if target.values[0] is not None:
            ax.axhline(target.values[0], color="black", linestyle="--", linewidth=1,
                       label=TARGET)
            title += f"; chỉ tiêu: {_text(target.values[0])}"
        top = max([v for s in panel.series for v in s.values if v is not None] + [1])
        ax.set_ylim(0, top * 1.2)
        ax.set_title("\n".join(textwrap.wrap(title, 48)), fontsize=7.5)
        ax.set_xticks(x, [str(y) for y in data.years])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _text(int(v))))
    for ax in axes[len(data.panels):]:
        ax.set_visible(False)
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside upper center", ncols=3, fontsize=7.5)
    return figure


def _budget_figure(data: ChartData):
    from matplotlib.ticker import FuncFormatter

    figure = _figure(WIDTH_CM / _CM_PER_INCH, 3.2)
    ax = figure.subplots()
    planned, spent = data.panels[0].series
    x = list(range(len(data.years)))
    for offset, series, style in ((-0.2, planned, {"color": "white", "hatch": "...."}),
                                  (0.2, spent, {"color": "0.35", "hatch": "xxx"})):
        drawn = ax.bar([i + offset for i in x], [v or 0 for v in series.values], width=0.38,
                       edgecolor="black", linewidth=0.6, label=series.label, **style)
        ax.bar_label(drawn, labels=[_millions(v) for v in series.values], fontsize=7, padding=1)
    ax.set_xticks(x, [str(y) for y in data.years])
    ax.set_ylabel("Triệu đồng")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _millions(v)))
    top = max([v for s in (planned, spent) for v in s.values if v is not None] + [1])
    ax.set_ylim(0, top * 1.18)
    ax.legend(fontsize=7, loc="upper right")
    return figure


def _millions(value) -> str:
    """Đồng as whole triệu đồng with dot thousands: 1.083.000.000 → “1.083”."""
    if value is None:
        return ""
    return format_number(Decimal(int(value)) / 1_000_000)  # half up, like every figure
