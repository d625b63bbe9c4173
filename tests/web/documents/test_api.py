"""Documents through the API: the same files as the download links, with the same access rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def test_the_fund_administrator_downloads_the_portfolio_as_xlsx_through_the_api(world: Any) -> None:
    make_project(world.fund, world.unit_a)
    client = Client()
    client.force_login(world.admin)
    response = client.get(f"/api/funds/{world.fund.pk}/portfolio?format=xlsx")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_a_document_the_project_does_not_offer_is_a_json_404(world: Any) -> None:
    proposal = make_project(world.fund, world.unit_a)
    client = Client()
    client.force_login(world.reader)
    response = client.get(f"/api/projects/{proposal.pk}/documents/ansokan?format=docx")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_another_municipality_gets_a_json_404(world: Any) -> None:
    project = make_project(world.fund, world.unit_a)
    client = Client()
    client.force_login(world.outsider)
    response = client.get(f"/api/projects/{project.pk}/documents/ansokan?format=pdf")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_format_is_refused_with_fields(world: Any) -> None:
    project = make_project(world.fund, world.unit_a)
    client = Client()
    client.force_login(world.admin)
    response = client.get(f"/api/projects/{project.pk}/documents/ansokan?format=exe")
    assert response.status_code == 400
    assert "format" in response.json()["fields"]
