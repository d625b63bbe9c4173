"""Imports through the API: stage seed 004, read the draft with its lines, confirm it into a project."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sif.demo import SEEDS
from sif.web.projects.models import Project

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def stage(client: Client, fund_id: int, *paths: Any) -> Any:
    handles = [open(p, "rb") for p in paths]
    try:
        return client.post("/api/imports", data={"fund": fund_id, "files": handles})
    finally:
        for h in handles:
            h.close()


def test_seed_004_is_staged_read_and_confirmed_through_the_api(world: Any) -> None:
    client = client_for(world.applicant_a)
    staged = stage(client, world.fund.pk, SEEDS["004"])
    assert staged.status_code == 201, staged.content
    batch = staged.json()
    assert [(f["ok"], f["kind"]) for f in batch["files"]] == [(True, batch["files"][0]["kind"])]
    draft = client.get(f"/api/imports/{batch['id']}/files/0").json()
    assert any(
        "2 460 000" in line[1] or "2460000" in line[1].replace(" ", "") for line in draft["lines"]
    )
    assert not Project.objects.exists()
    confirmed = client.post(
        f"/api/imports/{batch['id']}/files/0/confirm",
        data={
            "state": "proposal",
            "title": "Ytterstadsprojekt",
            "owner_unit": world.unit_a.pk,
            "sought_amount": "2460000",
            "start_date": "2013-09-01",
            "end_date": "2014-12-31",
            "budget": [{"category": "personnel", "amounts": {"2013": "600000", "2014": "1860000"}}],
        },
        content_type="application/json",
    )
    assert confirmed.status_code == 201, confirmed.content
    project = Project.objects.get(pk=confirmed.json()["project_ids"][0])
    assert (project.title, project.sought_amount) == ("Ytterstadsprojekt", Decimal("2460000"))
    again = client.post(
        f"/api/imports/{batch['id']}/files/0/confirm",
        data={"state": "proposal", "title": "X"},
        content_type="application/json",
    )
    assert again.status_code == 400 and again.json()["code"] == "import_already_confirmed"


def test_another_user_cannot_open_the_batch(world: Any) -> None:
    batch = stage(client_for(world.applicant_a), world.fund.pk, SEEDS["004"]).json()
    assert client_for(world.admin).get(f"/api/imports/{batch['id']}").status_code == 404
    assert client_for(world.outsider).get(f"/api/imports/{batch['id']}").status_code == 404


def test_a_reader_cannot_stage_and_nothing_is_kept(world: Any, settings: Any) -> None:
    response = stage(client_for(world.reader), world.fund.pk, SEEDS["004"])
    assert response.status_code == 403  # the reader knows the fund: refused, not hidden
    assert response.json()["code"] == "permission_denied"
    outsider = stage(client_for(world.outsider), world.fund.pk, SEEDS["004"])
    assert (outsider.status_code, outsider.json()["code"]) == (404, "fund_not_found")
