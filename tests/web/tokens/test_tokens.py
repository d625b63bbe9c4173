"""Personal API tokens: created and revoked by their user, stored hashed, with an expiry, acting
with exactly the user's permissions, every use in the event log."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.projects.models import ProjectState
from sif.web.tokens import services
from sif.web.tokens.models import ApiToken
from tests.web.builders import make_project, make_user

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_is_stored_only_as_a_hash(world: Any) -> None:
    new = services.token_create(user=world.admin, name="Ekonomisystemet", days=90)
    stored = ApiToken.objects.get(pk=new.token.pk)
    assert new.secret.startswith(f"sif_{stored.prefix}_")
    assert stored.digest == hashlib.sha256(new.secret.encode()).hexdigest()
    assert new.secret not in str(ApiToken.objects.values().get(pk=stored.pk))


def test_a_token_acts_with_exactly_its_users_permissions(world: Any) -> None:
    own = make_project(world.fund, world.unit_a, title="A:s projekt")
    other = make_project(world.fund, world.unit_b, title="B:s projekt")
    secret = services.token_create(user=world.applicant_a, name="test", days=30).secret
    client = Client()
    listed = client.get("/api/projects", **bearer(secret))
    assert listed.status_code == 200
    assert [p["id"] for p in listed.json()["items"]] == [own.pk]
    assert client.get(f"/api/projects/{other.pk}", **bearer(secret)).status_code == 404


def test_a_token_needs_no_csrf_token_and_writes_through_the_services(world: Any) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    secret = services.token_create(user=world.reviewer, name="granskning", days=30).secret
    response = Client(enforce_csrf_checks=True).post(
        f"/api/projects/{project.pk}/reviews",
        data={"comments": "Tydlig målgrupp."},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 201, response.content
    assert project.reviews.get().comments == "Tydlig målgrupp."


def test_every_token_use_is_in_the_event_log(world: Any) -> None:
    new = services.token_create(user=world.admin, name="statistik", days=30)
    Client().get("/api/projects", **bearer(new.secret))
    Client().get("/api/projects", **bearer(new.secret))
    uses = Event.objects.filter(action="api_token_use", object_id=str(new.token.pk))
    assert uses.count() == 2
    assert uses.first().actor == world.admin
    assert uses.first().after["path"] == "/api/projects"


@pytest.mark.parametrize(
    "spoil", ["revoke", "expire", "deactivate", "wrong_secret", "other_prefix"]
)
def test_a_revoked_expired_or_wrong_token_answers_401(world: Any, spoil: str) -> None:
    new = services.token_create(user=world.admin, name="x", days=30)
    secret = new.secret
    if spoil == "revoke":
        services.token_revoke(user=world.admin, token_id=new.token.pk)
    elif spoil == "expire":
        ApiToken.objects.filter(pk=new.token.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    elif spoil == "deactivate":
        type(world.admin).objects.filter(pk=world.admin.pk).update(is_active=False)
    elif spoil == "wrong_secret":
        secret = secret[:-4] + "AAAA"
    else:
        secret = "sif_00000000_" + secret.split("_", 2)[2]
    response = Client().get("/api/projects", **bearer(secret))
    assert response.status_code == 401
    assert response.json()["code"]


def test_a_user_cannot_revoke_another_users_token(world: Any) -> None:
    new = services.token_create(user=world.admin, name="x", days=30)
    with pytest.raises(SifError) as err:
        services.token_revoke(user=world.reader, token_id=new.token.pk)
    assert err.value.code == "not_found"
    assert ApiToken.objects.get(pk=new.token.pk).revoked_at is None


def test_a_user_without_a_municipality_gets_a_swedish_refusal_on_the_page(world: Any) -> None:
    loner = make_user("loner", None, None)
    client = Client()
    client.force_login(loner)
    response = client.post("/konto/api-nycklar/", {"name": "x", "days": "90"})
    assert response.status_code == 400
    assert "Du behöver en roll i en kommun" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_page_shows_the_new_secret_once_and_never_again(world: Any) -> None:
    client = Client()
    client.force_login(world.admin)
    created = client.post("/konto/api-nycklar/", {"name": "Ekonomisystemet", "days": "90"})
    assert created.status_code == 200
    assert created["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    page = created.content.decode()
    secret = page.split('<code class="secret">')[1].split("</code>")[0]
    assert secret.startswith(f"sif_{token.prefix}_")
    again = client.get("/konto/api-nycklar/").content.decode()
    assert secret not in again and "Ekonomisystemet" in again


def test_an_unknown_lifetime_is_refused_on_the_form(world: Any) -> None:
    client = Client()
    client.force_login(world.admin)
    response = client.post("/konto/api-nycklar/", {"name": "x", "days": "10000"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
