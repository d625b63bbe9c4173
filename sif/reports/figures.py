"""A document's chart as a call, drawn only by the format that shows it.

The content of a document (sif/reports/content.py) names each chart by its drawing function and
its data (`ChartCall`) instead of holding a drawn SVG. So building the content draws nothing; the
XLSX, which shows no chart, never draws one; the PDF and the DOCX draw each chart once, straight
to PNG (no SVG first and PNG after); and the content's hash, which keys the rendered document
(sif/web/documents/cache.py), is taken over a few numbers instead of 50 kB of SVG per chart.

PNGs are kept in a small in-process LRU keyed by the chart function's name and data (the key of
sif.reports.charts), so the PDF and the DOCX of one content, or the next version of a document
with most charts unchanged, draw a chart once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PNG_CACHE_SIZE = 64  # a 200 dpi chart is 40–120 kB: at most ~8 MB per process
_pngs: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class ChartCall:
    """A chart function of sif/reports (one decorated with charts._cached, which ends in
    charts._svg) and the arguments to draw it with."""

    draw: Callable[..., str]
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, draw: Callable[..., str], *args: Any, **kwargs: Any) -> ChartCall:
        return cls(draw, args, tuple(sorted(kwargs.items())))

    @property
    def name(self) -> str:
        return getattr(self.draw, "__name__", "chart")

    def svg(self) -> str:
        """The SVG the pages show (from the charts' cache when it holds it)."""
        return self.draw(*self.args, **dict(self.kwargs))

    def png(self) -> bytes:
        """The same chart as PNG, drawn once per process and data."""
        from sif.reports import charts

        key = charts.chart_key(self.name, self.args, dict(self.kwargs))
        with _lock:
            png = _pngs.get(key)
            if png is not None:
                _pngs.move_to_end(key)
                return png
        png = charts.draw_png(_undecorated(self.draw), self.args, dict(self.kwargs))
        with _lock:
            _pngs[key] = png
            while len(_pngs) > PNG_CACHE_SIZE:
                _pngs.popitem(last=False)
        return png


def _undecorated(draw: Callable[..., str]) -> Callable[..., str]:
    """The drawing function under the charts' cache: drawing for print must not store its empty
    SVG result in the cache the pages read."""
    inner = getattr(draw, "__wrapped__", None)
    if inner is None:
        raise TypeError(f"{draw!r} is not a cached chart function of sif.reports.charts")
    return inner


def png_cache_clear() -> None:
    with _lock:
        _pngs.clear()
