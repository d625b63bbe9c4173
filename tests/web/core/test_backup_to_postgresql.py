"""A backup taken on SQLite (the embedded default) restores into PostgreSQL with every row, every
file and exact timestamps: the way an installation grows from one machine to a server."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from sif.web.audit.models import Event
from sif.web.audit.services import event_record
from sif.web.projects.models import Project
from tests.web.builders import make_fund, make_municipality, make_project, make_unit

PG = "postgres://sif:sif@127.0.0.1:5432/{}"
NAME = "sif_hardening_restore"
pytestmark = pytest.mark.slow


def _postgres_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG.format("postgres"), autocommit=True, connect_timeout=3) as connection:
        connection.execute(sql)


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_restores_into_postgresql(
    tmp_path: Path, settings: Any, static_root: Path
) -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the source of this test is SQLite")
    try:
        _postgres_admin(f"DROP DATABASE IF EXISTS {NAME}")
        _postgres_admin(f"CREATE DATABASE {NAME}")
    except Exception as exc:  # no PostgreSQL on this machine
        pytest.skip(f"PostgreSQL is not reachable: {exc}")
    municipality = make_municipality()
    project = make_project(
        make_fund(municipality),
        make_unit(municipality, "Farsta stadsdelsförvaltning"),
        title="Flyttas till PostgreSQL",
    )
    event_record(
        actor=None,
        action="project_created",
        obj=project,
        municipality_id=municipality.pk,
        project_id=project.pk,
        before=None,
        after={"title": project.title},
    )
    Event.objects.update(at=datetime(2021, 3, 4, 5, 6, 7, 654321, tzinfo=UTC))
    call_command("backup", output_dir=str(tmp_path))
    archive = next(tmp_path.glob("sif-*.tar.gz"))
    env = {
        **os.environ,
        "DATABASE_URL": PG.format(NAME),
        "SIF_DB_CONN_MAX_AGE": "0",
        "SIF_DATA_DIR": str(tmp_path),
        "SIF_STATIC_ROOT": str(static_root),  # `sif migrate` finds them collected
    }
    sif = [sys.executable, "-m", "sif.cli"]
    try:
        subprocess.run(
            [*sif, "migrate", "--verbosity", "0"],
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )
        restored = subprocess.run(
            [*sif, "restore", str(archive)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert "Återställt" in restored.stdout
        probe = "import django; django.setup(); from sif.web.projects.models import Project; from sif.web.audit.models import Event; print(Project.objects.get().title, Event.objects.count(), sorted({e.at.microsecond for e in Event.objects.all()}))"
        out = subprocess.run(
            [sys.executable, "-c", probe],
            env={**env, "DJANGO_SETTINGS_MODULE": "sif.web.settings"},
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        assert out.strip() == "Flyttas till PostgreSQL 1 [654321]"
        assert Project.objects.count() == 1
    finally:
        _postgres_admin(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
