"""Pages of the municipality's administrator: the users, an invitation, one user's roles."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.accounts.models import Membership, Municipality
from sif.web.users import services
from sif.web.users.forms import InviteForm, RoleForm
from sif.web.users.permissions import managed_municipality_ids


def _municipality(request: HttpRequest) -> Municipality:
    """The municipality whose users this administrator manages (the first, when several)."""
    ids = managed_municipality_ids(request.user)
    if not ids:
        raise PermissionDenied(message_for("permission_denied"))
    return Municipality.objects.get(pk=ids[0])


def _managed_user(municipality: Municipality, user_id: int) -> Any:
    """A user with a role in the municipality; any other answers 404, like another's project."""
    user = (
        get_user_model()
        .objects.filter(pk=user_id, memberships__municipality=municipality)
        .distinct()
        .first()
    )
    if user is None:
        raise Http404(message_for("user_not_found"))
    return user


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    municipality = _municipality(request)
    users = (
        get_user_model()
        .objects.filter(memberships__municipality=municipality)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
    memberships = Membership.objects.filter(municipality=municipality).select_related("unit")
    roles: dict[int, list[Membership]] = {}
    for m in memberships:
        roles.setdefault(m.user_id, []).append(m)
    rows = [{"user": u, "roles": roles.get(u.pk, [])} for u in users]
    return render(request, "users/list.html", {"municipality": municipality, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def user_invite(request: HttpRequest) -> HttpResponse:
    municipality = _municipality(request)
    form = InviteForm(request.POST or None, municipality=municipality)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_invite(
                actor=request.user, municipality=municipality, **form.cleaned_data
            )
        except SifError as exc:
            error = message_for_error(exc)
        else:
            messages.success(
                request, _("Inbjudan är skickad till %(email)s.") % {"email": user.email}
            )
            return redirect("users_detail", user_id=user.pk)
    return render(
        request, "users/invite.html", {"municipality": municipality, "form": form, "error": error}
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    municipality = _municipality(request)
    user = _managed_user(municipality, user_id)
    form = RoleForm(request.POST or None, municipality=municipality)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_add(
                actor=request.user, user=user, municipality=municipality, **form.cleaned_data
            )
        except SifError as exc:
            error = message_for_error(exc)
        else:
            messages.success(request, _("Rollen är tillagd."))
            return redirect("users_detail", user_id=user.pk)
    memberships = Membership.objects.filter(user=user, municipality=municipality).select_related(
        "unit"
    )
    return render(
        request,
        "users/detail.html",
        {
            "municipality": municipality,
            "person": user,
            "memberships": memberships,
            "form": form,
            "error": error,
        },
    )


@login_required
@require_POST
def membership_remove(request: HttpRequest, user_id: int, membership_id: int) -> HttpResponse:
    municipality = _municipality(request)
    membership = get_object_or_404(
        Membership, pk=membership_id, user_id=user_id, municipality=municipality
    )
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    else:
        messages.success(request, _("Rollen är borttagen."))
    return redirect("users_detail", user_id=user_id)


@login_required
@require_POST
def user_active(request: HttpRequest, user_id: int) -> HttpResponse:
    municipality = _municipality(request)
    user = _managed_user(municipality, user_id)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(
            actor=request.user, user=user, municipality=municipality, active=active
        )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    else:
        messages.success(
            request,
            _("Kontot är aktiverat.")
            if active
            else _("Kontot är avstängt. Personen kan inte längre logga in."),
        )
    return redirect("users_detail", user_id=user_id)
