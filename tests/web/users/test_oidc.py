"""Sign-in with the municipality's identity provider, against a provider the test starts itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from django.test import Client

from sif.web.users import oidc
from tests.web.users.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider


@pytest.fixture
def provider(settings: Any) -> Iterator[Provider]:
    with Provider() as p:
        settings.OIDC_ISSUER = p.issuer
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_ENABLED = True
        oidc.discovery.cache_clear()
        yield p
    oidc.discovery.cache_clear()


def sign_in(client: Client) -> Any:
    """The browser's round trip: SIF -> provider (answers at once) -> SIF's callback."""
    to_provider = client.get("/oidc/authenticate/?next=/projekt/")
    assert to_provider.status_code == 302
    back = requests.get(to_provider["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302
    callback = urlsplit(back.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def test_the_login_page_offers_the_municipalitys_sign_in_when_configured(
    client: Client, provider: Provider, db: Any
) -> None:
    assert "Logga in med kommunens konto" in client.get("/logga-in/").content.decode()


def test_a_person_with_an_active_account_is_signed_in_by_email(
    client: Client, world: Any, provider: Provider
) -> None:
    world.reviewer.email = "Granskare@Stockholm.example"
    world.reviewer.save()
    provider.claims = {"email": "granskare@stockholm.example", "email_verified": True}
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/projekt/"
    assert client.session["_auth_user_id"] == str(world.reviewer.pk)


def test_an_unknown_person_is_not_signed_in_and_no_account_or_role_is_created(
    client: Client, world: Any, provider: Provider
) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.count()
    provider.claims = {"email": "okand@stockholm.example", "email_verified": True}
    response = sign_in(client)
    assert response["Location"] == "/logga-in/?sso=fel"
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == users
    assert (
        "Inloggningen med kommunens konto gick inte"
        in client.get(response["Location"]).content.decode()
    )


def test_a_deactivated_account_is_not_signed_in(
    client: Client, world: Any, provider: Provider
) -> None:
    world.reader.email = "lasare@stockholm.example"
    world.reader.is_active = False
    world.reader.save()
    provider.claims = {"email": "lasare@stockholm.example"}
    assert sign_in(client)["Location"] == "/logga-in/?sso=fel"


def test_an_id_token_for_another_client_is_refused(
    client: Client, world: Any, provider: Provider
) -> None:
    world.reviewer.email = "granskare@stockholm.example"
    world.reviewer.save()
    provider.claims = {"email": "granskare@stockholm.example"}
    provider.audience = "another-app"
    assert sign_in(client)["Location"] == "/logga-in/?sso=fel"
    assert "_auth_user_id" not in client.session


def test_without_configuration_there_is_no_sign_in_button_and_no_redirect(
    client: Client, db: Any, settings: Any
) -> None:
    settings.OIDC_ENABLED = False
    assert "kommunens konto" not in client.get("/logga-in/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
