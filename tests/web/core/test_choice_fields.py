"""A posted key no row can have is "not one of the choices", never a 500 (the form probe found one)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["99999999999999999999", "-1", "0", "abc"])
def test_a_new_proposal_with_an_impossible_unit_key_is_refused_not_a_500(
    world: Any, key: str
) -> None:
    client = Client()
    client.force_login(world.admin)
    response = client.post(
        "/projekt/nytt/",
        {
            "title": "Nytt förslag",
            "fund": world.fund.pk,
            "owner_unit": key,
            "participating_units": [key],
        },
    )
    assert response.status_code in (200, 400)
    assert not Project.objects.exists()
