"""`sif backup`: a consistent copy of the whole database that `sif restore` can load again.

SQLite is copied with its online backup API (a single file, safe while the server runs);
every database, PostgreSQL included, can also be written as a compressed JSON dump, which is
what `sif restore` reads, so a backup can move an installation between SQLite and PostgreSQL.
"""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from sif.calc import format as fmt


class Command(BaseCommand):
    help = "Säkerhetskopierar databasen (JSON-dump, och för SQLite även en kopia av databasfilen)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output-dir",
            default=str(Path(settings.DATA_DIR) / "backups"),
            help="Katalog för säkerhetskopian",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out_dir = Path(options["output_dir"])
        out_dir.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        dump = out_dir / f"sif-{stamp}.json.gz"
        with gzip.open(dump, "wt", encoding="utf-8") as handle:
            call_command(
                "dumpdata",
                "--natural-foreign",
                "--natural-primary",
                "--exclude=contenttypes",
                "--exclude=auth.permission",
                "--exclude=sessions",
                "--exclude=admin.logentry",
                stdout=handle,
            )
        self.stdout.write(f"JSON-dump: {dump} ({fmt.number(dump.stat().st_size)} byte)")
        if connection.vendor == "sqlite":
            db_path = Path(str(settings.DATABASES["default"]["NAME"]))
            if db_path.exists():
                copy = out_dir / f"sif-{stamp}.sqlite3"
                _sqlite_copy(db_path, copy)
                self.stdout.write(f"Databasfil: {copy}")
        self.stdout.write(self.style.SUCCESS("Säkerhetskopieringen är klar."))


def _sqlite_copy(source: Path, target: Path) -> None:
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        raise CommandError(f"Kunde inte kopiera databasfilen: {exc}") from exc
