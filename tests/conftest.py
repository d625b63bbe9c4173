"""Fixtures shared by the whole suite: the seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from sif.demo import SEEDS, seed_text


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    return dict(SEEDS)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {key: seed_text(key) for key in SEEDS}
