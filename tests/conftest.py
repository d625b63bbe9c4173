"""Fixtures shared by the whole suite: the seed documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from sif.demo import SEEDS, seed_text

# Speed is measured in benchmarks/, never by the tests: on a shared 2-CPU machine input generation and
# examples can be slow, and a property test must fail only on a counterexample.
settings.register_profile("sif", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sif")


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    return dict(SEEDS)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {key: seed_text(key) for key in SEEDS}


@pytest.fixture(scope="session", autouse=True)
def _fast_test_settings() -> Iterator[None]:
    """Static files by their plain names (the live server of the browser tests serves them from the
    app folders only, never a manifest a developer's var/static may hold), a fast password hash (argon2 costs ~60 ms a user) and
    documents, imports, Monte Carlo runs and charts made in the request.
    The production server test (tests/web/ops/test_production_server.py) runs the real settings."""
    try:
        from django.test import override_settings
    except ImportError:  # pragma: no cover - the pure-core tests run without Django
        yield
        return
    from django.conf import settings

    if not settings.configured:  # pragma: no cover
        yield
        return
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    fast_hash = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # documents, imports, Monte Carlo runs and charts are made inside the request here (their
    # tests read the result); tests/web/tasks run the worker
    with override_settings(
        STORAGES=storages,
        PASSWORD_HASHERS=fast_hash,
        DOCUMENTS_IN_BACKGROUND=False,
        IMPORTS_IN_BACKGROUND=False,
        MONTE_CARLO_IN_BACKGROUND=False,
        CHARTS_IN_BACKGROUND=False,
    ):
        yield
