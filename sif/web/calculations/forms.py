"""The calculation's edit forms: settings and costs, a formset of outcomes (with up to
VALUE_SLOTS actor values each), and the "avancerat" textarea for the TOML/JSON case format.

Forms only shape the text into case-file data (docs/calculations.md); every domain rule is
checked once, by `sif.calc` through the service, and its error is put back on the field it names.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

from django import forms
from django.utils.text import slugify

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.calc.numbers import number
from sif.messages import message_for, message_for_error
from sif.web.calculations import limits
from sif.web.calculations.models import Purpose
from sif.web.calculations.present import catalogue_choices

VALUE_SLOTS = 3
VALUE_FIELDS = (
    "actor",
    "unit_cost",
    "amount",
    "quantity",
    "share",
    "divide_by",
    "price_year",
    "source",
    "label",
)
OUTCOME_NUMBERS = ("successes", "target_group", "effect", "deadweight", "attribution", "drop_off")
RANGE_SEPARATORS = re.compile(r"\s*(?:–|—|\.\.)\s*")
ACTOR_SUGGESTIONS = (
    "kommun",
    "kommun.socialtjanst",
    "kommun.utbildning",
    "kommun.ekonomiskt_bistand",
    "region",
    "stat",
    "stat.forsakringskassan",
    "stat.arbetsformedlingen",
    "individ",
    "samhalle",
)
NUMBER_HELP = "Tal (1 234,5), räkneuttryck (8000 * 0,13) eller intervall (3000–4000)."


# ---------------------------------------------------------------- text <-> case-file values


def parse_input(text: str) -> Any:
    """'' -> None; '3 000–4 000' -> {low, high}; '0,035' -> 0.035; '8000 * 0,13' stays text for
    sif.calc to evaluate (and to refuse with `invalid_number` naming the field)."""
    text = (text or "").strip()
    if not text:
        return None
    parts = RANGE_SEPARATORS.split(text)
    if len(parts) == 2 and all(parts):
        return {"low": parse_input(parts[0]), "high": parse_input(parts[1])}
    cleaned = text.replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return cleaned
    return (
        int(value)
        if value == int(value) and "." not in cleaned and "e" not in cleaned.lower()
        else value
    )


def show_input(value: Any) -> str | None:
    """The inverse for the form's initial text; None when the value needs the advanced mode."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return fmt.number(value, 10, trim=True).replace("\xa0", " ")
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        kind = value.get("dist", "uniform" if "mode" not in value else "triangular")
        if kind == "fixed":
            return show_input(value.get("value"))
        if kind == "uniform" and set(value) <= {"dist", "low", "high"}:
            low, high = show_input(value.get("low")), show_input(value.get("high"))
            return None if low is None or high is None else f"{low}–{high}"
    return None


def _put(data: dict[str, Any], key: str, text: str) -> None:
    value = parse_input(text)
    if value is not None:
        data[key] = value


# ---------------------------------------------------------------- forms


class MetaForm(forms.Form):
    # The version the editor started from (0: none); a newer one of the same purpose refuses the save.
    version = forms.IntegerField(
        required=False, min_value=0, max_value=2**31, widget=forms.HiddenInput
    )
    purpose = forms.ChoiceField(label="Syfte", choices=Purpose.choices, initial=Purpose.EXPECTED)
    label = forms.CharField(label="Benämning av versionen", required=False, max_length=200)
    note = forms.CharField(
        label="Kommentar (vad som ändrats och varför)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SettingsForm(forms.Form):
    name = forms.CharField(label="Kalkylens namn", required=False, max_length=300)
    source = forms.CharField(
        label="Källa (dokument som siffrorna kommer från)", required=False, max_length=500
    )
    start_year = forms.IntegerField(
        label="Startår (år 1 = t 0)", min_value=limits.FIRST_YEAR, max_value=limits.LAST_YEAR
    )
    horizon = forms.IntegerField(
        label="Kalkylperiod (år)", max_value=limits.MAX_HORIZON
    )  # below 1: the model's own message
    discount_rate = forms.CharField(
        label="Kalkylränta, real (%)", help_text="Standard från fonden, t.ex. 3,5."
    )
    price_base_year = forms.IntegerField(
        label="Prisbasår",
        required=False,
        min_value=limits.FIRST_YEAR,
        max_value=limits.LAST_YEAR,
        help_text="Allt räknas om till detta års priser med KPI.",
    )
    cost_price_year = forms.IntegerField(
        label="Kostnadernas prisår",
        required=False,
        min_value=limits.FIRST_YEAR,
        max_value=limits.LAST_YEAR,
        help_text="Tomt: samma som prisbasåret.",
    )
    price_adjustment = forms.BooleanField(
        label="Räkna om priser med KPI", required=False, initial=True
    )
    target_group = forms.CharField(
        label="Målgruppens storlek", required=False, help_text=NUMBER_HELP
    )
    costs = forms.CharField(
        label="Kostnader per år (kr)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="En rad per år: år: belopp, t.ex. 2020: 9 577 000. Förifyllt från projektets budget.",
    )
    assumptions = forms.CharField(
        label="Antaganden (en per rad)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Uppgifter som inte finns i källan; de visas som antaganden på kalkylsidan.",
    )

    def case_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        data: dict[str, Any] = {
            "name": d["name"].strip(),
            "source": d["source"].strip(),
            "start_year": d["start_year"],
            "horizon": d["horizon"],
        }
        data["discount_rate"] = _percent(d["discount_rate"])
        for key in ("price_base_year", "cost_price_year"):
            if d.get(key) is not None:
                data[key] = d[key]
        data["price_adjustment"] = bool(d["price_adjustment"])
        _put(data, "target_group", d["target_group"])
        data["costs"] = parse_costs(d["costs"], d["start_year"])
        data["assumptions"] = [
            line.strip() for line in d["assumptions"].splitlines() if line.strip()
        ]
        return data


def _percent(text: str) -> Any:
    value = parse_input(text)
    if isinstance(value, dict):
        return {k: round(number(v, "discount_rate") / 100, 10) for k, v in value.items()}
    if value is None:
        raise SifError("missing_field", field="discount_rate")
    return round(number(value, "discount_rate") / 100, 10)


def parse_costs(text: str, start_year: int) -> list[Any]:
    """Lines 'år: belopp' into the case file's list from start_year (years without a line cost 0)."""
    by_year: dict[int, Any] = {}
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        year, sep, amount = line.partition(":")
        if not sep or not year.strip().isdigit() or not amount.strip():
            raise SifError("cost_line_invalid", field="costs", line=line.strip())
        if int(year) < start_year:
            raise SifError("year_outside_horizon", field="costs", value=int(year))
        by_year[int(year)] = parse_input(amount)
    if not by_year:
        return []
    return [by_year.get(y, 0) for y in range(start_year, max(by_year) + 1)]


def costs_text(costs: list[Any], start_year: int) -> str | None:
    lines = []
    for i, cost in enumerate(costs):
        shown = show_input(cost)
        if shown is None:
            return None
        lines.append(f"{start_year + i}: {shown}")
    return "\n".join(lines)


class OutcomeForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False)
    label = forms.CharField(
        label="Utfall", max_length=300, help_text="T.ex. ”Elev når gymnasiebehörighet”."
    )
    unit = forms.CharField(
        label="Räknas i", required=False, max_length=100, help_text="elever, familjer …"
    )
    successes = forms.CharField(
        label="Lyckade utfall (antal)", required=False, help_text="Eller målgrupp × effekt nedan."
    )
    target_group = forms.CharField(label="Målgrupp (antal)", required=False)
    effect = forms.CharField(label="Effekt (andel, 0,10 = 10 procentenheter)", required=False)
    deadweight = forms.CharField(label="Dödvikt (andel 0–1)", required=False, initial="0")
    attribution = forms.CharField(label="Attribution (andel 0–1)", required=False, initial="1")
    drop_off = forms.CharField(label="Avtagande per år (andel 0–1)", required=False, initial="0")
    duration = forms.IntegerField(
        label="Varaktighet (år)",
        required=False,
        max_value=limits.MAX_HORIZON,
        help_text="Tomt: till kalkylperiodens slut.",
    )
    first_year = forms.IntegerField(
        label="Första år med vinster",
        required=False,
        min_value=limits.FIRST_YEAR,
        max_value=limits.LAST_YEAR,
    )

    def _actor_choices(self, name: str) -> list[tuple[str, str]]:
        """The actors by their Swedish names ("Kommunen, socialtjänsten"), and any other actor the
        stored calculation already names, so nothing is lost on editing."""
        from sif.calc.labels_sv import actor_label

        codes = list(ACTOR_SUGGESTIONS)
        for given in (
            self.initial.get(name),
            self.data.get(self.add_prefix(name)) if self.data else None,
        ):
            if given and given not in codes:
                codes.append(str(given))
        return [("", "—"), *((code, actor_label(code)) for code in codes)]

    def __init__(self, *args: Any, municipality: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = catalogue_choices(municipality)
        for slot in range(1, VALUE_SLOTS + 1):
            f = self.fields
            f[f"actor_{slot}"] = forms.ChoiceField(
                label="Aktör",
                required=False,
                choices=self._actor_choices(f"actor_{slot}"),
                help_text="Vem som bär kostnaden och därmed får vinsten.",
            )
            f[f"unit_cost_{slot}"] = forms.ChoiceField(
                label="Enhetskostnad ur katalogen", required=False, choices=choices
            )
            f[f"amount_{slot}"] = forms.CharField(
                label="Belopp (kr)", required=False, help_text="Tomt: enhetskostnadens belopp."
            )
            f[f"quantity_{slot}"] = forms.CharField(
                label="Antal per utfall och år", required=False, help_text="T.ex. 365 dygn."
            )
            f[f"share_{slot}"] = forms.CharField(label="Andel av beloppet", required=False)
            f[f"divide_by_{slot}"] = forms.CharField(label="Delat med", required=False)
            f[f"price_year_{slot}"] = forms.IntegerField(
                label="Prisår",
                required=False,
                min_value=limits.FIRST_YEAR,
                max_value=limits.LAST_YEAR,
                help_text="Tomt: enhetskostnadens prisår.",
            )
            f[f"source_{slot}"] = forms.CharField(
                label="Källa",
                required=False,
                max_length=500,
                help_text="Tomt: enhetskostnadens källa.",
            )
            f[f"label_{slot}"] = forms.CharField(label="Text", required=False, max_length=300)

    def slots(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{name}_{slot}"] for name in VALUE_FIELDS] for slot in range(1, VALUE_SLOTS + 1)
        ]

    def main_fields(self) -> list[forms.BoundField]:
        return [
            self[n]
            for n in (
                "label",
                "unit",
                "successes",
                "target_group",
                "effect",
                "deadweight",
                "attribution",
                "drop_off",
                "duration",
                "first_year",
            )
        ]

    def case_data(self, index: int) -> dict[str, Any]:
        d = self.cleaned_data
        data: dict[str, Any] = {
            "key": d.get("key")
            or slugify(d["label"]).replace("-", "_")[:60]
            or f"utfall_{index + 1}",
            "label": d["label"].strip(),
            "unit": d.get("unit", "").strip(),
        }
        for key in OUTCOME_NUMBERS:
            _put(data, key, d.get(key, ""))
        for key in ("duration", "first_year"):
            if d.get(key) is not None:
                data[key] = d[key]
        data["values"] = [v for v in (self._value(slot) for slot in range(1, VALUE_SLOTS + 1)) if v]
        return data

    def _value(self, slot: int) -> dict[str, Any]:
        d = self.cleaned_data
        value: dict[str, Any] = {}
        for key in ("actor", "unit_cost", "source", "label"):
            text = (d.get(f"{key}_{slot}") or "").strip()
            if text:
                value[key] = text
        for key in ("amount", "quantity", "share", "divide_by"):
            _put(value, key, d.get(f"{key}_{slot}") or "")
        if d.get(f"price_year_{slot}") is not None:
            value["price_year"] = d[f"price_year_{slot}"]
        return value


OutcomeFormSet = forms.formset_factory(OutcomeForm, extra=1, can_delete=True)


# Case-file keys the simple form has no field for: such a calculation is edited as a case file, so
# that saving through the form never drops them.
ADVANCED_SCENARIO_KEYS = {
    "cost_payer",
    "cost_items",
    "optimism_bias_costs",
    "optimism_bias_gains",
    "discount_schedule",
}
ADVANCED_OUTCOME_KEYS = {"displacement", "leakage", "ramp_up", "evidence"}
ADVANCED_VALUE_KEYS = {"value_type", "transfer", "counterpart"}


def outcome_initial(outcome: dict[str, Any]) -> dict[str, Any] | None:
    """A case-file outcome as form initial data; None if it needs the advanced mode."""
    values = outcome.get("values", [])
    if len(values) > VALUE_SLOTS or ADVANCED_OUTCOME_KEYS & set(outcome):
        return None
    if any(ADVANCED_VALUE_KEYS & set(v) for v in values if isinstance(v, dict)):
        return None
    initial: dict[str, Any] = {k: outcome.get(k, "") for k in ("key", "label", "unit")}
    initial.update({k: outcome.get(k) for k in ("duration", "first_year")})
    for key in OUTCOME_NUMBERS:
        text = show_input(outcome.get(key))
        if text is None:
            return None
        initial[key] = text
    for slot, value in enumerate(values, start=1):
        for key in ("actor", "unit_cost", "source", "label", "price_year"):
            initial[f"{key}_{slot}"] = value.get(key, "" if key != "price_year" else None)
        for key in ("amount", "quantity", "share", "divide_by"):
            text = show_input(value.get(key))
            if text is None:
                return None
            initial[f"{key}_{slot}"] = text
    return initial


def _rate_text(rate: Any) -> str | None:
    """The discount rate (a share in the case file) as percent text: 0.035 -> '3,5'."""
    if isinstance(rate, str):
        try:
            rate = number(rate, "discount_rate")
        except SifError:
            return rate
    if isinstance(rate, int | float) and not isinstance(rate, bool):
        return show_input(round(rate * 100, 8))
    if (
        isinstance(rate, dict)
        and rate.get("dist", "uniform") == "uniform"
        and set(rate) <= {"dist", "low", "high"}
    ):
        try:
            return show_input(
                {
                    "low": round(number(rate["low"], "") * 100, 8),
                    "high": round(number(rate["high"], "") * 100, 8),
                }
            )
        except (SifError, KeyError):
            return None
    return None


def settings_initial(data: dict[str, Any]) -> dict[str, Any] | None:
    if ADVANCED_SCENARIO_KEYS & set(data):
        return None
    rate_text = _rate_text(data.get("discount_rate", 0.035))
    costs = costs_text(list(data.get("costs", [])), int(data.get("start_year", 0) or 0))
    group = show_input(data.get("target_group"))
    if rate_text is None or costs is None or group is None:
        return None
    return {
        "name": data.get("name", ""),
        "source": data.get("source", ""),
        "start_year": data.get("start_year"),
        "horizon": data.get("horizon"),
        "discount_rate": rate_text.replace(" ", ""),
        "price_base_year": data.get("price_base_year"),
        "cost_price_year": data.get("cost_price_year"),
        "price_adjustment": data.get("price_adjustment", True),
        "target_group": group,
        "costs": costs,
        "assumptions": "\n".join(data.get("assumptions", [])),
    }


class AdvancedForm(forms.Form):
    text = forms.CharField(
        label="Kalkylen i kalkylfilens format (TOML eller JSON)",
        widget=forms.Textarea(attrs={"rows": 28, "spellcheck": "false"}),
        help_text="Samma format som kommandot sif calc läser; alla uppgifter beskrivs i SIF:s dokumentation om kalkylen.",
    )

    def case_data(self) -> dict[str, Any]:
        text = self.cleaned_data["text"].strip()
        try:
            return json.loads(text) if text.startswith("{") else tomllib.loads(text)
        except ValueError as exc:
            raise SifError("calculation_text_unreadable", field="text", detail=str(exc)) from None


class MonteCarloForm(forms.Form):
    draws = forms.IntegerField(label="Antal dragningar", initial=10_000, min_value=1)
    seed = forms.IntegerField(label="Frö", initial=1, min_value=0, max_value=limits.SEED_MAX)


# ---------------------------------------------------------------- errors back on the fields

_OUTCOME = re.compile(r"^outcomes\[(\d+)\](?:\.values\[(\d+)\])?(?:\.(\w+))?")
SETTINGS_ALIASES = {"discount_rate": "discount_rate", "costs": "costs"}


def place_error(
    error: SifError, settings_form: SettingsForm, formset: Any, form_index: list[int]
) -> None:
    """Put the Swedish message on the field the error's `field` names (else on the settings form)."""
    message = message_for_error(error)
    path = str(error.params.get("field", ""))
    match = _OUTCOME.match(path)
    if match and int(match.group(1)) < len(form_index):
        form = formset.forms[form_index[int(match.group(1))]]
        name = match.group(3)
        if match.group(2) is not None and name:
            name = f"{name}_{int(match.group(2)) + 1}"
        form.add_error(name if name in form.fields else None, message)
        return
    name = path.split("[", 1)[0].split(".", 1)[0]
    settings_form.add_error(name if name in settings_form.fields else None, message)


def not_representable() -> str:
    return message_for("calculation_advanced_only")
