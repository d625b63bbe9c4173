"""The read-only project pages: the list with its filters and the project page with the budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from sif.web.audit.services import event_record
from sif.web.projects.models import (
    Application,
    ApplicationForm,
    Decision,
    Project,
    ProjectState,
    Review,
)
from tests.web.builders import make_project
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
pages = view_personas.pages
_fast_passwords = view_personas._fast_passwords


def login(client, user):
    client.force_login(user)
    return client


def test_the_root_redirects_to_the_project_list(client, world, pages):
    login(client, world.admin)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:list")


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(reverse("projects:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_list_shows_every_project_of_the_administrators_municipality_and_no_other(
    client, world, pages
):
    html = login(client, world.admin).get(reverse("projects:list")).content.decode()
    assert pages.pilot.title in html
    assert pages.unit_b_project.title in html
    assert pages.malmo_project.title not in html
    assert "22\xa0540\xa0000\xa0kr" in html
    assert "under beredning" in html


def test_an_applicant_sees_only_the_projects_of_their_own_unit(client, world, pages):
    html = login(client, world.applicant_a).get(reverse("projects:list")).content.decode()
    assert pages.pilot.title in html
    assert pages.unit_b_project.title not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"state": "in_review"}, "pilot", "unit_b_project"),
        ({"year": "2014"}, "unit_b_project", "pilot"),
        ({"year": "2021"}, "pilot", "unit_b_project"),
        ({"fund": "other_fund"}, "unit_b_project", "pilot"),
        ({"unit": "unit_b"}, "unit_b_project", "pilot"),
        ({"unit": "unit_a"}, "pilot", "unit_b_project"),
    ],
)
def test_the_list_filters_by_state_year_fund_and_unit(client, world, pages, query, shown, hidden):
    objects = {"other_fund": pages.other_fund, "unit_a": world.unit_a, "unit_b": world.unit_b}
    params = {k: (objects[v].pk if k in {"fund", "unit"} else v) for k, v in query.items()}
    html = login(client, world.admin).get(reverse("projects:list"), params).content.decode()
    assert getattr(pages, shown).title in html
    assert getattr(pages, hidden).title not in html


def test_a_bad_filter_value_shows_a_swedish_message_and_all_projects(client, world, pages):
    html = (
        login(client, world.admin).get(reverse("projects:list"), {"year": "tjugo"}).content.decode()
    )
    assert "Fyll i ett heltal." in html
    assert pages.pilot.title in html


def test_the_list_does_not_query_per_row(client, world, pages, django_assert_max_num_queries):
    for n in range(20):
        make_project(
            world.fund, world.unit_a, title=f"Projekt {n}", sought_amount=Decimal(n * 1000)
        )
    login(client, world.admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:list"))
    assert response.content.decode().count('href="/projekt/') >= 22


@pytest.mark.parametrize(
    "figure",
    [
        "8\xa0177",
        "8\xa0411",
        "1\xa0752",
        "1\xa0400",
        "9\xa0577",
        "9\xa0811",
        "3\xa0152",
        "18\xa0340",
        "4\xa0200",
        "22\xa0540",
    ],
)
def test_the_pilot_page_shows_the_budget_of_seed_002_in_tkr_with_derived_totals(
    client, world, pages, figure
):
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert f">{figure}<" in html


def test_the_pilot_page_shows_the_footnotes_and_the_years_of_the_period(client, world, pages):
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert "År 2020" in html and "År 2022" in html
    assert "Marknadsföring, digitalt stöd, del av lokalkostnader" in html
    assert "<sup>**</sup>" in html


def test_another_municipalitys_project_answers_404(client, world, pages):
    response = login(client, world.outsider).get(reverse("projects:detail", args=[pages.pilot.pk]))
    assert response.status_code == 404
    assert pages.pilot.title not in response.content.decode()


def test_another_units_project_answers_404_to_an_applicant(client, world, pages):
    response = login(client, world.applicant_a).get(
        reverse("projects:detail", args=[pages.unit_b_project.pk])
    )
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_the_project_page_shows_a_decision_with_month_precision_and_paragraph(client, world, pages):
    Decision.objects.create(
        project=pages.malmo_project,
        body="Socialnämnden",
        decided_on=date(2014, 9, 1),
        date_precision="month",
        paragraph="45",
        granted_amount=Decimal("3800000"),
    )
    html = (
        login(client, world.outsider)
        .get(reverse("projects:detail", args=[pages.malmo_project.pk]))
        .content.decode()
    )
    assert "september 2014" in html
    assert "§ 45" in html
    assert "3\xa0800\xa0000\xa0kr" in html


def test_the_project_page_shows_reviews_with_scores_and_recommendation(client, world, pages):
    Review.objects.create(
        project=pages.pilot,
        reviewer_name="Fondens beredningsgrupp",
        comments="Bra behovsanalys.",
        scores={"Behov": 4, "Uppföljning": 3},
        recommendation="grant_with_conditions",
    )
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert "Bra behovsanalys." in html
    assert "Uppföljning" in html
    assert "bevilja med villkor" in html


def test_an_application_renders_with_the_form_version_it_was_written_in(client, world, pages):
    old = ApplicationForm.objects.create(
        code="testform",
        version=1,
        title="Testformulär",
        schema={
            "sections": [
                {
                    "title": "Projekt",
                    "fields": [
                        {"key": "goal", "label": "Mål", "type": "textarea"},
                        {"key": "amount", "label": "Sökt summa", "type": "money"},
                    ],
                }
            ]
        },
    )
    ApplicationForm.objects.create(
        code="testform",
        version=2,
        title="Testformulär",
        schema={
            "sections": [
                {
                    "title": "Projekt",
                    "fields": [{"key": "goal", "label": "Projektets mål", "type": "textarea"}],
                }
            ]
        },
    )
    Application.objects.create(
        project=pages.pilot,
        form=old,
        answers={"goal": "Rätt insats i rätt tid.", "amount": "2460000"},
    )
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert "<dt>Mål</dt>" in html
    assert "Projektets mål" not in html
    assert "2\xa0460\xa0000\xa0kr" in html


def test_the_timeline_lists_events_newest_first_with_actor_and_swedish_label(client, world, pages):
    admin = world.admin
    event_record(
        actor=admin,
        action="project_create",
        obj=pages.pilot,
        municipality_id=world.sthlm.pk,
        project_id=pages.pilot.pk,
    )
    event_record(
        actor=admin,
        action="project_transition",
        obj=pages.pilot,
        municipality_id=world.sthlm.pk,
        project_id=pages.pilot.pk,
        after={"state": "in_review"},
        reason="Komplett ansökan",
    )
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert html.index("Status ändrad: under beredning") < html.index("Förslag skapat")
    assert "Komplett ansökan" in html
    assert "(admin)" in html


def test_example_data_is_marked_on_the_list_and_the_project_page(client, world, pages):
    Project.objects.filter(pk=pages.pilot.pk).update(
        example_note="Kontaktuppgifternas telefonnummer är exempeldata."
    )
    login(client, world.reader)
    assert "Exempeldata" in client.get(reverse("projects:list")).content.decode()
    html = client.get(reverse("projects:detail", args=[pages.pilot.pk])).content.decode()
    assert "Kontaktuppgifternas telefonnummer är exempeldata." in html


def test_pages_declare_the_language_and_label_every_filter(client, world, pages):
    html = login(client, world.admin).get(reverse("projects:list")).content.decode()
    assert '<html lang="sv">' in html
    for name in ("state", "unit", "year", "fund"):
        assert f'<label for="id_{name}">' in html


def test_a_granted_project_shows_its_state(client, world, pages):
    Project.objects.filter(pk=pages.pilot.pk).update(state=ProjectState.GRANTED)
    html = (
        login(client, world.reader)
        .get(reverse("projects:detail", args=[pages.pilot.pk]))
        .content.decode()
    )
    assert 'state-granted">beviljad<' in html
