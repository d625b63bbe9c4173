"""Shared steps of the browser tests: the demo's passwords, logging in and out, and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SERIOUS = ("serious", "critical")


def demo_password(data_dir: Path, username: str) -> str:
    """The password `sif demo` generated for this user (from the login file it writes)."""
    for line in (data_dir / "demo-login.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == username:
            return parts[1]
    raise AssertionError(f"{username} missing from the demo login file")


def log_in(page: Any, base_url: str, data_dir: Path, username: str) -> None:
    """Log in through the login page as a demo user and wait for the project list."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(demo_password(data_dir, username))
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projekt")


def log_out(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_label("Användarnamn")).to_be_visible()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the current page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]
