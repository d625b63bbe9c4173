"""Run the web server and a task worker side by side, as one command (`sif serve`).

The embedded default is one machine and one command: `make run` must make documents too, so
`sif serve` starts one `sif worker` next to gunicorn unless told not to (`--no-worker`, when the
worker runs as its own service). Ctrl-C or SIGTERM stops both; when one exits, the other is stopped.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from types import FrameType

GRACE_SECONDS = 30


def run_together(commands: list[list[str]]) -> int:
    processes = [subprocess.Popen(command) for command in commands]

    def stop(signum: int, frame: FrameType | None) -> None:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while all(p.poll() is None for p in processes):
        time.sleep(0.5)
    stop(signal.SIGTERM, None)
    deadline = time.monotonic() + GRACE_SECONDS
    for p in processes:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
    return next((p.returncode for p in processes if p.returncode), 0)


def worker_argv() -> list[str]:
    return [sys.executable, "-m", "sif.cli", "worker", "--no-reload"]
