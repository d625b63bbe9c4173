"""Forms of the project pages: shape and format only (Swedish number and date input via
`localize=True`); the rules of the domain live in the services, which the views call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sif.web.core import choice_fields
from sif.web.core.number_fields import SwedishDecimalField
from sif.web.core.select import PlainSelect
from sif.web.projects import project_details, selectors
from sif.web.projects.models import ClosingOutcome, ProjectState, RepaymentRule


class ProjectFilterForm(forms.Form):
    # PlainSelect: a municipality's units grow with it (41 in the national data); Django's
    # per-option templates made the filter a sixth of the project list's time (issue 16).
    state = forms.ChoiceField(label=_("Status"), required=False, widget=PlainSelect)
    unit = choice_fields.ModelChoiceField(
        label=_("Enhet"),
        queryset=None,
        required=False,
        empty_label=_("Alla enheter"),
        widget=PlainSelect,
    )
    year = forms.IntegerField(
        label=_("År"), required=False, min_value=1990, max_value=2100, localize=False
    )
    fund = choice_fields.ModelChoiceField(
        label=_("Fond"),
        queryset=None,
        required=False,
        empty_label=_("Alla fonder"),
        widget=PlainSelect,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Alla statusar")), *ProjectState.choices]
        self.fields["unit"].queryset = selectors.units_for(user)
        self.fields["fund"].queryset = selectors.funds_for(user)
        self.fields["year"].widget.attrs["inputmode"] = "numeric"

    def filters(self) -> selectors.ProjectFilters:
        data = self.cleaned_data
        return selectors.ProjectFilters(
            state=data.get("state") or "",
            unit=data.get("unit"),
            year=data.get("year"),
            fund=data.get("fund"),
        )


# ---------------------------------------------------------------- proposal and project details


FIRST_YEAR, LAST_YEAR, MAX_PERIOD_YEARS = (
    1900,
    2200,
    30,
)  # bounds on the work a period makes (budget columns)


class ProjectForm(forms.Form):
    """The proposal (create) and the project's details (edit). Fund and owner unit only on create."""

    title = forms.CharField(label=_("Projektets namn"), max_length=300)
    short_name = forms.CharField(label=_("Kortnamn"), max_length=60, required=False)
    fund = choice_fields.ModelChoiceField(label=_("Fond"), queryset=None)
    owner_unit = choice_fields.ModelChoiceField(label=_("Ansvarig enhet (sökande)"), queryset=None)
    registration_number = forms.CharField(label=_("Diarienummer"), max_length=60, required=False)
    start_date = forms.DateField(
        label=_("Startdatum"),
        required=False,
        localize=True,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_("Slutdatum"),
        required=False,
        localize=True,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    participating_units = choice_fields.ModelMultipleChoiceField(
        label=_("Deltagande enheter"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    purpose = forms.CharField(
        label=_("Syfte"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    goals = forms.CharField(
        label=_("Mål"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    target_group = forms.CharField(
        label=_("Målgrupp"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lessons = forms.CharField(
        label=_("Lärdomar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad projektet har lärt sig; visas i slutrapporten."),
    )

    TEXT_FIELDS = project_details.TEXT_FIELDS

    def __init__(self, *args: Any, user: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = selectors.funds_for(user)
        self.fields["owner_unit"].queryset = selectors.units_for(user)
        self.fields["participating_units"].queryset = selectors.units_for(user)
        if not creating:
            del self.fields["fund"]
            del self.fields["owner_unit"]
        else:
            del self.fields[
                "lessons"
            ]  # a new proposal has no lessons yet; they are written as the project runs

    def clean(self) -> dict[str, Any]:
        """The period drives the budget table's columns: at most MAX_PERIOD_YEARS years, 1900–2200."""
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        for name, day in (("start_date", start), ("end_date", end)):
            if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
                self.add_error(
                    name,
                    _("Året ska ligga mellan %(low)s och %(high)s.")
                    % {"low": FIRST_YEAR, "high": LAST_YEAR},
                )
        if start and end and end.year - start.year >= MAX_PERIOD_YEARS:
            self.add_error(
                "end_date",
                _("Projektperioden kan vara högst %(years)s år.") % {"years": MAX_PERIOD_YEARS},
            )
        return data

    def project_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.TEXT_FIELDS if name in self.fields}


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-post"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)


ContactFormSet = forms.formset_factory(ContactForm, extra=1)


# ---------------------------------------------------------------- budget editor

AMOUNT_ERRORS = {
    "invalid": _("Ange ett belopp i tkr, t.ex. 1 400 eller 1 400,5."),
    "min_value": _("Beloppet kan inte vara negativt."),
    "max_digits": _("Beloppet är för stort."),
    "max_decimal_places": _("Ange högst tre decimaler (hela kronor)."),
}


def _amount_field(label: str) -> forms.DecimalField:
    return SwedishDecimalField(
        label=label,
        required=False,
        localize=True,
        min_value=Decimal(0),
        max_digits=15,
        decimal_places=3,
        error_messages=AMOUNT_ERRORS,
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "amount", "autocomplete": "off"}
        ),
    )


class BudgetForm(forms.Form):
    """Budget rows (one per cost category) × years, amounts typed in tkr; the sought amount in kr.

    Totals are never typed: the page computes them as a hint, the services as the rule. Years are
    those of the project period plus any year already in the budget or in the submitted data, so
    that a year outside the period reaches the rule that refuses it.
    """

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    sought_amount = SwedishDecimalField(
        label=_("Sökt belopp (kr)"),
        required=False,
        localize=True,
        min_value=Decimal(0),
        max_digits=15,
        decimal_places=2,
        error_messages={
            **AMOUNT_ERRORS,
            "invalid": _("Ange sökt belopp i kronor, t.ex. 22 540 000."),
        },
        help_text=_("Ska vara lika med budgetens totalsumma."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def __init__(
        self, *args: Any, years: list[int], categories: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        posted_years = {int(k.rsplit("-", 1)[1]) for k in (self.data or {}) if _is_amount_key(k)}
        self.years = sorted(set(years) | posted_years)
        self.categories = categories
        for code, label in categories:
            self.fields[f"label-{code}"] = forms.CharField(
                label=_("Benämning: %(category)s") % {"category": label},
                max_length=200,
                required=False,
                widget=forms.TextInput(attrs={"class": "label-input"}),
            )
            self.fields[f"footnote-{code}"] = forms.CharField(
                label=_("Fotnot: %(category)s") % {"category": label},
                max_length=1000,
                required=False,
                widget=forms.TextInput(attrs={"class": "label-input"}),
            )
            for year in self.years:
                self.fields[f"amount-{code}-{year}"] = _amount_field(
                    _("%(category)s %(year)s (tkr)") % {"category": label, "year": year}
                )

    def table(self) -> list[dict[str, Any]]:
        """Rows for the template: the category, its label and footnote fields and one field per year."""
        return [
            {
                "code": code,
                "category": label,
                "label": self[f"label-{code}"],
                "footnote": self[f"footnote-{code}"],
                "amounts": [self[f"amount-{code}-{year}"] for year in self.years],
            }
            for code, label in self.categories
        ]

    def rows(self) -> list[Any]:
        """BudgetRowInput in kronor for every category with at least one amount."""
        from sif.calc.budget import BudgetRowInput

        result = []
        for code, _label in self.categories:
            amounts = {
                y: self.cleaned_data[f"amount-{code}-{y}"] * 1000
                for y in self.years
                if self.cleaned_data.get(f"amount-{code}-{y}") is not None
            }
            if amounts:
                result.append(
                    BudgetRowInput(
                        code,
                        self.cleaned_data[f"label-{code}"].strip(),
                        self.cleaned_data[f"footnote-{code}"].strip(),
                        amounts,
                    )
                )
        return result


def _is_amount_key(key: str) -> bool:
    parts = key.split("-")
    return (
        len(parts) == 3
        and parts[0] == "amount"
        and parts[2].isdigit()
        and 1900 <= int(parts[2]) <= 2200
    )


# ---------------------------------------------------------------- review and decision


RECOMMENDATION_CHOICES = [
    ("none", _("ingen rekommendation")),
    ("grant", _("bevilja")),
    ("grant_with_conditions", _("bevilja med villkor")),
    ("reject", _("avslå")),
]


class ReviewForm(forms.Form):
    comments = forms.CharField(label=_("Synpunkter"), widget=forms.Textarea(attrs={"rows": 8}))
    recommendation = forms.ChoiceField(label=_("Rekommendation"), choices=RECOMMENDATION_CHOICES)

    def __init__(self, *args: Any, criteria: list[dict[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = [c for c in criteria if isinstance(c, dict) and c.get("code")]
        for c in self.criteria:
            self.fields[f"score-{c['code']}"] = forms.TypedChoiceField(
                label=_("Poäng: %(criterion)s") % {"criterion": c.get("label") or c["code"]},
                choices=[("", _("ingen poäng")), *[(str(n), str(n)) for n in range(1, 6)]],
                coerce=int,
                empty_value=None,
                required=False,
            )

    def score_fields(self) -> list[forms.BoundField]:
        return [self[f"score-{c['code']}"] for c in self.criteria]

    def scores(self) -> dict[str, int]:
        return {
            c["code"]: self.cleaned_data[f"score-{c['code']}"]
            for c in self.criteria
            if self.cleaned_data.get(f"score-{c['code']}") is not None
        }


class DecisionForm(forms.Form):
    granted = forms.TypedChoiceField(
        label=_("Beslut"),
        choices=[("yes", _("Beviljas")), ("no", _("Avslås"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    body = forms.CharField(
        label=_("Beslutande organ"),
        max_length=200,
        help_text=_("T.ex. Socialnämnden eller Kommunstyrelsen."),
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum"),
        localize=True,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_precision = forms.ChoiceField(
        label=_("Datumet är känt till"),
        choices=[("day", _("dag")), ("month", _("månad")), ("year", _("år"))],
        initial="day",
    )
    paragraph = forms.CharField(label=_("Paragraf (§)"), max_length=40, required=False)
    granted_amount = SwedishDecimalField(
        label=_("Beviljat belopp (kr)"),
        required=False,
        localize=True,
        min_value=Decimal(0),
        max_digits=15,
        decimal_places=2,
        error_messages={
            **AMOUNT_ERRORS,
            "invalid": _("Ange beviljat belopp i kronor, t.ex. 2 460 000."),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    conditions = forms.CharField(
        label=_("Villkor"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    above_sought_reason = forms.CharField(
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när beviljat belopp är högre än det sökta."),
    )
    above_available_confirmed = forms.BooleanField(
        label=_("Beslutet fattas trots att fonden inte har så mycket disponibelt"),
        required=False,
        help_text=_("Beslutet registreras då som beslutat över fondens medel."),
    )


class DecisionCorrectionForm(DecisionForm):
    """A new decision that supersedes the one in force; the old one stays, struck through."""

    correction_reason = forms.CharField(
        label=_("Skäl till rättelsen"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    field_order = ["correction_reason"]


DATE_PRECISION_CHOICES = [("day", _("dag")), ("month", _("månad")), ("year", _("år"))]


class ClosingDecisionForm(forms.Form):
    """The decision on the final report: who decided, when, the outcome and the repayment agreed."""

    closing_outcome = forms.ChoiceField(
        label=_("Utfall"), choices=ClosingOutcome.choices, widget=forms.RadioSelect
    )
    body = forms.CharField(
        label=_("Beslutande organ"),
        max_length=200,
        help_text=_("T.ex. Socialnämnden eller Kommunstyrelsen."),
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum"),
        localize=True,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_precision = forms.ChoiceField(
        label=_("Datumet är känt till"), choices=DATE_PRECISION_CHOICES, initial="day"
    )
    paragraph = forms.CharField(label=_("Paragraf (§)"), max_length=40, required=False)
    repayment_rule = forms.ChoiceField(
        label=_("Återbetalning"),
        choices=[("", _("fondens regel gäller")), *RepaymentRule.choices],
        required=False,
    )
    repayment_note = forms.CharField(
        label=_("Om återbetalningen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "T.ex. ”Återbetalning sker enligt överenskommelse med kommunledningskontoret.”"
        ),
    )
    text = forms.CharField(
        label=_("Beslutet och villkor"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ClosingCorrectionForm(ClosingDecisionForm):
    """A new closing decision that supersedes the one in force; the old one stays, struck through."""

    correction_reason = forms.CharField(
        label=_("Skäl till rättelsen"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    field_order = ["correction_reason"]


# ---------------------------------------------------------------- application forms from their schema
#
# An application form's fields come from the stored schema of its ApplicationForm version
# (sif/web/projects/forms_schema.py), so a new version renders without code changes and an old
# application renders as it was written: {"title", "sections": [{"key", "label", "fields":
# [{"key", "label", "kind", "help"?}]}]}. Kinds `budget`, `contacts` and `indicators` show the
# project's own records; their answer is an optional comment. Unknown kinds render as text.

RECORD_KINDS = ("budget", "contacts", "indicators")


def _sections(schema: Any) -> list[dict[str, Any]]:
    if not isinstance(schema, dict):
        return []
    return [s for s in schema.get("sections") or [] if isinstance(s, dict)]


def _fields(section: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in section.get("fields") or [] if isinstance(f, dict) and f.get("key")]


def _kind(spec: dict[str, Any]) -> str:
    return str(spec.get("kind") or spec.get("type") or "text")


def _display(value: Any, spec: dict[str, Any]) -> str:
    from sif.web.core.money import format_kr

    if value is None or value == "":
        return ""
    kind = _kind(spec)
    if kind == "money":
        try:
            return format_kr(
                Decimal(str(value).replace("\xa0", "").replace(" ", "").replace(",", "."))
            )
        except (InvalidOperation, ValueError):
            return str(value)
    if kind == "yesno":
        return str(_("Ja") if value else _("Nej"))
    return str(value)


def render_answers(schema: Any, answers: Any) -> list[dict[str, Any]]:
    """[{"title", "items": [{"label", "text", "kind"}]}] in the order of the application's own form version."""
    answers = answers if isinstance(answers, dict) else {}
    rendered = []
    for section in _sections(schema):
        items = [
            {
                "label": str(f.get("label") or f["key"]),
                "text": _display(answers.get(f["key"]), f),
                "kind": _kind(f),
            }
            for f in _fields(section)
        ]
        if items:
            rendered.append(
                {"title": str(section.get("label") or section.get("title") or ""), "items": items}
            )
    return rendered


def _form_field(spec: dict[str, Any]) -> forms.Field:
    kind = _kind(spec)
    common: dict[str, Any] = {
        "label": spec.get("label") or spec["key"],
        "required": False,
        "help_text": spec.get("help", ""),
    }
    if kind == "money":
        return forms.DecimalField(
            localize=True,
            min_value=Decimal(0),
            max_digits=15,
            decimal_places=2,
            error_messages={
                **AMOUNT_ERRORS,
                "invalid": _("Ange beloppet i kronor, t.ex. 2 460 000."),
            },
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **common,
        )
    if kind == "date":
        return forms.DateField(
            localize=True,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **common,
        )
    if kind == "yesno":
        return forms.TypedChoiceField(
            choices=[("", "–"), ("yes", _("Ja")), ("no", _("Nej"))],
            coerce=lambda v: v == "yes",
            empty_value=None,
            **common,
        )
    if kind in ("text", "period"):
        return forms.CharField(max_length=500, **common)
    if kind in RECORD_KINDS:
        common["label"] = _("Kommentar: %(label)s") % {"label": common["label"]}
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), **common)


class ApplicationAnswersForm(forms.Form):
    """One field per schema field, grouped into the schema's sections for the template. The
    project's application version travels in a hidden field named apart from every schema key."""

    VERSION = "application_version"

    def __init__(self, *args: Any, schema: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[self.VERSION] = forms.IntegerField(
            required=False, min_value=0, max_value=2**31, widget=forms.HiddenInput
        )
        self.layout: list[tuple[str, list[tuple[str, str]]]] = []
        for section in _sections(schema):
            keys = []
            for spec in _fields(section):
                self.fields[spec["key"]] = _form_field(spec)
                keys.append((spec["key"], _kind(spec)))
            self.layout.append((str(section.get("label") or section.get("title") or ""), keys))

    def grouped(self) -> list[dict[str, Any]]:
        return [
            {"title": title, "fields": [{"field": self[k], "kind": kind} for k, kind in keys]}
            for title, keys in self.layout
        ]

    def answers(self) -> dict[str, Any]:
        """Answers as the service stores them: text as str (amounts in kronor, dates ISO), yes/no as bool."""
        result: dict[str, Any] = {}
        for key, value in self.cleaned_data.items():
            if value is None or value == "" or key == self.VERSION:
                continue
            if isinstance(value, Decimal):
                result[key] = str(int(value)) if value == value.to_integral_value() else str(value)
            elif isinstance(value, date):
                result[key] = value.isoformat()
            else:
                result[key] = value
        return result
