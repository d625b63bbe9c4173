"""Effect cards: the project's own calculation (or a plain Swedish note that it has none) and
difference-in-differences where both groups have a baseline."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sif.web.calculations.models import Calculation, Purpose
from sif.web.followup import effects, measurement_store, selectors
from sif.web.followup.models import Group

HELA_LIKE_CASE = {
    "name": "Testkalkyl",
    "start_year": 2014,
    "horizon": 5,
    "price_base_year": 2014,
    "costs": [2_000_000],
    "outcomes": [
        {
            "key": "pappa",
            "label": "En pappa deltar",
            "successes": 10,
            "deadweight": 0.5,
            "values": [
                {
                    "actor": "kommun.socialtjanst",
                    "amount": 10_000,
                    "price_year": 2014,
                    "source": "Exempelvärde för testet",
                }
            ],
        }
    ],
}


def _share(stis, period, group, x, n) -> None:
    measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.share,
        period=period,
        unit=stis.districts["Farsta"],
        group=group,
        numerator=x,
        denominator=n,
    )


def test_a_project_without_a_calculation_says_so_and_links_to_the_calculation_page(
    client, stis
) -> None:
    _share(stis, stis.period, Group.INTERVENTION, 16, 50)
    _share(stis, stis.period, Group.COMPARISON, 2, 50)
    client.force_login(stis.leader)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "Projektet har ingen socioekonomisk kalkyl än" in page
    assert f'href="/projekt/{stis.project.pk}/kalkyl/"' in page
    assert "Realiserad (uppföljning)" not in page


def test_the_card_values_the_effect_through_the_latest_expected_calculation(client, stis) -> None:
    _share(stis, stis.period, Group.INTERVENTION, 16, 50)
    _share(stis, stis.period, Group.COMPARISON, 2, 50)
    Calculation.objects.create(
        project=stis.project,
        version=1,
        purpose=Purpose.EXPECTED,
        scenario={**HELA_LIKE_CASE, "name": "Gammal"},
    )
    Calculation.objects.create(
        project=stis.project, version=2, purpose=Purpose.EXPECTED, scenario=HELA_LIKE_CASE
    )
    Calculation.objects.create(
        project=stis.project,
        version=3,
        purpose=Purpose.REALISED,
        scenario={**HELA_LIKE_CASE, "name": "Uppföljd"},
    )
    card = effects.effect_cards(stis.project, selectors.indicator_tables(stis.project))[0]
    assert card.calculation.version == 2 and card.scenario_name == "Testkalkyl"
    # expected: 10 successes × (1 − 0.5) × 10 000 kr; realised: (16/50 − 2/50) × 50 = 14 extra × 10 000 kr
    assert card.expected == pytest.approx({"kommun.socialtjanst": 50_000})
    assert card.realised == pytest.approx({"kommun.socialtjanst": 140_000})
    client.force_login(stis.leader)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "50\xa0000\xa0kr" in page and "140\xa0000\xa0kr" in page and "version 2" in page


def test_a_calculation_that_no_longer_reads_is_reported_not_guessed(client, stis) -> None:
    _share(stis, stis.period, Group.INTERVENTION, 16, 50)
    _share(stis, stis.period, Group.COMPARISON, 2, 50)
    Calculation.objects.create(
        project=stis.project,
        version=1,
        purpose=Purpose.EXPECTED,
        scenario={"name": "Trasig", "horizon": 5},
    )
    client.force_login(stis.leader)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "kalkyl kan inte läsas" in page and "Realiserad (uppföljning)" not in page


# before (T3 2019) and after (T1 2020) per group: numerator/denominator, and the changes in percentage points
DID_TABLE = [
    (
        (10, 50),
        (30, 50),
        (10, 50),
        (15, 50),
        "+40,0 procentenheter",
        "+10,0 procentenheter",
        "+30,0 procentenheter",
        0.30,
    ),
    (
        (20, 40),
        (10, 40),
        (20, 40),
        (20, 40),
        "−25,0 procentenheter",
        "0,0 procentenheter",
        "−25,0 procentenheter",
        -0.25,
    ),
    (
        (5, 20),
        (9, 20),
        (4, 20),
        (12, 20),
        "+20,0 procentenheter",
        "+40,0 procentenheter",
        "−20,0 procentenheter",
        -0.20,
    ),
]


@pytest.mark.parametrize(
    ("before_i", "after_i", "before_c", "after_c", "change_i", "change_c", "did", "expected"),
    DID_TABLE,
)
def test_difference_in_differences_where_both_groups_have_a_baseline(
    client, stis, before_i, after_i, before_c, after_c, change_i, change_c, did, expected
) -> None:
    _share(stis, stis.closed_period, Group.INTERVENTION, *before_i)
    _share(stis, stis.closed_period, Group.COMPARISON, *before_c)
    _share(stis, stis.period, Group.INTERVENTION, *after_i)
    _share(stis, stis.period, Group.COMPARISON, *after_c)
    card = effects.effect_cards(stis.project, selectors.indicator_tables(stis.project))[0]
    assert card.did is not None and (card.did.before_period, card.did.after_period) == (
        "T3 2019",
        "T1 2020",
    )
    assert card.did.result.difference == pytest.approx(expected)
    client.force_login(stis.leader)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    section = page[page.index("Skillnad i skillnader (båda") :]
    assert change_i in section and change_c in section and f"<strong>{did}</strong>" in section


def test_difference_in_differences_of_counts_is_in_the_indicators_own_unit(stis) -> None:
    for period, (i, c) in ((stis.closed_period, (40, 38)), (stis.period, (55, 41))):
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.count,
            period=period,
            unit=stis.districts["Farsta"],
            group=Group.INTERVENTION,
            value=i,
        )
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.count,
            period=period,
            unit=stis.districts["Farsta"],
            group=Group.COMPARISON,
            value=c,
        )
    card = next(
        c
        for c in effects.effect_cards(stis.project, selectors.indicator_tables(stis.project))
        if c.table.indicator == stis.count
    )
    assert card.did is not None and card.did.result.difference == pytest.approx(
        12
    )  # (55 − 40) − (41 − 38)


def test_only_one_period_gives_no_difference_in_differences(stis) -> None:
    _share(stis, stis.period, Group.INTERVENTION, 16, 50)
    _share(stis, stis.period, Group.COMPARISON, 2, 50)
    card = effects.effect_cards(stis.project, selectors.indicator_tables(stis.project))[0]
    assert card.did is None and card.effect is not None
