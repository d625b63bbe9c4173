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


_COLLECT = (
    "import django; django.setup()\n"
    "from sif.web.core.management.commands.serve import collect_static_if_needed\n"
    "collect_static_if_needed()\n"
)


def collected_static(root: Path) -> Path:
    """A STATIC_ROOT holding the production static files, collected once (hashing and compressing
    ~550 files costs about 50 CPU-seconds): `sif migrate` and `sif serve` in a test's fresh data
    folder would each collect them again. SIF_TEST_STATIC_ROOT (set by scripts/test.sh) shares the
    folder between the SQLite and PostgreSQL runs side by side; a lock makes the later caller wait
    for the first one's collection, and `sif` collects again whenever a static file is newer
    (serve.static_files_current), as in production."""
    import fcntl
    import tempfile

    root = Path(os.environ.get("SIF_TEST_STATIC_ROOT") or root)
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with tempfile.TemporaryDirectory() as data:
            done = subprocess.run(
                [sys.executable, "-c", _COLLECT],
                env={
                    **sif_env(Path(data), SIF_STATIC_ROOT=str(root)),
                    "DJANGO_SETTINGS_MODULE": "sif.web.settings",
                },
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=600,
            )
    assert done.returncode == 0, done.stderr[-2000:]
    return root
