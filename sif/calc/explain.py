"""How each result was computed, as data: label, formula, inputs, value and source.

The web pages, the documents and `sif calc` show these lines as they are; labels are Swedish
(sif/calc/labels_sv.py), keys and formulas are stable ASCII-ish text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sif.calc import engine
from sif.calc.distributions import Distribution, distribution_to_value, point
from sif.calc.labels_sv import EXPLANATION, actor_label, value_type_label
from sif.calc.price_index import KPI_SOURCE, kpi
from sif.calc.scenario import ActorValue, Outcome, Scenario

if TYPE_CHECKING:
    from sif.calc.model import Explanation, Result


def explain(scenario: Scenario, figures: engine.Figures, result: Result) -> list[Explanation]:
    lines = [_pv_costs(scenario, result)]
    for outcome, fig in zip(scenario.outcomes, figures.outcomes, strict=True):
        lines.extend(_actor_value(scenario, outcome, v) for v in outcome.values)
        lines.append(_effective(scenario, outcome, fig))
        lines.append(_pv_outcome(scenario, outcome, fig))
    for actor, value in sorted(result.pv_gains_by_actor.items()):
        lines.append(
            _line(
                "pv_gains_actor",
                "Σ_utfall PV(vinster för aktören)",
                {},
                value,
                actor=actor_label(actor),
            )
        )
    lines.extend(_totals(scenario, result))
    return lines


def _line(
    key: str,
    formula: str,
    inputs: dict[str, Any],
    value: float | int | None,
    source: str = "",
    **label_params: str,
) -> Explanation:
    from sif.calc.model import Explanation

    return Explanation(
        key=key,
        label=EXPLANATION[key].format(**label_params),
        formula=formula,
        inputs=inputs,
        value=value,
        source=source,
    )


def _shown(d: Distribution) -> Any:
    return distribution_to_value(d)


def _pv_costs(scenario: Scenario, result: Result) -> Explanation:
    cost_year = scenario.cost_price_year or scenario.base_year
    inputs: dict[str, Any] = {
        "kostnader_per_ar": {
            str(scenario.start_year + i): _shown(c) for i, c in enumerate(scenario.costs)
        },
        "r": _shown(scenario.discount_rate),
        "prisar_kostnader": cost_year,
        "basar": scenario.base_year,
        "optimism_kostnader": _shown(scenario.optimism_bias_costs),
        "betalare": {actor_label(a): float(v) for a, v in result.pv_costs_by_payer.items()},
    }
    own = {
        item.label or actor_label(item.payer): _shown(item.optimism_bias)
        for item in scenario.cost_items
        if item.optimism_bias is not None
    }
    if own:
        inputs["optimism_poster"] = own
    source = ""
    if scenario.price_adjustment and cost_year != scenario.base_year:
        inputs["kpi"] = {
            str(cost_year): float(kpi(cost_year)),
            str(scenario.base_year): float(kpi(scenario.base_year)),
        }
        source = KPI_SOURCE
    formula = (
        "PV(K) = Σ_betalare Σ_t K_t × KPI(basår) / KPI(prisår) × (1 + optimismjustering) / (1 + r)^t, "
        "t = år − startår; optimismjusteringen är postens egen där den anges"
    )
    return _line("pv_costs", formula, inputs, result.pv_costs, source)


def _actor_value(scenario: Scenario, outcome: Outcome, value: ActorValue) -> Explanation:
    inputs: dict[str, Any] = {
        "belopp": _shown(value.amount),
        "antal_per_ar": _shown(value.quantity),
        "andel": _shown(value.share),
        "delat_med": _shown(value.divide_by),
        "prisar": value.price_year,
        "basar": scenario.base_year,
        "prisomrakning": scenario.price_adjustment,
    }
    if value.unit_cost:
        inputs["enhetskostnad"] = value.unit_cost
    inputs["vardetyp"] = value_type_label(value.kind)
    if value.transfer:
        inputs["transferering_till"] = actor_label(value.counterpart)
    factor = 1.0
    source = value.source
    if scenario.price_adjustment and value.price_year != scenario.base_year:
        inputs["kpi"] = {
            str(value.price_year): float(kpi(value.price_year)),
            str(scenario.base_year): float(kpi(scenario.base_year)),
        }
        factor = float(kpi(scenario.base_year) / kpi(value.price_year))
        source = f"{source}; {KPI_SOURCE}"
    amount = (
        point(value.amount) * point(value.quantity) * point(value.share) / point(value.divide_by)
    )
    formula = "v = belopp × antal per år × andel / delat med × KPI(basår) / KPI(prisår)"
    return _line(
        "actor_value",
        formula,
        inputs,
        amount * factor,
        source,
        actor=actor_label(value.actor),
        outcome=outcome.label,
    )


def _effective(scenario: Scenario, outcome: Outcome, fig: engine.OutcomeFigures) -> Explanation:
    inputs: dict[str, Any] = {
        "lyckade_utfall": float(fig.successes),
        "dodvikt": _shown(outcome.deadweight),
        "undantrangning": _shown(outcome.displacement),
        "lackage": _shown(outcome.leakage),
        "attribution": _shown(outcome.attribution),
        "optimism_vinster": _shown(scenario.optimism_bias_gains),
    }
    if outcome.successes is None and outcome.effect is not None:
        inputs["effekt"] = _shown(outcome.effect)
        inputs["malgrupp"] = float(fig.target_group) if fig.target_group is not None else None
    if outcome.evidence:
        inputs["evidens"] = outcome.evidence
    formula = (
        "e = lyckade utfall × (1 − dödvikt) × (1 − undanträngning) × (1 − läckage) × attribution × "
        "(1 − optimismjustering av vinsterna); lyckade utfall = målgrupp × effekt om inget antal anges"
    )
    return _line(
        "effective_successes",
        formula,
        inputs,
        float(fig.successes * fig.effective_share),
        outcome=outcome.label,
    )


def _pv_outcome(scenario: Scenario, outcome: Outcome, fig: engine.OutcomeFigures) -> Explanation:
    inputs: dict[str, Any] = {
        "e": float(fig.successes * fig.effective_share),
        "v_per_ar": float(fig.value_per_year),
        "avtagande_per_ar": _shown(outcome.drop_off),
        "forsta_ar": outcome.first_year or scenario.start_year,
        "varaktighet_ar": outcome.duration,
        "r": _shown(scenario.discount_rate),
        "Σ_t p_t/(1+r)^t": float(fig.pv_profile),
    }
    formula = "PV = e × v × Σ_t (1 − avtagande)^(t − t_första) / (1 + r)^t under varaktigheten"
    return _line(
        "pv_gains_outcome", formula, inputs, float(engine.pv_gains_of(fig)), outcome=outcome.label
    )


def _totals(scenario: Scenario, result: Result) -> list[Explanation]:
    primary = scenario.outcomes[0].label if scenario.outcomes else ""
    pv = {"PV_vinster": result.pv_gains, "PV_kostnader": result.pv_costs}
    lines = [
        _line("pv_gains", "PV(vinster) = Σ_aktörer PV(vinster för aktören)", {}, result.pv_gains),
        _line("npv", "NNV = PV(vinster) − PV(kostnader)", pv, result.npv),
        _line("benefit_cost_ratio", "PV(vinster) / PV(kostnader)", pv, result.benefit_cost_ratio),
        _line(
            "payback_year",
            "första år då Σ diskonterade vinster ≥ Σ diskonterade kostnader",
            {},
            result.payback_year,
        ),
        _line(
            "payback_year_undiscounted",
            "första år då Σ vinster ≥ Σ kostnader",
            {},
            result.payback_year_undiscounted,
        ),
        _line(
            "break_even_successes",
            "(PV(kostnader) − PV(övriga utfall)) / PV(ett lyckat utfall av det första utfallet)",
            {"PV_kostnader": result.pv_costs},
            result.break_even_successes,
            outcome=primary,
        ),
    ]
    if result.break_even_share is not None:
        lines.append(
            _line(
                "break_even_share",
                "antal som krävs / målgruppens storlek",
                {"antal_som_kravs": result.break_even_successes},
                result.break_even_share,
            )
        )
    return lines
