"""SIF_DB_POOL switches on Django's PostgreSQL connection pool with the sizes given (issue 16)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from sif.web.ops.config import database_settings

PG = "postgres://sif:sif@db.example:5432/sif"


def test_the_pool_setting_gives_postgresql_the_pool_options_and_no_persistent_connection() -> None:
    db = database_settings(PG, conn_max_age=60, pool=True, pool_min=2, pool_max=6)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert db["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 6, "timeout": 10}
    assert db["CONN_MAX_AGE"] == 0


def test_without_the_pool_each_process_keeps_one_persistent_connection() -> None:
    db = database_settings(PG, conn_max_age=60, pool=False, pool_min=1, pool_max=4)
    assert "pool" not in db.get("OPTIONS", {})
    assert db["CONN_MAX_AGE"] == 60


def test_sqlite_has_no_pool_whatever_the_setting() -> None:
    db = database_settings("sqlite:////tmp/x.sqlite3", 0, pool=True, pool_min=1, pool_max=4)
    assert "pool" not in db.get("OPTIONS", {})


@pytest.mark.parametrize(("low", "high"), [(0, 4), (5, 4)])
def test_pool_sizes_out_of_order_are_refused_when_the_settings_load(low: int, high: int) -> None:
    with pytest.raises(ImproperlyConfigured, match="SIF_DB_POOL_MIN"):
        database_settings(PG, 60, pool=True, pool_min=low, pool_max=high)


def test_the_pool_package_is_installed() -> None:
    import psycopg_pool

    assert psycopg_pool.ConnectionPool
