"""The only code that writes the ledger and the repayment agreements.

Each service is keyword-only, runs in one transaction with the fund's row locked (so two bookings
cannot both pass the same limit), asks sif/web/ledger/permissions.py, checks the rules of
sif/calc/ledger.py on the ledger as it would be after the booking, writes one entry and one
event. A refusal raises `SifError(code, **params)` and changes nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sif.calc import ledger as rules
from sif.calc.errors import SifError
from sif.calc.field_labels import field_label
from sif.messages import message_for_error
from sif.web.audit.services import event_record, project_event_record
from sif.web.core.money import format_kr
from sif.web.core.versions import Conflict, conflict_between, refuse_if_stale
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.ledger.permissions import can_keep_ledger
from sif.web.projects.models import Decision, DecisionKind, Fund, Project, RepaymentRule

__all__ = [
    "ledger_allocate",
    "ledger_book",
    "ledger_commit",
    "ledger_commit_decision",
    "ledger_correct",
    "ledger_disburse",
    "ledger_repay",
    "ledger_waive",
    "ledger_write_off",
    "repayment_agreement_save",
]

MAX_AMOUNT = Decimal("1e13")
Amount = Decimal | int | str


def parse_amount(value: object) -> Decimal:
    """Kronor as Decimal: "3 800 000", "3800000,50"; refuses text, more than öre, and amounts ≤ 0."""
    if value is None or isinstance(value, bool) or str(value).strip() == "":
        raise SifError("ledger_amount_invalid", value=value)
    try:
        amount = Decimal(str(value).replace("\xa0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise SifError("ledger_amount_invalid", value=value) from None
    if (
        not amount.is_finite()
        or amount != amount.quantize(Decimal("0.01"))
        or abs(amount) >= MAX_AMOUNT
    ):
        raise SifError("ledger_amount_invalid", value=value)
    if amount <= 0:
        raise SifError("ledger_amount_not_positive", value=format_kr(amount))
    return amount


def _lock(fund: Fund) -> Fund:
    return Fund.objects.select_for_update().get(pk=fund.pk)


def _require_keeper(actor: Any, fund: Fund) -> None:
    verdict = can_keep_ledger(actor, fund)
    if not verdict:
        raise SifError(verdict.reason)


def _existing(fund: Fund, project_id: int | None) -> list[rules.Entry]:
    """The entries a new entry of this project (None: an allocation) can affect. Every rule of
    check_ledger is per project or about the corrected entry, which has the same project, and the
    rest of the ledger was valid when booked: so a booking reads one project's entries, not the
    whole fund's (issue 16)."""
    entries = LedgerEntry.objects.filter(fund=fund, project_id=project_id).order_by("id")
    return [e.as_rule_entry() for e in entries]


def _check_limits(
    existing: list[rules.Entry], kind: str, amount: Decimal, project_id: int | None, of: str
) -> None:
    """The specific refusals with the figures the user needs: what remains to pay out or to repay."""
    if project_id is None:
        return
    if kind == rules.DISBURSEMENT or (kind == rules.WRITE_OFF and of == rules.OF_COMMITMENT):
        remaining = rules.commitment_remaining(existing, project_id)
        if amount > remaining:
            raise SifError(
                "ledger_disbursement_exceeds_remaining",
                amount=format_kr(amount, 2),
                remaining=format_kr(remaining, 2),
            )
    if kind in (rules.REPAYMENT, rules.WAIVER) or (
        kind == rules.WRITE_OFF and of == rules.OF_OUTSTANDING
    ):
        left = rules.outstanding(existing, project_id)
        if amount > left:
            raise SifError(
                "ledger_exceeds_outstanding",
                amount=format_kr(amount, 2),
                outstanding=format_kr(left, 2),
            )


def _save(entry: LedgerEntry) -> LedgerEntry:
    try:
        entry.full_clean(exclude=["created_by", "decision", "reverses", "project"])
    except ValidationError as exc:
        raise SifError("invalid_input", detail=" ".join(exc.messages)) from None
    entry.save()
    return entry


def _log(actor: Any, verb: str, entry: LedgerEntry, reason: str = "") -> None:
    after = {
        "kind": entry.kind,
        "amount": entry.amount,
        "booked_on": entry.booked_on,
        "reference": entry.reference,
        "text": entry.text,
        "reverses": entry.reverses_id,
        "write_off_of": entry.write_off_of,
        "decision": entry.decision_id,
    }
    event_record(
        actor=actor,
        action=f"ledger_{verb}",
        obj=entry,
        municipality_id=entry.fund.municipality_id,
        project_id=entry.project_id,
        after=after,
        reason=reason,
    )


@transaction.atomic
def _book(
    *,
    actor: Any,
    fund: Fund,
    kind: str,
    amount: Amount,
    booked_on: date | None,
    project: Project | None = None,
    text: str = "",
    reference: str = "",
    write_off_of: str = "",
    decision: Decision | None = None,
    verb: str,
) -> LedgerEntry:
    fund = _lock(fund)
    _require_keeper(actor, fund)
    value = parse_amount(amount)
    if booked_on is None:
        raise SifError("ledger_date_required")
    if project is not None and project.fund_id != fund.pk:
        raise SifError("ledger_project_other_fund", project=project.title)
    candidate = rules.Entry(
        "new", kind, value, booked_on.year, project.pk if project else None, None, write_off_of
    )
    rules.check_entry(candidate)
    existing = _existing(fund, project.pk if project else None)
    _check_limits(existing, kind, value, project.pk if project else None, write_off_of)
    rules.check_ledger([*existing, candidate])
    entry = LedgerEntry(
        fund=fund,
        project=project,
        kind=kind,
        write_off_of=write_off_of,
        amount=value,
        booked_on=booked_on,
        text=text.strip(),
        reference=reference.strip(),
        decision=decision,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _save(entry)
    _log(actor, verb, entry, reason=text.strip() if kind == rules.WAIVER else "")
    return entry


def ledger_allocate(
    *,
    actor: Any,
    fund: Fund,
    amount: Amount,
    booked_on: date | None,
    text: str = "",
    reference: str = "",
) -> LedgerEntry:
    """Money allocated to the fund (e.g. by the council)."""
    return _book(
        actor=actor,
        fund=fund,
        kind=rules.ALLOCATION,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
        verb="allocate",
    )


def ledger_commit(
    *,
    actor: Any,
    project: Project,
    amount: Amount,
    booked_on: date | None,
    text: str = "",
    reference: str = "",
    decision: Decision | None = None,
) -> LedgerEntry:
    """A grant to the project: committed, not yet paid out."""
    return _book(
        actor=actor,
        fund=project.fund,
        project=project,
        kind=rules.COMMITMENT,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
        decision=decision,
        verb="commit",
    )


def ledger_disburse(
    *,
    actor: Any,
    project: Project,
    amount: Amount,
    booked_on: date | None,
    text: str = "",
    reference: str = "",
) -> LedgerEntry:
    """A payment to the project, at most what remains of its commitment."""
    return _book(
        actor=actor,
        fund=project.fund,
        project=project,
        kind=rules.DISBURSEMENT,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
        verb="disburse",
    )


def ledger_repay(
    *,
    actor: Any,
    project: Project,
    amount: Amount,
    booked_on: date | None,
    text: str = "",
    reference: str = "",
) -> LedgerEntry:
    """A repayment to the fund, at most the project's outstanding amount."""
    return _book(
        actor=actor,
        fund=project.fund,
        project=project,
        kind=rules.REPAYMENT,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
        verb="repay",
    )


def ledger_write_off(
    *,
    actor: Any,
    project: Project,
    amount: Amount,
    booked_on: date | None,
    of: str,
    text: str = "",
    reference: str = "",
) -> LedgerEntry:
    """`of="commitment"`: release the unused rest of a commitment; `of="outstanding"`: a debt that will not be repaid."""
    return _book(
        actor=actor,
        fund=project.fund,
        project=project,
        kind=rules.WRITE_OFF,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
        write_off_of=of,
        verb="write_off",
    )


def ledger_waive(
    *,
    actor: Any,
    project: Project,
    amount: Amount,
    booked_on: date | None,
    reason: str,
    reference: str = "",
) -> LedgerEntry:
    """Repayment waived by decision; the reason is required and kept as the entry's text."""
    if not reason.strip():
        _require_keeper(actor, project.fund)
        raise SifError("ledger_reason_required")
    return _book(
        actor=actor,
        fund=project.fund,
        project=project,
        kind=rules.WAIVER,
        amount=amount,
        booked_on=booked_on,
        text=reason,
        reference=reference,
        verb="waive",
    )


BOOKERS = {
    rules.COMMITMENT: ledger_commit,
    rules.DISBURSEMENT: ledger_disburse,
    rules.REPAYMENT: ledger_repay,
}


def ledger_book(
    *,
    actor: Any,
    fund: Fund,
    kind: str,
    amount: Amount,
    booked_on: date | None,
    project: Project | None = None,
    text: str = "",
    reference: str = "",
    write_off_of: str = "",
) -> LedgerEntry:
    """The booking form's one entry point: dispatches to the service of the kind."""
    if kind == rules.ALLOCATION:
        if project is not None:
            _require_keeper(actor, fund)
            raise SifError("ledger_allocation_with_project")
        return ledger_allocate(
            actor=actor,
            fund=fund,
            amount=amount,
            booked_on=booked_on,
            text=text,
            reference=reference,
        )
    if kind not in (*BOOKERS, rules.WRITE_OFF, rules.WAIVER):
        _require_keeper(actor, fund)
        raise SifError("ledger_kind_unknown", kind=kind)
    if project is None:
        _require_keeper(actor, fund)
        raise SifError("ledger_project_required", kind=kind)
    if project.fund_id != fund.pk:
        _require_keeper(actor, fund)
        raise SifError("ledger_project_other_fund", project=project.title)
    if kind == rules.WRITE_OFF:
        return ledger_write_off(
            actor=actor,
            project=project,
            amount=amount,
            booked_on=booked_on,
            of=write_off_of,
            text=text,
            reference=reference,
        )
    if kind == rules.WAIVER:
        return ledger_waive(
            actor=actor,
            project=project,
            amount=amount,
            booked_on=booked_on,
            reason=text,
            reference=reference,
        )
    return BOOKERS[kind](
        actor=actor,
        project=project,
        amount=amount,
        booked_on=booked_on,
        text=text,
        reference=reference,
    )


def _decision_date(decision: Decision) -> str:
    """The decision's date as precise as it is known: 2014-09-01, 2014-09 or 2014."""
    if decision.decided_on is None:
        return ""
    return decision.decided_on.strftime(
        {"month": "%Y-%m", "year": "%Y"}.get(decision.date_precision, "%Y-%m-%d")
    )


@transaction.atomic
def ledger_commit_decision(*, actor: Any, decision: Decision) -> LedgerEntry:
    """'Boka beviljat belopp': the granted amount of a grant decision booked as a commitment with
    the decision as its reference, once (again only after that entry has been corrected)."""
    project = decision.project
    fund = _lock(project.fund)
    _require_keeper(actor, fund)
    if decision.kind != DecisionKind.GRANT or not decision.granted:
        raise SifError("decision_not_granted")
    if decision.granted_amount is None or decision.granted_amount <= 0:
        raise SifError("decision_without_amount")
    booked = LedgerEntry.objects.filter(
        decision=decision, kind=rules.COMMITMENT, reversed_by__isnull=True
    ).first()
    if booked is not None:
        raise SifError("decision_already_booked", entry=booked.number)
    reference = " ".join(
        p for p in (decision.body, _decision_date(decision), decision.paragraph) if p
    )
    return ledger_commit(
        actor=actor,
        project=project,
        amount=decision.granted_amount,
        booked_on=decision.decided_on or timezone.localdate(),
        text="Beviljat belopp enligt beslut",
        reference=reference,
        decision=decision,
    )


@transaction.atomic
def ledger_correct(
    *, actor: Any, entry: LedgerEntry, reason: str, booked_on: date | None = None
) -> LedgerEntry:
    """Book the entry's reversing entry (same amount, opposite effect). A correction cannot be
    corrected, an entry is corrected once, and the ledger must stay valid without the entry."""
    fund = _lock(entry.fund)
    _require_keeper(actor, fund)
    entry = LedgerEntry.objects.select_related("fund").get(pk=entry.pk)
    if entry.kind == rules.CORRECTION:
        raise SifError("ledger_correction_of_correction")
    if LedgerEntry.objects.filter(reverses=entry).exists():
        raise SifError("ledger_already_corrected")
    if not reason.strip():
        raise SifError("ledger_reason_required")
    when = booked_on or timezone.localdate()
    existing = _existing(fund, entry.project_id)
    try:
        rules.check_ledger(
            [
                *existing,
                rules.Entry(
                    "new", rules.CORRECTION, entry.amount, when.year, entry.project_id, entry.pk
                ),
            ]
        )
    except SifError as error:
        shown = SifError(
            error.code,
            **{
                k: format_kr(v, 2) if isinstance(v, Decimal) else v for k, v in error.params.items()
            },
        )
        raise SifError("ledger_correction_breaks", detail=message_for_error(shown)) from None
    correction = LedgerEntry(
        fund=fund,
        project=entry.project,
        kind=rules.CORRECTION,
        amount=entry.amount,
        booked_on=when,
        text=reason.strip(),
        reference=f"Rättelse av post {entry.number}",
        reverses=entry,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _save(correction)
    _log(actor, "correct", correction, reason=reason.strip())
    return correction


def _agreement_fields(agreement: RepaymentAgreement | None) -> dict[str, Any]:
    if agreement is None:
        return {}
    return {
        "rule": agreement.get_rule_display(),
        **{k: v for k, v in (agreement.parameters or {}).items()},
        "agreed_on": agreement.agreed_on.isoformat() if agreement.agreed_on else None,
        "note": agreement.note,
    }


def _agreement_label(key: str) -> str:
    if key in ("rule", "agreed_on", "note"):
        return str(RepaymentAgreement._meta.get_field(key).verbose_name)
    return field_label(key)


def _agreement_conflict(project: Project, read: int, latest: RepaymentAgreement | None) -> Conflict:
    """The version the editor read against the newest one, field by field."""
    before = RepaymentAgreement.objects.filter(project=project, version=read).first()
    return conflict_between(
        _agreement_fields(before),
        _agreement_fields(latest),
        latest.created_by if latest else None,
        latest.created_at if latest else None,
        label=_agreement_label,
    )


@transaction.atomic
def repayment_agreement_save(
    *,
    actor: Any,
    project: Project,
    rule: str,
    parameters: dict[str, Any] | None = None,
    agreed_on: date | None = None,
    note: str = "",
    version: int | None = None,
) -> RepaymentAgreement:
    """A new version of the project's repayment agreement (earlier versions are kept). `version`
    is the one the editor read (0: none yet); a newer one refuses the save (edit_conflict)."""
    _lock(project.fund)
    _require_keeper(actor, project.fund)
    latest = RepaymentAgreement.objects.filter(project=project).order_by("-version").first()
    refuse_if_stale(
        read=version,
        current=latest.version if latest else 0,
        what=gettext("återbetalningsöverenskommelsen"),
        since=lambda: _agreement_conflict(project, version or 0, latest),
    )
    if rule not in RepaymentRule.values:
        raise SifError("agreement_rule_unknown", rule=rule)
    clean = rules.check_parameters(rule, parameters or {})
    agreement = RepaymentAgreement(
        project=project,
        version=(latest.version if latest else 0) + 1,
        rule=rule,
        parameters=clean,
        agreed_on=agreed_on,
        note=note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        agreement.full_clean(exclude=["created_by", "project"])
    except ValidationError as exc:
        raise SifError("invalid_input", detail=" ".join(exc.messages)) from None
    agreement.save()
    project_event_record(
        actor,
        "repayment_agreement_save",
        agreement,
        project,
        after={
            "version": agreement.version,
            "rule": rule,
            "parameters": clean,
            "agreed_on": agreed_on,
            "note": agreement.note,
        },
    )
    return agreement
