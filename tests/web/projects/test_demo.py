"""`sif demo` loads the seeds' real figures once; `--if-empty` never duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sif.calc.budget import grand_total, row_totals, year_totals
from sif.web.accounts.models import Municipality, OrgUnit
from sif.web.projects import demo_organisation
from sif.web.projects.budget_changes import budget_inputs as _budget_inputs
from sif.web.projects.models import Application, Decision, Fund, Project, Review, SourceDocument
from tests.web.demo_data import demo_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """The demo, loaded once for this module (it takes seconds) and rolled back afterwards: no test
    here changes it (a second `demo` adds nothing or is refused before it writes)."""
    with demo_loaded(django_db_blocker, tmp_path_factory) as out:
        yield out


def counts() -> dict[str, int]:
    models = (
        Municipality,
        OrgUnit,
        Fund,
        Project,
        Application,
        Review,
        Decision,
        SourceDocument,
        get_user_model(),
    )
    return {m.__name__: m.objects.count() for m in models}


def test_loading_twice_with_if_empty_adds_nothing_the_second_time(loaded: str) -> None:
    first = counts()
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert counts() == first
    assert "redan data" in out.getvalue()
    assert first["Municipality"] == 3 and first["Project"] == 10


def test_loading_into_a_database_with_data_without_if_empty_is_refused(loaded: str) -> None:
    with pytest.raises(CommandError):
        call_command("demo", stdout=StringIO())


def test_the_login_file_lists_every_demo_user_with_a_generated_password(
    loaded: str, settings: Any
) -> None:
    text = (Path(settings.DATA_DIR) / "demo-login.txt").read_text(encoding="utf-8")
    for spec in demo_organisation.DEMO_USERS:
        line = next(x for x in text.splitlines() if x.startswith(spec.username + " "))
        password = line.split()[1]
        assert get_user_model().objects.get(username=spec.username).check_password(password)
        assert password in loaded


def test_the_pilot_has_seed_002s_budget_contacts_and_12_indicators(loaded: str) -> None:
    pilot = Project.objects.get(
        title="Pilot för en innovativ och hållbar socialtjänst för barn och unga"
    )
    rows = _budget_inputs(pilot)
    assert (
        pilot.state == "application_step2"
        and pilot.owner_unit.name == "Avdelningen för barn och unga"
    )
    assert row_totals(rows) == [Decimal(18_340_000), Decimal(4_200_000)]
    assert year_totals(rows) == {
        2020: Decimal(9_577_000),
        2021: Decimal(9_811_000),
        2022: Decimal(3_152_000),
    }
    assert grand_total(rows) == pilot.sought_amount == Decimal(22_540_000)
    assert [r.footnote for r in rows] == [
        "inkl. vikarietäckning då medarbetare i ordinarie verksamhet deltar i lärandeaktiviteter och implementeringsplan.",
        "Marknadsföring, digitalt stöd, del av lokalkostnader",
    ]
    assert list(pilot.contacts.values_list("name", "email", "phone")) == [
        ("Andrea Hormazabal", "Andrea.hormazabal@stockholm.se", "08-508 04 025"),
        ("Rebecca Hedenstedt", "Rebecca.hedenstedt@stockholm.se", "08-508 04 172"),
    ]
    indicators = list(pilot.indicators.all())
    assert len(indicators) == 12
    assert [i.method for i in indicators[:4]] == [
        "school_data",
        "school_data",
        "instrument",
        "sip_kollen",
    ]
    assert {i.comparison_group for i in indicators[:4]} == {"ordinarie socialtjänst"}
    application = pilot.applications.get()
    assert application.form.code == "application_full"
    assert application.answers["references"].startswith("Danermark, B. & Germundsson, P. (2007)")


def test_stis_is_closed_into_regular_operations_with_its_seven_districts(loaded: str) -> None:
    stis = Project.objects.get(short_name="STIS")
    assert (stis.state, stis.closing_outcome) == ("closed", "regular_operations")
    assert (str(stis.start_date), str(stis.end_date)) == ("2017-09-04", "2021-04-30")
    assert stis.units.count() == 7
    closing = stis.decisions.get()
    assert (closing.kind, closing.body, str(closing.decided_on)) == (
        "closing",
        "Socialnämnden",
        "2021-11-23",
    )


def test_the_ytterstad_application_seeks_2_460_000_as_600_000_plus_1_860_000(loaded: str) -> None:
    project = Project.objects.get(title__startswith="Utökad samverkan")
    assert year_totals(_budget_inputs(project)) == {
        2013: Decimal(600_000),
        2014: Decimal(1_860_000),
    }
    assert project.sought_amount == Decimal(2_460_000)
    assert project.applications.get().answers["other_income"] is False


def test_team_samagera_got_3_8_msek_in_september_2014(loaded: str) -> None:
    grant = Decision.objects.get(project__title="Team Samagera", kind="grant")
    assert (grant.granted_amount, grant.decided_on.isoformat()[:7], grant.date_precision) == (
        Decimal(3_800_000),
        "2014-09",
        "month",
    )


def test_the_five_stockholm_proposals_carry_their_synpunkter(loaded: str) -> None:
    proposals = Project.objects.filter(municipality__code="stockholm", state="proposal").order_by(
        "pk"
    )
    assert proposals.count() == 5
    assert Review.objects.filter(project__in=proposals).count() == 5
    ppss = Review.objects.get(project__title="Utvidga PPSS – tydligare form")
    assert ppss.comments.startswith("Behov av att styra mot en modell där många barn nås")


def test_every_project_keeps_its_seed_as_source_document(loaded: str) -> None:
    assert not Project.objects.filter(source_documents__isnull=True).exists()


def test_no_fund_has_an_invented_capital(loaded: str) -> None:
    malmo = Fund.objects.get(municipality__code="malmo")
    assert "50 mnkr" in malmo.source_note and "12 april 2012" in malmo.source_note


def test_team_samagera_keeps_seed_003s_four_lessons_word_for_word_and_stis_has_none_invented(
    loaded: str,
) -> None:
    from sif.demo import SEEDS

    seed = SEEDS["003"].read_text(encoding="utf-8")
    after = seed.split("Lärdomar som gjorts är:")[1].split("Finansiering")[0]
    paragraphs = [p.strip() for p in after.split("\n") if p.strip()]
    samagera = Project.objects.get(title="Team Samagera")
    assert samagera.lessons.split("\n\n") == paragraphs
    assert len(paragraphs) == 4 and all(p.startswith("Att ") for p in paragraphs)
    assert paragraphs[0].startswith("Att det behöver bli tydligt hur elevhälsokedjan ska se ut")
    assert Project.objects.get(short_name="STIS").lessons == ""
    assert set(Project.objects.exclude(pk=samagera.pk).values_list("lessons", flat=True)) == {""}
