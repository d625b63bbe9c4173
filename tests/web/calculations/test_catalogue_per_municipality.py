"""Finding 10 of the probe: the unit-cost catalogue showed Stockholm's application figures to every
municipality. A figure from a municipality's own application is shown only to that municipality."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_stockholms_own_figures_are_shown_to_stockholm_and_not_to_malmo(
    client: Any, world: Any
) -> None:
    url = reverse("calculations:catalogue")
    client.force_login(world.reader)
    stockholm = client.get(url).content.decode()
    client.force_login(world.outsider)
    malmo = client.get(url).content.decode()
    assert (
        'id="uc-placements_hasselby_vallingby"' in stockholm
        and 'id="uc-hvb_placement_child_stockholm"' in stockholm
    )
    assert (
        'id="uc-placements_hasselby_vallingby"' not in malmo
        and 'id="uc-hvb_placement_child_stockholm"' not in malmo
    )
    assert 'id="uc-sis_day_cost_2023"' in malmo  # public figures for everyone
