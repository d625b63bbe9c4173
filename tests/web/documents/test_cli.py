"""`sif document`: Swedish refusals with exit code 1 and no traceback; a file when all is well."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from sif.web.projects.models import Project
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[int, str]:
    err = StringIO()
    try:
        call_command("document", *args, stdout=StringIO(), stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), err.getvalue()
    return 0, err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["application", "--project", "999999"], "Projektet med id 999999 finns inte."),
        (["portfolio", "--fund", "999999"], "Fonden med id 999999 finns inte."),
        (["application", "--project", "x"], "--project ska vara ett heltal (id), inte x."),
        (["application"], "Ange --project ID."),
        (["memo", "--project", "1"], "Okänd dokumenttyp: memo."),
        (["application", "--project", "1", "--format", "odt"], "Okänt format: odt."),
    ],
)
def test_a_bad_request_exits_1_with_a_swedish_message(args: list[str], message: str) -> None:
    code, err = run(*args)
    assert code == 1
    assert message in err


def _database_url_for_a_child(tmp_path: Path) -> str:
    """A DATABASE_URL for a separate `sif` process with the test database's migrated tables (and
    none of its rows): on SQLite a file copy of the in-memory test database, on PostgreSQL the test
    database itself (the test has committed nothing). Migrating a fresh file in the child instead
    would cost ~9 CPU-seconds."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        import sqlite3

        # a dump through the test's own connection (a backup would wait for its open transaction)
        path = tmp_path / "db.sqlite3"
        target = sqlite3.connect(path)
        try:
            target.executescript("\n".join(connection.connection.iterdump()))
        finally:
            target.close()
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def test_the_sif_command_on_a_bad_id_exits_1_without_a_traceback(tmp_path: Path) -> None:
    env = {
        "DATABASE_URL": _database_url_for_a_child(tmp_path),
        "SIF_DB_CONN_MAX_AGE": "0",
        "SIF_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "sif.cli", "document", "application", "--project", "424242"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "Projektet med id 424242 finns inte."


def test_it_writes_the_document_to_the_output_path(world: Any, tmp_path: Path) -> None:
    project: Project = make_project(world.fund, world.unit_a, title="Hembesök i Vällingby")
    out = tmp_path / "utlatande.docx"
    assert run(
        "committee_paper", "--project", str(project.pk), "--format", "docx", "--output", str(out)
    ) == (0, "")
    assert out.read_bytes().startswith(b"PK")
    assert run(
        "portfolio",
        "--fund",
        str(world.fund.pk),
        "--format",
        "pdf",
        "--output",
        str(tmp_path / "p.pdf"),
    ) == (0, "")
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
