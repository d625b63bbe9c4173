"""The socioeconomic calculation in plain Swedish, for a committee: one paragraph a politician can
read, built from a calculation's result (sif/calc) and its one-at-a-time sensitivity. Pure: no
Django, no database; numbers are formatted by sif.web.core.money (the one formatting module)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sif.calc.distributions import point
from sif.calc.labels_sv import actor_label
from sif.calc.model import Result, Scenario
from sif.calc.scenario import outcome_target_group
from sif.calc.uncertainty import TornadoBar
from sif.web.core.money import group_thousands


@dataclass(frozen=True)
class PlainCalculation:
    """The paragraph's sentences, and who gains how much (actor label, present value in kronor)."""

    sentences: list[str]
    gains: list[tuple[str, float]]
    cost: float

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def millions(kronor: float) -> str:
    """21 840 000 -> "21,8 miljoner kronor"; under one million in thousands ("840 000 kronor")."""
    if abs(kronor) < 1e6:
        return f"{group_thousands(Decimal(round(kronor, -3)))}\xa0kronor"
    return f"{group_thousands(Decimal(str(kronor / 1e6)), 1)}\xa0miljoner kronor"


def percent(share: float) -> str:
    pct = Decimal(str(share * 100))
    decimals = 0 if abs(pct) >= 10 else 1
    return f"{group_thousands(pct, decimals)}\xa0%"


def share_outcome_text(value: float | None, unit: str) -> str:
    """An outcome counted as a share ("andel av …", value below one) as "3,4 % (andel av …)";
    empty when the outcome is counted in people or events."""
    unit = unit.strip("() ")
    if value is None or not unit.lower().startswith("andel") or abs(value) >= 1:
        return ""
    return f"{percent(value)} ({unit})"


def assumed_share(scenario: Scenario) -> float | None:
    """The share of the target group the calculation assumes will succeed (first outcome)."""
    if not scenario.outcomes:
        return None
    outcome = scenario.outcomes[0]
    if outcome.effect is not None:
        return point(outcome.effect)
    group = outcome_target_group(scenario, outcome)
    if outcome.successes is not None and group is not None and point(group) > 0:
        return point(outcome.successes) / point(group)
    return None


def plain_calculation(
    scenario: Scenario, result: Result, bars: Sequence[TornadoBar], label_of: Callable[[str], str]
) -> PlainCalculation:
    """Per krona invested; the break-even share against the assumed one; the payback year; the most
    uncertain input (the widest tornado bar); who gains how much."""
    years = f"{result.years[0]}–{result.years[-1]}"
    rate = percent(result.discount_rate)
    sentences = []
    if result.benefit_cost_ratio is not None:
        ratio = group_thousands(Decimal(str(result.benefit_cost_ratio)), 2)
        sentences.append(
            f"För varje investerad krona beräknas {ratio} kronor komma tillbaka som minskade kostnader och andra vinster "
            f"under {years} (nuvärde med {rate} kalkylränta)."
        )
    verdict = "ett överskott" if result.npv >= 0 else "ett underskott"
    sentences.append(
        f"Investeringen kostar {millions(result.pv_costs)} och vinsterna beräknas till {millions(result.pv_gains)}, "
        f"{verdict} på {millions(abs(result.npv))}."
    )
    assumed = assumed_share(scenario)
    if result.break_even_share is not None:
        tail = f" – kalkylen antar {percent(assumed)}" if assumed is not None else ""
        sentences.append(
            f"{percent(result.break_even_share)} av målgruppen behöver lyckas för att investeringen ska bära sig{tail}."
        )
    elif (
        result.break_even_successes is not None
        and scenario.outcomes
        and share_outcome_text(result.break_even_successes, scenario.outcomes[0].unit)
    ):
        unit = scenario.outcomes[0].unit
        successes = scenario.outcomes[0].successes
        tail = f" – kalkylen antar {percent(point(successes))}" if successes is not None else ""
        sentences.append(
            f"Investeringen bär sig om utfallet blir {share_outcome_text(result.break_even_successes, unit)}{tail}."
        )
    elif result.break_even_successes is not None and scenario.outcomes:
        unit = scenario.outcomes[0].unit or "lyckade utfall"
        sentences.append(
            f"Det krävs {group_thousands(Decimal(str(result.break_even_successes)), 0)} {unit} för att investeringen ska bära sig."
        )
    if result.payback_year is not None:
        sentences.append(
            f"Investeringen har betalat sig {result.payback_year}, år {result.payback_year - result.years[0] + 1} av {len(result.years)}."
        )
    else:
        sentences.append(f"Investeringen betalar sig inte inom kalkylperioden {years}.")
    if bars:
        widest = max(bars, key=lambda b: b.swing)
        sentences.append(
            f"Mest osäkert är {label_of(widest.input).lower()}: inom dess osäkerhetsintervall ligger nettot mellan "
            f"{_signed(min(widest.npv_low, widest.npv_high))} och {_signed(max(widest.npv_low, widest.npv_high))}."
        )
    gains = sorted(
        ((actor_label(a), v) for a, v in result.pv_gains_by_actor.items() if v),
        key=lambda kv: -kv[1],
    )
    if gains and result.pv_gains:
        shares = [
            f"{label.lower()} {millions(v)} ({percent(v / result.pv_gains)})" for label, v in gains
        ]
        who = shares[0] if len(shares) == 1 else ", ".join(shares[:-1]) + " och " + shares[-1]
        sentences.append(f"Vinsterna tillfaller {who}.")
    return PlainCalculation(sentences, gains, result.pv_costs)


def _signed(kronor: float) -> str:
    return ("minus " if kronor < 0 else "") + millions(abs(kronor))
