"""`sif`: the one command line.

`calc` and `import` need no database and never load Django; every other command runs a Django
management command of the same name (so `sif demo` is `manage.py demo`), and `sif manage …`
passes anything else through.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

PURE_COMMANDS: dict[str, str] = {
    "calc": "sif.calc.cli",
    "import": "sif.ingest.cli",
}

DJANGO_COMMANDS: dict[str, str] = {
    "migrate": "Skapar eller uppdaterar databasens tabeller",
    "demo": "Läser in demodata från de fem källdokumenten i en tom databas",
    "serve": "Startar webbservern (gunicorn, http://127.0.0.1:8000); --dev: utvecklingsservern",
    "worker": "Kör bakgrundsjobb (dokument, beräkningar) tills den stoppas",
    "reminders": "Skickar dagens påminnelser om rapportering per e-post (en gång om dagen)",
    "backup": "Säkerhetskopierar databasen (var/backups/)",
    "restore": "Återställer en säkerhetskopia till en tom databas",
    "document": "Skriver ansökan, tjänsteutlåtande, slutrapport eller portföljrapport (PDF, DOCX, XLSX)",
    "createsuperuser": "Skapar en administratör för Django-admin",
    "generate-scale-data": "Skapar syntetiska data i nationell skala för skalmätning",
}
# Command-line names whose Django management command is spelled differently.
DJANGO_NAMES = {"generate-scale-data": "generate_scale_data"}

USAGE = """Användning: sif KOMMANDO [argument]

Kommandon utan databas:
  calc FIL           Socioekonomisk kalkyl ur en kalkylfil (TOML/JSON)
  import FIL…        Läser Word-, PDF- och textdokument till utkast

Kommandon med databas:
{django}
  manage …           Övriga Django-kommandon

`sif KOMMANDO --help` visar kommandots argument.
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    command, rest = args[0], args[1:]
    if command in PURE_COMMANDS:
        module = __import__(PURE_COMMANDS[command], fromlist=["main"])
        runner: Callable[[list[str]], int] = module.main
        return runner(rest)
    if command == "manage":
        return _django(rest)
    if command == "serve" and "--dev" in rest:  # before the settings load:
        os.environ.setdefault("SIF_DEBUG", "true")  # tracebacks, reloading
        os.environ.setdefault("SIF_TASKS", "immediate")  # no worker beside the development server
    if command == "worker":
        return _django(["db_worker", *rest])
    if command == "migrate":
        _django([command, *rest])
        from sif.web.core.management.commands.serve import collect_static_if_needed

        collect_static_if_needed()  # hashed, compressed copies for WhiteNoise
        return 0
    if command in DJANGO_COMMANDS:
        return _django([DJANGO_NAMES.get(command, command), *rest])
    print(f"Okänt kommando: {command!r}.\n", file=sys.stderr)
    print(_usage(), file=sys.stderr)
    return 2


def _usage() -> str:
    lines = "\n".join(f"  {name:<18} {text}" for name, text in DJANGO_COMMANDS.items())
    return USAGE.format(django=lines)


def _django(args: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sif", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
