"""`sif restore FILE`: loads a JSON dump made by `sif backup` into an empty, migrated database."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sif.web.accounts.models import Municipality


class Command(BaseCommand):
    help = "Återställer en säkerhetskopia (JSON-dump från `sif backup`) till en tom databas."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="Säkerhetskopian (.json.gz eller .json)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"Filen {path} finns inte.")
        if Municipality.objects.exists():
            raise CommandError(
                "Databasen innehåller redan data. Återställ bara till en tom, migrerad databas."
            )
        opener = gzip.open if path.suffix == ".gz" else open
        with (
            opener(path, "rt", encoding="utf-8") as src,
            tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as tmp,
        ):
            tmp.write(src.read())
        with transaction.atomic():
            call_command("loaddata", tmp.name, verbosity=0)
        Path(tmp.name).unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Återställt från {path}."))
