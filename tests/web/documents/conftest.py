"""The demo, loaded once per test module of tests/web/documents and rolled back afterwards."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.demo_data import demo_loaded


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    """The demo, loaded once for this module and rolled back afterwards (the tests only read)."""
    with demo_loaded(django_db_blocker, tmp_path_factory):
        yield
