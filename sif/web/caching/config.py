"""CACHES from one setting (SIF_CACHE): read by settings.py, so no Django import beyond errors.

Two caches of the same kind: `default` (documents, Monte Carlo results, marks of work already
queued) and `charts` (SVGs, the largest and most numerous entries), so clearing the charts never
drops anything else. `database` is shared by every process on every machine that uses the same
database (its tables are made by `sif migrate`); `file` by the processes of one machine (or of
machines that share SIF_DATA_DIR); `memory` by nothing (one process: only for trying things out).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

DAY = 24 * 3600
KINDS = ("database", "file", "memory")


def cache_settings(kind: str, data_dir: Path, chart_entries: int) -> dict[str, dict[str, Any]]:
    if kind not in KINDS:
        raise ImproperlyConfigured(f"SIF_CACHE must be one of {', '.join(KINDS)}, not {kind!r}")

    def one(name: str, timeout: int, entries: int) -> dict[str, Any]:
        options = {"MAX_ENTRIES": entries, "CULL_FREQUENCY": 4}  # full: drop a quarter
        if kind == "database":
            backend, location = "django.core.cache.backends.db.DatabaseCache", f"sif_cache_{name}"
        elif kind == "file":
            backend = "django.core.cache.backends.filebased.FileBasedCache"
            location = str(data_dir / "cache" / name)
        else:
            backend, location = "django.core.cache.backends.locmem.LocMemCache", f"sif-{name}"
        return {"BACKEND": backend, "LOCATION": location, "TIMEOUT": timeout, "OPTIONS": options}

    # a chart's key names its data, so a kept chart is never stale: it may live a month
    return {"default": one("default", DAY, 2000), "charts": one("charts", 30 * DAY, chart_entries)}
