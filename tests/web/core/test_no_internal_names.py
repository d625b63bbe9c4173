"""No internal name reaches a user: every page of the demo, as each persona, and every document
of every demo project are read for identifiers (snake_case or dotted keys such as
`kommun.socialtjanst`, field paths such as `outcomes[0]`, file paths, `None`)."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, reverse

from sif.web.documents import content
from sif.web.projects.models import Fund, Project
from tests.web.demo_data import demo_loaded, document_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PERSONAS = ("fondforvaltare", "sokande", "rapportor", "granskare", "lasare", "malmo", "eskilstuna")
PAGE_LIMIT = 160  # per persona; the demo has about this many distinct pages
SKIP = re.compile(
    r"^/(api|admin|static|media|logga-ut|logout|i18n)|\.(pdf|docx|xlsx)$|/mall/|/export"
)
IDENTIFIERS = {
    "snake_case key": re.compile(
        r"(?<![\w.@/-])[a-z]{2,}(?:_[a-z0-9]+)+(?![\w@])"
    ),  # not math (p_t)
    "dotted key": re.compile(
        r"(?<![\w.@/])(?:kommun|stat|region|individ|outcomes|values|effect)\.[a-z_]+\b"
    ),
    "field path": re.compile(r"\b[a-z_]+\[\d+\]"),
    "file path": re.compile(r"\b[\w.-]+/[\w./-]+\.(?:toml|json|md|py|txt)\b"),
    "None": re.compile(r"\bNone\b"),
    "grouped year": re.compile(r"\b(?:prisår|basår|prisåret|basåret)\s+[12][\s\u00a0]\d{3}\b"),
}
EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


class _Text(HTMLParser):
    """The text a reader sees: no script, style, chart, the expert editor's case text (textarea),
    nor <code>: the catalogue and the activity types show the codes the advanced editor and the
    Excel template use, marked as code beside their Swedish names."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "textarea", "svg", "code"):
            self._skip += 1
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and "download" not in dict(attrs):
                self.links.append(href.split("#")[0])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "textarea", "svg", "code") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _has(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def identifiers(text: str) -> list[str]:
    text = EMAIL_OR_URL.sub(" ", text)
    return [
        f"{kind}: {m.group(0)}"
        for kind, pattern in IDENTIFIERS.items()
        for m in pattern.finditer(text)
    ]


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    with demo_loaded(django_db_blocker, tmp_path_factory):
        yield


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_of_the_demo_shows_an_internal_name(demo: Any, persona: str) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username=persona))
    seen: set[str] = set()
    queue = deque(
        [
            reverse("projects:list"),
            reverse("calculations:catalogue")
            if _has("calculations:catalogue")
            else reverse("projects:list"),
        ]
    )
    found: dict[str, list[str]] = {}
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.popleft()
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Text()
        parser.feed(response.content.decode())
        bad = identifiers(" ".join(parser.parts))
        if bad:
            found[url] = sorted(set(bad))
        queue.extend(link for link in parser.links if link not in seen)
    assert len(seen) > 10
    assert not found, "\n".join(f"{url}: {', '.join(bad[:8])}" for url, bad in found.items())


def test_no_document_of_the_demo_shows_an_internal_name(demo: Any) -> None:
    found: dict[str, list[str]] = {}
    for project in Project.objects.select_related("fund", "owner_unit", "municipality"):
        for kind in ("application", "committee_paper", "final_report"):
            for published in (False, True):
                bad = identifiers(
                    document_text(content.project_document(kind, project, published=published))
                )
                if bad:
                    found[f"{kind} {project.title} {'publicerad' if published else ''}"] = sorted(
                        set(bad)
                    )
    for fund in Fund.objects.select_related("municipality"):
        bad = identifiers(document_text(content.portfolio(fund)))
        if bad:
            found[f"portfölj {fund.name}"] = sorted(set(bad))
    assert not found, "\n".join(f"{name}: {', '.join(bad[:8])}" for name, bad in found.items())
