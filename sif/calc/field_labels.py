"""Swedish names for the places an error points at, so no internal key or field path reaches a user.

The pure core names a field by its case-file path ("outcomes[0].values[1].amount", "years",
"effect.intervention_n"); `field_label` turns that into what the user sees in the form or the
file ("utfall 1, värde 2: belopp"). Used by sif/messages.py for every `{field}` placeholder.
"""

from __future__ import annotations

import re

FIELDS = {
    "name": "namn",
    "source": "källa",
    "start_year": "startår",
    "horizon": "kalkylperiod",
    "costs": "kostnader per år",
    "cost_price_year": "kostnadernas prisår",
    "discount_rate": "kalkylränta",
    "price_base_year": "basår för priser",
    "price_adjustment": "prisomräkning",
    "target_group": "målgruppens storlek",
    "assumptions": "antaganden",
    "outcomes": "utfall",
    "key": "kod",
    "label": "benämning",
    "unit": "enhet",
    "successes": "lyckade utfall",
    "effect": "effekt",
    "deadweight": "dödvikt",
    "attribution": "tillskrivning",
    "drop_off": "avtagande per år",
    "duration": "varaktighet",
    "first_year": "första år",
    "values": "värde",
    "actor": "aktör",
    "amount": "belopp",
    "unit_cost": "enhetskostnad",
    "price_year": "prisår",
    "quantity": "antal per år",
    "share": "andel",
    "divide_by": "delat med",
    "outcome": "utfall",
    "intervention_successes": "lyckade utfall i insatsgruppen",
    "intervention_n": "insatsgruppens storlek",
    "comparison_successes": "lyckade utfall i jämförelsegruppen",
    "comparison_n": "jämförelsegruppens storlek",
    "intervention": "insatsgruppen",
    "comparison": "jämförelsegruppen",
    "confidence": "konfidensnivå",
    "years": "år",
    "year": "år",
    "purpose": "kalkylens syfte",
    "payments": "utbetalningar",
    "granted": "beviljat belopp",
    "draws": "antal dragningar",
    "text": "texten",
    "low": "lägsta värde",
    "high": "högsta värde",
    "mode": "troligaste värde",
    "dist": "fördelning",
    "probabilities": "sannolikheter",
    "optimism_bias": "optimismjustering",
    "cost_items": "kostnadspost",
    "optimism_bias_costs": "optimismjustering av kostnaderna",
    "optimism_bias_gains": "optimismjustering av vinsterna",
    "value": "värde",
    "cap": "tak",
    "start": "start",
    "summary": "sammanfattning",
    "svar": "svaret",
    "__all__": "uppgiften",
}
NUMBERED = {
    "outcomes": "utfall",
    "values": "värde",
    "costs": "kostnad",
    "cost_items": "kostnadspost",
}
_PART = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?$")


def field_label(path: object) -> str:
    """ "outcomes[0].values[1].amount" -> "utfall 1, värde 2: belopp"; "years" -> "år";
    "intervention_n" -> "insatsgruppens storlek"; an unknown key loses its underscores."""
    text = str(path or "").strip()
    if not text:
        return "uppgiften"
    if not re.fullmatch(r"[A-Za-z0-9_.\[\]]+", text):
        return text  # already words (a column heading, a Swedish label)
    places: list[str] = []
    for part in text.split("."):
        match = _PART.match(part)
        if match is None:
            places.append(part.replace("_", " "))
            continue
        name, index = match.group(1), match.group(2)
        word = (
            NUMBERED.get(name, FIELDS.get(name, _words(name)))
            if index is not None
            else FIELDS.get(name, _words(name))
        )
        places.append(f"{word} {int(index) + 1}" if index is not None else word)
    if len(places) == 1:
        return places[0]
    return f"{', '.join(places[:-1])}: {places[-1]}"


def _words(name: str) -> str:
    """An unknown key: the suffix after the group is kept readable ("intervention_x" -> "intervention x")."""
    for suffix, word in (("_successes", "lyckade utfall"), ("_n", "gruppens storlek")):
        if name.endswith(suffix):
            return f"{FIELDS.get(name.removesuffix(suffix), name.removesuffix(suffix))}: {word}"
    return name.replace("_", " ")
