"""The admin shows the ledger read-only: no add, change or delete, only the user's municipality."""

from __future__ import annotations

from django.test import Client

from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Project
from tests.web.conftest import World


def test_the_admin_lists_entries_but_offers_no_add_change_or_delete(
    world: World, funded: Project
) -> None:
    world.admin.is_staff = True
    world.admin.save()
    client = Client()
    client.force_login(world.admin)
    assert client.get("/admin/ledger/ledgerentry/").status_code == 200
    assert client.get("/admin/ledger/ledgerentry/add/").status_code == 403
    entry = LedgerEntry.objects.get(kind="repayment")
    response = client.post(f"/admin/ledger/ledgerentry/{entry.pk}/change/", {"amount": "1"})
    assert (
        response.status_code in (302, 403)
        and LedgerEntry.objects.get(pk=entry.pk).amount == entry.amount
    )
    assert (
        client.post(f"/admin/ledger/ledgerentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert LedgerEntry.objects.count() == 4


def test_another_municipalitys_admin_sees_none_of_the_entries(
    world: World, funded: Project
) -> None:
    world.outsider.is_staff = True
    world.outsider.save()
    client = Client()
    client.force_login(world.outsider)
    assert "0 bokföringsposter" in client.get("/admin/ledger/ledgerentry/").text
