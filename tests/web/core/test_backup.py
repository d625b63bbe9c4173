"""`sif backup` writes a dump that `sif restore` loads into an empty database with nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sif.web.audit.models import Event
from sif.web.projects.models import BudgetCell, Project
from tests.web.builders import make_fund, make_municipality, make_project, make_unit


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_keeps_every_row(tmp_path: Path) -> None:
    municipality = make_municipality()
    unit = make_unit(municipality, "Farsta stadsdelsförvaltning")
    fund = make_fund(municipality)
    make_project(fund, unit, title="Projekt att säkerhetskopiera")
    counts = (Project.objects.count(), Event.objects.count(), BudgetCell.objects.count())

    call_command("backup", output_dir=str(tmp_path))
    dump = next(tmp_path.glob("sif-*.json.gz"))
    call_command("flush", interactive=False, verbosity=0)
    assert Project.objects.count() == 0

    call_command("restore", str(dump))

    assert (Project.objects.count(), Event.objects.count(), BudgetCell.objects.count()) == counts
    assert Project.objects.get().title == "Projekt att säkerhetskopiera"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_already_holds_data(tmp_path: Path) -> None:
    make_municipality()
    dump = tmp_path / "sif.json"
    dump.write_text("[]", encoding="utf-8")
    with pytest.raises(CommandError, match="innehåller redan data"):
        call_command("restore", str(dump))
