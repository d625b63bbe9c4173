"""The user's own API tokens: list, create (the secret is shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.tokens import services
from sif.web.tokens.forms import TokenCreateForm


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.token_create(
                user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            )
        except SifError as exc:
            form.add_error(None, message_for_error(exc))
        else:
            form = TokenCreateForm()
    status = 400 if request.method == "POST" and created is None else 200
    context = {
        "form": form,
        "created": created,
        "tokens": services.tokens_of(request.user),
        "now": timezone.now(),
    }
    response = render(request, "tokens/token_list.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the new secret must not be kept by any cache
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        token = services.token_revoke(user=request.user, token_id=pk)
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    else:
        messages.success(request, _("Nyckeln %(name)s är återkallad.") % {"name": token.name})
    return redirect("tokens:list")
