"""`sif backup` writes a dump that `sif restore` loads into an empty database with nothing lost."""

from __future__ import annotations

import io
import json
import stat
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sif.web.accounts.models import Role
from sif.web.audit.models import Event
from sif.web.projects.models import BudgetCell, Project, SourceDocument
from tests.web.builders import make_fund, make_municipality, make_project, make_unit


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_keeps_every_row(tmp_path: Path) -> None:
    municipality = make_municipality()
    unit = make_unit(municipality, "Farsta stadsdelsförvaltning")
    fund = make_fund(municipality)
    make_project(fund, unit, title="Projekt att säkerhetskopiera")
    counts = (Project.objects.count(), Event.objects.count(), BudgetCell.objects.count())

    call_command("backup", output_dir=str(tmp_path))
    dump = next(tmp_path.glob("sif-*.tar.gz"))
    call_command("flush", interactive=False, verbosity=0)
    assert Project.objects.count() == 0

    call_command("restore", str(dump))

    assert (Project.objects.count(), Event.objects.count(), BudgetCell.objects.count()) == counts
    assert Project.objects.get().title == "Projekt att säkerhetskopiera"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_already_holds_data(tmp_path: Path) -> None:
    make_municipality()
    dump = tmp_path / "sif.tar.gz"
    dump.write_bytes(b"")
    with pytest.raises(CommandError, match="innehåller redan data"):
        call_command("restore", str(dump))


# --- finding 9 of the probe: files, schema, permissions, temporary files, refusals, microseconds ---


def _world_with_a_file(settings: Any) -> tuple[Project, SourceDocument]:
    from sif.web.projects import source_documents
    from tests.web.builders import make_user

    municipality = make_municipality()
    unit = make_unit(municipality, "Farsta stadsdelsförvaltning")
    project = make_project(make_fund(municipality), unit, title="Projekt med källdokument")
    admin = make_user("admin", Role.FUND_ADMIN, municipality)
    document = source_documents.source_document_add(
        actor=admin, project=project, name="ansokan.txt", content="Ansökan om medel".encode()
    )
    return project, document


@pytest.mark.django_db(transaction=True)
def test_the_backup_holds_the_uploaded_files_and_the_schema_and_is_private(
    tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    project, document = _world_with_a_file(settings)
    Event.objects.update(at=datetime(2021, 3, 4, 5, 6, 7, 123456, tzinfo=UTC))
    stored = Path(settings.MEDIA_ROOT) / document.file.name
    call_command("backup", output_dir=str(tmp_path / "b"))
    archive = next((tmp_path / "b").glob("sif-*.tar.gz"))
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert [p.name for p in (tmp_path / "b").iterdir() if p.name.startswith(".")] == []
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert f"media/{document.file.name}" in names
    assert "0005_hardening_indicator_plausible_max" in manifest["migrations"]["projects"]

    call_command("flush", interactive=False, verbosity=0)
    stored.unlink()
    call_command("restore", str(archive))
    assert SourceDocument.objects.get().file.read() == "Ansökan om medel".encode()
    assert {e.at.microsecond for e in Event.objects.all()} == {123456}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "är tom"),
        (b"\x1f\x8b\x08\x00skadad", "är skadad eller ingen säkerhetskopia"),
        (b"inte en arkivfil", "är skadad eller ingen säkerhetskopia"),
    ],
)
def test_an_empty_or_corrupt_file_is_refused_in_swedish_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: Any, content: bytes, message: str
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    bad = tmp_path / "sif-trasig.tar.gz"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad))
    assert list((tmp_path / "tmp").iterdir()) == []


def _archive(tmp_path: Path, manifest: dict[str, Any], data: bytes) -> Path:
    path = tmp_path / "sif-handgjord.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, body in (("manifest.json", json.dumps(manifest).encode()), ("data.xml", data)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return path


@pytest.mark.django_db(transaction=True)
def test_a_backup_from_a_newer_schema_or_without_data_is_refused_and_the_database_untouched(
    tmp_path: Path,
) -> None:
    newer = _archive(
        tmp_path,
        {"format": "sif-backup", "version": 1, "migrations": {"projects": ["0099_framtida"]}},
        b"<django-objects/>",
    )
    with pytest.raises(CommandError, match="nyare version av SIF"):
        call_command("restore", str(newer))
    empty = _archive(
        tmp_path,
        {"format": "sif-backup", "version": 1, "migrations": {}},
        b'<?xml version="1.0"?><django-objects version="1.0"></django-objects>',
    )
    with pytest.raises(CommandError, match="innehåller inga data"):
        call_command("restore", str(empty))
    broken = _archive(
        tmp_path,
        {"format": "sif-backup", "version": 1, "migrations": {}},
        b'<django-objects version="1.0"><object model="accounts.municipality"><field name="code" type="SlugField">x</field></object><object model="nej.nej"></object>',
    )
    with pytest.raises(CommandError, match="kunde inte läsas in"):
        call_command("restore", str(broken))
    assert Project.objects.count() == 0 and Event.objects.count() == 0
