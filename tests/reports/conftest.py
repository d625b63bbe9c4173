"""The reports are pure: their tests use the charts' in-process store only (the web app installs
Django's shared cache at startup, which these tests, without a database, must not touch)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sif.reports import charts


@pytest.fixture(autouse=True)
def _in_process_chart_store() -> Iterator[None]:
    shared = charts._shared
    charts.use_store(None)
    yield
    charts.use_store(shared)
