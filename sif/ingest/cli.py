"""`sif import FIL…`: read documents into drafts and show what was found; nothing is saved.

A progress bar on stderr (only on a terminal), then a Swedish summary table; `--json` prints
one JSON object per file instead (JSON Lines). Exit code 1 if any file could not be read,
after every file has been tried.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sif.ingest.pipeline import DEFAULT_MAX_BYTES, ingest_file
from sif.ingest.result import IngestResult

KIND_LABELS = {
    "proposal_list": "Projektförslag",
    "committee_paper": "Tjänsteutlåtande",
    "report": "Rapport",
    "application_full": "Ansökan",
    "application_short": "Ansökan (kort)",
    "other": "Okänd",
}

ROLE_LABELS = {
    "sought": "sökt",
    "granted": "beviljat",
    "total": "totalt",
    "year_total": "per år",
    "unit_cost": "styckkostnad",
    "budget_part": "delbelopp",
    "cost": "kostnad",
}


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    max_bytes = int(args.max_mb * 1024 * 1024)
    results = _run(args.files, max_bytes, show_progress=sys.stderr.isatty() and not args.json)
    if args.json:
        for result in results:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print_table(results)
    return 0 if all(r.ok for r in results) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sif import",
        description="Läser Word-, PDF- och textdokument till utkast (inget sparas).",
    )
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FIL", help="dokument att läsa (.docx, .pdf, .txt)"
    )
    parser.add_argument(
        "--json", action="store_true", help="skriv ett JSON-objekt per fil (JSON Lines)"
    )
    parser.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / (1024 * 1024),
        help="största filstorlek i MB (standard 20)",
    )
    return parser


def _run(files: list[Path], max_bytes: int, *, show_progress: bool) -> list[IngestResult]:
    if not show_progress:
        return [ingest_file(path, max_bytes=max_bytes) for path in files]
    from rich.progress import Progress

    results: list[IngestResult] = []
    with Progress(transient=True) as progress:
        task = progress.add_task("Läser dokument", total=len(files))
        for path in files:
            results.append(ingest_file(path, max_bytes=max_bytes))
            progress.advance(task)
    return results


def _print_table(results: list[IngestResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Inlästa dokument")
    for column in ("Fil", "Typ", "Titel", "Datum", "Period", "Belopp", "Varningar", "Ej lästa"):
        table.add_column(column)
    for result in results:
        table.add_row(*_row(result))
    console = Console()
    console.print(table)
    failed = [r for r in results if not r.ok]
    for result in failed:
        if result.error is not None:
            console.print(f"[red]Fel:[/red] {result.error.message}", highlight=False)
    console.print(f"{len(results) - len(failed)} av {len(results)} filer lästa.", highlight=False)


def _row(result: IngestResult) -> list[str]:
    name = Path(result.file).name
    if result.draft is None:
        return [name, "–", "Kunde inte läsas", "", "", "", "", ""]
    data = result.to_dict()
    period = data["period"]
    amounts = ", ".join(
        f"{a['text']} ({ROLE_LABELS.get(a['role'], a['role'])})" for a in data["amounts"][:3]
    )
    return [
        name,
        KIND_LABELS[data["kind"]],
        data["title"] or "",
        data["date"] or "",
        f"{period['start']} – {period['end']}" if period else "",
        amounts,
        str(len(data["warnings"])),
        str(len(data["unread"])),
    ]
