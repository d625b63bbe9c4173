"""The big project's follow-up page and measurement list served at one size (issue 16): queries, KB,
p50/p95 of 30 sequential requests and of 20 users pausing 1 s for 30 s, with the load average.

A cut of benchmarks/bench_scale_served.py (its pages, sessions, server and timing) for these two
pages, so a change to them can be measured before/after back to back on a busy machine:
    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_followup_scale national \\
        postgres://sif:sif@127.0.0.1:5432/sif_scale_national after
(run the same from an export of the base commit for "before"). Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_scale_served import server_environment

PAGES = ("uppföljning (största projektet)", "API: mätvärden")
WARM_UPS = 5  # the first requests draw the charts (12 a request), then they come from the store


def main(size: str, url: str, label: str) -> dict[str, object]:
    data_dir = Path(tempfile.gettempdir()) / f"sif-fu-served-{label}"
    data_dir.mkdir(exist_ok=True)
    env = server_environment(url, data_dir, SIF_DB_CONN_MAX_AGE="0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    import django

    django.setup()
    from django.db import connections

    from benchmarks import bench_scale_served as b

    paths, keeper_id, root_id = b.pages(size)
    mine = {name: paths[name] for name in PAGES}
    counts = b.query_counts(mine, keeper_id, root_id)
    keeper, _root = b.sessions(keeper_id, root_id)
    connections.close_all()
    out: dict[str, object] = {"size": size, "label": label, "load_before": b.load_average()}
    port = b.free_port()
    server = b.serve(env, port, 5)
    try:
        figures: dict[str, dict[str, int]] = {}
        for name, path in mine.items():
            for _ in range(WARM_UPS):
                b.timed(port, path, keeper)
            ms, status, size_bytes = b.one_client(port, path, keeper)
            figures[name] = {
                "queries": counts[name],
                "kb": round(size_bytes / 1000),
                "status": status,
                "p50": round(b.percentile(ms, 0.5)),
                "p95": round(b.percentile(ms, 0.95)),
            }
        times, _total, errors = b.users(port, [(n, p, keeper) for n, p in mine.items()], 20, 30, 1)
        for name, samples in times.items():
            figures[name]["users20_p50"] = round(b.percentile(samples, 0.5))
            figures[name]["users20_p95"] = round(b.percentile(samples, 0.95))
        out.update(figures)
        out["errors"] = errors
    finally:
        b.stop(server)
    out["load_after"] = b.load_average()
    return out


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4]), ensure_ascii=False))
