"""Realised gains in words: the formula with its inputs, and the plausibility guard's reasons.

Shared by the follow-up page and the documents (committee paper, final report), so a reader sees
the same computation wherever the figure appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sif.calc import format as f
from sif.calc.labels_sv import actor_label
from sif.calc.realised import SHARE_MODE, ActorGain, RealisedGains
from sif.calc.unit_costs import unit_cost

if TYPE_CHECKING:
    from sif.web.followup.effects import EffectCard


def guard_text(line: ActorGain, code: str) -> str:
    actor = actor_label(line.actor)
    if code == "above_expected":
        return _(
            "Orimligt högt: den realiserade nyttan för %(actor)s (%(realised)s per år) är mer än tre gånger den förväntade (%(expected)s). Kontrollera mätvärdena och att indikatorn mäter det utfall kalkylen värderar."
        ) % {"actor": actor, "realised": f.kr(line.realised), "expected": f.kr(line.expected)}
    return _(
        "Orimligt högt: den realiserade nyttan för %(actor)s (%(realised)s per år) är större än aktörens relevanta kostnader (%(costs)s per år)."
    ) % {"actor": actor, "realised": f.kr(line.realised), "costs": f.kr(line.relevant_costs)}


def gains_formula(card: EffectCard) -> list[str]:
    """One sentence for the period and the measured successes, then one per actor."""
    gains = card.gains
    if gains is None:
        return []
    lines = [_period_sentence(card), _successes_sentence(card, gains)]
    source = _value_source(card)
    for line in card.gains_rows:
        lines.append(_actor_sentence(gains, line, source))
    return lines


def _period_sentence(card: EffectCard) -> str:
    against = (
        _("jämförelsegruppen")
        if card.comparison is not None and card.effect is not None
        else _("baslinjen")
    )
    text = _(
        "Mätperiod: %(period)s, den senaste perioden där både insatsgruppen och %(against)s har värden."
    ) % {"period": card.period_label, "against": against}
    if card.newer_periods:
        text += " " + _("Senare perioder utan värden för båda (%(periods)s) räknas inte.") % {
            "periods": ", ".join(card.newer_periods)
        }
    return text


def _successes_sentence(card: EffectCard, gains: RealisedGains) -> str:
    difference = (
        card.effect.difference if card.effect is not None else float(card.baseline_difference or 0)
    )
    if gains.mode == SHARE_MODE:
        return _(
            "Kalkylen räknar utfallet som en andel av en årlig totalkostnad: förväntad andel %(expected)s, uppmätt skillnad %(measured)s."
        ) % {
            "expected": f.percent(gains.expected_successes, 2),
            "measured": f.percentage_points(difference),
        }
    n = card.intervention.denominator
    measured = f.number(gains.measured_successes, 1)
    if card.effect is not None and n:
        how = _("skillnaden %(difference)s × %(n)s i insatsgruppen") % {
            "difference": f.percentage_points(difference),
            "n": f.number(n),
        }
    else:
        how = _("förändringen mot baslinjen")
    return _(
        "Extra lyckade utfall: %(measured)s (%(how)s); kalkylen förväntade %(expected)s lyckade utfall per år."
    ) % {
        "measured": measured,
        "how": how,
        "expected": f.number(gains.expected_successes, 2, trim=True),
    }


def _actor_sentence(gains: RealisedGains, line: ActorGain, source: str) -> str:
    params = {
        "actor": actor_label(line.actor),
        "value": f.kr(line.value_per_success),
        "attribution": f.percent(gains.attribution, 0),
        "realised": f.kr(line.realised),
        "expected": f.kr(line.expected),
        "source": source,
    }
    if gains.mode == SHARE_MODE:
        params["measured"] = f.percent(gains.measured_successes, 2)
        params["expected_n"] = f.percent(gains.expected_successes, 2)
        return (
            _(
                "%(actor)s: realiserad nytta = %(measured)s × tillskrivning %(attribution)s × %(value)s per år (%(source)s) = %(realised)s; förväntad = %(expected_n)s × %(attribution)s × %(value)s = %(expected)s."
            )
            % params
        )
    params["measured"] = f.number(gains.measured_successes, 1)
    params["expected_n"] = f.number(gains.expected_successes, 2, trim=True)
    return (
        _(
            "%(actor)s: realiserad nytta = %(measured)s extra lyckade utfall × tillskrivning %(attribution)s × %(value)s per lyckat utfall och år (%(source)s) = %(realised)s; förväntad = %(expected_n)s × %(attribution)s × %(value)s = %(expected)s."
        )
        % params
    )


def _value_source(card: EffectCard) -> str:
    """Where the value of one success comes from: the value's label, else the unit cost's name."""
    outcome = card.calculation.outcome
    if outcome is None:
        return ""
    names = []
    for value in outcome.values:
        if value.label:
            names.append(value.label)
        elif value.unit_cost:
            try:
                names.append(unit_cost(value.unit_cost).name_sv)
            except ValueError:
                names.append(value.source)
        elif value.source:
            names.append(value.source)
    version = _("kalkylen version %(version)s") % {"version": card.calculation.version}
    return "; ".join(dict.fromkeys(names + [version]))
