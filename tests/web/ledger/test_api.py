"""The fund's ledger through the API: bookings and corrections through the ledger services."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import ProjectState
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def book(user: Any, fund_id: int, **body: Any) -> Any:
    return client_for(user).post(
        f"/api/funds/{fund_id}/entries", data=body, content_type="application/json"
    )


def test_the_fund_administrator_books_an_allocation_and_the_fund_shows_it(world: Any) -> None:
    response = book(
        world.admin,
        world.fund.pk,
        kind="allocation",
        amount="50000000",
        booked_on="2012-04-12",
        reference="KF 2012-04-12",
    )
    assert response.status_code == 201, response.content
    funds = client_for(world.admin).get("/api/funds").json()
    assert [(f["name"], float(f["balance"]), float(f["available"])) for f in funds] == [
        (world.fund.name, 50_000_000.0, 50_000_000.0)
    ]


def test_a_reader_may_read_but_not_book(world: Any) -> None:
    response = book(
        world.reader, world.fund.pk, kind="allocation", amount="1000", booked_on="2020-01-01"
    )
    assert response.status_code == 403
    assert not LedgerEntry.objects.exists()
    assert client_for(world.reader).get(f"/api/funds/{world.fund.pk}/entries").status_code == 200


def test_another_municipalitys_fund_is_not_found(world: Any) -> None:
    assert client_for(world.outsider).get(f"/api/funds/{world.fund.pk}/entries").status_code == 404
    assert (
        book(
            world.outsider, world.fund.pk, kind="allocation", amount="1000", booked_on="2020-01-01"
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"amount": "1e30"},
        {"amount": "-5"},
        {"booked_on": "0000-01-01"},
        {"kind": "gift"},
        {"project": 2**64},
    ],
)
def test_bad_bookings_are_refused_and_store_nothing(world: Any, bad: dict[str, Any]) -> None:
    body = {"kind": "allocation", "amount": "1000", "booked_on": "2020-01-01"} | bad
    response = book(world.admin, world.fund.pk, **body)
    assert response.status_code in (400, 404), response.content
    assert response.json()["code"]
    assert not LedgerEntry.objects.exists()


def test_a_correction_reverses_its_entry_and_the_list_pages(world: Any) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.GRANTED)
    book(world.admin, world.fund.pk, kind="allocation", amount="10000", booked_on="2020-01-01")
    commitment = book(
        world.admin,
        world.fund.pk,
        kind="commitment",
        amount="4000",
        booked_on="2020-02-01",
        project=project.pk,
    ).json()
    correction = client_for(world.admin).post(
        f"/api/funds/{world.fund.pk}/entries/{commitment['id']}/correction",
        data={"reason": "Fel belopp"},
        content_type="application/json",
    )
    assert correction.status_code == 201, correction.content
    assert correction.json()["reverses"] == commitment["id"]
    fund = client_for(world.admin).get("/api/funds").json()[0]
    assert float(fund["available"]) == 10000.0
    listed = (
        client_for(world.admin).get(f"/api/funds/{world.fund.pk}/entries?limit=1&offset=2").json()
    )
    assert listed["count"] == 3 and [i["kind"] for i in listed["items"]] == ["correction"]
