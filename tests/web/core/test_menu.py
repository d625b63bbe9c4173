"""The main menu shows what the user may do."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_the_main_menu_offers_document_import_to_fund_administrators_only(world) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.admin)
    assert "Läs in dokument" in client.get("/projekt/").text
    client.force_login(world.reader)
    assert "Läs in dokument" not in client.get("/projekt/").text


@pytest.mark.django_db
def test_the_main_menu_offers_the_funds_to_those_who_may_read_them(world) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.reader)
    assert 'href="/fond/"' in client.get("/projekt/").text
    client.force_login(world.reporter)
    assert 'href="/fond/"' not in client.get("/projekt/").text
