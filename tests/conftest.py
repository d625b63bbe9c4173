"""Fixtures shared by the whole suite: the seed documents."""

from __future__ import annotations

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
