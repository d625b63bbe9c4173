"""Users managed by the municipality's administrator: invite, give and remove roles, deactivate.

Every change is checked against `can_manage_users`, done in one transaction and written to the
event log (who, when, before, after). E-mail leaves after the transaction commits, so a failed
change sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from sif.calc.errors import SifError
from sif.policy.model import removes_own_admin_role
from sif.web.accounts.models import Membership, Municipality, OrgUnit
from sif.web.audit.services import event_record
from sif.web.users.mail import send_invitation
from sif.web.users.permissions import can_manage_users


def _require(actor: Any, municipality: Municipality) -> None:
    verdict = can_manage_users(actor, municipality.pk)
    if not verdict:
        raise SifError(verdict.reason)


def _check_unit(municipality: Municipality, unit: OrgUnit | None) -> None:
    if unit is not None and unit.municipality_id != municipality.pk:
        raise SifError("unit_outside_municipality", unit=unit.name)


def _membership_data(m: Membership) -> dict[str, Any]:
    return {"user": m.user_id, "role": m.role, "unit": m.unit_id}


def user_invite(
    *,
    actor: Any,
    municipality: Municipality,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    unit: OrgUnit | None,
) -> Any:
    """A new account (user name = e-mail address, no password yet) with one role; the invitation
    e-mail carries a link where the user chooses a password. An address already in use is refused."""
    _require(actor, municipality)
    _check_unit(municipality, unit)
    email = email.strip().lower()
    User = get_user_model()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise SifError("user_email_taken", email=email)
    with transaction.atomic():
        user = User(
            username=email,
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            is_active=True,
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        membership = Membership.objects.create(
            user=user, municipality=municipality, unit=unit, role=role
        )
        event_record(
            actor=actor,
            action="user_invited",
            obj=user,
            municipality_id=municipality.pk,
            after={"user": user.pk, **_membership_data(membership)},
        )
        transaction.on_commit(lambda: send_invitation(user, municipality, invited_by=actor))
    return user


def membership_add(
    *, actor: Any, user: Any, municipality: Municipality, role: str, unit: OrgUnit | None
) -> Membership:
    _require(actor, municipality)
    _check_unit(municipality, unit)
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, municipality=municipality, unit=unit, role=role
            )
            event_record(
                actor=actor,
                action="membership_added",
                obj=membership,
                municipality_id=municipality.pk,
                after=_membership_data(membership),
            )
    except IntegrityError as exc:
        raise SifError("membership_exists") from exc
    return membership


def membership_remove(*, actor: Any, membership: Membership) -> None:
    _require(actor, membership.municipality)
    if removes_own_admin_role(actor.pk, membership.user_id, membership.role):
        raise SifError("membership_remove_own_admin")
    with transaction.atomic():
        event_record(
            actor=actor,
            action="membership_removed",
            obj=membership,
            municipality_id=membership.municipality_id,
            before=_membership_data(membership),
        )
        membership.delete()


def user_set_active(*, actor: Any, user: Any, municipality: Municipality, active: bool) -> None:
    """Deactivate (no login, no e-mail) or reactivate an account. Only for accounts whose every role
    lies in the administrator's municipality: another municipality's user is not theirs to lock."""
    _require(actor, municipality)
    if user.pk == actor.pk:
        raise SifError("user_deactivate_self")
    if user.memberships.exclude(municipality=municipality).exists():
        raise SifError("user_in_other_municipality")
    if user.is_active == active:
        return
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        event_record(
            actor=actor,
            action="user_reactivated" if active else "user_deactivated",
            obj=user,
            municipality_id=municipality.pk,
            before={"is_active": not active},
            after={"is_active": active},
        )
