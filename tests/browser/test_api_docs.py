"""Swagger UI renders the API documentation with every request going to the installation itself."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_api_docs_render_offline(
    browser_page: Any, live_server: Any, transactional_db: Any
) -> None:
    from playwright.sync_api import expect

    hosts: set[str] = set()
    browser_page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    browser_page.goto(f"{live_server.url}/api/docs")
    expect(browser_page.get_by_role("heading", name="SIF API")).to_be_visible()
    expect(browser_page.get_by_text("/api/projects").first).to_be_visible()
    assert hosts == {urlparse(live_server.url).netloc}
