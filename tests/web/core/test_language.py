"""Swedish is the language unless the user picks another one in the footer."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_an_english_browser_still_gets_the_swedish_login_page() -> None:
    response = Client().get("/logga-in/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "sv"
    assert "Logga in" in response.text


@pytest.mark.django_db
def test_choosing_english_in_the_footer_switches_the_language() -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/logga-in/"})
    response = client.get("/logga-in/")
    assert response.headers["Content-Language"] == "en"
