"""Charts as SVG strings (matplotlib, Agg backend): the same functions feed the pages and the documents.

Every chart carries its title inside the SVG (`<title>`, `role="img"`, `aria-label`); the page shows
the table with the same figures beside it as the text alternative. Output is deterministic (fixed
hash salt, no date) so that documents can be compared between runs.

Drawing is slow (50–250 ms a chart) and a chart is a pure function of its arguments, so each public
chart function keeps the SVGs it drew under a SHA-256 of its name and arguments: the same figures
give the kept SVG, a changed figure a new chart. The keeping is a small store interface
(`ChartStore`): a bounded in-process LRU always, and a store shared by every process when one is
installed (`use_store`; the web app installs Django's cache at startup, so a chart is drawn once
per data change whichever server or worker asks). No Django import here: the CLI uses the LRU.

A page that must not draw without bound sets a `drawing_budget`: past its limit a chart found in
no store is not drawn but returned as "" and listed, so the page shows a placeholder and can hand
the list to the background worker (`draw_deferred`).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import io
import json
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import Any, ParamSpec, Protocol

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sif.calc import format as fmt  # noqa: E402
from sif.reports.svg_attributes import inline_styles_to_attributes  # noqa: E402

PALETTE = [
    "#1f5f8b",
    "#d9822b",
    "#3b8f5a",
    "#a23b72",
    "#6b6b6b",
    "#c44e52",
    "#8c6d31",
    "#4c72b0",
    "#55a868",
]
# text.parse_math off: titles and labels are users' text, so "$" is a dollar sign, not TeX
plt.rcParams.update(
    {
        "svg.hashsalt": "sif",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "text.parse_math": False,
        # text as text, not as glyph outlines: half the size of an SVG on the pages, and its labels
        # can be read by screen readers and found by the browser's search; PNGs are unaffected
        "svg.fonttype": "none",
        "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    }
)


P = ParamSpec("P")
CACHE_SIZE = 256  # charts; an SVG is 20–80 kB, so at most ~20 MB per process
CHART_VERSION = "3"  # bump when a drawing function changes, so cached SVGs are not reused
_lock = threading.Lock()
# Documents print a chart as a PNG of the same figure (WeasyPrint lays out an SVG chart in about a
# second, a PNG in milliseconds): how to draw each cached SVG again, and the PNGs drawn.
RASTER_DPI = 200
_recipes: OrderedDict[str, tuple[Callable[..., str], tuple[Any, ...], dict[str, Any]]] = (
    OrderedDict()
)
_rasters: OrderedDict[str, bytes] = OrderedDict()
_want_raster = contextvars.ContextVar("sif_chart_raster", default=False)
# Set by draw_png: the drawing function's figure goes to this list as PNG and no SVG is made.
_png_sink: contextvars.ContextVar[list[bytes] | None] = contextvars.ContextVar(
    "sif_chart_png_sink", default=None
)


class ChartStore(Protocol):
    """Where drawn charts are kept, by chart_key. The web app installs one shared by every process
    (Django's cache); a store may forget any chart at any time (the chart is then drawn again)."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, svg: str) -> None: ...

    def clear(self) -> None: ...


class MemoryStore:
    """The default store: the CACHE_SIZE charts this process used last."""

    def __init__(self) -> None:
        self._charts: OrderedDict[str, str] = OrderedDict()

    def get(self, key: str) -> str | None:
        with _lock:
            svg = self._charts.get(key)
            if svg is not None:
                self._charts.move_to_end(key)
            return svg

    def set(self, key: str, svg: str) -> None:
        with _lock:
            _remember(self._charts, key, svg)

    def clear(self) -> None:
        with _lock:
            self._charts.clear()

    def __len__(self) -> int:
        return len(self._charts)


# The in-process LRU always answers first (a key names its data, so a kept chart is never stale);
# a shared store, when installed, is asked next and holds what any process drew.
_local = MemoryStore()
_shared: ChartStore | None = None


def use_store(store: ChartStore | None) -> None:
    """Install the store shared by all processes (None: this process's LRU only)."""
    global _shared
    _shared = store


def _plain(value: Any) -> Any:
    """Arguments as JSON-ready data that keeps the order of mappings (series order sets colours)."""
    if isinstance(value, Mapping):
        return [["__map__"], *([str(k), _plain(v)] for k, v in value.items())]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _plain(value.tolist())
    if isinstance(value, Sequence):
        return [_plain(v) for v in value]
    raise TypeError(f"chart argument of type {type(value).__name__} cannot be hashed")


def chart_key(name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
    """SHA-256 of the chart function's name and its input data."""
    data = json.dumps(
        [CHART_VERSION, name, _plain(list(args)), _plain(dict(sorted(kwargs.items())))],
        ensure_ascii=False,
        allow_nan=True,
    )
    return hashlib.sha256(data.encode()).hexdigest()


@dataclass
class DeferredChart:
    """A chart the request's budget did not allow drawing: enough to draw it elsewhere (the worker
    calls `draw_deferred(name, args, kwargs)`; the arguments are JSON-ready)."""

    key: str
    name: str
    args: list[Any]
    kwargs: dict[str, Any]


@dataclass
class DrawingBudget:
    """At most `limit` charts drawn; a chart not in a store beyond that is deferred."""

    limit: int
    drawn: int = 0
    deferred: list[DeferredChart] = field(default_factory=list)


_budget: contextvars.ContextVar[DrawingBudget | None] = contextvars.ContextVar(
    "sif_chart_budget", default=None
)
_functions: dict[str, Callable[..., str]] = {}


@contextlib.contextmanager
def drawing_budget(limit: int) -> Iterator[DrawingBudget]:
    """Within the block a chart function draws at most `limit` charts; past that, a chart in no
    store returns "" and is listed in the budget's `deferred` (a page shows a placeholder)."""
    budget = DrawingBudget(limit)
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


def draw_deferred(name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
    """Draw (or find) a deferred chart by its function's name, outside any budget."""
    token = _budget.set(None)
    try:
        return _functions[name](*_from_json(list(args)), **_from_json(dict(kwargs)))
    finally:
        _budget.reset(token)


MAP = "__map__"  # a mapping as its pairs: JSON stores (PostgreSQL's jsonb) may reorder keys


def _json_ready(value: Any) -> Any:
    """A deferred chart's argument as JSON (mappings as ordered pairs, tuples as lists)."""
    if isinstance(value, Mapping):
        return {MAP: [[str(k), _json_ready(v)] for k, v in value.items()]}
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_json_ready(v) for v in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {MAP}:
            return {k: _from_json(v) for k, v in value[MAP]}
        return {k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


def _deferred(
    key: str, name: str, args: Sequence[Any], kwargs: Mapping[str, Any]
) -> DeferredChart | None:
    """The chart as JSON-ready arguments, if drawing from those gives the same key (else None)."""
    plain_args, plain_kwargs = _json_ready(list(args)), _json_ready(dict(kwargs))
    again = json.loads(json.dumps([plain_args, plain_kwargs], allow_nan=True))
    if chart_key(name, _from_json(again[0]), _from_json(again[1])) != key:
        return None
    return DeferredChart(key, name, plain_args, plain_kwargs)


def _found(key: str) -> str | None:
    svg = _local.get(key)
    if svg is None and _shared is not None:
        svg = _shared.get(key)
        if svg is not None:
            _local.set(key, svg)
    return svg


def kept(key: str) -> str | None:
    """A chart drawn earlier, by its chart_key: from this process or the shared store; None when
    no store holds it (a store may forget any chart; the page that showed it draws it again)."""
    return _found(key)


def key_of(chart: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """The key a public chart function keeps its chart under for these arguments."""
    return chart_key(chart.__name__, args, kwargs)


def _cached(draw: Callable[P, str]) -> Callable[P, str]:
    @functools.wraps(draw)
    def chart(*args: P.args, **kwargs: P.kwargs) -> str:
        try:
            key = chart_key(draw.__name__, args, kwargs)
        except TypeError:  # an argument we cannot hash reliably: draw, do not cache
            return draw(*args, **kwargs)
        svg = _found(key)
        if svg is not None:
            with _lock:  # documents may ask for its PNG though another process drew it
                _recipes.setdefault(_svg_key(svg), (draw, args, kwargs))
            return svg
        budget = _budget.get()
        if budget is not None:
            if budget.drawn >= budget.limit:
                deferred = _deferred(key, draw.__name__, args, kwargs)
                if deferred is not None:
                    budget.deferred.append(deferred)
                    return ""
            budget.drawn += 1
        svg = draw(*args, **kwargs)
        with _lock:
            _remember(_recipes, _svg_key(svg), (draw, args, kwargs))
        _local.set(key, svg)
        if _shared is not None:
            _shared.set(key, svg)
        return svg

    _functions[draw.__name__] = chart
    return chart


def _svg_key(svg: str) -> str:
    return hashlib.sha256(svg.encode()).hexdigest()


def _remember(store: OrderedDict[str, Any], key: str, value: Any) -> None:
    store[key] = value
    store.move_to_end(key)
    while len(store) > CACHE_SIZE:
        store.popitem(last=False)


def png_for(svg: str) -> bytes | None:
    """The chart of this SVG as PNG, drawn again by the same function from the same data (None for
    an SVG this process has not drawn or found in a store)."""
    key = _svg_key(svg)
    with _lock:
        png, recipe = _rasters.get(key), _recipes.get(key)
    if png is not None or recipe is None:
        return png
    draw, args, kwargs = recipe
    token = _want_raster.set(True)
    try:
        draw(*args, **kwargs)
    finally:
        _want_raster.reset(token)
    with _lock:
        return _rasters.get(key)


def cache_clear() -> None:
    """Forget every chart: this process's and, when installed, the shared store's."""
    _local.clear()
    if _shared is not None:
        _shared.clear()
    with _lock:
        _recipes.clear()
        _rasters.clear()


def cache_size() -> int:
    """Charts in this process's LRU."""
    return len(_local)


def draw_png(draw: Callable[..., str], args: Sequence[Any], kwargs: Mapping[str, Any]) -> bytes:
    """Run an undecorated drawing function for print: its figure saved as PNG only (a document
    needs no SVG; sif/reports/figures.py). `draw` must not be the cached function, whose cache
    would keep the empty result."""
    sink: list[bytes] = []
    token = _png_sink.set(sink)
    try:
        draw(*args, **kwargs)
    finally:
        _png_sink.reset(token)
    if not sink:
        raise RuntimeError(f"{getattr(draw, '__name__', draw)!r} drew no figure")
    return sink[0]


TIGHT_PAD_INCHES = 0.1  # matplotlib's pad around a tight bounding box


def _png_bytes(fig: Figure) -> bytes:
    """The figure as PNG cropped to its tight bounding box, drawn once: savefig's
    bbox_inches="tight" draws the figure twice (once to measure), a third of a chart's time. A
    figure with something outside its canvas (a legend beside it, labels at an angle below it) is
    drawn once more by savefig on the box already measured."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig.set_dpi(RASTER_DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    box = fig.get_tightbbox(canvas.get_renderer()).padded(TIGHT_PAD_INCHES)
    width, height = fig.get_size_inches()
    png = io.BytesIO()
    if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
        # the box measured above, so savefig draws once more instead of twice
        fig.savefig(
            png, format="png", dpi=RASTER_DPI, bbox_inches=box, metadata={"Software": "SIF"}
        )
        return png.getvalue()
    pixels = np.asarray(canvas.buffer_rgba())
    rows = len(pixels)
    left, right = int(box.x0 * RASTER_DPI), math.ceil(box.x1 * RASTER_DPI)
    top, bottom = rows - math.ceil(box.y1 * RASTER_DPI), rows - int(box.y0 * RASTER_DPI)
    image = Image.fromarray(pixels[max(top, 0) : bottom, max(left, 0) : right].copy(), "RGBA")
    image.save(png, format="PNG", dpi=(RASTER_DPI, RASTER_DPI))
    return png.getvalue()


def _svg(fig: Figure, title: str) -> str:
    sink = _png_sink.get()
    if sink is not None:  # drawing for print (draw_png): PNG only
        sink.append(_png_bytes(fig))
        plt.close(fig)
        return ""
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "SIF"})
    # no inline CSS: the pages' CSP forbids it
    svg = _labelled(inline_styles_to_attributes(out.getvalue()), title)
    _raster(fig, svg)
    plt.close(fig)
    return svg


def _labelled(text: str, title: str) -> str:
    text = text[text.index("<svg") :]
    label = escape(title, quote=True)
    # the label is data, so it goes in as a literal (a function replacement), never as a template
    text = text.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return re.sub(r"<svg[^>]*>", lambda m: f"{m.group(0)}<title>{label}</title>", text, count=1)


def _raster(fig: Figure, svg: str) -> None:
    """With png_for asking: the same figure as PNG, kept under the SVG's hash."""
    if _want_raster.get():
        png = _png_bytes(fig)
        with _lock:
            _remember(_rasters, _svg_key(svg), png)


def _number_format(value: float, percent: bool) -> str:
    """Axis ticks and bar labels in Swedish (sif.calc.format): "40 %", "1,4", "4 500"."""
    return fmt.percent(value, 0) if percent else fmt.number(value, 1, trim=True)


def swedish_ticks(axis: Any, percent: bool = False) -> None:
    """A value axis labelled in Swedish ("1,4", "4 500", "40 %"), never "1.4". A percent axis
    steps by whole percents (1, 2, 5, 10 …), so no tick at 52,5 % is labelled "53 %"."""
    if percent:
        from matplotlib.ticker import MaxNLocator

        axis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10]))
    axis.set_major_formatter(lambda v, _pos: _number_format(v, percent))


CROWDED_PERIODS = 8  # more period labels than this are set at an angle, so they never overlap


def period_labels(ax: Any, x: Sequence[int], periods: Sequence[str]) -> None:
    if len(periods) > CROWDED_PERIODS:
        ax.set_xticks(x, list(periods), rotation=45, ha="right", rotation_mode="anchor")
        ax.figure.subplots_adjust(bottom=0.28)  # room for the slanted labels inside the canvas
    else:
        ax.set_xticks(x, list(periods))


@_cached
def line_over_periods(
    title: str,
    periods: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    references: Mapping[str, float] | None = None,
    percent: bool = False,
    y_label: str = "",
) -> str:
    """One line per series (e.g. insatsgrupp, jämförelsegrupp) over the periods; dashed reference
    lines for baseline and target."""
    fig, ax = plt.subplots(figsize=(6, 3))
    x = list(range(len(periods)))
    for i, (name, values) in enumerate(series.items()):
        points = [(xi, v) for xi, v in zip(x, values, strict=True) if v is not None]
        if points:
            ax.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                marker="o",
                color=PALETTE[i % len(PALETTE)],
                label=name,
            )
    for j, (name, value) in enumerate((references or {}).items()):
        ax.axhline(
            value, linestyle="--", linewidth=1, color=PALETTE[(j + 4) % len(PALETTE)], label=name
        )
    period_labels(ax, x, periods)
    ax.set_title(title)
    ax.set_ylabel(y_label)
    swedish_ticks(ax.yaxis, percent)
    ax.legend(loc="best", frameon=False)
    return _svg(fig, title)


@_cached
def bars_per_unit(
    title: str,
    units: Sequence[str],
    values: Sequence[float | None],
    *,
    percent: bool = False,
    y_label: str = "",
) -> str:
    """One bar per unit; a unit without a figure (not reported or suppressed) gets no bar."""
    fig, ax = plt.subplots(figsize=(6, 0.45 * max(len(units), 2) + 0.8))
    y = list(range(len(units)))
    shown = [v if v is not None else 0.0 for v in values]
    bars = ax.barh(y, shown, color=PALETTE[0])
    for bar, v in zip(bars, values, strict=True):
        text = "–" if v is None else _number_format(v, percent)
        ax.annotate(
            text,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
        )
    ax.set_yticks(y, list(units))
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(y_label)
    swedish_ticks(ax.xaxis, percent)
    return _svg(fig, title)


@_cached
def radar(
    title: str,
    dimensions: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    scale: tuple[float, float] = (1, 10),
) -> str:
    """A spider chart: one polygon per series (a unit, or a unit at an occasion) over K dimensions."""
    k = len(dimensions)
    angles = [2 * math.pi * i / k for i in range(k)]
    fig = plt.figure(figsize=(4.2, 4.2))
    ax = fig.add_subplot(projection="polar")
    for i, (name, values) in enumerate(series.items()):
        filled = [v if v is not None else scale[0] for v in values]
        ax.plot(
            [*angles, angles[0]],
            [*filled, filled[0]],
            color=PALETTE[i % len(PALETTE)],
            label=name,
            linewidth=1.5,
        )
        ax.fill(
            [*angles, angles[0]], [*filled, filled[0]], color=PALETTE[i % len(PALETTE)], alpha=0.08
        )
    ax.set_xticks(angles, [str(d) for d in dimensions])
    ax.set_ylim(scale[0], scale[1])
    swedish_ticks(ax.yaxis)
    ax.set_title(title, pad=18)
    if len(series) > 1:
        ax.legend(loc="upper right", bbox_to_anchor=(1.35, 1.1), frameon=False, fontsize=7)
    return _svg(fig, title)


@_cached
def spread_over_occasions(
    title: str,
    occasions: Sequence[str],
    sd: Sequence[float | None],
    low: Sequence[float | None],
    high: Sequence[float | None],
) -> str:
    """The spread between units per occasion: the range (min–max) as a band, the SD as a line."""
    fig, ax = plt.subplots(figsize=(6, 3))
    x = list(range(len(occasions)))
    band = [
        (xi, lo, hi)
        for xi, lo, hi in zip(x, low, high, strict=True)
        if lo is not None and hi is not None
    ]
    if band:
        ax.fill_between(
            [b[0] for b in band],
            [b[1] for b in band],
            [b[2] for b in band],
            color=PALETTE[0],
            alpha=0.15,
            label="Lägsta–högsta enhetsmedel",
        )
    ax2 = ax.twinx()
    points = [(xi, s) for xi, s in zip(x, sd, strict=True) if s is not None]
    if points:
        ax2.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            marker="o",
            color=PALETTE[1],
            label="Standardavvikelse mellan enheter",
        )
        ax2.set_ylim(bottom=0)
    period_labels(ax, x, occasions)
    ax.set_title(title)
    ax.set_ylabel("Skattning")
    ax2.set_ylabel("Standardavvikelse")
    swedish_ticks(ax.yaxis)
    swedish_ticks(ax2.yaxis)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(
        handles, [str(h.get_label()) for h in handles], loc="upper right", frameon=False, fontsize=7
    )
    return _svg(fig, title)
