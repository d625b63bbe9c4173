from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sif.web.tokens.services import LIFETIMES_DAYS


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Namn på nyckeln"),
        max_length=100,
        help_text=_("Till exempel systemet som ska använda den."),
    )
    days = forms.TypedChoiceField(
        label=_("Giltig i"),
        coerce=int,
        choices=[(d, _("%(days)s dagar") % {"days": d}) for d in LIFETIMES_DAYS],
        initial=90,
    )
