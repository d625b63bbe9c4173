"""Every kind of document in the corpus uploads, shows its review with its kind and what SIF
does with it, and confirming it either creates the project or says in Swedish what is missing:
never a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sif.web.accounts.models import UnitKind
from sif.web.imports.drafts import KIND_LABELS
from tests.ingest.corpus.build import corpus_bytes
from tests.ingest.corpus.documents import DOCUMENTS
from tests.web.imports.conftest import review_url, shown_data, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.key)
def test_each_corpus_kind_is_reviewed_and_confirmed_without_a_server_error(
    client: Any, world: Any, document: Any
) -> None:
    client.force_login(world.admin)
    file = SimpleUploadedFile(f"{document.key}.docx", corpus_bytes(document, "docx"))
    batch = upload(client, world.fund, file)
    page = client.get(review_url(batch))
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Dokumentet ser ut att vara: {KIND_LABELS[document.expected['kind']]}" in html
    data = shown_data(page) | {"new_unit_kind": UnitKind.UNIT}
    if not data.get("owner_unit") and not data.get("new_unit_name"):
        data["owner_unit"] = str(world.unit_a.pk)
    response = client.post(review_url(batch), data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:  # refused: the Swedish reason is on the page, by its field
        assert 'class="errorlist' in response.content.decode()
