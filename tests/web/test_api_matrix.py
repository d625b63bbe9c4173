"""The matrix over the API (issue 8, point 6): every API operation, mapped to its action of the
registry, asked by every persona of tests/policy/expectations.py (role × owning / participating /
unrelated unit, and the platform operator) from its own and from another municipality, in one state
of each group of states where the hand-written table's answer differs, with a personal token.

Allowed: 2xx, or 400/409/422 for the payload (a rule on the values), never 401/403/404. Refused: 403
when the persona sees the project (or is a member of the fund's municipality), 404 when it does not
(another municipality, an unrelated unit, the operator). Without a token: 401. The expectation comes
from the table, never from sif/policy; the world is built once for the module and every request is
rolled back, so each cell starts from the same data. One test per operation lists every cell that
disagrees.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from sif.policy import REGISTRY
from sif.policy import states as s
from tests.policy.expectations import (
    FUND_ACTIONS,
    PART,
    PERSONAS,
    PROJECT_ACTIONS,
    PROPOSAL_ACTIONS,
    SEES_PROJECT,
)
from tests.web.matrix_world import MatrixWorld, module_world, undone

Ctx = dict[str, Any]
Body = Callable[[Ctx], dict[str, Any]] | None
ALLOWED_ANSWERS = {400, 409, 422}
OPERATOR = "operator"


@dataclass(frozen=True)
class Op:
    name: str
    action: str
    path: str  # formatted with the cell's ids
    method: str = "GET"
    body: Body = None
    multipart: bool = False


def _budget(c: Ctx) -> dict[str, Any]:
    return {"rows": [{"category": "personnel", "amounts": {"2020": 500000, "2021": 500000}}]}


P = "/api/projects/{pk}"
PROJECT_OPS = (
    Op("GET /projects/{pk}", "project.view", P),
    Op("GET /projects/{pk}/events", "project.view", P + "/events"),
    Op("GET /projects/{pk}/indicators", "project.view", P + "/indicators"),
    Op("GET /projects/{pk}/periods", "project.view", P + "/periods"),
    Op("GET /projects/{pk}/measurements", "project.view", P + "/measurements"),
    Op("GET /projects/{pk}/activity-counts", "project.view", P + "/activity-counts"),
    Op("GET /projects/{pk}/status-reports", "project.view", P + "/status-reports"),
    Op("GET /projects/{pk}/calculation", "project.view", P + "/calculation"),
    Op("GET /projects/{pk}/repayment-agreement", "project.view", P + "/repayment-agreement"),
    Op(
        "GET /projects/{pk}/documents/{kind}",
        "document.project",
        P + "/documents/ansokan?format=xlsx",
    ),
    *(
        Op(
            f"POST /projects/{{pk}}/transition → {to_state}",
            action,
            P + "/transition",
            "POST",
            (lambda to: lambda c: {"to_state": to, "reason": "Skäl.", "closing_outcome": "ended"})(
                to_state
            ),
        )
        for action, to_state in (
            ("project.invite_to_step1", s.APPLICATION_STEP1),
            ("project.invite_to_step2", s.APPLICATION_STEP2),
            ("project.send_to_review", s.IN_REVIEW),
            ("project.start", s.RUNNING),
            ("project.submit_final_report", s.FINAL_REPORT_SUBMITTED),
            ("project.close", s.CLOSED),
            ("project.withdraw", s.WITHDRAWN),
        )
    ),
    Op(
        "POST /projects/{pk}/indicators",
        "followup.indicators",
        P + "/indicators",
        "POST",
        lambda c: {"name": "Antal samtal", "unit": "count"},
    ),
    Op(
        "PUT /projects/{pk}/indicators/{indicator_id}",
        "followup.indicators",
        P + "/indicators/{indicator}",
        "PUT",
        lambda c: {"name": "Antal hembesök per familj", "unit": "count", "version": 1},
    ),
    Op(
        "DELETE /projects/{pk}/indicators/{indicator_id}",
        "followup.indicators",
        P + "/indicators/{indicator}?version=1",
        "DELETE",
        lambda c: {},
    ),
    Op("PUT /projects/{pk}/budget", "project.budget", P + "/budget", "PUT", _budget),
    Op(
        "PUT /projects/{pk}/sought-amount",
        "project.budget",
        P + "/sought-amount",
        "PUT",
        lambda c: {"amount": "1000000"},
    ),
    Op(
        "POST /projects/{pk}/reviews",
        "project.review",
        P + "/reviews",
        "POST",
        lambda c: {"comments": "Tydlig målgrupp."},
    ),
    Op(
        "POST /projects/{pk}/decisions",
        "project.decide",
        P + "/decisions",
        "POST",
        lambda c: {
            "granted": True,
            "body": "Fondstyrelsen",
            "decided_on": "2030-01-01",
            "granted_amount": "1000000",
        },
    ),
    Op(
        "POST /projects/{pk}/calculation",
        "calculation.save",
        P + "/calculation",
        "POST",
        lambda c: {"scenario": c["scenario"]},
    ),
    Op(
        "POST /projects/{pk}/periods",
        "followup.edit",
        P + "/periods",
        "POST",
        lambda c: {
            "label": "T2 2020",
            "start": "2020-05-01",
            "end": "2020-08-31",
            "opens_at": "2020-09-01",
            "closes_at": "2020-09-30",
        },
    ),
    Op(
        "POST /projects/{pk}/measurements",
        "followup.report_unit",
        P + "/measurements",
        "POST",
        lambda c: {
            "indicator": c["indicator"],
            "period": c["period"],
            "unit": c["unit"],
            "value": 3,
        },
    ),
    Op(
        "POST /projects/{pk}/activity-counts",
        "followup.report_unit",
        P + "/activity-counts",
        "POST",
        lambda c: {"period": c["period"], "unit": c["unit"], "activity": c["activity"], "total": 5},
    ),
    Op(
        "POST /projects/{pk}/status-reports",
        "followup.report_unit",
        P + "/status-reports",
        "POST",
        lambda c: {"period": c["period"], "unit": c["unit"], "text": "Enligt plan.", "draft": True},
    ),
    Op(
        "POST /projects/{pk}/spider-ratings",
        "followup.report_unit",
        P + "/spider-ratings",
        "POST",
        lambda c: {
            "instrument": c["instrument"],
            "unit": c["unit"],
            "occasion": 1,
            "values": [3, 4],
        },
    ),
    Op(
        "POST /projects/{pk}/status-reports/{report_id}/approve",
        "followup.approve_report",
        P + "/status-reports/{report}/approve",
        "POST",
        lambda c: {},
    ),
    Op(
        "POST /projects/{pk}/status-reports/{report_id}/return",
        "followup.approve_report",
        P + "/status-reports/{report}/return",
        "POST",
        lambda c: {"comment": "Komplettera."},
    ),
    Op(
        "POST /projects/{pk}/repayment-agreement",
        "ledger.book",
        P + "/repayment-agreement",
        "POST",
        lambda c: {"rule": "by_agreement", "note": "Enligt överenskommelse."},
    ),
)
F = "/api/funds/{fund}"
FUND_OPS = (
    Op("GET /funds/{fund_id}/entries", "fund.view", F + "/entries"),
    Op(
        "POST /funds/{fund_id}/entries",
        "ledger.book",
        F + "/entries",
        "POST",
        lambda c: {"kind": "allocation", "amount": "1000", "booked_on": "2020-01-01"},
    ),
    Op(
        "POST /funds/{fund_id}/entries/{entry_id}/correction",
        "ledger.book",
        F + "/entries/{entry}/correction",
        "POST",
        lambda c: {"reason": "Fel belopp."},
    ),
    Op("GET /funds/{fund_id}/portfolio", "document.portfolio", F + "/portfolio?format=xlsx"),
    Op(
        "POST /imports",
        "import.documents",
        "/api/imports",
        "POST",
        lambda c: {"fund": c["fund"], "files": ("förslag.txt", "Ett förslag.".encode())},
        multipart=True,
    ),
)
# Operations not in the matrix, and why: the list operations are checked by what they list (below);
# the XLSX template and upload act for the units the user reports for (or the file names), not for
# one unit the table names; the import batch's own operations belong to the user who staged it.
OUTSIDE = {
    "GET /projects",
    "GET /funds",
    "GET /projects/{pk}/periods/{period_id}/template",
    "POST /projects/{pk}/periods/{period_id}/upload",
    "GET /imports/{batch_id}",
    "GET /imports/{batch_id}/files/{index}",
    "POST /imports/{batch_id}/files/{index}/confirm",
}

EVERYONE = (*PERSONAS, OPERATOR)


@pytest.fixture(scope="module")
def mw(django_db_setup: Any, django_db_blocker: Any) -> Any:
    with module_world(django_db_blocker) as world:
        yield world


def _expected_states(action: str) -> list[str]:
    """One state per group of states in which the table allows the same personas."""
    table = PROJECT_ACTIONS.get(action)
    if table is None:  # a fund action asked on a project: the same answer in every state
        return [s.APPLICATION_STEP2]
    seen: dict[frozenset[str], str] = {}
    for state in s.ALL_STATES:
        allowed = frozenset(p for p, states in table.items() if state in states)
        seen.setdefault(allowed, state)
    return list(seen.values())


def _allowed(op: Op, persona: str, state: str) -> bool:
    if op.action in PROJECT_ACTIONS:
        return state in PROJECT_ACTIONS[op.action].get(persona, frozenset())
    if op.action in FUND_ACTIONS:
        return persona in FUND_ACTIONS[op.action]
    return persona in PROPOSAL_ACTIONS[op.action]


def _send(client: Client, op: Op, ctx: Ctx, headers: dict[str, str]) -> Any:
    path = op.path.format(**ctx)
    if op.body is None:
        return client.get(path, **headers)
    body = op.body(ctx)
    if op.multipart:
        from django.core.files.uploadedfile import SimpleUploadedFile

        name, content = body.pop("files")
        body["files"] = [SimpleUploadedFile(name, content)]
        return client.post(path, body, **headers)
    return client.generic(
        op.method, path, json.dumps(body), content_type="application/json", **headers
    )


def _ctx(mw: MatrixWorld, state: str) -> Ctx:
    return {
        "pk": mw.projects[state].pk,
        "period": mw.periods[state].pk,
        "report": mw.reports[state].pk,
        "indicator": mw.indicators[state].pk,
        "activity": mw.activities[state].pk,
        "instrument": mw.instruments[state].pk,
        "unit": mw.own.units[PART].pk,  # per-unit reporting targets PART, as in the table
        "fund": mw.own.fund.pk,
        "entry": mw.entry.pk,
        "scenario": {},
    }


def _clients(mw: MatrixWorld) -> dict[tuple[str, str], tuple[Client, dict[str, str]]]:
    """(persona, "own"/"other") -> a client and its Authorization header; the operator has no
    token (a token needs a role in a municipality) and signs in with a session."""
    out: dict[tuple[str, str], tuple[Client, dict[str, str]]] = {}
    for where, side in (("own", mw.own), ("other", mw.other)):
        for persona, secret in side.tokens.items():
            out[(persona, where)] = (Client(), {"HTTP_AUTHORIZATION": f"Bearer {secret}"})
    operator = Client()
    operator.force_login(mw.operator)
    out[(OPERATOR, "own")] = (operator, {})
    return out


def _check(op: Op, persona: str, where: str, state: str, response: Any) -> str | None:
    status = response.status_code
    allowed = where == "own" and _allowed(op, persona, state)
    if allowed:
        ok = 200 <= status < 300 or status in ALLOWED_ANSWERS
        wanted = "2xx/400/409/422"
    else:
        member = where == "own" and persona != OPERATOR
        visible = (
            persona in SEES_PROJECT
            if op.action in PROJECT_ACTIONS or op.path.startswith(P)
            else member
        )
        wanted_status = 403 if member and visible else 404
        ok, wanted = status == wanted_status, str(wanted_status)
    if ok:
        return None
    try:
        code = response.json().get("code", "")
    except ValueError:
        code = response.content[:60]
    return f"{persona}@{where} in {state}: {status} {code} (wanted {wanted})"


def _cells(mw: MatrixWorld, op: Op) -> tuple[int, list[str]]:
    clients = _clients(mw)
    wrong, count = [], 0
    states = _expected_states(op.action) if op.path.startswith(P) else [s.APPLICATION_STEP2]
    for n, state in enumerate(states):
        ctx = _ctx(mw, state)
        for (persona, where), (client, headers) in clients.items():
            if n and where == "other":
                continue  # another municipality sees nothing in any state: asked in the first
            with undone():
                response = _send(client, op, ctx, headers)
            count += 1
            if problem := _check(op, persona, where, state, response):
                wrong.append(problem)
        if n == 0:
            with undone():
                anonymous = _send(Client(), op, ctx, {})
            count += 1
            if anonymous.status_code != 401:
                wrong.append(f"anonymous in {state}: {anonymous.status_code}")
    CELLS[op.name] = count
    return count, wrong


CELLS: dict[str, int] = {}


def test_every_operation_of_the_api_is_in_the_matrix_or_named_outside_it() -> None:
    from sif.web.api import api

    named = {op.name.split(" → ")[0] for op in (*PROJECT_OPS, *FUND_OPS)}
    declared = set()
    for router_prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    declared.add(f"{method} {router_prefix}{path}")
    assert declared == named | OUTSIDE
    assert {op.action for op in (*PROJECT_OPS, *FUND_OPS)} <= set(REGISTRY)


@pytest.mark.parametrize("op", PROJECT_OPS + FUND_OPS, ids=lambda op: op.name)
def test_the_api_answers_every_cell_as_the_table_says(mw: MatrixWorld, db: Any, op: Op) -> None:
    count, wrong = _cells(mw, op)
    assert not wrong, f"{len(wrong)} of {count} cells disagree:\n" + "\n".join(wrong)


def test_the_project_list_shows_exactly_the_projects_the_table_lets_a_persona_see(
    mw: MatrixWorld, db: Any
) -> None:
    ours = {p.pk for p in mw.projects.values()}
    wrong = []
    for (persona, where), (client, headers) in _clients(mw).items():
        page = client.get("/api/projects?limit=500", **headers).json()
        listed = {p["id"] for p in page["items"]} & ours
        sees = where == "own" and persona in SEES_PROJECT
        if listed != (ours if sees else set()):
            wrong.append((persona, where, len(listed)))
        funds = {f["id"] for f in client.get("/api/funds", **headers).json()}
        if (mw.own.fund.pk in funds) is not (
            where == "own" and persona in FUND_ACTIONS["fund.view"]
        ):
            wrong.append((persona, where, "fund"))
    assert wrong == []
