"""Personal identity numbers in an imported file are flagged on their line and never stored;
the review warns when the draft looks like a project that already exists (seed 004 twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sif.web.accounts.models import UnitKind
from sif.web.projects.models import Project
from tests.web.imports.conftest import review_url, seed_upload, shown_data, upload

pytestmark = pytest.mark.django_db

REPORT_WITH_IDENTITY_NUMBER = (
    "Lägesrapport Trygga familjer\n"
    "Socialförvaltningen\n"
    "Familjen med barnet 121212-1212 deltog i tre samtal.\n"
    "Under perioden 2016-01-01 – 2016-12-31 mötte vi 40 familjer.\n"
)


def test_a_personal_identity_number_is_flagged_on_its_line_and_never_staged_or_shown(
    client: Any, world: Any, settings: Any
) -> None:
    client.force_login(world.admin)
    file = SimpleUploadedFile("rapport.txt", REPORT_WITH_IDENTITY_NUMBER.encode("utf-8"))
    batch = upload(client, world.fund, file)
    page = client.get(review_url(batch))
    html = page.content.decode()
    assert "121212-1212" not in html
    assert "Rad 3 innehåller ett personnummer eller samordningsnummer" in html
    assert "[personnummer borttaget]" in html
    staged = b"".join(p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file())
    assert b"121212-1212" not in staged


def test_importing_seed_004_twice_warns_that_the_project_may_already_exist(
    client: Any, world: Any
) -> None:
    client.force_login(world.admin)
    first = upload(client, world.fund, seed_upload("004"))
    page = client.get(review_url(first))
    assert "Projektet kan redan finnas" not in page.content.decode()
    data = shown_data(page) | {"new_unit_kind": UnitKind.BOARD}
    assert client.post(review_url(first), data).status_code == 302
    project = Project.objects.get()
    second = upload(client, world.fund, seed_upload("004"))
    html = client.get(review_url(second)).content.decode()
    assert "Projektet kan redan finnas" in html
    assert f'href="/projekt/{project.pk}/"' in html
    assert "samma namn" in html and "samma sökta belopp" in html


def test_a_word_zip_bomb_is_refused_on_the_batch_page_saying_what_was_too_large(
    client: Any, world: Any
) -> None:
    from tests.ingest.test_limits import word_file

    client.force_login(world.admin)
    bomb = word_file(b"<w:p><w:r><w:t>" + b"A" * (41 * 1024 * 1024) + b"</w:t></w:r></w:p>")
    batch = upload(client, world.fund, SimpleUploadedFile("bomb.docx", bomb))
    html = client.get(batch).content.decode()
    assert "dokumentets huvudtext packas upp till 41,0 MB" in html
    assert "skadad" not in html
