"""The outside probe kept in the suite: schemathesis generates requests from the OpenAPI schema for
every API operation, sent through the WSGI app as a logged-in fund administrator (session and
CSRF cookies as a browser holds them). No answer may be a 5xx. Each operation runs twice: with the
generated path ids (mostly unknown projects) and with the id of a real project, so the requests
reach the validation and the services, not only the 404."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

from sif.web.api import api
from sif.web.projects.models import ProjectState
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db
EXAMPLES = 6  # per operation and mode: 36 operations × 2 modes × 6 ≈ 430 requests
CSRF = "p" * 32
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
SCHEMA.app = get_wsgi_application()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """The WSGI app closes old database connections at each request's start and end (on
    PostgreSQL with CONN_MAX_AGE=0, the test's own connection); Django's test client turns that
    off for its requests, and so does this fixture for schemathesis's."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _session(user: Any) -> str:
    s = SessionStore()
    s[SESSION_KEY], s[BACKEND_SESSION_KEY], s[HASH_SESSION_KEY] = (
        str(user.pk),
        "django.contrib.auth.backends.ModelBackend",
        user.get_session_auth_hash(),
    )
    s.create()
    return str(s.session_key)


def test_the_probe_covers_every_api_operation() -> None:
    assert len(OPERATIONS) == sum(
        len(methods) for methods in api.get_openapi_schema()["paths"].values()
    )
    assert (
        len(OPERATIONS) >= 36
    )  # projects, follow-up, ledger, imports, documents, events, calculations


@pytest.mark.parametrize("real_id", [False, True], ids=["generated-id", "real-project"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_generated_request_answers_5xx(world: Any, operation: Any, real_id: bool) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    cookies = {"sessionid": _session(world.admin), "csrftoken": CSRF}
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy())
    def probe(case: Any) -> None:
        if real_id and case.path_parameters and "pk" in case.path_parameters:
            case.path_parameters["pk"] = project.pk
        response = case.call(
            headers={"X-CSRFToken": CSRF, "Referer": "http://testserver/"}, cookies=cookies
        )
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {case.as_curl_command()}")

    probe()
    assert failures == []
