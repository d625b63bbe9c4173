"""The pilot's realised gain with the demo data: of the order of the expected 3,79 mnkr, its formula
shown on the page and in the committee paper, and still there when a newer, partial period comes."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from sif.reports.content import Paragraph
from sif.web.calculations import demo as calculations_demo
from sif.web.documents import content
from sif.web.followup import demo as followup_demo
from sif.web.followup import effects, measurement_store, selectors
from sif.web.followup.models import Group, PeriodKind, ReportingPeriod
from sif.web.projects import demo as projects_demo
from sif.web.projects.models import Project
from tests.web.demo_data import document_text, rolled_back

PILOT = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"


@pytest.fixture(scope="module")
def demo_users(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[dict]:
    """The projects, follow-up and calculations demos, loaded once for the module and rolled back
    afterwards; each test writes only inside its own transaction."""
    with rolled_back(django_db_blocker, tmp_path_factory):
        out = io.StringIO()
        users = projects_demo.load(out)
        followup_demo.load(out)
        calculations_demo.load(out)
        yield users


def _kronor(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_the_pilots_realised_gain_is_of_the_order_of_its_expected_gain_with_its_formula(
    demo_users: dict, db: None, client: Any
) -> None:
    users = demo_users
    pilot = Project.objects.get(title=PILOT)
    card = next(
        c for c in effects.effect_cards(pilot, selectors.indicator_tables(pilot)) if c.gains
    )
    assert card.period_label == "T3 2020"
    assert card.expected_total == pytest.approx(3_790_000)
    assert (
        1_895_000 < card.realised_total < 7_580_000
    )  # within a factor two of the expected 3,79 mnkr
    assert card.warnings == []
    client.force_login(users["fondforvaltare"][0])
    page = (
        client.get(reverse("followup:overview", args=[pilot.pk]))
        .content.decode()
        .replace("\xa0", " ")
    )
    section = page[page.index('id="effekt"') :]
    assert "1 023 300 000" not in section and "kommun.socialtjanst" not in section
    assert "3 790 000 kr" in section and "Kommunen, socialtjänsten" in section
    assert "75 800 000 kr per år" in section and "Mätperiod: T3 2020" in section
    assert "(0,1)" not in section and "5,00 %" in section
    paper = document_text(content.committee_paper(pilot)).replace("\xa0", " ")
    assert "realiserad nytta = " in paper and "75 800 000 kr" in paper and "3 790 000" in paper
    assert "1 023 300 000" not in paper


def test_an_implausible_realised_gain_is_flagged_in_red_on_the_page_and_in_the_paper(
    demo_users: dict, db: None, client: Any
) -> None:
    users = demo_users
    pilot = Project.objects.get(title=PILOT)
    indicator = pilot.indicators.get(name__icontains="60 dagar")
    period = ReportingPeriod.objects.get(project=pilot, label="T3 2020")
    admin = users["fondforvaltare"][0]
    for group, x, n in (
        (Group.INTERVENTION, 30, 46),
        (Group.COMPARISON, 33, 92),
    ):  # the old demo's 29 percentage points
        measurement_store.measurement_save(
            actor=admin,
            indicator=indicator,
            period=period,
            unit=pilot.owner_unit,
            group=group,
            numerator=x,
            denominator=n,
            is_example=True,
        )
    client.force_login(admin)
    page = (
        client.get(reverse("followup:overview", args=[pilot.pk]))
        .content.decode()
        .replace("\xa0", " ")
    )
    assert 'class="error implausible-gain"' in page and "mer än tre gånger den förväntade" in page
    paper = content.committee_paper(pilot)
    warnings = [
        b
        for s in paper.sections
        for b in s.blocks
        if isinstance(b, Paragraph) and b.style == "warning"
    ]
    assert warnings and "mer än tre gånger den förväntade" in warnings[0].text


def test_a_newer_period_with_only_the_intervention_value_does_not_hide_the_effect(
    demo_users: dict, db: None, client: Any
) -> None:
    users = demo_users
    pilot = Project.objects.get(title=PILOT)
    indicator = pilot.indicators.get(name__icontains="60 dagar")
    admin = users["fondforvaltare"][0]
    newer, _ = ReportingPeriod.objects.get_or_create(
        project=pilot,
        label="T1 2021",
        defaults={
            "kind": PeriodKind.TERTIAL,
            "start": dt.date(2021, 1, 1),
            "end": dt.date(2021, 4, 30),
            "opens_at": dt.date(2021, 1, 1),
            "closes_at": dt.date(2021, 5, 31),
        },
    )
    measurement_store.measurement_save(
        actor=admin,
        indicator=indicator,
        period=newer,
        unit=pilot.owner_unit,
        group=Group.INTERVENTION,
        numerator=25,
        denominator=47,
    )
    card = next(
        c
        for c in effects.effect_cards(pilot, selectors.indicator_tables(pilot))
        if c.table.indicator == indicator
    )
    assert card.period_label == "T3 2020" and card.effect is not None and card.gains is not None
    assert card.newer_periods == ["T1 2021"]
    client.force_login(admin)
    page = client.get(reverse("followup:overview", args=[pilot.pk])).content.decode()
    assert "Mätperiod: T3 2020" in page and "T1 2021" in page
    paper = document_text(content.committee_paper(pilot)).replace("\xa0", " ")
    assert "Mätperiod: T3 2020" in paper and "realiserad nytta = " in paper
