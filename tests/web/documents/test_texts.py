"""The handläggare's texts: saved as versions and logged, written by the fund administrator,
read by a reader; drafts prefilled from the data and never cut mid-sentence."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.documents.drafts import committee_of, source_title, whole_sentences
from sif.web.documents.models import DocumentText
from sif.web.documents.services import document_texts_save
from sif.web.projects.models import Project

pytestmark = pytest.mark.django_db
STIS = "Stärkt tidigt stöd i samverkan"


def _user(name: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def test_a_summary_cut_at_a_page_break_ends_at_its_last_whole_sentence() -> None:
    text = "Dessa mål är uppnådda.\n\nEn gemensam struktur har tagits fram. Intervjuer med föräldrar visar"
    assert (
        whole_sentences(text) == "Dessa mål är uppnådda.\n\nEn gemensam struktur har tagits fram."
    )


@pytest.mark.parametrize(
    ("unit", "committee"),
    [
        ("Socialförvaltningen", "Socialnämnden"),
        ("Hässelby-Vällingby stadsdelsförvaltning", "Hässelby-Vällingby stadsdelsnämnd"),
        ("Torshälla stads förvaltning", "Torshälla stads nämnd"),
    ],
)
def test_the_addressee_is_the_committee_above_the_administration(unit: str, committee: str) -> None:
    assert committee_of(unit) == committee


def test_a_stored_upload_name_is_no_attachment_title() -> None:
    assert source_title("001_2e73547fb34b6cd1.txt") == ""
    assert source_title("Slutrapport STIS 2021.pdf") == "Slutrapport STIS 2021"


def test_saving_the_texts_makes_a_new_version_and_logs_before_and_after(demo: Any) -> None:
    project = Project.objects.get(title=STIS)
    current = (
        DocumentText.objects.filter(project=project, kind="committee_paper")
        .order_by("-version")
        .first()
    )
    assert current is not None and current.version == 1
    texts = {**current.texts, "preparation": "Ärendet har beretts av avdelningen."}
    saved = document_texts_save(
        actor=_user("fondforvaltare"), project=project, kind="committee_paper", texts=texts
    )
    assert saved.version == 2
    event = Event.objects.filter(action="document_texts_save", object_id=str(saved.pk)).get()
    assert event.after == {"preparation": "Ärendet har beretts av avdelningen."}
    assert event.before is not None and event.before["preparation"].startswith(
        "Ärendet har beretts inom avdelningen"
    )
    again = document_texts_save(
        actor=_user("fondforvaltare"), project=project, kind="committee_paper", texts=texts
    )
    assert again.pk == saved.pk


def test_a_reader_cannot_save_the_texts(demo: Any) -> None:
    project = Project.objects.get(title=STIS)
    with pytest.raises(SifError) as error:
        document_texts_save(
            actor=_user("lasare"), project=project, kind="committee_paper", texts={"summary": "x"}
        )
    assert error.value.code == "permission_denied"


def test_the_texts_page_saves_for_the_fund_administrator_and_shows_read_only_to_a_reader(
    demo: Any,
) -> None:
    project = Project.objects.get(title=STIS)
    admin, reader = Client(), Client()
    admin.force_login(_user("fondforvaltare"))
    reader.force_login(_user("lasare"))
    url = f"/projekt/{project.pk}/dokument/tjansteutlatande/texter"
    page = admin.get(url)
    assert page.status_code == 200 and "Förvaltningsgruppen har behandlat" in page.content.decode()
    response = admin.post(
        url,
        {
            "recipient": "Socialnämnden",
            "summary": "En ny sammanfattning.",
            "signatures": "Fredrik Jurdell, Socialdirektör",
        },
    )
    assert response.status_code == 302
    assert (
        DocumentText.objects.filter(project=project, kind="committee_paper")
        .order_by("-version")
        .first()
        .texts["summary"]
        == "En ny sammanfattning."
    )  # type: ignore[union-attr]
    shown = reader.get(url).content.decode()
    assert (
        "Du kan läsa texterna men inte ändra dem." in shown and "Spara en ny version" not in shown
    )
    refused = reader.post(url, {"summary": "Ändrad av läsaren."})
    assert refused.status_code == 200 and "behörighet" in refused.content.decode()
    preview = admin.get(f"/projekt/{project.pk}/dokument/tjansteutlatande/forhandsvisning")
    assert preview.status_code == 200 and "En ny sammanfattning." in preview.content.decode()


def test_an_application_is_not_offered_for_stis_which_has_none(demo: Any) -> None:
    project = Project.objects.get(title=STIS)
    client = Client()
    client.force_login(_user("fondforvaltare"))
    assert client.get(f"/projekt/{project.pk}/dokument/ansokan.pdf").status_code == 404
    assert "dokument/ansokan.pdf" not in client.get(f"/projekt/{project.pk}/").content.decode()


def test_the_portfolio_page_is_linked_from_the_menu_and_shows_the_balance(demo: Any) -> None:
    client = Client()
    client.force_login(_user("fondforvaltare"))
    home = client.get("/projekt/").content.decode()
    assert "/portfolj/" in home
    page = client.get("/portfolj/", follow=True)
    text = page.content.decode()
    assert (
        page.status_code == 200
        and "Fondens saldo per år" in text
        and "Stärkt tidigt stöd i samverkan" in text
    )
    filtered = client.get(page.redirect_chain[-1][0] + "?status=proposal").content.decode()
    assert (
        "Hembesöksprogrammet" in filtered
        and "Pilot för en innovativ" not in filtered.split("Projekt i fonden")[1].split("Totalt")[0]
    )
