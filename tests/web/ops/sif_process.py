"""`sif` as a separate process with a clean environment: a data folder of its own, no SIF_ settings
from the developer's shell, and whatever the test adds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def sif_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SIF_", "DJANGO_")) and k != "DATABASE_URL"
    }
    return {**env, "SIF_DATA_DIR": str(data_dir), **extra}


def run_sif(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sif.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
