"""The seeds shipped in sif/demo are the shared ones, unchanged."""

from pathlib import Path

import pytest

from sif.demo import SEEDS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_shipped_seed_equals_the_shared_seed(key: str) -> None:
    shared = SHARED / SEEDS[key].name
    if not shared.exists():
        pytest.skip(f"../shared/seeds is not beside this checkout ({shared})")
    assert SEEDS[key].read_bytes() == shared.read_bytes()
