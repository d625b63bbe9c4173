"""Every main page and API list served by the production server at demo and at national size
(issue 16, point 5): queries, size, p50/p95 at 1 client and at 20 users, saturation, memory.

Run, once per size, against a PostgreSQL database that already holds the data:
    .venv/bin/python -m benchmarks.bench_scale_served --size demo \\
        --database-url postgres://sif:sif@127.0.0.1:5432/sif_scale_demo
    .venv/bin/python -m benchmarks.bench_scale_served --size national \\
        --database-url postgres://sif:sif@127.0.0.1:5432/sif_scale_national
(demo: `sif migrate && sif demo`; national: that and `sif generate-scale-data` with its defaults.)
Each run stores its figures in benchmarks/scale_served.json and rewrites the served-scale section of
RESULTS.md from every size stored, with the national/demo ratio of each page's p95.

What it does: starts `sif serve --no-worker` (gunicorn, DEBUG off) on a free loopback port; logs in
as a fund administrator of the largest municipality (national: syntetisk-001 with its 331 projects;
demo: Stockholm) and, for the admin's lists, as a superuser; then per page
- queries: counted in this process with Django's test client (the server's DEBUG is off),
- HTML/JSON size and p50/p95 of RUNS sequential requests (1 client, after 2 warm-ups),
- p50/p95 with USERS users (threads), each requesting the pages in turn and pausing 1 s between
  requests, for USERS_SECONDS (locust's model; locust is not a dependency),
- saturation: requests per second over all pages with 2 × workers clients that never pause,
- the largest resident memory (VmRSS) of any gunicorn worker, sampled every 0.5 s.
The machine's load average is stored beside the figures: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.results import write_section

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
STORE = HERE / "scale_served.json"
START, END = "<!-- scale-served:start -->", "<!-- scale-served:end -->"
RUNS, USERS, USERS_SECONDS, SATURATION_SECONDS = 100, 20, 60, 30
GOAL_MS, GOAL_RATIO, GOAL_KB, GOAL_MB = 200, 1.5, 500, 500


# ---------------------------------------------------------------- the pages


def pages(size: str) -> tuple[dict[str, str], int, int]:
    """{name: path} of every main page and API list, and the users to log in as (fund
    administrator, superuser), made if missing."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from sif.web.accounts.models import Membership, Municipality, Role
    from sif.web.projects.models import Fund, Project

    code = "syntetisk-001" if size == "national" else "stockholm"
    municipality = Municipality.objects.get(code=code)
    fund = Fund.objects.filter(municipality=municipality).order_by("pk").first()
    big = Project.objects.filter(fund=fund).annotate(n=Count("events")).order_by("-n", "pk").first()
    users = get_user_model().objects
    keeper = users.filter(username="bench-scale").first() or users.create_user("bench-scale")
    Membership.objects.get_or_create(
        user=keeper, municipality=municipality, role=Role.FUND_ADMIN, unit=None
    )
    root = users.filter(username="bench-scale-root").first() or users.create_superuser(
        "bench-scale-root", password=None
    )
    public = Fund.objects.filter(municipality__code="stockholm").order_by("pk").first()
    b, f = big.pk, fund.pk
    return (
        {
            "projektlista": "/projekt/",
            "projektsida (största projektet)": f"/projekt/{b}/",
            "tidslinjen, sida 1": f"/projekt/{b}/?handelser=alla",
            "uppföljning (största projektet)": f"/projekt/{b}/uppfoljning/",
            "återbetalning": f"/projekt/{b}/aterbetalning/",
            "fonder": "/fond/",
            "fondöversikt": f"/fond/{f}/",
            "fondens bokföring": f"/fond/{f}/bokforing/",
            "portfölj": f"/fond/{f}/portfolj",
            "öppna fonder": "/oppet/",
            "öppen fondsida (Stockholm)": f"/oppet/fond/{public.pk}/",
            "admin: händelselogg": "/admin/audit/event/",
            "admin: mätvärden": "/admin/followup/measurement/",
            "admin: bokföringsposter": "/admin/ledger/ledgerentry/",
            "API: projekt": "/api/projects",
            "API: fonder": "/api/funds",
            "API: bokföringsposter": f"/api/funds/{f}/entries",
            "API: händelser": f"/api/projects/{b}/events",
            "API: mätvärden": f"/api/projects/{b}/measurements",
            "API: indikatorer": f"/api/projects/{b}/indicators",
            "API: perioder": f"/api/projects/{b}/periods",
            "API: aktiviteter": f"/api/projects/{b}/activity-counts",
            "API: lägesrapporter": f"/api/projects/{b}/status-reports",
        },
        keeper.pk,
        root.pk,
    )


def is_admin_page(path: str) -> bool:
    return path.startswith("/admin/")


def sessions(keeper_id: int, root_id: int) -> tuple[str, str]:
    """Session cookies of the two users, stored in the database the server reads."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    cookies = []
    for pk in (keeper_id, root_id):
        client = Client()
        client.force_login(get_user_model().objects.get(pk=pk))
        cookies.append(client.cookies["sessionid"].value)
    return cookies[0], cookies[1]


def query_counts(paths: dict[str, str], keeper_id: int, root_id: int) -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    for name, pk in (("keeper", keeper_id), ("root", root_id)):
        clients[name] = Client()
        clients[name].force_login(get_user_model().objects.get(pk=pk))
    counts = {}
    for name, path in paths.items():
        client = clients["root" if is_admin_page(path) else "keeper"]
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[name] = len(queries) if response.status_code == 200 else -response.status_code
    return counts


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sif.cli", "serve", "--no-worker", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 600  # the first start collects the static files
    while time.monotonic() < deadline:
        try:
            status, _size = get(port, "/healthz", "")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop(server)
    raise SystemExit("sif serve did not answer /healthz within 600 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, 15)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)


def get(port: int, path: str, session: str) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", path, headers={"Cookie": f"sessionid={session}"})
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for child in Path("/proc").glob("[0-9]*"):
            try:
                if int((child / "stat").read_text().split(") ")[1].split()[1]) == parent:
                    found.append(int(child.name))
                    todo.append(int(child.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemoryWatch(threading.Thread):
    """The largest VmRSS of any process under the server, sampled until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids = descendants(self.pid)
            self.peak = max([self.peak, *(rss_mb(p) for p in pids)])
            self.done.wait(0.5)


# ---------------------------------------------------------------- the load


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0


def timed(port: int, path: str, session: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    status, size = get(port, path, session)
    return (time.perf_counter() - start) * 1000, status, size


def one_client(port: int, path: str, session: str) -> tuple[list[float], int, int]:
    for _ in range(2):
        timed(port, path, session)
    samples = [timed(port, path, session) for _ in range(RUNS)]
    return [ms for ms, _s, _n in samples], samples[-1][1], samples[-1][2]


def users(
    port: int, work: list[tuple[str, str, str]], count: int, seconds: float, pause: float
) -> tuple[dict[str, list[float]], int, int]:
    """`count` threads, each requesting the pages in turn from its own starting point and pausing
    `pause` seconds after each answer, for `seconds`. Per page the times; requests and errors."""
    times: dict[str, list[float]] = {name: [] for name, _p, _s in work}
    errors, lock = [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def user(offset: int) -> None:
        i = offset
        while time.monotonic() < deadline:
            name, path, session = work[i % len(work)]
            ms, status, _size = timed(port, path, session)
            with lock:
                times[name].append(ms)
                errors[0] += status != 200
            i += 1
            if pause:
                time.sleep(pause)

    threads = [
        threading.Thread(target=user, args=(random.Random(n).randrange(len(work)),))
        for n in range(count)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, sum(len(v) for v in times.values()), errors[0]


# ---------------------------------------------------------------- report


def load_average() -> str:
    return ", ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())


def server_environment(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """The production server's environment for a benchmark (DEBUG off, documents by the worker),
    also set in this process so that Django here reads the same database and data folder."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SIF_DATA_DIR": str(data_dir),
        "SIF_SECRET_KEY": "bench-scale-served-" + "x" * 40,
        "SIF_DEBUG": "false",
        "SIF_LOG_LEVEL": "WARNING",
        "SIF_DOCUMENTS_IN_BACKGROUND": "true",
        **extra,
    }
    os.environ.update(
        {k: env[k] for k in ("DATABASE_URL", "SIF_DATA_DIR", "SIF_SECRET_KEY", "SIF_LOG_LEVEL")}
    )
    return env


def run(size: str, database_url: str, workers: int) -> dict[str, object]:
    data_dir = Path(tempfile.gettempdir()) / "sif-bench-scale-served"  # static files collected once
    data_dir.mkdir(exist_ok=True)
    env = server_environment(database_url, data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    import django

    django.setup()
    paths, keeper_id, root_id = pages(size)
    counts = query_counts(paths, keeper_id, root_id)
    keeper, root = sessions(keeper_id, root_id)
    from django.db import connections

    connections.close_all()
    load_before = load_average()
    port = free_port()
    server = serve(env, port, workers)
    watch = MemoryWatch(server.pid)
    watch.start()
    try:
        work = [
            (name, path, root if is_admin_page(path) else keeper) for name, path in paths.items()
        ]
        rows: dict[str, dict[str, float]] = {}
        for name, path, session in work:
            times, status, body = one_client(port, path, session)
            rows[name] = {
                "queries": counts[name],
                "status": status,
                "kb": body / 1024,
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
            }
            print(f"{name}: {rows[name]}", flush=True)
        many, requests, errors = users(port, work, USERS, USERS_SECONDS, pause=1.0)
        for name, times in many.items():
            rows[name]["users_p50"] = statistics.median(times) if times else 0
            rows[name]["users_p95"] = percentile(times, 0.95)
        _t, saturated, saturation_errors = users(
            port, work, 2 * workers, SATURATION_SECONDS, pause=0
        )
    finally:
        watch.done.set()
        watch.join()
        stop(server)
    return {
        "size": size,
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "data": describe_data(),
        "workers": workers,
        "load_before": load_before,
        "load_after": load_average(),
        "pages": rows,
        "users_requests": requests,
        "users_errors": errors,
        "saturation_rps": saturated / SATURATION_SECONDS,
        "saturation_errors": saturation_errors,
        "peak_rss_mb": watch.peak,
    }


def describe_data() -> str:
    from sif.web.accounts.models import Municipality
    from sif.web.audit.models import Event
    from sif.web.followup.models import Measurement
    from sif.web.ledger.models import LedgerEntry
    from sif.web.projects.models import Project

    counts = [
        (Municipality, "kommuner"),
        (Project, "projekt"),
        (Measurement, "mätvärden"),
        (Event, "händelser"),
        (LedgerEntry, "bokföringsposter"),
    ]
    return ", ".join(f"{model.objects.count()} {label}" for model, label in counts)


def comma(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _fmt(value: float) -> str:
    return f"{value:.0f}"


def section(stored: dict[str, dict[str, object]]) -> str:
    sizes = [s for s in ("demo", "national") if s in stored]
    lines = [
        START,
        "## Scale served (issue 16): every page by the production server on PostgreSQL",
        "",
        "`benchmarks/bench_scale_served.py`: `sif serve` (gunicorn sync workers, DEBUG off) on "
        f"loopback; p50/p95 in ms of {RUNS} sequential requests (1 client) and of {USERS} users "
        f"each pausing 1 s for {USERS_SECONDS} s; saturation with 2 × workers clients that never "
        f"pause. Goals: p95 ≤ {GOAL_MS} ms, national/demo p95 ≤ {comma(GOAL_RATIO)}, ≤ {GOAL_KB} KB, "
        f"< {GOAL_MB} MB per process.",
        "",
    ]
    for size in sizes:
        run_ = stored[size]
        lines.append(
            f"- **{size}**: {run_['data']}; {run_['machine']}, {run_['workers']} workers; "
            f"{run_['when']}; load average {run_['load_before']} before, {run_['load_after']} after; "
            f"{run_['users_requests']} requests by {USERS} users ({run_['users_errors']} errors); "
            f"saturation {comma(float(run_['saturation_rps']))} requests/s "  # type: ignore[arg-type]
            f"({run_['saturation_errors']} errors); largest worker {float(run_['peak_rss_mb']):.0f} MB."  # type: ignore[arg-type]
        )
    header = "| page |" + "".join(
        f" {s}: queries | {s}: KB | {s}: 1 client p50/p95 | {s}: 20 users p50/p95 |" for s in sizes
    )
    if len(sizes) == 2:
        header += " p95 national/demo (1 client) |"
    lines += ["", header, "|---|" + "---:|" * (4 * len(sizes) + (len(sizes) == 2))]
    names = list(stored[sizes[0]]["pages"]) if sizes else []  # type: ignore[call-overload]
    for name in names:
        cells = []
        for size in sizes:
            row = stored[size]["pages"].get(name)  # type: ignore[attr-defined]
            if row is None:
                cells += ["–"] * 4
                continue
            cells += [
                str(row["queries"]),
                _fmt(row["kb"]),
                f"{_fmt(row['p50'])} / {_fmt(row['p95'])}",
                f"{_fmt(row['users_p50'])} / {_fmt(row['users_p95'])}"
                if row.get("users_p95")
                else "–",
            ]
        if len(sizes) == 2:
            demo = stored["demo"]["pages"].get(name)  # type: ignore[attr-defined]
            national = stored["national"]["pages"].get(name)  # type: ignore[attr-defined]
            ratio = national["p95"] / demo["p95"] if demo and national and demo["p95"] else 0
            cells.append(comma(ratio, 2))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", END]
    return "\n".join(lines)


def write(section_text: str) -> None:
    write_section("scale-served", section_text)


def main(argv: list[str] | None = None) -> int:
    global RUNS, USERS_SECONDS, SATURATION_SECONDS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=["demo", "national"], required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--users-seconds", type=int, default=USERS_SECONDS)
    parser.add_argument("--saturation-seconds", type=int, default=SATURATION_SECONDS)
    parser.add_argument(
        "--no-store", action="store_true", help="print only (a trial run; RESULTS.md unchanged)"
    )
    args = parser.parse_args(argv)
    RUNS, USERS_SECONDS, SATURATION_SECONDS = (
        args.runs,
        args.users_seconds,
        args.saturation_seconds,
    )
    result = run(args.size, args.database_url, args.workers)
    stored = json.loads(STORE.read_text(encoding="utf-8")) if STORE.exists() else {}
    stored[args.size] = result
    text = section(stored)
    if not args.no_store:
        STORE.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
