"""`sif generate-scale-data`: a seeded synthetic dataset of national size, for the scale benchmark."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import Progress

from sif.web.accounts.models import Municipality
from sif.web.scale.generate import Sizes, describe, generate


class Command(BaseCommand):
    help = (
        "Skapar syntetiska data i nationell skala (290 kommuner, 4 995 projekt, cirka en miljon "
        "mätvärden, 1,36 miljoner händelser och 13 300 bokföringsposter) för skalmätning."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        for f in fields(Sizes):
            parser.add_argument(
                f"--{f.name.replace('_', '-')}",
                type=int,
                default=f.default,
                help=f"standard {f.default}",
            )
        parser.add_argument(
            "--seed", type=int, default=2026, help="slumpfrö (samma frö ger samma data)"
        )
        parser.add_argument("--quiet", action="store_true", help="ingen förloppsindikator")

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = Sizes(**{f.name: options[f.name] for f in fields(Sizes)})
        if (
            any(getattr(sizes, f.name) < 0 for f in fields(Sizes))
            or sizes.batch_size < 1
            or sizes.municipalities < 1
        ):
            raise CommandError(
                "Storlekarna ska vara hela tal ≥ 0 (minst en kommun, batchstorlek minst 1)."
            )
        if Municipality.objects.filter(code__startswith="syntetisk-").exists():
            raise CommandError("Databasen innehåller redan syntetiska data; använd en tom databas.")
        if options["quiet"]:
            counts = generate(sizes, options["seed"])
        else:
            with Progress() as bar:
                task = bar.add_task("Syntetiska projekt", total=sizes.projects)
                counts = generate(sizes, options["seed"], lambda _label, n: bar.advance(task, n))
        self.stdout.write(f"Klart: {describe(counts)}.")
