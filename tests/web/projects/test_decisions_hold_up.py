"""Issue 8, point 3: decisions that hold up. Each reproduction from the issue is refused with a
Swedish reason, or, with the reason or confirmation it needs, recorded as such; a decision is
corrected by a new one that supersedes it and the old one stays visible."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.projects import application_answers, closing_decisions, grant_decisions
from sif.web.projects.models import Decision, Project, ProjectState
from tests.web.builders import allocate, make_project

S = ProjectState
PILOT = {
    "sought_amount": Decimal(22_540_000),
    "start_date": date(2020, 1, 1),
    "end_date": date(2022, 12, 31),
}


def _grant(world, project: Project, amount: str, **extra) -> Decision:  # type: ignore[no-untyped-def]
    return grant_decisions.decision_record(
        actor=world.admin,
        project=project,
        granted=True,
        body="Socialnämnden",
        decided_on=date(2019, 12, 17),
        granted_amount=amount,
        **extra,
    )


def test_a_grant_above_the_sought_amount_needs_a_reason(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    allocate(world.fund, 50_000_000)
    with pytest.raises(SifError) as refused:
        _grant(world, project, "30000000")
    assert message_for_error(refused.value) == (
        "Beviljat belopp 30\xa0000\xa0000\xa0kr är högre än det sökta beloppet 22\xa0540\xa0000\xa0kr. Skriv varför i fältet Motivering, eller sänk beloppet."
    )
    assert not Decision.objects.exists() and Project.objects.get(pk=project.pk).state == S.IN_REVIEW
    decision = _grant(
        world,
        project,
        "30000000",
        above_sought_reason="Utökat med två stadsdelar enligt nämndens beslut.",
    )
    assert decision.above_sought_reason == "Utökat med två stadsdelar enligt nämndens beslut."


def test_a_grant_above_the_funds_available_money_is_warned_about_and_recorded_as_such(
    world,
) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    with pytest.raises(SifError) as refused:
        _grant(world, project, "22540000")
    assert refused.value.code == "decision_above_available"
    assert "0\xa0kr" in message_for_error(refused.value)
    decision = _grant(world, project, "22540000", above_available_confirmed=True)
    assert decision.above_available is True
    page = _client(world.admin).get(reverse("projects:detail", args=[project.pk])).text
    assert "Beslutat över fondens disponibla medel" in page


def test_a_grant_within_the_funds_money_is_not_marked(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    allocate(world.fund, 50_000_000)
    assert _grant(world, project, "22540000").above_available is False


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_decision_is_corrected_by_a_new_one_and_the_old_stays_struck_through(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    allocate(world.fund, 50_000_000)
    old = _grant(world, project, "20000000")
    admin = _client(world.admin)
    assert (
        admin.get(reverse("projects:decision", args=[project.pk])).status_code == 200
    )  # was 403 after a decision
    form = {
        "granted": "yes",
        "body": "Socialnämnden",
        "decided_on": "2019-12-17",
        "date_precision": "day",
        "granted_amount": "22 540 000",
        "paragraph": "12",
    }
    missing = admin.post(reverse("projects:decision", args=[project.pk]), form)
    assert "Skriv varför beslutet rättas" in missing.text and Decision.objects.count() == 1
    response = admin.post(
        reverse("projects:decision", args=[project.pk]),
        form | {"correction_reason": "Beloppet skrevs fel."},
    )
    assert response.status_code == 302
    new = Decision.objects.get(supersedes=old)
    assert (new.granted_amount, new.correction_reason, Decision.objects.count()) == (
        Decimal(22_540_000),
        "Beloppet skrevs fel.",
        2,
    )
    page = admin.get(reverse("projects:detail", args=[project.pk])).text
    assert (
        'class="decision superseded"' in page
        and "Beloppet skrevs fel." in page
        and world.admin.username in page
    )
    assert "22\xa0540\xa0000" in page.split('class="granted"')[1][:80]


def test_only_the_fund_administrator_corrects_a_decision(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.GRANTED, **PILOT)
    assert (
        _client(world.applicant_a).get(reverse("projects:decision", args=[project.pk])).status_code
        == 403
    )
    assert (
        _client(world.outsider).get(reverse("projects:decision", args=[project.pk])).status_code
        == 404
    )


def test_a_closing_decision_before_the_grant_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    _grant(world, project, "22540000", above_available_confirmed=True)
    Project.objects.filter(pk=project.pk).update(state=S.FINAL_REPORT_SUBMITTED)
    project.refresh_from_db()
    with pytest.raises(SifError) as refused:
        closing_decisions.closing_decision_record(
            actor=world.admin,
            project=project,
            body="Socialnämnden",
            decided_on=date(2019, 1, 1),
            closing_outcome="ended",
        )
    assert (
        message_for_error(refused.value)
        == "Beslutet om avslut (2019-01-01) kan inte ligga före beslutet om medel (2019-12-17). Kontrollera datumet."
    )
    assert Project.objects.get(pk=project.pk).state == S.FINAL_REPORT_SUBMITTED


def test_a_closing_decision_before_the_project_started_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.FINAL_REPORT_SUBMITTED, **PILOT)
    with pytest.raises(SifError, match="closing_before_start"):
        closing_decisions.closing_decision_record(
            actor=world.admin,
            project=project,
            body="Socialnämnden",
            decided_on=date(2019, 12, 31),
            closing_outcome="ended",
        )


def test_a_grant_dated_before_the_application_was_submitted_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP2, **PILOT)
    application_answers.application_submit(
        actor=world.applicant_a,
        project=project,
        form_code="application_full",
        answers={"name": "Pilot"},
    )
    Project.objects.filter(pk=project.pk).update(state=S.IN_REVIEW)
    project.refresh_from_db()
    with pytest.raises(SifError) as refused:
        _grant(world, project, "22540000", above_available_confirmed=True)
    assert refused.value.code == "decision_before_submission"


def _closed(world) -> tuple[Project, Decision]:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    _grant(world, project, "22540000", above_available_confirmed=True)
    Project.objects.filter(pk=project.pk).update(state=S.FINAL_REPORT_SUBMITTED)
    project.refresh_from_db()
    closing = closing_decisions.closing_decision_record(
        actor=world.admin,
        project=project,
        body="Socialnämnden",
        decided_on=date(2023, 3, 1),
        closing_outcome="ended",
        repayment_rule="waived",
    )
    return project, closing


CLOSING_CORRECTION = {
    "closing_outcome": "regular_operations",
    "body": "Socialnämnden",
    "decided_on": "2023-03-21",
    "date_precision": "day",
    "paragraph": "7",
    "repayment_rule": "by_agreement",
    "repayment_note": "Enligt överenskommelse med kommunledningskontoret.",
    "text": "",
}


def test_a_closing_decision_is_corrected_by_a_new_one_and_the_old_stays_struck_through(
    world,
) -> None:  # type: ignore[no-untyped-def]
    project, old = _closed(world)
    admin = _client(world.admin)
    url = reverse("projects:closing", args=[project.pk])
    assert "Rätta beslutet om avslut" in admin.get(url).text  # was 403 once closed
    missing = admin.post(url, CLOSING_CORRECTION)
    assert "Skriv varför beslutet rättas" in missing.text and Decision.objects.count() == 2
    response = admin.post(url, CLOSING_CORRECTION | {"correction_reason": "Fel utfall angavs."})
    assert response.status_code == 302
    new = Decision.objects.get(supersedes=old)
    project.refresh_from_db()
    assert (new.closing_outcome, new.correction_reason, new.decided_by) == (
        "regular_operations",
        "Fel utfall angavs.",
        world.admin,
    )
    assert (project.state, project.closing_outcome, project.repayment_rule) == (
        S.CLOSED,
        "regular_operations",
        "by_agreement",
    )
    page = admin.get(reverse("projects:detail", args=[project.pk])).text
    struck, in_force = page.split('class="decision superseded"')[1].split("</article>", 1)
    assert "Fel utfall angavs." in struck and world.admin.username in struck
    assert "avslutad utan fortsättning" in struck and "efterskänkt" in struck  # what it said
    assert "överförd till ordinarie verksamhet" in in_force


def test_a_closing_correction_keeps_the_dates_in_order_and_needs_a_reason(world) -> None:  # type: ignore[no-untyped-def]
    project, _old = _closed(world)
    fields = {"body": "Socialnämnden", "closing_outcome": "ended"}
    with pytest.raises(SifError) as refused:
        closing_decisions.closing_decision_correct(
            actor=world.admin,
            project=project,
            reason="Datumet rättas.",
            decided_on=date(2019, 6, 1),
            **fields,
        )
    assert message_for_error(refused.value) == (
        "Beslutet om avslut (2019-06-01) kan inte ligga före beslutet om medel (2019-12-17). Kontrollera datumet."
    )
    with pytest.raises(SifError, match="decision_correction_reason_required"):
        closing_decisions.closing_decision_correct(
            actor=world.admin, project=project, reason=" ", decided_on=date(2023, 3, 2), **fields
        )
    assert Decision.objects.filter(kind="closing").count() == 1


def test_only_the_fund_administrator_corrects_a_closing_decision_and_only_once_closed(
    world,
) -> None:  # type: ignore[no-untyped-def]
    project, _old = _closed(world)
    url = reverse("projects:closing", args=[project.pk])
    assert _client(world.applicant_a).get(url).status_code == 403
    assert _client(world.outsider).get(url).status_code == 404
    running = make_project(world.fund, world.unit_a, state=S.RUNNING, **PILOT)
    assert (
        _client(world.admin).get(reverse("projects:closing", args=[running.pk])).status_code == 403
    )


def test_the_reproduction_30_million_against_22_54_sought_at_0_kr_available_is_not_accepted_silently(
    world,
) -> None:  # type: ignore[no-untyped-def]
    """Registrera beslut as in the issue: 30 000 000 kr granted against 22 540 000 kr sought, with
    the fund at 0 kr available. First the missing reason, then the missing confirmation is asked
    for; only with both is the decision recorded, and marked as over the fund's money."""
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW, **PILOT)
    admin = _client(world.admin)
    url = reverse("projects:decision", args=[project.pk])
    form = {
        "granted": "yes",
        "body": "Socialnämnden",
        "decided_on": "2019-12-17",
        "date_precision": "day",
        "granted_amount": "30 000 000",
    }
    first = admin.post(url, form)
    assert "är högre än det sökta beloppet 22\xa0540\xa0000\xa0kr" in first.text
    reason = {"above_sought_reason": "Utökat med två stadsdelar."}
    second = admin.post(url, form | reason)
    assert "mer än fonden har disponibelt enligt fondens bokföring (0\xa0kr)" in second.text
    assert not Decision.objects.exists() and Project.objects.get(pk=project.pk).state == S.IN_REVIEW
    assert admin.post(url, form | reason | {"above_available_confirmed": "on"}).status_code == 302
    decision = Decision.objects.get()
    assert (decision.granted_amount, decision.above_available) == (Decimal(30_000_000), True)
