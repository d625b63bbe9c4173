"""Swedish labels for what the calculation shows: actors, units and explanation lines."""

from __future__ import annotations

ACTORS = {
    "kommun": "Kommunen",
    "region": "Regionen",
    "stat": "Staten",
    "individ": "Individen",
    "samhalle": "Samhället (ej uppdelat på aktörer)",
}
SUB_ACTORS = {
    "socialtjanst": "socialtjänsten",
    "utbildning": "utbildningsförvaltningen",
    "ekonomiskt_bistand": "ekonomiskt bistånd",
    "forsakringskassan": "Försäkringskassan",
    "arbetsformedlingen": "Arbetsförmedlingen",
    "skola": "skolan",
    "forskola": "förskolan",
    "fritid": "fritidsförvaltningen",
    "aldreomsorg": "äldreomsorgen",
    "kriminalvarden": "Kriminalvården",
    "polisen": "Polisen",
}
PUBLIC_SECTOR_LABEL = "Offentlig sektor totalt (kommun, region och stat)"
SOCIETY_TOTAL_LABEL = "Totalt, alla aktörer (samhällets kalkyl)"
VALUE_TYPES = {
    "fiscal_cashable": "Budgetvärde som kan frigöras (kostnader som faktiskt minskar)",
    "fiscal_non_cashable": "Budgetvärde som inte frigörs (kapacitet som används till annat)",
    "economic": "Ekonomiskt värde (inkomster, produktion)",
    "social": "Socialt värde (hälsa, välbefinnande)",
    "transfer": "Transfereringar, mottagarens förlust (tar ut betalarens vinst i samhällets summa)",
}
SCHEDULES = {
    "fixed": "fast kalkylränta",
    "green_book": "fallande kalkylränta enligt Green Book (3,5 % år 0–30, 3,0 % år 31–75, 2,5 % år 76–125)",
}
UNITS = {
    "per_day": "kr per dygn",
    "per_school_day": "kr per skoldag",
    "per_month": "kr per månad",
    "per_year": "kr per år",
    "per_case": "kr per ärende",
    "per_hour": "kr per timme",
    "per_person": "kr per person",
}
EXPLANATION = {
    "pv_costs": "Nuvärde av kostnaderna",
    "actor_value": "Värde per lyckat utfall och år för {actor} ({outcome})",
    "effective_successes": "Lyckade utfall som räknas ({outcome})",
    "pv_gains_outcome": "Nuvärde av vinsterna ({outcome})",
    "pv_gains_actor": "Nuvärde av vinsterna för {actor}",
    "pv_gains": "Nuvärde av vinsterna, totalt",
    "npv": "Nettonuvärde",
    "benefit_cost_ratio": "Nytta per investerad krona",
    "payback_year": "Återbetalningsår (diskonterat)",
    "payback_year_undiscounted": "Återbetalningsår (odiskonterat)",
    "break_even_successes": "Antal lyckade utfall som krävs för att investeringen ska bära sig ({outcome})",
    "break_even_share": "Andel av målgruppen som krävs för att investeringen ska bära sig",
}


def value_type_label(code: str) -> str:
    return VALUE_TYPES.get(code, code)


def actor_label(code: str) -> str:
    """`kommun.socialtjanst` -> "Kommunen, socialtjänsten"."""
    top, _, sub = code.partition(".")
    label = ACTORS.get(top, top)
    return f"{label}, {SUB_ACTORS.get(sub, sub.replace('_', ' '))}" if sub else label
