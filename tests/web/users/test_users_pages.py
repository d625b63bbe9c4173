"""The municipality's administrator invites users, gives and removes roles, deactivates accounts;
the invited user sets a password through the e-mailed link. Every change is in the event log."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from sif.web.accounts.models import Membership, Role
from sif.web.audit.models import Event
from tests.web.builders import make_user


@pytest.fixture
def kommunadmin(world: Any) -> Any:
    return make_user(
        "kommunadmin", Role.MUNICIPALITY_ADMIN, world.sthlm, email="it@stockholm.example"
    )


def invite(client: Client, world: Any, email: str = "ny.rapportor@stockholm.example") -> Any:
    return client.post(
        "/anvandare/bjud-in/",
        {
            "email": email,
            "first_name": "Nora",
            "last_name": "Nyberg",
            "role": Role.REPORTER,
            "unit": world.unit_a.pk,
        },
    )


def test_an_invited_reporter_gets_an_email_link_and_chooses_a_password_that_is_not_sommar2024(
    client: Client, world: Any, kommunadmin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(kommunadmin)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny.rapportor@stockholm.example")
    assert not user.has_usable_password()
    assert list(Membership.objects.filter(user=user).values_list("role", "unit")) == [
        (Role.REPORTER, world.unit_a.pk)
    ]
    event = Event.objects.get(action="user_invited")
    assert event.actor == kommunadmin and event.after["role"] == Role.REPORTER

    [message] = mail.outbox
    assert message.to == ["ny.rapportor@stockholm.example"]
    assert "Du är inbjuden till SIF" in message.subject
    link = re.search(r"https?://\S+/losenord/nytt/\S+/", message.body).group(0)

    visitor = Client()
    form_page = visitor.get(urlsplit(link).path, follow=True)
    assert "Välj lösenord" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    refused = visitor.post(set_url, {"new_password1": "Sommar2024", "new_password2": "Sommar2024"})
    assert "för vanligt" in refused.content.decode()
    done = visitor.post(
        set_url,
        {
            "new_password1": "tre glada ekorrar i Mölndal",
            "new_password2": "tre glada ekorrar i Mölndal",
        },
    )
    assert done.status_code == 302
    assert (
        Client()
        .post("/logga-in/", {"username": user.username, "password": "tre glada ekorrar i Mölndal"})
        .status_code
        == 302
    )


def test_an_address_already_in_use_is_refused_and_nothing_is_created(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    response = invite(client, world, email="it@stockholm.example")
    assert (
        "Det finns redan ett konto med e-postadressen it@stockholm.example"
        in response.content.decode()
    )
    assert get_user_model().objects.filter(email="it@stockholm.example").count() == 1
    assert mail.outbox == []


def test_roles_are_given_and_removed_and_logged(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    url = f"/anvandare/{world.reporter.pk}/"
    assert client.post(url, {"role": Role.REVIEWER, "unit": ""}).status_code == 302
    added = Membership.objects.get(user=world.reporter, role=Role.REVIEWER)
    assert added.unit is None
    assert client.post(f"{url}roll/{added.pk}/ta-bort/").status_code == 302
    assert not Membership.objects.filter(pk=added.pk).exists()
    assert list(Event.objects.order_by("id").values_list("action", flat=True)) == [
        "membership_added",
        "membership_removed",
    ]


def test_a_deactivated_account_can_no_longer_log_in(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    assert client.post(f"/anvandare/{world.reader.pk}/aktiv/", {"active": "0"}).status_code == 302
    world.reader.refresh_from_db()
    assert world.reader.is_active is False
    assert (
        Client().post("/logga-in/", {"username": "reader", "password": "x-test-only"}).status_code
        == 200
    )
    assert Event.objects.get(action="user_deactivated").before == {"is_active": True}


def test_a_unit_of_another_municipality_is_not_offered(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    response = client.post(
        f"/anvandare/{world.reporter.pk}/", {"role": Role.REPORTER, "unit": world.malmo_unit.pk}
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(unit=world.malmo_unit, user=world.reporter).exists()


def test_a_fund_administrator_may_not_manage_users(client: Client, world: Any) -> None:
    client.force_login(world.admin)
    assert client.get("/anvandare/").status_code == 403
    assert client.post(f"/anvandare/{world.reader.pk}/aktiv/", {"active": "0"}).status_code == 403


def test_another_municipalitys_user_is_not_found(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    assert client.get(f"/anvandare/{world.outsider.pk}/").status_code == 404
    assert client.post(f"/anvandare/{world.outsider.pk}/aktiv/", {"active": "0"}).status_code == 404
    world.outsider.refresh_from_db()
    assert world.outsider.is_active


def test_the_users_page_lists_the_municipalitys_users_and_the_menu_links_it(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    client.force_login(kommunadmin)
    text = client.get("/anvandare/").content.decode()
    assert "rapportör (Hässelby-Vällingby stadsdelsförvaltning)" in text
    assert "outsider" not in text
    assert 'href="/anvandare/"' in client.get("/projekt/").content.decode()


def test_password_reset_sends_a_swedish_link_for_a_known_address(
    client: Client, world: Any, kommunadmin: Any
) -> None:
    assert client.post("/losenord/glomt/", {"email": "it@stockholm.example"}).status_code == 302
    [message] = mail.outbox
    assert message.subject == "SIF: välj nytt lösenord"
    assert "kommunadmin" in message.body and "/losenord/nytt/" in message.body
