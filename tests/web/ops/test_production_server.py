"""The production server as `make run` starts it: gunicorn with DEBUG off, static files by WhiteNoise,
a worker beside it, on a free loopback port, with a fresh data folder (SQLite).

One boot, several checks (booting costs a migrate, a collectstatic and the imports): static files,
security headers, the Swedish 404 page, /readyz, the login lockout and one document made by the worker.
"""

from __future__ import annotations

import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.ops.sif_process import REPO, run_sif, sif_env

requests = pytest.importorskip("requests")

pytestmark = pytest.mark.slow
PASSWORD = "tre glada ekorrar i Mölndal"

SETUP = f"""
from sif.web.accounts.models import Role
from tests.web.builders import make_fund, make_municipality, make_project_with_application, make_unit, make_user
m = make_municipality("sthlm")
unit = make_unit(m, "Hässelby-Vällingby stadsdelsförvaltning")
fund = make_fund(m)
for name in ("fondforvaltare", "granskare"):
    user = make_user(name, Role.FUND_ADMIN, m)
    user.set_password({PASSWORD!r})
    user.save()
print(make_project_with_application(fund, unit).pk)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sif(args: list[str], env: dict[str, str]) -> str:
    result = run_sif(args, env)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory: Any, static_root: Any) -> Iterator[dict[str, Any]]:
    data = tmp_path_factory.mktemp("production")
    env = sif_env(
        data,
        SIF_SECRET_KEY=secrets.token_urlsafe(50),
        SIF_LOG_FORMAT="json",
        SIF_STATIC_ROOT=str(static_root),  # collected once for the session, hashed and compressed
    )
    sif(["migrate", "--verbosity=0"], env)
    project_id = int(sif(["manage", "shell", "-c", SETUP], env).strip().splitlines()[-1])
    port = free_port()
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "sif.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        else:
            pytest.fail(
                "the server did not answer /healthz within 120 s: "
                + (data / "server.log").read_text()[-2000:]
            )
        yield {"base": base, "project": project_id, "log": data / "server.log"}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        log.close()


def log_in(base: str, username: str, password: str) -> tuple[Any, Any]:
    session = requests.Session()
    page = session.get(f"{base}/logga-in/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/logga-in/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"{base}/logga-in/"},
        allow_redirects=False,
    )
    return session, response


def test_gunicorn_serves_the_login_page_with_the_security_headers(server: dict[str, Any]) -> None:
    response = requests.get(f"{server['base']}/logga-in/")
    assert response.status_code == 200
    assert response.headers["Server"] == "gunicorn"
    csp = response.headers["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "script-src 'self'" in csp
        and "style-src 'self'" in csp
        and "unsafe-inline" not in csp
    )
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert (
        "HttpOnly" not in response.headers.get("Set-Cookie", "")
        or "csrftoken" in response.headers["Set-Cookie"]
    )


def test_static_files_are_hashed_compressed_and_cached_for_a_year(server: dict[str, Any]) -> None:
    page = requests.get(f"{server['base']}/logga-in/").text
    css = re.search(r'href="(/static/sif/sif\.[0-9a-f]{12}\.css)"', page).group(1)
    response = requests.get(f"{server['base']}{css}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert ".site-header" in response.text


def test_an_unknown_page_answers_the_swedish_404_page_without_debug_details(
    server: dict[str, Any],
) -> None:
    session, _ = log_in(server["base"], "fondforvaltare", PASSWORD)
    response = session.get(f"{server['base']}/projekt/999999/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.text
    assert "URLconf" not in response.text and "Traceback" not in response.text


def test_readyz_reports_the_database_the_migrations_and_the_task_queue(
    server: dict[str, Any],
) -> None:
    response = requests.get(f"{server['base']}/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok" and body["checks"]["migrations"] == "ok"
    assert body["checks"]["tasks"]["backlog"] == "ok"


def test_five_wrong_passwords_lock_the_login_even_for_the_right_one(server: dict[str, Any]) -> None:
    statuses = [log_in(server["base"], "granskare", "fel")[1].status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    _, response = log_in(server["base"], "granskare", PASSWORD)
    assert response.status_code == 429
    assert "Inloggningen är spärrad" in response.text


def test_a_document_is_made_by_the_worker_and_linked_from_its_page(server: dict[str, Any]) -> None:
    session, response = log_in(server["base"], "fondforvaltare", PASSWORD)
    assert response.status_code == 302
    ordered = session.get(
        f"{server['base']}/projekt/{server['project']}/dokument/ansokan.xlsx", allow_redirects=False
    )
    assert ordered.status_code == 303
    job_page = f"{server['base']}{ordered.headers['Location']}"
    deadline = time.monotonic() + 90
    while "Dokumentet är klart" not in (text := session.get(job_page).text):
        assert time.monotonic() < deadline, text
        time.sleep(0.5)
    link = re.search(r'href="(/dokumentjobb/[0-9a-f-]+/fil)"', text).group(1)
    download = session.get(f"{server['base']}{link}")
    assert download.status_code == 200
    assert download.content[:2] == b"PK"  # an XLSX is a zip file
    logged = server["log"].read_text()
    assert '"logger": "sif.request"' in logged and '"request_id"' in logged
