"""Published worked examples reproduced by the model (issue 14, point 5).

WSIPP (Washington State Institute for Public Policy) publishes, per programme, present-value
benefits per participant split by who receives them (taxpayers, participants, others, indirect),
the net programme cost, benefits minus costs and the benefit-cost ratio. Booked on SIF's actors
(taxpayers -> stat, participants -> individ, others and indirect -> samhalle) with a one-year
horizon and no discounting (the figures are already present values), the model must give the
published totals. Currency and price year are WSIPP's (US dollars); the arithmetic is the point.
"""

from __future__ import annotations

from typing import Any

import pytest

from sif.calc.model import evaluate, scenario_from_dict


def wsipp_case(
    cost: float, taxpayers: float, participants: float, others: float, indirect: float, source: str
) -> dict[str, Any]:
    def value(actor: str, amount: float, kind: str) -> dict[str, Any]:
        return {
            "actor": actor,
            "amount": amount,
            "price_year": 2016,
            "source": source,
            "value_type": kind,
        }

    return {
        "name": "WSIPP",
        "start_year": 2016,
        "horizon": 1,
        "discount_rate": 0,
        "price_adjustment": False,
        "costs": [cost],
        "cost_payer": "stat",
        "outcomes": [
            {
                "successes": 1,
                "values": [
                    value("stat", taxpayers, "fiscal_non_cashable"),
                    value("individ", participants, "economic"),
                    value("samhalle", others, "economic"),
                    value("samhalle", indirect, "economic"),
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("inputs", "total", "net", "ratio"),
    [
        # Functional Family Therapy (youth on probation), benefit-cost estimates updated May 2017,
        # 2016 dollars: taxpayers $8,017, participants $1,507, others $19,378, indirect $1,890;
        # total benefits $30,792, net programme cost ($3,470), benefits minus cost $27,322,
        # benefit to cost ratio $8.87. https://wsipp.wa.gov/BenefitCost/Program/32
        ((3470, 8017, 1507, 19378, 1890), 30792, 27322, 8.87),
        # Functional Family Therapy for youth in state institutions, benefit-cost methods updated
        # December 2018, 2017 dollars: taxpayers $8,399, participants $791, others $28,159,
        # indirect $2,208; total $39,557, cost ($3,530), benefits minus cost $36,027, ratio $11.21.
        # https://wsipp.wa.gov/BenefitCost/Program/40
        ((3530, 8399, 791, 28159, 2208), 39557, 36027, 11.21),
    ],
)
def test_wsipps_published_benefit_cost_summaries_reproduce(
    inputs: tuple[float, ...], total: float, net: float, ratio: float
) -> None:
    cost, taxpayers, participants, others, indirect = inputs
    result = evaluate(
        scenario_from_dict(wsipp_case(cost, taxpayers, participants, others, indirect, "WSIPP"))
    )
    assert result.pv_gains == pytest.approx(total)
    assert result.npv == pytest.approx(net)
    assert round(result.benefit_cost_ratio or 0, 2) == ratio
    assert result.pv_gains_by_actor == {
        "stat": taxpayers,
        "individ": participants,
        "samhalle": others + indirect,
    }
    stat = next(c for c in result.business_cases if c.actor == "stat")
    assert stat.npv == pytest.approx(taxpayers - cost)  # the taxpayers' own case


def test_the_green_books_long_term_rates_give_its_discount_factors() -> None:
    """HM Treasury Green Book (reference/methods.md): 3,5 % for years 0–30, 3,0 % for 31–75,
    2,5 % for 76–125. One krona in year 30, 75 and 124 is worth 1.035^−30, then 1.03^−45 and
    1.025^−49 more (year 124, the last of a 125-year horizon): 0,3563, 0,0942 and 0,0281."""
    data = {
        "start_year": 2020,
        "horizon": 125,
        "discount_schedule": "green_book",
        "price_adjustment": False,
        "outcomes": [
            {
                "successes": 1,
                "values": [{"actor": "kommun", "amount": 1, "price_year": 2020, "source": "t"}],
            }
        ],
    }
    result = evaluate(scenario_from_dict(data))
    d = result.discount_by_year
    assert round(d[30], 4) == 0.3563
    assert round(d[75], 4) == 0.0942
    assert round(d[124], 4) == 0.0281
