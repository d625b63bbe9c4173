"""The five seed documents SIF is built from, shipped with the package (see seeds/README.md).

They are the demo data's source and the tests' fixtures; `SEEDS` maps a short key to each file.
"""

from __future__ import annotations

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"

SEEDS: dict[str, Path] = {
    "000": SEEDS_DIR / "000_6ee6d6a623f1c5cc.txt",
    "001": SEEDS_DIR / "001_2e73547fb34b6cd1.txt",
    "002": SEEDS_DIR / "002_82c3b8477884a97e.txt",
    "003": SEEDS_DIR / "003_9d95aff1216a1b7d.txt",
    "004": SEEDS_DIR / "004_d4bb11941b9149c8.txt",
}


def seed_text(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8")
