"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

Playwright runs an event loop in the test thread, so Django's async-safety check must be relaxed
for these tests. When Chromium or Playwright cannot start, the tests are skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    """One Chromium for all the browser tests (starting Playwright and Chromium costs seconds each
    time); every test still gets a fresh context (no cookies, storage or cache from another test)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Playwright is not installed: {exc}")
    manager = sync_playwright()
    try:
        playwright = manager.start()
    except Exception as exc:  # noqa: BLE001 - any start failure means: skip with the reason
        pytest.skip(f"Playwright could not start: {exc}")
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
    except Exception as exc:  # noqa: BLE001
        manager.__exit__(None, None, None)
        pytest.skip(f"Chromium could not start ({CHROMIUM}): {exc}")
    try:
        yield browser
    finally:
        browser.close()
        manager.__exit__(None, None, None)


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """A fresh Chromium page (Swedish locale) in a context of its own, closed after the test."""
    context = chromium.new_context(locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def demo_data(settings: Any, tmp_path: Path, transactional_db: Any) -> Path:
    """The demo loaded (`sif demo`) into the test database; returns the data directory with demo-login.txt."""
    from django.core.management import call_command

    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with open(tmp_path / "demo.out", "w", encoding="utf-8") as out:
        call_command("demo", stdout=out)
    return tmp_path
