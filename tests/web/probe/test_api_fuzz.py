"""The outside probe kept in the suite: schemathesis generates requests from the OpenAPI schema for
every API operation, sent through the WSGI app as a logged-in fund administrator and as a reporter
(session and CSRF cookies as a browser holds them). Every answer is checked against the schema:
no 5xx, a status code the operation declares, the declared content type, and a body that matches
the declared schema (an error is {code, message, fields} at every declared 4xx). Each operation
runs twice per role: with the generated path ids (mostly unknown objects) and with the ids of real
ones (a project in review with a period, an indicator, a status report, its fund with a ledger
entry, a document kind), so the requests reach the validation, the services and the downloads,
not only the 404."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sif.web.api import api
from sif.web.followup.models import PeriodKind, ReportingPeriod, ReportState, StatusReport
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Indicator, ProjectState
from tests.web.builders import allocate, make_project

pytestmark = pytest.mark.django_db
EXAMPLES = 6  # per operation, role and mode: 39 operations × 2 roles × 2 modes × 6 = 936 requests
ROLES = ("admin", "reporter")  # a fund administrator; a reporter (rapportör) of the owner unit
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
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
    # projects, indicators, follow-up, ledger, imports, documents, events, calculations
    assert len(OPERATIONS) >= 39


def _real_ids(world: Any) -> dict[str, Any]:
    """Path values naming objects that exist, for the second mode."""
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    allocate(world.fund, 5_000_000)
    period = ReportingPeriod.objects.create(
        project=project,
        kind=PeriodKind.TERTIAL,
        label="T1 2020",
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 4, 30),
        opens_at=dt.date(2020, 1, 1),
        closes_at=dt.date(2099, 12, 31),
    )
    report = StatusReport.objects.create(
        project=project,
        period=period,
        unit=world.unit_a,
        text="Arbetet går enligt plan.",
        state=ReportState.SUBMITTED,
    )
    return {
        "pk": project.pk,
        "fund_id": world.fund.pk,
        "period_id": period.pk,
        "indicator_id": Indicator.objects.create(project=project, name="Antal hembesök").pk,
        "report_id": report.pk,
        "entry_id": LedgerEntry.objects.filter(fund=world.fund).values_list("pk", flat=True)[0],
        "kind": "ansokan",
    }


def _probe(operation: Any, user: Any, role: str, real: dict[str, Any]) -> list[str]:
    """EXAMPLES generated requests as `user`; each failed check as one line (with a curl command)."""
    cookies = {"sessionid": _session(user), "csrftoken": CSRF}
    headers = {"X-CSRFToken": CSRF, "Referer": "http://testserver/"}
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy())
    def probe(case: Any) -> None:
        for name in set(case.path_parameters or {}) & set(real):
            case.path_parameters[name] = real[name]
        response = case.call(headers=headers, cookies=cookies)
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as group:
            failures.extend(
                f"{role}: {f.title}: {f.message[:300]} {case.as_curl_command()}"
                for f in group.exceptions
            )

    probe()
    return failures


@pytest.mark.parametrize("real_id", [False, True], ids=["generated-ids", "real-ids"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_every_generated_request_is_answered_as_the_schema_says(
    world: Any, operation: Any, real_id: bool
) -> None:
    real = _real_ids(world) if real_id else {}
    failures = [
        failure for role in ROLES for failure in _probe(operation, world.persona(role), role, real)
    ]
    assert failures == []
