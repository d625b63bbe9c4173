"""Ledger services: what they book, and that every refusal changes nothing and says why in Swedish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.audit.models import Event
from sif.web.ledger import services
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.projects.models import Decision, Project
from tests.web.conftest import World

D = Decimal


def rows() -> tuple[int, int, int]:
    return LedgerEntry.objects.count(), RepaymentAgreement.objects.count(), Event.objects.count()


def refused(call: Callable[[], Any]) -> tuple[str, str]:
    """Run a call that must be refused; check it changed nothing; return its code and message."""
    before = rows()
    with pytest.raises(SifError) as caught:
        call()
    assert rows() == before
    return caught.value.code, message_for_error(caught.value)


def test_each_booking_is_one_entry_and_one_event(world: World, funded: Project) -> None:
    kinds = list(LedgerEntry.objects.order_by("id").values_list("kind", "amount"))
    assert kinds == [
        ("allocation", D("50000000")),
        ("commitment", D("3800000")),
        ("disbursement", D("3000000")),
        ("repayment", D("1000000")),
    ]
    actions = list(Event.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["ledger_allocate", "ledger_commit", "ledger_disburse", "ledger_repay"]


def test_over_disbursement_is_refused_naming_what_remains(world: World, funded: Project) -> None:
    code, message = refused(
        lambda: services.ledger_disburse(
            actor=world.admin, project=funded, amount="800000,01", booked_on=date(2016, 1, 1)
        )
    )
    assert code == "ledger_disbursement_exceeds_remaining"
    assert (
        message
        == "Utbetalningen 800\xa0000,01\xa0kr överstiger det som återstår av projektets beviljade belopp: 800\xa0000,00\xa0kr."
    )


def test_over_repayment_is_refused_naming_the_outstanding_amount(
    world: World, funded: Project
) -> None:
    code, message = refused(
        lambda: services.ledger_repay(
            actor=world.admin, project=funded, amount="2000001", booked_on=date(2017, 1, 1)
        )
    )
    assert code == "ledger_exceeds_outstanding"
    assert "2\xa0000\xa0000,00\xa0kr" in message


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("0", "ledger_amount_not_positive"),
        ("-5", "ledger_amount_not_positive"),
        ("tre miljoner", "ledger_amount_invalid"),
        ("1,001", "ledger_amount_invalid"),
    ],
)
def test_a_bad_amount_is_refused(world: World, amount: str, code: str) -> None:
    assert (
        refused(
            lambda: services.ledger_allocate(
                actor=world.admin, fund=world.fund, amount=amount, booked_on=date(2012, 1, 1)
            )
        )[0]
        == code
    )


def test_a_correction_reverses_its_entry_and_the_figures_follow(
    world: World, funded: Project
) -> None:
    repayment = LedgerEntry.objects.get(kind="repayment")
    correction = services.ledger_correct(
        actor=world.admin, entry=repayment, reason="Fel belopp", booked_on=date(2016, 12, 2)
    )
    assert (correction.kind, correction.amount, correction.reverses_id, correction.sign) == (
        "correction",
        D("1000000"),
        repayment.pk,
        -1,
    )
    repayment.refresh_from_db()
    assert repayment.reversed_by == correction


def test_correcting_a_correction_or_correcting_twice_is_refused(
    world: World, funded: Project
) -> None:
    repayment = LedgerEntry.objects.get(kind="repayment")
    correction = services.ledger_correct(actor=world.admin, entry=repayment, reason="Fel belopp")
    code, message = refused(
        lambda: services.ledger_correct(actor=world.admin, entry=correction, reason="Igen")
    )
    assert (code, message) == (
        "ledger_correction_of_correction",
        "En rättelse kan inte rättas. Boka i stället en ny post med rätt belopp.",
    )
    code, message = refused(
        lambda: services.ledger_correct(actor=world.admin, entry=repayment, reason="Igen")
    )
    assert (code, message) == (
        "ledger_already_corrected",
        "Posten är redan rättad (vänd) och kan inte rättas igen.",
    )


def test_a_correction_that_would_leave_a_payment_without_its_commitment_is_refused(
    world: World, funded: Project
) -> None:
    commitment = LedgerEntry.objects.get(kind="commitment")
    code, message = refused(
        lambda: services.ledger_correct(actor=world.admin, entry=commitment, reason="Fel projekt")
    )
    assert code == "ledger_correction_breaks"
    assert message == (
        "Rättelsen kan inte bokas: Beloppet 3\xa0000\xa0000,00\xa0kr överstiger projektets beviljade belopp 0,00\xa0kr som ännu inte "
        "betalats ut eller avskrivits. Rätta först de poster som bygger på denna."
    )


@pytest.mark.parametrize("persona", ["outsider", "reporter", "reviewer", "reader", "applicant_a"])
def test_only_the_funds_administrators_book(world: World, funded: Project, persona: str) -> None:
    actor = world.persona(persona)
    expected = (
        ("fund_not_found", "Fonden finns inte eller så saknar du behörighet.")
        if persona == "outsider"
        else ("permission_denied", "Du har inte behörighet att göra detta.")
    )
    assert (
        refused(
            lambda: services.ledger_repay(
                actor=actor, project=funded, amount="100", booked_on=date(2017, 1, 1)
            )
        )
        == expected
    )
    assert (
        refused(
            lambda: services.ledger_allocate(
                actor=actor, fund=world.fund, amount="100", booked_on=date(2017, 1, 1)
            )
        )
        == expected
    )
    entry = LedgerEntry.objects.get(kind="repayment")
    assert (
        refused(lambda: services.ledger_correct(actor=actor, entry=entry, reason="x")) == expected
    )
    assert (
        refused(
            lambda: services.repayment_agreement_save(
                actor=actor,
                project=funded,
                rule="fixed_plan",
                parameters={"years": 4, "start_year": 2016},
            )
        )
        == expected
    )


def test_a_waiver_needs_a_reason_and_cannot_exceed_the_outstanding_amount(
    world: World, funded: Project
) -> None:
    assert (
        refused(
            lambda: services.ledger_waive(
                actor=world.admin,
                project=funded,
                amount="100",
                booked_on=date(2016, 6, 1),
                reason=" ",
            )
        )[0]
        == "ledger_reason_required"
    )
    assert (
        refused(
            lambda: services.ledger_waive(
                actor=world.admin,
                project=funded,
                amount="2000000,01",
                booked_on=date(2016, 6, 1),
                reason="KS 2016",
            )
        )[0]
        == "ledger_exceeds_outstanding"
    )
    waiver = services.ledger_waive(
        actor=world.admin,
        project=funded,
        amount="2000000",
        booked_on=date(2016, 6, 1),
        reason="Budgeten flyttad till KS",
    )
    assert (waiver.kind, waiver.text) == ("waiver", "Budgeten flyttad till KS")


def test_a_write_off_says_what_it_writes_off(world: World, funded: Project) -> None:
    assert (
        refused(
            lambda: services.ledger_write_off(
                actor=world.admin, project=funded, amount="100", booked_on=date(2016, 6, 1), of=""
            )
        )[0]
        == "ledger_write_off_of_unknown"
    )
    released = services.ledger_write_off(
        actor=world.admin,
        project=funded,
        amount="800000",
        booked_on=date(2016, 6, 1),
        of="commitment",
    )
    assert released.write_off_of == "commitment"
    assert (
        refused(
            lambda: services.ledger_disburse(
                actor=world.admin, project=funded, amount="1", booked_on=date(2016, 7, 1)
            )
        )[0]
        == "ledger_disbursement_exceeds_remaining"
    )


def test_booking_a_granted_decision_once(
    world: World, project: Project, decision: Decision
) -> None:
    entry = services.ledger_commit_decision(actor=world.admin, decision=decision)
    assert (entry.kind, entry.amount, entry.booked_on, entry.reference, entry.decision_id) == (
        "commitment",
        D("3800000"),
        date(2014, 9, 1),
        "Socialnämnden 2014-09-01 § 12",
        decision.pk,
    )
    code, message = refused(
        lambda: services.ledger_commit_decision(actor=world.admin, decision=decision)
    )
    assert (code, message) == (
        "decision_already_booked",
        f"Det beviljade beloppet i beslutet är redan bokat (post {entry.number}).",
    )
    services.ledger_correct(actor=world.admin, entry=entry, reason="Bokat på fel datum")
    assert services.ledger_commit_decision(actor=world.admin, decision=decision).amount == D(
        "3800000"
    )


def test_a_rejection_cannot_be_booked(world: World, project: Project) -> None:
    rejection = Decision.objects.create(project=project, granted=False, body="Socialnämnden")
    assert (
        refused(lambda: services.ledger_commit_decision(actor=world.admin, decision=rejection))[0]
        == "decision_not_granted"
    )


def test_another_funds_project_is_refused(world: World, funded: Project) -> None:
    code, _ = refused(
        lambda: services.ledger_book(
            actor=world.outsider,
            fund=world.malmo_fund,
            kind="repayment",
            project=funded,
            amount="1",
            booked_on=date(2017, 1, 1),
        )
    )
    assert code == "ledger_project_other_fund"


def test_agreements_are_versioned(world: World, funded: Project) -> None:
    first = services.repayment_agreement_save(
        actor=world.admin,
        project=funded,
        rule="fixed_plan",
        parameters={"years": "4", "start_year": "2016"},
        note="Plan",
    )
    second = services.repayment_agreement_save(
        actor=world.admin, project=funded, rule="by_agreement", note="enligt överenskommelse"
    )
    assert [(a.version, a.rule, a.parameters) for a in (first, second)] == [
        (1, "fixed_plan", {"years": 4, "start_year": 2016}),
        (2, "by_agreement", {}),
    ]
    assert (
        refused(
            lambda: services.repayment_agreement_save(
                actor=world.admin,
                project=funded,
                rule="fixed_plan",
                parameters={"years": "fyra", "start_year": 2016},
            )
        )[0]
        == "agreement_parameter_invalid"
    )
    assert (
        refused(
            lambda: services.repayment_agreement_save(
                actor=world.admin, project=funded, rule="lottery"
            )
        )[0]
        == "agreement_rule_unknown"
    )


def test_the_ledger_is_append_only(world: World, funded: Project) -> None:
    entry = LedgerEntry.objects.get(kind="repayment")
    entry.amount = D("1")
    with pytest.raises(SifError, match="ledger_immutable"):
        entry.save()
    with pytest.raises(SifError, match="ledger_immutable"):
        entry.delete()
    with pytest.raises(SifError, match="ledger_immutable"):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=D("1"))
    with pytest.raises(SifError, match="ledger_immutable"):
        LedgerEntry.objects.all().delete()
    assert LedgerEntry.objects.get(pk=entry.pk).amount == D("1000000")
    agreement = services.repayment_agreement_save(
        actor=world.admin, project=funded, rule="by_agreement"
    )
    with pytest.raises(SifError, match="agreement_immutable"):
        agreement.save()


def test_the_database_refuses_a_non_positive_amount_and_a_correction_without_its_entry(
    world: World, funded: Project
) -> None:
    from django.db import IntegrityError, transaction

    for fields in (
        {"kind": "allocation", "amount": D(0)},
        {"kind": "correction", "amount": D(5), "project": funded},
        {"kind": "repayment", "amount": D(5)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            LedgerEntry.objects.create(fund=world.fund, booked_on=date(2020, 1, 1), **fields)
    repayment = LedgerEntry.objects.get(kind="repayment")
    LedgerEntry.objects.create(
        fund=world.fund,
        project=funded,
        kind="correction",
        amount=repayment.amount,
        booked_on=date(2020, 1, 1),
        reverses=repayment,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            fund=world.fund,
            project=funded,
            kind="correction",
            amount=repayment.amount,
            booked_on=date(2020, 1, 1),
            reverses=repayment,
        )
