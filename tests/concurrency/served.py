"""A SIF served on a loopback port over a fresh database, for concurrency tests and the soak benchmark.

`served(database_url)` migrates the database in a child process, creates a small world (a fund
with money, a project in review and logged-in sessions), starts Django's threaded server on a free
127.0.0.1 port and yields a `Site` to send requests to. Requests are plain urllib with the session
and CSRF cookies a browser would send, so every write goes through the real middleware stack.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CSRF = "s" * 32

SETUP = r"""
import json, django
django.setup()
from datetime import date
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from sif.web.accounts.models import Role
from sif.web.ledger import services as ledger
from sif.web.projects.models import ProjectState
from tests.web.builders import make_fund, make_municipality, make_project, make_unit, make_user

sthlm = make_municipality("sthlm")
unit = make_unit(sthlm, "Hässelby-Vällingby stadsdelsförvaltning")
fund = make_fund(sthlm, "Stockholms stads sociala investeringsfond")
admin = make_user("admin", Role.FUND_ADMIN, sthlm)
reviewer = make_user("reviewer", Role.REVIEWER, sthlm)
ledger.ledger_allocate(actor=admin, fund=fund, amount="50000000", booked_on=date(2020, 1, 1))
reviewed = make_project(fund, unit, state=ProjectState.IN_REVIEW, title="Granskas av många")
decided = make_project(fund, unit, state=ProjectState.IN_REVIEW, title="Beslutas två gånger", sought_amount=2000000)

def session(user):
    s = SessionStore()
    s[SESSION_KEY], s[BACKEND_SESSION_KEY], s[HASH_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend", user.get_session_auth_hash()
    s.create()
    return s.session_key

print(json.dumps({"admin": session(admin), "reviewer": session(reviewer), "fund": fund.pk, "reviewed": reviewed.pk, "decided": decided.pk}))
"""


# Django's threaded development server (what `sif serve` runs), with a listen queue deep enough for
# 40 clients at once (socketserver's default of 5 refuses connections long before the database is busy).
SERVE = r"""
import sys, django
django.setup()
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

class Server(ThreadedWSGIServer):
    request_queue_size = 256

httpd = Server(("127.0.0.1", int(sys.argv[1])), WSGIRequestHandler)
httpd.set_app(get_wsgi_application())
httpd.serve_forever()
"""


@dataclass
class Site:
    base: str
    facts: dict[str, Any]

    def request(
        self,
        method: str,
        path: str,
        session: str,
        body: bytes | None = None,
        content_type: str = "application/json",
    ) -> tuple[int, bytes]:
        """(status, body); a refused connection or timeout is status 0."""
        req = urllib.request.Request(self.base + path, data=body, method=method)
        req.add_header("Cookie", f"sessionid={self.facts[session]}; csrftoken={CSRF}")
        req.add_header("X-CSRFToken", CSRF)
        req.add_header("Referer", self.base + "/")
        if body is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=60) as response:  # noqa: S310 (loopback only)
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return 0, b""

    def post_json(self, path: str, session: str, payload: dict[str, Any]) -> int:
        return self.request("POST", path, session, json.dumps(payload).encode())[0]

    def post_form(self, path: str, session: str, fields: dict[str, str]) -> int:
        body = "&".join(
            f"{k}={v}" for k, v in {**fields, "csrfmiddlewaretoken": CSRF}.items()
        ).encode()
        return self.request("POST", path, session, body, "application/x-www-form-urlencoded")[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def served(database_url: str, data_dir: Path, port: int | None = None) -> Iterator[Site]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SIF_DATA_DIR": str(data_dir),
        "SIF_DB_CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "sif.web.settings",
        "PYTHONPATH": str(ROOT),
    }
    setup = subprocess.run(
        [sys.executable, "-c", SETUP],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    facts = json.loads(setup.stdout.strip().splitlines()[-1])
    port = port or _free_port()
    log = (data_dir / "server.log").open(
        "w"
    )  # never a pipe: an unread pipe fills and stalls the server
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    site = Site(f"http://127.0.0.1:{port}", facts)
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError((data_dir / "server.log").read_text())
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        yield site
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
