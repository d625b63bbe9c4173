"""`sif serve [--host H] [--port P] [--workers N] [--dev]`: collect static files, say how to log in,
then run gunicorn (the production server); `--dev` runs Django's reloading development server."""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from sif.web.ops.supervise import run_together, worker_argv
from sif.web.projects.demo import login_file


class Command(BaseCommand):
    help = "Startar webbservern (gunicorn) och visar hur man loggar in i demodatan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Antal serverprocesser (standard: SIF_WEB_WORKERS).",
        )
        parser.add_argument(
            "--dev",
            action="store_true",
            help="Djangos utvecklingsserver, som startar om när koden ändras (SIF_DEBUG=true).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Starta ingen bakgrundsprocess (när `sif worker` körs som egen tjänst).",
        )
        parser.add_argument(
            "--noreload",
            action="store_true",
            help="Med --dev: starta inte om servern när koden ändras.",
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
        if options["dev"]:
            call_command("runserver", f"{host}:{port}", use_reloader=not options["noreload"])
            return
        collect_static_if_needed()
        workers = options["workers"] or settings.WEB_WORKERS
        worker = not options["no_worker"]
        self.stdout.write(
            f"Produktionsserver (gunicorn), {workers} processer"
            + (" och en bakgrundsprocess (sif worker)." if worker else ".")
        )
        self.stdout.flush()
        commands = [gunicorn_argv(host, port, workers)] + ([worker_argv()] if worker else [])
        raise SystemExit(run_together(commands))


def collect_static_if_needed() -> None:
    if not static_files_current():
        call_command("collectstatic", interactive=False, verbosity=0)


def static_files_current() -> bool:
    """True when collectstatic ran after the last change to any static file (hashing and compressing
    them all takes from seconds to a minute on a busy machine, so serve does it only when needed)."""
    from pathlib import Path

    from django.contrib.staticfiles.finders import get_finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    collected = manifest.stat().st_mtime
    for finder in get_finders():
        for path, storage in finder.list([]):
            if Path(storage.path(path)).stat().st_mtime > collected:
                return False
    return True


def gunicorn_argv(host: str, port: int, workers: int) -> list[str]:
    """gunicorn with sync workers: each process handles one request at a time and holds at most one
    database connection, so connections = web processes (+ worker processes) per server.
    Workers are recycled after ~1000 requests to bound memory (matplotlib, WeasyPrint)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "sif.web.wsgi:application",
        f"--bind={host}:{port}",
        f"--workers={workers}",
        "--timeout=120",
        "--graceful-timeout=30",
        "--max-requests=1000",
        "--max-requests-jitter=100",
        "--preload",  # import once in the master, workers fork warm and share the memory
        "--no-control-socket",
        "--error-logfile=-",
    ]
