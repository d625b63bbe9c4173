"""The application forms as data. Each submitted application keeps the version it was written in.

`application_full` follows seed 002 ("Ansökan – insatser sociala investeringsfonden", steg 2);
`application_short` follows seed 004 ("Ansökan om medel för ytterstadsprojekt").

A schema is {"title", "sections": [{"key", "label", "fields": [{"key", "label", "kind", "help"?}]}]}.
Field kinds: text (one line), textarea, date, period, money, yesno, contacts, budget, indicators.
The last three are shown from the project's own records (contacts, budget table, indicators); the
answer holds only an optional comment. Keys are ASCII and never change meaning; labels may.
"""

from __future__ import annotations

from typing import Any

FIELD_KINDS = (
    "text",
    "textarea",
    "date",
    "period",
    "money",
    "yesno",
    "contacts",
    "budget",
    "indicators",
)


def _f(key: str, label: str, kind: str = "textarea", help: str = "") -> dict[str, str]:
    field = {"key": key, "label": label, "kind": kind}
    if help:
        field["help"] = help
    return field


APPLICATION_FULL: dict[str, Any] = {
    "title": "Ansökan – insatser sociala investeringsfonden",
    "sections": [
        {
            "key": "practical",
            "label": "Praktisk beskrivning",
            "fields": [
                _f("name", "Namn på den planerade insatsen", "text"),
                _f("period", "Datum", "period", "Under vilken period ska insatsen pågå?"),
                _f("applicant_unit", "Ansökande verksamhet", "text"),
                _f("affected_units", "Berörd verksamhet"),
                _f(
                    "economy",
                    "Ekonomi",
                    "budget",
                    "Kostnad per år och kostnadsslag (tkr). Totalsummorna räknas fram.",
                ),
                _f("contacts", "Kontaktperson", "contacts"),
            ],
        },
        {
            "key": "target",
            "label": "Målgrupp, insats, utfall och förtjänst",
            "fields": [
                _f("current_situation", "Nulägesbeskrivning"),
                _f("needs_analysis", "Behovsanalys"),
                _f("target_group", "Berörd målgrupp"),
                _f("intervention", "Beskrivning av insatsen"),
                _f(
                    "outcomes",
                    "Utfall (effekt)",
                    "indicators",
                    "Indikatorer med mätmetod, baslinje och jämförelsegrupp.",
                ),
                _f("gains", "Förtjänster"),
            ],
        },
        {
            "key": "evaluation",
            "label": "Uppföljning och utvärdering av effekter",
            "fields": [_f("evaluation", "Uppföljning och utvärdering av effekter")],
        },
        {
            "key": "development",
            "label": "Metodutveckling, samverkan och långsiktighet",
            "fields": [
                _f("method_development", "Utveckling av arbetssätt"),
                _f("collaboration", "Samverkan"),
                _f("sustainability", "Långsiktighet"),
            ],
        },
        {
            "key": "research",
            "label": "Forskningsförankring",
            "fields": [_f("research", "Forskningsförankring")],
        },
        {
            "key": "references",
            "label": "Referenser",
            "fields": [_f("references", "Referenser")],
        },
    ],
}

APPLICATION_SHORT: dict[str, Any] = {
    "title": "Ansökan om medel för ytterstadsprojekt",
    "sections": [
        {
            "key": "applicant",
            "label": "Sökande",
            "fields": [
                _f("name", "Namn på projekt", "text"),
                _f("board", "Nämnd", "text"),
                _f("contact", "Kontaktperson", "text"),
                _f("address", "Adress", "text"),
                _f("postal_address", "Postadress", "text"),
                _f("email", "E-post", "text"),
                _f("phone", "Telefon", "text"),
            ],
        },
        {
            "key": "project",
            "label": "Projekt",
            "fields": [
                _f("schedule", "Tidplan (datum för start och slut)", "period"),
                _f("sought_amount", "Sökt summa (ska stämma överens med beslutssatsen)", "money"),
                _f("budget", "Budget (specificera)"),
                _f("other_income", "Finns övriga intäkter", "yesno"),
                _f("goal", "Mål"),
                _f("purpose", "Syfte"),
                _f("implementation", "Genomförande"),
                _f("after_end", "Plan för implementering efter avslut"),
                _f("other_information", "Övriga upplysningar"),
            ],
        },
    ],
}

FORMS: dict[str, dict[str, Any]] = {
    "application_full": APPLICATION_FULL,
    "application_short": APPLICATION_SHORT,
}
# The steps (sif/policy/states.py APPLICATION_STEP: 0 proposal, 1, 2) in which each form is written.
# The full application is the step-2 form; the short one (ytterstadsmedel) has a single step.
FORM_STEPS: dict[str, tuple[int, ...]] = {"application_full": (2,), "application_short": (0, 1, 2)}


def schema_field_keys(schema: dict[str, Any]) -> dict[str, str]:
    """Field key -> kind, over every section of a schema."""
    return {f["key"]: f["kind"] for s in schema.get("sections", []) for f in s.get("fields", [])}
