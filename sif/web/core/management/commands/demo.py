"""`sif demo [--if-empty]`: load the demo data from the five seed documents into an empty database."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sif.web.accounts.models import Municipality
from sif.web.projects import demo

FOLLOWUP_DEMO = "sif.web.followup.demo"


class Command(BaseCommand):
    help = "Läser in demodata från de fem källdokumenten (endast i en tom databas)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Gör ingenting om databasen redan innehåller en kommun.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Municipality.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Databasen innehåller redan data; ingen demodata läses in.")
                return
            raise CommandError(
                "Databasen innehåller redan data. Demodata läses bara in i en tom databas."
            )
        with transaction.atomic():
            users = demo.load(self.stdout)
            if _module_exists(FOLLOWUP_DEMO):
                importlib.import_module(FOLLOWUP_DEMO).load(self.stdout)
            importlib.import_module("sif.web.calculations.demo").load(self.stdout)
            importlib.import_module("sif.web.ledger.demo").load(self.stdout)
            importlib.import_module("sif.web.documents.demo").load(self.stdout)
            importlib.import_module("sif.web.public.demo").load(self.stdout)
        path = demo.write_login_file(users)
        self.stdout.write(demo.login_text(users))
        self.stdout.write(f"Inloggningsuppgifterna finns i {path}")


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False
