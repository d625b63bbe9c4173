"""The API documentation is served by the installation itself: no request leaves it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_api_docs_page_loads_swagger_ui_from_our_own_static_files() -> None:
    page = Client().get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "cdn" not in page.lower()


def test_the_openapi_document_offers_bearer_tokens_and_the_session() -> None:
    schemes = Client().get("/api/openapi.json").json()["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} >= {"http", "apiKey"}
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
