"""Every project URL × every persona × three projects: the status each answers, written out by hand.

Projects: `a` of unit A (Hässelby-Vällingby) and `b` of unit B (Rinkeby-Kista), both Stockholm,
and `m` of Malmö. Each URL is tried with all three projects in the state in which its action is
open (so a refusal comes from who asks, not from the state). Expected answers:

- 200 the page; 302 to the login page (anonymous) or, after a POST, back to the project;
- 403 the project is visible to the user but the action is not theirs;
- 404 the project is not visible to the user (another unit's or another municipality's);
- 405 a GET on the status button's POST-only URL.

Each POST carries valid data; a refused POST (and any answer other than 302) must change nothing,
an accepted one must change something. The table is written out, not derived from
sif/web/accounts/permissions.py, so that a change in a permission shows up here.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.projects.models import (
    Application,
    BudgetCell,
    Contact,
    Decision,
    Project,
    ProjectState,
    Review,
)
from tests.web.builders import allocate, make_project
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
_fast_passwords = view_personas._fast_passwords

PERSONAS = (
    "admin",
    "applicant_a",
    "applicant_b",
    "reporter",
    "reviewer",
    "reader",
    "outsider",
    "anonymous",
)
PROJECTS = ("a", "b", "m")

# Which of the three projects each persona may see (used for the list's content only).
VISIBLE = {
    "admin": {"a", "b"},
    "applicant_a": {"a"},
    "applicant_b": {"b"},
    "reporter": {"a"},
    "reviewer": {"a", "b"},
    "reader": {"a", "b"},
    "outsider": {"m"},
    "anonymous": set(),
}

ALL_200 = {p: "200 200 200" for p in PERSONAS[:-1]} | {"anonymous": "302 302 302"}
SEEN = {  # a page every user who sees the project may open
    "admin": "200 200 404",
    "applicant_a": "200 404 404",
    "applicant_b": "404 200 404",
    "reporter": "200 404 404",
    "reviewer": "200 200 404",
    "reader": "200 200 404",
    "outsider": "404 404 200",
    "anonymous": "302 302 302",
}
OWNER_OR_ADMIN = {  # the owner unit's applicant (in the application states) or a fund administrator
    "admin": "{ok} {ok} 404",
    "applicant_a": "{ok} 404 404",
    "applicant_b": "404 {ok} 404",
    "reporter": "403 404 404",
    "reviewer": "403 403 404",
    "reader": "403 403 404",
    "outsider": "404 404 {ok}",
    "anonymous": "302 302 302",
}
REVIEWER_OR_ADMIN = {
    "admin": "{ok} {ok} 404",
    "applicant_a": "403 404 404",
    "applicant_b": "404 403 404",
    "reporter": "403 404 404",
    "reviewer": "{ok} {ok} 404",
    "reader": "403 403 404",
    "outsider": "404 404 {ok}",
    "anonymous": "302 302 302",
}
ADMIN_ONLY = {
    "admin": "{ok} {ok} 404",
    "applicant_a": "403 404 404",
    "applicant_b": "404 403 404",
    "reporter": "403 404 404",
    "reviewer": "403 403 404",
    "reader": "403 403 404",
    "outsider": "404 404 {ok}",
    "anonymous": "302 302 302",
}
CREATE_GET = {
    "admin": "200 200 200",
    "applicant_a": "200 200 200",
    "applicant_b": "200 200 200",
    "reporter": "403 403 403",
    "reviewer": "403 403 403",
    "reader": "403 403 403",
    "outsider": "200 200 200",
    "anonymous": "302 302 302",
}
CREATE_POST = {  # a proposal for the project's fund and owner unit; 200 = the unit is not a choice for this user
    "admin": "302 302 200",
    "applicant_a": "302 403 200",
    "applicant_b": "403 302 200",
    "reporter": "403 403 403",
    "reviewer": "403 403 403",
    "reader": "403 403 403",
    "outsider": "200 200 302",
    "anonymous": "302 302 302",
}
POST_ONLY = {p: "405 405 405" for p in PERSONAS[:-1]} | {"anonymous": "302 302 302"}


def _fill(table: dict[str, str], ok: str) -> dict[str, str]:
    return {persona: row.format(ok=ok) for persona, row in table.items()}


CLOSING_POST = {
    "closing_outcome": "ended",
    "body": "Socialnämnden",
    "decided_on": "2023-03-01",
    "date_precision": "day",
    "paragraph": "4",
    "repayment_rule": "waived",
    "repayment_note": "",
    "text": "",
}

# (case id, url name, kwargs beyond pk, method, project state, POST data or None, expected by persona)
CASES: list[tuple[str, str, dict[str, Any], str, str, dict[str, Any] | None, dict[str, str]]] = [
    ("list", "projects:list", {}, "GET", ProjectState.RUNNING, None, ALL_200),
    ("detail", "projects:detail", {}, "GET", ProjectState.RUNNING, None, SEEN),
    ("create", "projects:create", {}, "GET", ProjectState.PROPOSAL, None, CREATE_GET),
    (
        "create-post",
        "projects:create",
        {},
        "POST",
        ProjectState.PROPOSAL,
        {"title": "Nytt förslag", "start_date": "2020-01-01", "end_date": "2022-12-31"},
        CREATE_POST,
    ),
    ("edit", "projects:edit", {}, "GET", ProjectState.PROPOSAL, None, _fill(OWNER_OR_ADMIN, "200")),
    (
        "edit-post",
        "projects:edit",
        {},
        "POST",
        ProjectState.PROPOSAL,
        {
            "title": "Ändrad titel",
            "start_date": "2020-01-01",
            "end_date": "2022-12-31",
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
        },
        _fill(OWNER_OR_ADMIN, "302"),
    ),
    (
        "budget",
        "projects:budget",
        {},
        "GET",
        ProjectState.PROPOSAL,
        None,
        _fill(OWNER_OR_ADMIN, "200"),
    ),
    (
        "budget-post",
        "projects:budget",
        {},
        "POST",
        ProjectState.PROPOSAL,
        {"amount-personnel-2020": "100", "sought_amount": "100 000"},
        _fill(OWNER_OR_ADMIN, "302"),
    ),
    (
        "application-full",
        "projects:application",
        {"kind": "full"},
        "GET",
        ProjectState.APPLICATION_STEP2,
        None,
        _fill(OWNER_OR_ADMIN, "200"),
    ),
    (
        "application-full-post",
        "projects:application",
        {"kind": "full"},
        "POST",
        ProjectState.APPLICATION_STEP2,
        {"name": "Insatsen"},
        _fill(OWNER_OR_ADMIN, "302"),
    ),
    (
        "application-kort",
        "projects:application",
        {"kind": "kort"},
        "GET",
        ProjectState.APPLICATION_STEP1,
        None,
        _fill(OWNER_OR_ADMIN, "200"),
    ),
    (
        "application-kort-post",
        "projects:application",
        {"kind": "kort"},
        "POST",
        ProjectState.APPLICATION_STEP1,
        {"name": "Insatsen"},
        _fill(OWNER_OR_ADMIN, "302"),
    ),
    (
        "review",
        "projects:review",
        {},
        "GET",
        ProjectState.IN_REVIEW,
        None,
        _fill(REVIEWER_OR_ADMIN, "200"),
    ),
    (
        "review-post",
        "projects:review",
        {},
        "POST",
        ProjectState.IN_REVIEW,
        {"comments": "Tydlig behovsanalys.", "recommendation": "grant"},
        _fill(REVIEWER_OR_ADMIN, "302"),
    ),
    (
        "decision",
        "projects:decision",
        {},
        "GET",
        ProjectState.IN_REVIEW,
        None,
        _fill(ADMIN_ONLY, "200"),
    ),
    (
        "decision-post",
        "projects:decision",
        {},
        "POST",
        ProjectState.IN_REVIEW,
        {
            "granted": "yes",
            "body": "Socialnämnden",
            "decided_on": "2020-01-15",
            "date_precision": "day",
            "granted_amount": "100 000",
        },
        _fill(ADMIN_ONLY, "302"),
    ),
    ("transition", "projects:transition", {}, "GET", ProjectState.PROPOSAL, None, POST_ONLY),
    (
        "transition-post",
        "projects:transition",
        {},
        "POST",
        ProjectState.PROPOSAL,
        {"to_state": "application_step1"},
        _fill(ADMIN_ONLY, "302"),
    ),
    (
        "withdraw-post",
        "projects:transition",
        {},
        "POST",
        ProjectState.PROPOSAL,
        {"to_state": "withdrawn", "reason": "Ingen finansiering"},
        _fill(OWNER_OR_ADMIN, "302"),
    ),
    (
        "closing",
        "projects:closing",
        {},
        "GET",
        ProjectState.FINAL_REPORT_SUBMITTED,
        None,
        _fill(ADMIN_ONLY, "200"),
    ),
    (
        "closing-post",
        "projects:closing",
        {},
        "POST",
        ProjectState.FINAL_REPORT_SUBMITTED,
        CLOSING_POST,
        _fill(ADMIN_ONLY, "302"),
    ),
    ("followup", "followup:overview", {}, "GET", ProjectState.RUNNING, None, SEEN),
    ("calculation", "calculations:detail", {}, "GET", ProjectState.RUNNING, None, SEEN),
]
NO_PK = {"projects:list", "projects:create"}


@pytest.fixture
def projects(world: Any) -> dict[str, Project]:
    allocate(world.fund, 10_000_000)  # money to grant from, so a decision needs no confirmation
    allocate(world.malmo_fund, 10_000_000)
    return {
        "a": make_project(world.fund, world.unit_a, title="Projekt i enhet A"),
        "b": make_project(world.fund, world.unit_b, title="Projekt i enhet B"),
        "m": make_project(world.malmo_fund, world.malmo_unit, title="Projekt i Malmö"),
    }


def snapshot() -> tuple[Any, ...]:
    return (
        list(
            Project.objects.order_by("pk").values_list(
                "pk", "title", "state", "sought_amount", "closing_outcome", "repayment_rule"
            )
        ),
        BudgetCell.objects.count(),
        Contact.objects.count(),
        Review.objects.count(),
        Decision.objects.count(),
        Application.objects.count(),
        Event.objects.count(),
    )


def _request(
    client: Any,
    project: Project,
    url_name: str,
    kwargs: dict[str, Any],
    method: str,
    data: dict[str, Any] | None,
) -> Any:
    url = reverse(url_name, kwargs=kwargs if url_name in NO_PK else {"pk": project.pk, **kwargs})
    if method == "GET":
        return client.get(url)
    if url_name == "projects:create":
        data = {**(data or {}), "fund": project.fund_id, "owner_unit": project.owner_unit_id}
    return client.post(url, data or {})


def _answer(client: Any, project: Project, case: tuple[Any, ...]) -> tuple[str, bool, Any]:
    """Status, whether anything changed, and the response; every change is rolled back after."""
    _, url_name, kwargs, method, state, data, _expected = case
    with transaction.atomic():
        Project.objects.update(state=state)
        before = snapshot()
        response = _request(client, project, url_name, kwargs, method, data)
        changed = snapshot() != before
        transaction.set_rollback(True)
    return str(response.status_code), changed, response


def _check_case(
    client: Any, world: Any, projects: dict[str, Project], case: tuple[Any, ...], persona: str
) -> None:
    case_id, url_name, _kwargs, method, _state, _data, expected_by_persona = case
    if persona != "anonymous":
        client.force_login(world.persona(persona))
    wrong = []
    for key, expected in zip(PROJECTS, expected_by_persona[persona].split(), strict=True):
        status, changed, response = _answer(client, projects[key], case)
        should_change = method == "POST" and expected == "302" and persona != "anonymous"
        if status != expected or changed != should_change:
            wrong.append(
                f"{key}: expected {expected}{' (change)' if should_change else ''}, got {status}{' (changed)' if changed else ''}"
            )
        if status == "302" and persona == "anonymous":
            assert response["Location"].startswith(reverse("login"))
        if status == "404":
            assert projects[key].title not in response.content.decode()
        if url_name == "projects:list" and status == "200":
            html = response.content.decode()
            shown = {k for k, p in projects.items() if p.title in html}
            assert shown == VISIBLE[persona], f"{persona} sees {sorted(shown)} in the list"
    assert not wrong, f"{case_id} as {persona}: " + "; ".join(wrong)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_url_answers_each_persona_as_the_table_says(client, world, projects, case, persona):
    _check_case(client, world, projects, case, persona)


def test_the_table_covers_every_project_url_of_the_project_pages():
    from sif.web.projects import urls

    names = {f"projects:{p.name}" for p in urls.urlpatterns}
    assert names <= {c[1] for c in CASES}
    assert all(set(c[6]) == set(PERSONAS) for c in CASES)
