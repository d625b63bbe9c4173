"""Login throttling (django-axes) and password rules (issue 12, point 8)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from sif.web.users.passwords import is_common_swedish


def test_after_a_hundred_wrong_passwords_the_right_one_is_refused_with_a_swedish_message(
    client: Client, world: Any
) -> None:
    for _ in range(100):
        client.post("/logga-in/", {"username": "admin", "password": "fel-lösenord"})
    response = client.post("/logga-in/", {"username": "admin", "password": "x-test-only"})
    assert response.status_code == 429
    text = response.content.decode()
    assert "Inloggningen är spärrad" in text
    assert "15 minuter" in text
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock_and_the_right_one_logs_in(
    client: Client, world: Any
) -> None:
    for _ in range(4):
        assert (
            client.post("/logga-in/", {"username": "admin", "password": "fel"}).status_code == 200
        )
    response = client.post("/logga-in/", {"username": "admin", "password": "x-test-only"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.admin.pk)


def test_a_lockout_of_one_user_name_does_not_lock_another(client: Client, world: Any) -> None:
    for _ in range(6):
        client.post("/logga-in/", {"username": "admin", "password": "fel"})
    assert (
        client.post("/logga-in/", {"username": "reader", "password": "x-test-only"}).status_code
        == 302
    )


@pytest.mark.parametrize(
    "password",
    [
        "Sommar2024",
        "Hösten2023",
        "Stockholm1",
        "Lösenord123",
        "vinter2025!",
        "Midsommar2026",
        "Göteborg1234",
    ],
)
def test_common_swedish_passwords_are_refused(password: str) -> None:
    assert is_common_swedish(password)
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any("för vanligt" in m or "vanligt" in m for m in error.value.messages)


@pytest.mark.parametrize(
    "password",
    ["tre glada ekorrar i Mölndal", "Bokhylla-Regnrock-47", "korrekt häst batteri häftklammer"],
)
def test_a_long_uncommon_password_is_accepted(password: str) -> None:
    assert not is_common_swedish(password)
    validate_password(password)
