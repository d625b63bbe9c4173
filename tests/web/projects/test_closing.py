"""Closing a project through the pages: running → slutrapporterad (status button) → avslutad
(the closing-decision form at /projekt/<id>/avslut/, with outcome and repayment); refusals show
the Swedish reason and change nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.projects.models import (
    ClosingOutcome,
    Decision,
    DecisionKind,
    Project,
    ProjectState,
    RepaymentRule,
)
from tests.web.builders import make_project
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
_fast_passwords = view_personas._fast_passwords

CLOSING_POST = {
    "closing_outcome": "regular_operations",
    "body": "Socialnämnden",
    "decided_on": "2021-11-23",
    "date_precision": "day",
    "paragraph": "§ 7",
    "repayment_rule": "by_agreement",
    "repayment_note": "Återbetalning sker enligt överenskommelse med kommunledningskontoret.",
    "text": "1. Socialnämnden godkänner slutrapporten.",
}


@pytest.fixture
def running(world):
    return make_project(world.fund, world.unit_a, ProjectState.RUNNING, title="Team Samagera")


def as_user(client, user):
    client.force_login(user)
    return client


def snapshot():
    return (
        list(
            Project.objects.order_by("pk").values_list(
                "pk", "state", "closing_outcome", "repayment_rule", "repayment_note"
            )
        ),
        Decision.objects.count(),
        Event.objects.count(),
    )


def test_a_running_project_is_closed_through_the_pages(client, world, running):
    detail = reverse("projects:detail", args=[running.pk])
    response = as_user(client, world.applicant_a).post(
        reverse("projects:transition", args=[running.pk]), {"to_state": "final_report_submitted"}
    )
    assert response.status_code == 302
    running.refresh_from_db()
    assert running.state == ProjectState.FINAL_REPORT_SUBMITTED

    html = as_user(client, world.admin).get(detail).content.decode()
    closing_url = reverse("projects:closing", args=[running.pk])
    assert f'href="{closing_url}"' in html
    assert 'value="closed"' not in html  # no bare button that the service would refuse

    response = client.post(
        reverse("projects:transition", args=[running.pk]), {"to_state": "closed"}
    )
    assert response.status_code == 302 and response["Location"] == closing_url
    assert "Utfall" in client.get(closing_url).content.decode()

    response = client.post(closing_url, CLOSING_POST)
    assert response.status_code == 302 and response["Location"] == detail
    running.refresh_from_db()
    assert (running.state, running.closing_outcome) == (
        ProjectState.CLOSED,
        ClosingOutcome.REGULAR_OPERATIONS,
    )
    assert (running.repayment_rule, running.repayment_note) == (
        RepaymentRule.BY_AGREEMENT,
        CLOSING_POST["repayment_note"],
    )
    decision = Decision.objects.get(project=running)
    assert (decision.kind, decision.body, decision.decided_on, decision.paragraph) == (
        DecisionKind.CLOSING,
        "Socialnämnden",
        date(2021, 11, 23),
        "7",
    )

    html = client.get(detail).content.decode()
    assert "Beslut om avslut: överförd till ordinarie verksamhet" in html
    assert "enligt överenskommelse" in html
    assert "Återbetalning sker enligt överenskommelse med kommunledningskontoret." in html
    assert "§ 7" in html
    assert "2021-11-23" in html


def test_without_a_repayment_rule_the_page_names_the_funds_rule(client, world, running):
    Project.objects.filter(pk=running.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    as_user(client, world.admin).post(
        reverse("projects:closing", args=[running.pk]),
        CLOSING_POST | {"repayment_rule": "", "repayment_note": "", "closing_outcome": "ended"},
    )
    html = client.get(reverse("projects:detail", args=[running.pk])).content.decode()
    assert "Beslut om avslut: avslutad utan fortsättning" in html
    assert "fondens regel: enligt överenskommelse" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"closing_outcome": ""}, "Detta fält måste fyllas i."),
        ({"closing_outcome": "sold"}, "Välj ett giltigt alternativ."),
        ({"body": ""}, "Detta fält måste fyllas i."),
        ({"body": "   "}, "Detta fält måste fyllas i."),
        ({"decided_on": "23/11"}, "Fyll i ett giltigt datum."),
        ({"repayment_rule": "later"}, "Välj ett giltigt alternativ."),
    ],
)
def test_a_bad_closing_decision_shows_a_swedish_message_and_changes_nothing(
    client, world, running, changes, message
):
    Project.objects.filter(pk=running.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    before = snapshot()
    response = as_user(client, world.admin).post(
        reverse("projects:closing", args=[running.pk]), CLOSING_POST | changes
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_closing_before_the_final_report_is_refused_with_the_reason(client, world, running):
    before = snapshot()
    response = as_user(client, world.admin).post(
        reverse("projects:closing", args=[running.pk]), CLOSING_POST
    )
    assert response.status_code == 403
    assert (
        "Beslut om avslut kan bara fattas när slutrapporten är inlämnad."
        in response.content.decode()
    )
    assert snapshot() == before


def test_the_status_button_cannot_skip_the_final_report(client, world, running):
    before = snapshot()
    response = as_user(client, world.admin).post(
        reverse("projects:transition", args=[running.pk]), {"to_state": "closed"}
    )
    assert response.status_code == 200
    assert "Projektet kan inte gå från pågående till avslutad." in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("persona", ["applicant_a", "reviewer", "reader", "reporter"])
def test_only_a_fund_administrator_records_the_closing_decision(client, world, running, persona):
    Project.objects.filter(pk=running.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    before = snapshot()
    as_user(client, world.persona(persona))
    response = client.post(reverse("projects:closing", args=[running.pk]), CLOSING_POST)
    assert response.status_code == 403
    assert "Du har inte behörighet att göra detta." in response.content.decode()
    assert (
        client.post(
            reverse("projects:transition", args=[running.pk]), {"to_state": "closed"}
        ).status_code
        == 403
    )
    assert snapshot() == before
    assert (
        reverse("projects:closing", args=[running.pk])
        not in client.get(reverse("projects:detail", args=[running.pk])).content.decode()
    )


def test_a_closed_project_cannot_be_closed_again_only_its_decision_corrected(
    client, world, running
):
    """Once closed, /avslut/ corrects the closing decision (issue 8, point 3): without the reason
    for the correction nothing changes."""
    Project.objects.filter(pk=running.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    as_user(client, world.admin).post(reverse("projects:closing", args=[running.pk]), CLOSING_POST)
    before = snapshot()
    response = client.post(
        reverse("projects:closing", args=[running.pk]), CLOSING_POST | {"closing_outcome": "ended"}
    )
    assert response.status_code == 200
    assert "Rätta beslutet om avslut" in response.text
    assert "Skriv varför beslutet rättas" in response.text
    assert snapshot() == before
