"""The backup archive: one `sif-<stamp>.tar.gz` with the database, the uploaded files and the schema.

| member | what |
|---|---|
| `manifest.json` | format version, when, and the latest migration of every app (the schema version) |
| `data.xml` | `dumpdata` in Django's XML format: it keeps timestamps to the microsecond (the JSON
  serializer cuts them to milliseconds) and loads into SQLite or PostgreSQL alike |
| `media/...` | every uploaded file (source documents) under MEDIA_ROOT |

Written as a 0600 file through a temporary name in the same folder, renamed when complete and
removed on every failure. Restoring refuses, with a Swedish message and the database untouched, a
file that is empty, corrupt, not SIF's, from a newer schema, or holding no data.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "sif-backup"
VERSION = 1
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "admin.logentry")


def applied_migrations() -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    applied: dict[str, list[str]] = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


@contextmanager
def private_file(path: Path) -> Iterator[io.BufferedWriter]:
    """A new file readable by its owner only (0600), written under a temporary name and renamed
    into place when the block ends without error; the partial file is removed otherwise."""
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_backup(target: Path) -> dict[str, Any]:
    """The archive at `target`; returns its manifest."""
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(),
        "migrations": applied_migrations(),
    }
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="sif-backup-") as work:
        data = Path(work) / "data.xml"
        with data.open("w", encoding="utf-8") as handle:
            call_command(
                "dumpdata",
                "--format=xml",
                "--natural-foreign",
                "--natural-primary",
                *[f"--exclude={e}" for e in EXCLUDED],
                stdout=handle,
            )
        with private_file(target) as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
            body = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode = len(body), 0o600
            archive.addfile(info, io.BytesIO(body))
            archive.add(data, "data.xml")
            files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
            for path in files:
                archive.add(path, f"media/{path.relative_to(media).as_posix()}")
    manifest["files"] = len(files)
    return manifest


def _refuse(message: str) -> CommandError:
    return CommandError(message)


def _newer_than_this_sif(migrations: dict[str, list[str]]) -> list[str]:
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [
        f"{app}.{name}"
        for app, names in migrations.items()
        for name in names
        if (app, name) not in known
    ]


def _safe_member(member: tarfile.TarInfo) -> bool:
    parts = PurePosixPath(member.name).parts
    return (
        member.isfile()
        and len(parts) > 1
        and parts[0] == "media"
        and ".." not in parts
        and not member.name.startswith("/")
    )


def restore_backup(path: Path) -> dict[str, int]:
    """Load the archive into this (empty, migrated) database and MEDIA_ROOT, all or nothing."""
    name = path.name
    if not path.exists():
        raise _refuse(f"Filen {name} finns inte.")
    if path.stat().st_size == 0:
        raise _refuse(f"Filen {name} är tom och är ingen säkerhetskopia. Databasen är orörd.")
    with tempfile.TemporaryDirectory(prefix="sif-restore-") as work:
        try:
            with tarfile.open(path, "r:gz") as archive:
                manifest = json.load(archive.extractfile("manifest.json"))  # type: ignore[arg-type]
                if manifest.get("format") != FORMAT:
                    raise KeyError("format")
                newer = _newer_than_this_sif(manifest.get("migrations", {}))
                if newer:
                    raise _refuse(
                        f"Säkerhetskopian {name} kommer från en nyare version av SIF (t.ex. {newer[0]}). Uppgradera SIF först. Databasen är orörd."
                    )
                archive.extract("data.xml", work, filter="data")
                media = [m for m in archive.getmembers() if _safe_member(m)]
                archive.extractall(work, members=media, filter="data")
        except CommandError:
            raise
        except (
            tarfile.TarError,
            OSError,
            EOFError,
            KeyError,
            ValueError,
            TypeError,
            AttributeError,
        ):
            raise _refuse(
                f"Filen {name} är skadad eller ingen säkerhetskopia från SIF. Databasen är orörd."
            ) from None
        data = Path(work) / "data.xml"
        if b"<object " not in data.read_bytes()[:1_000_000]:
            raise _refuse(f"Säkerhetskopian {name} innehåller inga data. Databasen är orörd.")
        try:
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
        except (
            Exception
        ) as exc:  # loaddata wraps every cause (XML, integrity, a field) in its own errors
            raise _refuse(
                f"Säkerhetskopian {name} kunde inte läsas in ({type(exc).__name__}). Databasen är orörd."
            ) from None
        target = Path(settings.MEDIA_ROOT)
        for member in media:
            source = Path(work) / member.name
            destination = target / PurePosixPath(member.name).relative_to("media")
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, destination)
    return {"files": len(media)}
