"""`sif backup`: the database, the uploaded files and the schema version in one archive that
`sif restore` loads again, into SQLite or PostgreSQL (see sif/web/core/backups.py).

For SQLite a copy of the database file is written beside it as well (the online backup API, safe
while the server runs). Every file is readable by its owner only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from sif.calc import format as fmt
from sif.web.core.backups import write_backup


class Command(BaseCommand):
    help = "Säkerhetskopierar databasen och uppladdade filer (och för SQLite även databasfilen)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output-dir",
            default=str(Path(settings.DATA_DIR) / "backups"),
            help="Katalog för säkerhetskopian",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out_dir = Path(options["output_dir"])
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        archive = out_dir / f"sif-{stamp}.tar.gz"
        manifest = write_backup(archive)
        size = fmt.number(archive.stat().st_size)
        self.stdout.write(
            f"Säkerhetskopia: {archive} ({size} byte, {manifest['files']} uppladdade filer)"
        )
        if connection.vendor == "sqlite":
            db_path = Path(str(settings.DATABASES["default"]["NAME"]))
            if db_path.exists():
                copy = out_dir / f"sif-{stamp}.sqlite3"
                _sqlite_copy(db_path, copy)
                self.stdout.write(f"Databasfil: {copy}")
        self.stdout.write(self.style.SUCCESS("Säkerhetskopieringen är klar."))


def _sqlite_copy(source: Path, target: Path) -> None:
    try:
        target.touch(mode=0o600, exist_ok=False)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        os.chmod(target, 0o600)
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise CommandError(f"Kunde inte kopiera databasfilen: {exc}") from exc
