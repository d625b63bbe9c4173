"""Issue 8, point 4: as Malmö's fund administrator in the admin, the membership form listed every
username of every municipality and the list filters named the other municipalities and funds; the
platform operator's start page was an empty project list."""

from __future__ import annotations

from django.test import Client

from tests.web.accounts.test_admin import staff_client
from tests.web.builders import make_user


def test_the_membership_form_offers_only_users_of_the_administrators_municipality(world) -> None:  # type: ignore[no-untyped-def]
    page = staff_client(world.outsider).get("/admin/accounts/membership/add/").text
    assert world.outsider.username in page
    for stockholm in (world.admin, world.applicant_a, world.reader, world.reviewer):
        assert f">{stockholm.username}<" not in page


def test_the_list_filters_never_name_another_municipality_or_fund(world) -> None:  # type: ignore[no-untyped-def]
    for url in (
        "/admin/accounts/membership/",
        "/admin/accounts/orgunit/",
        "/admin/projects/fund/",
        "/admin/projects/project/",
    ):
        page = staff_client(world.outsider).get(url).text
        assert world.sthlm.name not in page and world.fund.name not in page, url


def test_the_platform_operator_starts_on_the_municipalities_and_their_funds(world) -> None:  # type: ignore[no-untyped-def]
    operator = make_user("operator", None, None, is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(operator)
    page = client.get("/projekt/").text
    assert "Kommuner och fonder" in page
    assert world.sthlm.name in page and world.malmo.name in page and world.fund.name in page
    assert "Nytt förslag" not in page
