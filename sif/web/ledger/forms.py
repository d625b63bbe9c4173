"""Forms of the ledger pages: shape only; the rules live in the services and sif/calc/ledger.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sif.web.core import choice_fields
from sif.web.core.select import PlainSelect
from sif.web.ledger.models import EntryKind, WriteOffOf
from sif.web.projects.models import Fund, Project, RepaymentRule

BOOKABLE = [(k, label) for k, label in EntryKind.choices if k != EntryKind.CORRECTION]


class BookingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Typ av post"), choices=BOOKABLE)
    project = choice_fields.ModelChoiceField(
        label=_("Projekt"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("– inget (avsättning) –"),
        widget=PlainSelect,  # a fund's projects: hundreds of options
    )
    amount = forms.CharField(
        label=_("Belopp (kr)"),
        max_length=30,
        help_text=_("Alltid positivt, t.ex. 3 800 000; typen avgör riktningen."),
    )
    booked_on = forms.DateField(
        label=_("Bokföringsdatum"), widget=forms.DateInput(attrs={"type": "date"})
    )
    write_off_of = forms.ChoiceField(
        label=_("Avskrivningen gäller"), choices=[("", "–"), *WriteOffOf.choices], required=False
    )
    reference = forms.CharField(
        label=_("Referens"),
        max_length=300,
        required=False,
        help_text=_("T.ex. KF 2012-04-12 § 3 eller beslutet."),
    )
    text = forms.CharField(
        label=_("Text (skäl vid efterskänkning)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        fund: Fund,
        project_choices: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["project"]
        field.queryset = Project.objects.filter(fund=fund).order_by("title")  # type: ignore[attr-defined]
        if project_choices is not None:
            # drawn from (pk, title) pairs the page read once, not from 331 whole projects;
            # the queryset still checks a posted choice
            field.widget.choices = [("", field.empty_label), *project_choices]  # type: ignore[attr-defined]


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("Skäl för rättelsen"), max_length=500)


class AgreementForm(forms.Form):
    # The version the editor read (0: none yet); a newer saved one refuses the save.
    version = forms.IntegerField(
        required=False, min_value=0, max_value=2**31, widget=forms.HiddenInput
    )
    rule = forms.ChoiceField(label=_("Återbetalningsregel"), choices=RepaymentRule.choices)
    years = forms.CharField(label=_("Antal år"), required=False, max_length=10)
    start_year = forms.CharField(label=_("Första år"), required=False, max_length=10)
    share = forms.CharField(
        label=_("Andel av realiserade vinster (0–1)"), required=False, max_length=20
    )
    cap = forms.CharField(label=_("Tak (kr)"), required=False, max_length=30)
    agreed_on = forms.DateField(
        label=_("Överenskommen"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Anteckning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def parameters(self) -> dict[str, str]:
        return {
            k: self.cleaned_data[k]
            for k in ("years", "start_year", "share", "cap")
            if self.cleaned_data.get(k)
        }
