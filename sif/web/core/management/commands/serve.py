"""`sif serve [--host H] [--port P] [--noreload]`: say how to log in, then run the web server."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from sif.web.projects.demo import login_file


class Command(BaseCommand):
    help = "Startar webbservern och visar hur man loggar in i demodatan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--noreload", action="store_true", help="Starta inte om servern när koden ändras."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        path = login_file()
        if path.exists():
            self.stdout.write(path.read_text(encoding="utf-8"))
        else:
            self.stdout.write(
                "Ingen demoinloggning finns (kör `sif demo` i en tom databas, eller `sif createsuperuser`)."
            )
        self.stdout.write(
            f"SIF: http://{host}:{port}/  – logga in på http://{host}:{port}/logga-in/  (avsluta med Ctrl-C)"
        )
        call_command("runserver", f"{host}:{port}", use_reloader=not options["noreload"])
