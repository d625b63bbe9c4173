"""Bad files get their own Swedish message while the batch goes on; nothing reaches the domain
tables before confirmation; a bad correction saves nothing; a staged import is private."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sif.ingest import ingest_bytes
from sif.web.accounts.models import OrgUnit, Role
from sif.web.audit.models import Event
from sif.web.projects.models import BudgetRow, Contact, Project, SourceDocument
from tests.web.builders import make_user
from tests.web.imports.conftest import review_url, seed_upload, shown_data, upload

pytestmark = pytest.mark.django_db


def domain_counts() -> dict[str, int]:
    models = (Project, Event, OrgUnit, SourceDocument, BudgetRow, Contact)
    return {m.__name__: m.objects.count() for m in models}


BAD_FILES = [
    ("tom.txt", b"", "file_empty"),
    ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x10" * 200, "not_a_document"),
    ("trasig.docx", b"PK\x03\x04 not really a zip", "docx_broken"),
    ("trasig.pdf", b"%PDF-1.7\n garbage without objects", "pdf_broken"),
    ("stor.txt", b"Ansokan " * 1500, "file_too_large"),
]


def test_a_batch_with_bad_files_shows_each_files_swedish_message_and_the_good_file_goes_on(
    client, world, settings
):
    settings.UPLOAD_LIMIT_BYTES = 10_000  # stor.txt is 12 000 bytes; the seed 004 about 6 000
    client.force_login(world.admin)
    bad = [SimpleUploadedFile(name, data) for name, data, _code in BAD_FILES]
    good = seed_upload("004")
    assert good.size < settings.UPLOAD_LIMIT_BYTES
    batch = upload(client, world.fund, *bad, good)
    html = client.get(batch).content.decode()
    for name, data, code in BAD_FILES:
        expected = ingest_bytes(data, name, max_bytes=settings.UPLOAD_LIMIT_BYTES).error
        assert expected is not None and expected.code == code
        assert expected.message.replace("'", "&#x27;").replace('"', "&quot;") in html
    assert f'href="{review_url(batch, len(BAD_FILES))}"' in html  # the good file waits for review
    assert client.get(review_url(batch, 0)).status_code == 404  # a bad file has no review screen
    response = client.post(
        review_url(batch, len(BAD_FILES)), shown_data(client.get(review_url(batch, len(BAD_FILES))))
    )
    assert response.status_code == 302 and Project.objects.count() == 1


def test_uploading_and_reviewing_writes_nothing_to_the_domain_tables(client, world):
    client.force_login(world.admin)
    before = domain_counts()
    batch = upload(client, world.fund, seed_upload("002"), seed_upload("004"), seed_upload("000"))
    for index in range(3):
        assert client.get(review_url(batch, index)).status_code == 200
    assert domain_counts() == before


def test_an_upload_without_files_is_refused_with_a_swedish_message(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("imports:upload"), {"fund": world.fund.pk})
    assert response.status_code == 200
    assert "Välj minst en fil att läsa in" in response.content.decode()


BAD_CORRECTIONS = [
    ({"sought_amount": "22540001"}, "sought_amount", "stämmer inte med budgetens totalsumma"),
    ({"sought_amount": "-5"}, "sought_amount", "negativt"),
    ({"budget-0-y2020": "-100"}, None, "negativt"),
    ({"start_date": "2022-12-31", "end_date": "2020-01-01"}, "end_date", "ligger före startdatum"),
    ({"title": " "}, "title", "namn"),
    ({"owner_unit": "", "new_unit_name": ""}, "owner_unit", "Välj ansvarig enhet"),
    ({"granted_amount": "1000"}, "granted_amount", "beviljat belopp kan bara anges"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_CORRECTIONS)
def test_a_bad_correction_saves_nothing_and_shows_the_message(
    client, world, changes, field, message
):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("002"))
    page = client.get(review_url(batch))
    before = domain_counts()
    response = client.post(review_url(batch), shown_data(page) | changes)
    assert response.status_code == 400
    assert domain_counts() == before
    errors = response.context["form"].errors
    shown = " ".join(errors.get(field or "__all__", []))
    assert message.casefold() in shown.casefold(), errors
    assert message.casefold() in response.content.decode().casefold()


@pytest.mark.parametrize("persona", ["outsider", "reviewer", "applicant_b"])
def test_someone_else_cannot_open_a_staged_import(client, world, persona):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("004"))
    page = client.get(review_url(batch))
    client.force_login(world.persona(persona))
    assert client.get(batch).status_code == 404
    assert client.get(review_url(batch)).status_code == 404
    assert client.post(review_url(batch), shown_data(page)).status_code == 404
    assert not Project.objects.exists()


def test_a_confirmed_file_cannot_be_confirmed_twice(client, world):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("004"))
    data = shown_data(client.get(review_url(batch)))
    assert client.post(review_url(batch), data).status_code == 302
    again = client.post(review_url(batch), data)
    assert again.status_code == 302 and again["Location"] == batch
    assert Project.objects.count() == 1


def test_a_user_without_an_import_role_is_offered_no_fund(client, world):
    client.force_login(world.reader)
    html = client.get(reverse("imports:upload")).content.decode()
    assert "kan därför inte läsa in dokument" in html
    response = client.post(
        reverse("imports:upload"), {"fund": world.fund.pk, "files": [seed_upload("004")]}
    )
    assert response.status_code == 200 and not Project.objects.exists()


def test_an_applicant_of_another_municipality_cannot_upload_to_this_fund(client, world):
    stranger: Any = make_user("stranger", Role.APPLICANT, world.malmo, world.malmo_unit)
    client.force_login(stranger)
    response = client.post(
        reverse("imports:upload"), {"fund": world.fund.pk, "files": [seed_upload("004")]}
    )
    assert response.status_code == 200 and "fund" in response.context["form"].errors


def test_a_typed_total_that_differs_from_the_budget_is_warned_about_and_must_be_corrected_before_saving(
    client, world
):
    from sif.demo import seed_text

    text = seed_text("002").replace("Total kostnad: 22 540 Tkr", "Total kostnad: 22 640 Tkr")
    client.force_login(world.admin)
    batch = upload(client, world.fund, SimpleUploadedFile("ansokan.txt", text.encode("utf-8")))
    page = client.get(review_url(batch))
    html = page.content.decode()
    assert (
        'class="import-warning"' in html
        and "22\xa0640\xa0000\xa0kr stämmer inte med budgettabellens totalsumma 22\xa0540\xa0000\xa0kr"
        in html
    )
    refused = client.post(
        review_url(batch), shown_data(page)
    )  # the typed total was offered as the sought amount
    assert refused.status_code == 400 and not Project.objects.exists()
    assert "stämmer inte med budgetens totalsumma" in " ".join(
        refused.context["form"].errors["sought_amount"]
    )
    response = client.post(review_url(batch), shown_data(page) | {"sought_amount": "22 540 000"})
    assert response.status_code == 302
    assert str(Project.objects.get().sought_amount) == "22540000.00"
