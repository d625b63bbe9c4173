"""The read-only project pages: the list with its filters and the project page with the budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from sif.web.audit.services import event_record
from sif.web.projects.models import ApplicationForm, Application, Decision, Project, ProjectState, Review
from tests.web.projects.view_personas import build_world, personas, project

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def people(world):
    return personas(world)


def login(client, user):
    client.force_login(user)
    return client


def test_the_root_redirects_to_the_project_list(client, world, people):
    login(client, people["admin"])
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:list")


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(reverse("projects:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_list_shows_every_project_of_the_administrators_municipality_and_no_other(client, world, people):
    html = login(client, people["admin"]).get(reverse("projects:list")).content.decode()
    assert world.pilot.title in html
    assert world.skarholmen_project.title in html
    assert world.eskilstuna_project.title not in html
    assert "22\xa0540\xa0000\xa0kr" in html
    assert "under beredning" in html


def test_an_applicant_sees_only_the_projects_of_their_own_unit(client, world, people):
    html = login(client, people["applicant"]).get(reverse("projects:list")).content.decode()
    assert world.pilot.title in html
    assert world.skarholmen_project.title not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"state": "in_review"}, "pilot", "skarholmen_project"),
        ({"year": "2014"}, "skarholmen_project", "pilot"),
        ({"year": "2021"}, "pilot", "skarholmen_project"),
        ({"fund": "other_fund"}, "skarholmen_project", "pilot"),
        ({"unit": "skarholmen"}, "skarholmen_project", "pilot"),
        ({"unit": "hv"}, "pilot", "skarholmen_project"),
    ],
)
def test_the_list_filters_by_state_year_fund_and_unit(client, world, people, query, shown, hidden):
    params = {k: (getattr(world, v).pk if k in {"fund", "unit"} else v) for k, v in query.items()}
    html = login(client, people["admin"]).get(reverse("projects:list"), params).content.decode()
    assert getattr(world, shown).title in html
    assert getattr(world, hidden).title not in html


def test_a_bad_filter_value_shows_a_swedish_message_and_all_projects(client, world, people):
    html = login(client, people["admin"]).get(reverse("projects:list"), {"year": "tjugo"}).content.decode()
    assert "Fyll i ett heltal." in html
    assert world.pilot.title in html


def test_the_list_does_not_query_per_row(client, world, people, django_assert_max_num_queries):
    for n in range(20):
        project(world.fund, world.hv, f"Projekt {n}", date(2020, 1, 1), date(2021, 12, 31), sought_amount=Decimal(n * 1000))
    login(client, people["admin"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:list"))
    assert response.content.decode().count('href="/projekt/') >= 22


@pytest.mark.parametrize("figure", ["8\xa0177", "8\xa0411", "1\xa0752", "1\xa0400", "9\xa0577", "9\xa0811", "3\xa0152", "18\xa0340", "4\xa0200", "22\xa0540"])
def test_the_pilot_page_shows_the_budget_of_seed_002_in_tkr_with_derived_totals(client, world, people, figure):
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert f">{figure}<" in html


def test_the_pilot_page_shows_the_footnotes_and_the_years_of_the_period(client, world, people):
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert "År 2020" in html and "År 2022" in html
    assert "Marknadsföring, digitalt stöd, del av lokalkostnader" in html
    assert "<sup>**</sup>" in html


def test_another_municipalitys_project_answers_404(client, world, people):
    response = login(client, people["outsider"]).get(reverse("projects:detail", args=[world.pilot.pk]))
    assert response.status_code == 404
    assert world.pilot.title not in response.content.decode()


def test_another_units_project_answers_404_to_an_applicant(client, world, people):
    response = login(client, people["applicant"]).get(reverse("projects:detail", args=[world.skarholmen_project.pk]))
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_the_project_page_shows_a_decision_with_month_precision_and_paragraph(client, world, people):
    Decision.objects.create(project=world.eskilstuna_project, body="Torshälla stads nämnd", decided_on=date(2014, 9, 1),
                            date_precision="month", paragraph="45", granted_amount=Decimal("3800000"))
    esk_admin = people["outsider"]
    html = login(client, esk_admin).get(reverse("projects:detail", args=[world.eskilstuna_project.pk])).content.decode()
    assert "september 2014" in html
    assert "§ 45" in html
    assert "3\xa0800\xa0000\xa0kr" in html


def test_the_project_page_shows_reviews_with_scores_and_recommendation(client, world, people):
    Review.objects.create(project=world.pilot, reviewer_name="Fondens beredningsgrupp", comments="Bra behovsanalys.",
                          scores={"Behov": 4, "Uppföljning": 3}, recommendation="grant_with_conditions")
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert "Bra behovsanalys." in html
    assert "Uppföljning" in html
    assert "bevilja med villkor" in html


def test_an_application_renders_with_the_form_version_it_was_written_in(client, world, people):
    old = ApplicationForm.objects.create(code="testform", version=1, title="Testformulär", schema={
        "sections": [{"title": "Projekt", "fields": [{"key": "goal", "label": "Mål", "type": "textarea"},
                                                      {"key": "amount", "label": "Sökt summa", "type": "money"}]}]})
    ApplicationForm.objects.create(code="testform", version=2, title="Testformulär", schema={
        "sections": [{"title": "Projekt", "fields": [{"key": "goal", "label": "Projektets mål", "type": "textarea"}]}]})
    Application.objects.create(project=world.pilot, form=old, answers={"goal": "Rätt insats i rätt tid.", "amount": "2460000"})
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert "<dt>Mål</dt>" in html
    assert "Projektets mål" not in html
    assert "2\xa0460\xa0000\xa0kr" in html


def test_the_timeline_lists_events_newest_first_with_actor_and_swedish_label(client, world, people):
    admin = people["admin"]
    event_record(actor=admin, action="project_create", obj=world.pilot, municipality_id=world.stockholm.pk, project_id=world.pilot.pk)
    event_record(actor=admin, action="project_transition", obj=world.pilot, municipality_id=world.stockholm.pk,
                 project_id=world.pilot.pk, after={"state": "in_review"}, reason="Komplett ansökan")
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert html.index("Status ändrad: under beredning") < html.index("Förslag skapat")
    assert "Komplett ansökan" in html
    assert "(Anna)" in html


def test_example_data_is_marked_on_the_list_and_the_project_page(client, world, people):
    Project.objects.filter(pk=world.pilot.pk).update(example_note="Kontaktuppgifternas telefonnummer är exempeldata.")
    login(client, people["reader"])
    assert "Exempeldata" in client.get(reverse("projects:list")).content.decode()
    html = client.get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert "Kontaktuppgifternas telefonnummer är exempeldata." in html


def test_pages_declare_the_language_and_label_every_filter(client, world, people):
    html = login(client, people["admin"]).get(reverse("projects:list")).content.decode()
    assert '<html lang="sv">' in html
    for name in ("state", "unit", "year", "fund"):
        assert f'<label for="id_{name}">' in html


def test_a_granted_project_shows_its_state(client, world, people):
    Project.objects.filter(pk=world.pilot.pk).update(state=ProjectState.GRANTED)
    html = login(client, people["reader"]).get(reverse("projects:detail", args=[world.pilot.pk])).content.decode()
    assert 'state-granted">beviljad<' in html
