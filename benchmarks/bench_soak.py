"""Soak: 20 writers and 20 readers against a served SIF for a while, on SQLite and on PostgreSQL.

`python -m benchmarks.bench_soak [--seconds 120] [--writers 20] [--readers 20] [--db sqlite|postgresql|both]`

Each database is fresh: migrated, a small world created and Django's threaded server started on a
free 127.0.0.1 port (loopback only; tests/concurrency/served.py). Writers post reviews through the
API (each 201 is one acknowledged write); readers alternate the project's API detail and its HTML
page. Every request has a 60 s timeout, the run a fixed length. Reported per database: requests,
errors (5xx, refused connections, timeouts, anything but the expected status), p50/p95 latency
for reads and writes, and rows written against writes acknowledged (they must be equal). The
figures are for this machine at that moment; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.concurrency.served import Site, served

PG = "postgres://sif:sif@127.0.0.1:5432/{}"
PG_NAME = "sif_hardening_soak"


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"read": [], "write": []})
    errors: list[str] = field(default_factory=list)
    acknowledged: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, kind: str, seconds: float, status: int, expected: int, what: str) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if status != expected:
                self.errors.append(f"{status} {what}")
            elif kind == "write":
                self.acknowledged += 1


def _writer(site: Site, tally: Tally, until: float, n: int) -> None:
    path = f"/api/projects/{site.facts['reviewed']}/reviews"
    k = 0
    while time.monotonic() < until:
        start = time.monotonic()
        status = site.post_json(path, "reviewer", {"comments": f"Synpunkt {n}-{k}", "scores": {}})
        tally.note("write", time.monotonic() - start, status, 201, path)
        k += 1


def _reader(site: Site, tally: Tally, until: float, n: int) -> None:
    pk = site.facts["reviewed"]
    paths = [f"/api/projects/{pk}", f"/projekt/{pk}/"]
    k = n
    while time.monotonic() < until:
        path = paths[k % 2]
        start = time.monotonic()
        status, _body = site.request("GET", path, "admin")
        tally.note("read", time.monotonic() - start, status, 200, path)
        k += 1


def _rows(database: str, db_file: Path, project: int) -> int:
    sql = f"select count(*) from projects_review where project_id = {int(project)}"
    if database == "sqlite":
        with sqlite3.connect(db_file) as connection:
            return int(connection.execute(sql).fetchone()[0])
    import psycopg

    with psycopg.connect(PG.format(PG_NAME)) as connection:
        return int(connection.execute(sql).fetchone()[0])  # type: ignore[index]


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG.format("postgres"), autocommit=True) as connection:
        connection.execute(sql)


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def soak(database: str, seconds: float, writers: int, readers: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="sif-soak-") as folder:
        db_file = Path(folder) / "sif.sqlite3"
        if database == "postgresql":
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
            _pg_admin(f"CREATE DATABASE {PG_NAME}")
            url = PG.format(PG_NAME)
        else:
            url = f"sqlite:///{db_file}"
        try:
            with served(url, Path(folder)) as site:
                tally = Tally()
                until = time.monotonic() + seconds
                threads = [
                    threading.Thread(target=_writer, args=(site, tally, until, n))
                    for n in range(writers)
                ]
                threads += [
                    threading.Thread(target=_reader, args=(site, tally, until, n))
                    for n in range(readers)
                ]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                written = _rows(database, db_file, site.facts["reviewed"])
        finally:
            if database == "postgresql":
                _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
    reads, writes = tally.latencies["read"], tally.latencies["write"]
    return {
        "database": database,
        "requests": len(reads) + len(writes),
        "errors": len(tally.errors),
        "error_kinds": sorted(set(tally.errors))[:5],
        "reads": len(reads),
        "read_p50_ms": _p(reads, 0.5),
        "read_p95_ms": _p(reads, 0.95),
        "writes": len(writes),
        "write_p50_ms": _p(writes, 0.5),
        "write_p95_ms": _p(writes, 0.95),
        "acknowledged": tally.acknowledged,
        "rows_written": written,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    databases = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}. "
        f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Load average before: {os.getloadavg()[0]:.1f}."
    )
    print(
        f"{args.writers} writers, {args.readers} readers, {args.seconds:.0f} s per database, Django's threaded server on 127.0.0.1."
    )
    print(
        "| database | requests | errors | reads | read p50 / p95 | writes | write p50 / p95 | writes acknowledged | rows written |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for database in databases:
        r = soak(database, args.seconds, args.writers, args.readers)
        print(
            f"| {r['database']} | {r['requests']} | {r['errors']} | {r['reads']} | {r['read_p50_ms']:.0f} / {r['read_p95_ms']:.0f} ms | {r['writes']} | "
            f"{r['write_p50_ms']:.0f} / {r['write_p95_ms']:.0f} ms | {r['acknowledged']} | {r['rows_written']} |",
            flush=True,
        )
        if r["errors"]:
            print(f"  errors: {r['error_kinds']}")
    print(
        f"Load average after: {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min)."
    )


if __name__ == "__main__":
    main()
