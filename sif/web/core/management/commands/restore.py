"""`sif restore FILE`: loads an archive made by `sif backup` into an empty, migrated database.

Refused with a Swedish message, and the database untouched, when the database already holds data
or the file is empty, corrupt, from a newer SIF or without data (see sif/web/core/backups.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sif.web.accounts.models import Municipality
from sif.web.core.backups import restore_backup


class Command(BaseCommand):
    help = "Återställer en säkerhetskopia (från `sif backup`) till en tom databas."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="Säkerhetskopian (.tar.gz)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"Filen {path} finns inte.")
        if Municipality.objects.exists():
            raise CommandError(
                "Databasen innehåller redan data. Återställ bara till en tom, migrerad databas."
            )
        result = restore_backup(path)
        self.stdout.write(
            self.style.SUCCESS(f"Återställt från {path} ({result['files']} uppladdade filer).")
        )
