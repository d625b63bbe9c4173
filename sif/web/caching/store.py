"""The charts' shared store (sif.reports.charts.ChartStore) on Django's `charts` cache.

A cache that cannot be read (a database hiccup) is a miss, never a failed page: the chart is drawn.
"""

from __future__ import annotations

import logging

from django.core.cache import caches
from django.db import DatabaseError

log = logging.getLogger("sif.cache")
PREFIX = "chart:"


class DjangoChartStore:
    def __init__(self, alias: str = "charts") -> None:
        self.alias = alias

    def get(self, key: str) -> str | None:
        try:
            svg = caches[self.alias].get(PREFIX + key)
        except DatabaseError:
            log.warning("chart cache unreadable", exc_info=True)
            return None
        return svg if isinstance(svg, str) else None

    def set(self, key: str, svg: str) -> None:
        try:
            caches[self.alias].set(PREFIX + key, svg)
        except DatabaseError:
            log.warning("chart cache not written", exc_info=True)

    def clear(self) -> None:
        caches[self.alias].clear()
