"""Forms of the users pages; the unit choices are the municipality's own units only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sif.web.accounts.models import Municipality, OrgUnit, Role
from sif.web.core import choice_fields


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Roll"), choices=Role.choices)
    unit = choice_fields.ModelChoiceField(
        label=_("Enhet"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Hela kommunen"),
        help_text=_("Sökande och rapportörer ser bara projekt inom sin enhet."),
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(municipality=municipality).order_by(
            "name"
        )  # type: ignore[attr-defined]


class InviteForm(RoleForm):
    email = forms.EmailField(label=_("E-postadress"), max_length=150)
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    field_order = ["email", "first_name", "last_name", "role", "unit"]
