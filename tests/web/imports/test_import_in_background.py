"""An upload read by `sif worker` (SIF_IMPORTS_IN_BACKGROUND): the batch page shows each file's
progress and reloads itself; once the worker has read the file, its review is linked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.imports.conftest import review_url, seed_upload, upload
from tests.web.tasks.test_document_jobs import run_queued_tasks

pytestmark = pytest.mark.django_db


def test_an_upload_is_read_by_the_worker_and_its_review_linked_when_ready(
    client: Any, world: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.IMPORTS_IN_BACKGROUND = True
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        batch = upload(client, world.fund, seed_upload("002"))
    page = client.get(batch)
    assert "Läses…" in page.content.decode() and page["Refresh"] == "2"
    assert client.get(review_url(batch))["Location"] == batch  # not read yet: back to the batch

    assert run_queued_tasks() == 1
    page = client.get(batch)
    html = page.content.decode()
    assert "Refresh" not in page and "Läses…" not in html
    assert "Granska och bekräfta" in html
    assert client.get(review_url(batch)).status_code == 200
    staged = next((Path(settings.DATA_DIR) / "imports").iterdir())
    assert not list(staged.glob("*.upload"))  # the upload is kept only until it is read
