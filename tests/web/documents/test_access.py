"""Downloads follow the project's permission: another municipality gets 404, as for the page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sif.web.projects.models import Application, ApplicationForm, Project, ProjectState
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db

TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.fixture
def project(world: Any) -> Project:
    """A closed project with an application on file: it offers all three documents."""
    project = make_project(
        world.fund, world.unit_a, ProjectState.CLOSED, title="Hembesök i Vällingby"
    )
    form = ApplicationForm.objects.create(
        code="application_test",
        version=1,
        title="Ansökan",
        schema={"title": "Ansökan", "sections": []},
    )
    Application.objects.create(project=project, form=form, step=2, answers={})
    return project


def test_a_proposal_offers_no_document_and_its_downloads_are_404(client: Any, world: Any) -> None:
    proposal = make_project(world.fund, world.unit_a, title="Ett förslag")
    client.force_login(world.admin)
    for kind in ("ansokan", "tjansteutlatande", "slutrapport"):
        assert (
            client.get(reverse("documents:project", args=[proposal.pk, kind, "pdf"])).status_code
            == 404
        )
    page = client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    assert "Projektet har inga dokument ännu i sin nuvarande status." in page


@pytest.mark.parametrize(
    ("kind", "fmt"), [("ansokan", "pdf"), ("tjansteutlatande", "docx"), ("slutrapport", "xlsx")]
)
def test_a_reader_of_the_municipality_downloads_the_document(
    client: Any, world: Any, project: Project, kind: str, fmt: str
) -> None:
    client.force_login(world.reader)
    response = client.get(reverse("documents:project", args=[project.pk, kind, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[fmt]
    # a reader gets the published variant (small counts hidden), and the file name says so
    assert f'filename="{kind}-{project.pk}-publicerad.{fmt}"' in response["Content-Disposition"]


@pytest.mark.parametrize("kind", ["ansokan", "tjansteutlatande", "slutrapport"])
def test_another_municipality_gets_404(
    client: Any, world: Any, project: Project, kind: str
) -> None:
    client.force_login(world.outsider)
    assert (
        client.get(reverse("documents:project", args=[project.pk, kind, "pdf"])).status_code == 404
    )


def test_an_unknown_kind_or_format_is_404(client: Any, world: Any, project: Project) -> None:
    client.force_login(world.admin)
    assert client.get(f"/projekt/{project.pk}/dokument/okand.pdf").status_code == 404
    assert client.get(f"/projekt/{project.pk}/dokument/ansokan.odt").status_code == 404


def test_the_project_page_links_the_documents(client: Any, world: Any, project: Project) -> None:
    client.force_login(world.reader)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    for kind in ("ansokan", "tjansteutlatande", "slutrapport"):
        assert f'href="/projekt/{project.pk}/dokument/{kind}.pdf"' in page
        assert f'href="/projekt/{project.pk}/dokument/{kind}.docx"' in page


@pytest.mark.parametrize(
    ("persona", "status"),
    # the municipality's own members are refused (403); another municipality's fund is not found
    [("admin", 200), ("reader", 403), ("applicant_a", 403), ("outsider", 404)],
)
def test_the_portfolio_is_for_the_municipalitys_fund_admins(
    client: Any, world: Any, project: Project, persona: str, status: int
) -> None:
    client.force_login(world.persona(persona))
    response = client.get(reverse("documents:portfolio", args=[world.fund.pk, "xlsx"]))
    assert response.status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client: Any, project: Project) -> None:
    response = client.get(reverse("documents:project", args=[project.pk, "ansokan", "pdf"]))
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
