"""The upload form and the review screen's forms: shape and format only (Swedish numbers and
dates); the rules are the services'. Amounts are kronor except the budget grid, which is tkr."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sif.calc.budget import BudgetRowInput
from sif.web.accounts.models import UnitKind
from sif.web.core import choice_fields
from sif.web.imports.services import (
    APPLICANT_STATES,
    IMPORT_STATES,
    ContactInput,
    IndicatorInput,
    ProposalInput,
)
from sif.web.projects.models import BudgetCategory, ClosingOutcome, MeasurementMethod, ProjectState

DATE_WIDGET = {
    "localize": True,
    "widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
}
MONEY_ERRORS = {
    "invalid": _("Ange beloppet i kronor, t.ex. 2 460 000."),
    "max_digits": _("Beloppet är för stort."),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; an empty file is kept so that the importer can say it is empty."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(
                _("Välj minst en fil att läsa in (Word, PDF eller text)."), code="required"
            )
        return list(files)


class UploadForm(forms.Form):
    fund = choice_fields.ModelChoiceField(label=_("Fond"), queryset=None)
    files = MultipleFileField(
        label=_("Filer"), help_text=_("Word (.docx), PDF eller text. Du kan välja flera filer.")
    )

    def __init__(self, *args: Any, funds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds


def _money(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        localize=True,
        max_digits=15,
        decimal_places=2,
        error_messages=MONEY_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class ReviewForm(forms.Form):
    """The project's own fields. Money in kronor; the rules (sought = budget total, ≥ 0, end not
    before start) are checked by the services on confirm, so that one rule lives in one place."""

    title = forms.CharField(label=_("Projektets namn"), max_length=300, required=False)
    state = forms.ChoiceField(label=_("Status vid import"))
    owner_unit = choice_fields.ModelChoiceField(
        label=_("Ansvarig enhet"), queryset=None, required=False, empty_label=_("– ny enhet –")
    )
    new_unit_name = forms.CharField(
        label=_("Ny enhet (skapas vid bekräftelse)"), max_length=200, required=False
    )
    new_unit_kind = forms.ChoiceField(
        label=_("Typ av ny enhet"), choices=UnitKind.choices, initial=UnitKind.UNIT
    )
    registration_number = forms.CharField(label=_("Diarienummer"), max_length=60, required=False)
    start_date = forms.DateField(label=_("Startdatum"), required=False, **DATE_WIDGET)
    end_date = forms.DateField(label=_("Slutdatum"), required=False, **DATE_WIDGET)
    summary = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    purpose = forms.CharField(
        label=_("Syfte"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    goals = forms.CharField(
        label=_("Mål"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    target_group = forms.CharField(
        label=_("Målgrupp"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lessons = forms.CharField(
        label=_("Lärdomar"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    sought_amount = _money(_("Sökt belopp (kr)"))
    granted_amount = _money(_("Beviljat belopp (kr)"))
    decision_body = forms.CharField(
        label=_("Beslutande organ (beviljande)"), max_length=200, required=False
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum (beviljande)"), required=False, **DATE_WIDGET
    )
    closing_body = forms.CharField(
        label=_("Beslutande organ (avslut)"), max_length=200, required=False
    )
    closing_decided_on = forms.DateField(
        label=_("Beslutsdatum (avslut)"), required=False, **DATE_WIDGET
    )
    closing_outcome = forms.ChoiceField(
        label=_("Utfall vid avslut"), choices=[("", "–"), *ClosingOutcome.choices], required=False
    )
    closing_text = forms.CharField(
        label=_("Beslutets lydelse (avslut)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, units: Any, admin: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = units
        states = IMPORT_STATES if admin else APPLICANT_STATES
        labels = dict(ProjectState.choices)
        self.fields["state"].choices = [(s, labels[s]) for s in states]
        if (
            self.initial.get("state") not in states
        ):  # an applicant's import starts as a proposal (sif/policy/states.py)
            self.initial["state"] = states[0]


class BudgetRowForm(forms.Form):
    include = forms.BooleanField(label=_("Ta med"), required=False, initial=True)
    category = forms.ChoiceField(label=_("Kostnadsslag"), choices=BudgetCategory.choices)
    label = forms.CharField(label=_("Benämning"), max_length=200, required=False)
    footnote = forms.CharField(label=_("Fotnot"), max_length=1000, required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years = years
        initial = (self.initial or {}).get("amounts", {})
        for year in years:
            value = initial.get(year)
            self.fields[f"y{year}"] = forms.DecimalField(
                label=_("%(year)s (tkr)") % {"year": year},
                required=False,
                localize=True,
                max_digits=15,
                decimal_places=3,
                initial=value / 1000 if value is not None else None,
                error_messages={"invalid": _("Ange ett belopp i tkr, t.ex. 1 400 eller 1 400,5.")},
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "amount", "autocomplete": "off"}
                ),
            )

    def amount_fields(self) -> list[forms.BoundField]:
        return [self[f"y{year}"] for year in self.years]

    def row(self) -> BudgetRowInput | None:
        data = self.cleaned_data
        amounts = {y: data[f"y{y}"] * 1000 for y in self.years if data.get(f"y{y}") is not None}
        if not data.get("include") or not amounts:
            return None
        return BudgetRowInput(
            data["category"], data["label"].strip(), data["footnote"].strip(), amounts
        )


class ContactRowForm(forms.Form):
    include = forms.BooleanField(label=_("Ta med"), required=False)
    name = forms.CharField(label=_("Namn"), max_length=200, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    email = forms.CharField(label=_("E-post"), max_length=254, required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)

    def contact(self) -> ContactInput | None:
        d = self.cleaned_data
        if not d.get("include"):
            return None
        return ContactInput(d["name"], d["title"], d["email"].strip(), d["phone"])


class IndicatorRowForm(forms.Form):
    include = forms.BooleanField(label=_("Ta med"), required=False)
    name = forms.CharField(label=_("Indikator"), max_length=300, required=False)
    segment = forms.CharField(label=_("Målgruppssegment"), max_length=100, required=False)
    method = forms.ChoiceField(label=_("Mätmetod"), choices=MeasurementMethod.choices)
    method_detail = forms.CharField(
        label=_("Mätmetod, beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def indicator(self) -> IndicatorInput | None:
        d = self.cleaned_data
        if not d.get("include"):
            return None
        return IndicatorInput(
            d["name"], segment=d["segment"], method=d["method"], method_detail=d["method_detail"]
        )


class ProposalRowForm(forms.Form):
    include = forms.BooleanField(label=_("Ta med"), required=False)
    title = forms.CharField(label=_("Förslagets namn"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    synpunkter = forms.CharField(
        label=_("Synpunkter"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def proposal(self) -> ProposalInput | None:
        d = self.cleaned_data
        return (
            ProposalInput(d["title"], d["summary"], d["synpunkter"]) if d.get("include") else None
        )


BudgetFormSet = forms.formset_factory(BudgetRowForm, extra=1)
ContactFormSet = forms.formset_factory(ContactRowForm, extra=1)
IndicatorFormSet = forms.formset_factory(IndicatorRowForm, extra=1)
ProposalFormSet = forms.formset_factory(ProposalRowForm, extra=0)
