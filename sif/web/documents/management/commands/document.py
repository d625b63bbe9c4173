"""`sif document KIND --project ID [--format pdf|docx|xlsx] [--output PATH]`, and
`sif document portfolio --fund ID …`: write a document from the data to a file.

Refusals are Swedish, exit with code 1 and show no traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sif.messages import message_for
from sif.web.documents import content
from sif.web.documents.render import FORMATS, render
from sif.web.projects.models import Fund, Project


class Refused(Exception):
    pass


class Command(BaseCommand):
    help = "Skriver ett dokument ur datan: ansökan, tjänsteutlåtande, slutrapport eller fondens portföljrapport."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "kind",
            help="application (ansökan), committee_paper (tjänsteutlåtande), final_report (slutrapport) eller portfolio (portföljrapport)",
        )
        parser.add_argument("--project", help="projektets id (alla utom portfolio)")
        parser.add_argument("--fund", help="fondens id (portfolio)")
        parser.add_argument("--format", default="pdf", help="pdf, docx eller xlsx (standard: pdf)")
        parser.add_argument(
            "--output", help="fil att skriva (standard: KIND-ID.FORMAT i aktuell mapp)"
        )
        parser.add_argument(
            "--published",
            action="store_true",
            help="publicerad version: celler under fondens gräns för små tal döljs",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = self._write(options)
        except Refused as refusal:
            self.stderr.write(str(refusal))
            sys.exit(1)
        self.stdout.write(f"Skrev {path}")

    def _write(self, options: dict[str, Any]) -> Path:
        kind, fmt = options["kind"], options["format"]
        if kind not in content.KINDS:
            raise Refused(
                message_for("document_kind_unknown", kind=kind, kinds=", ".join(content.KINDS))
            )
        if fmt not in FORMATS:
            raise Refused(
                message_for("document_format_unknown", format=fmt, formats=", ".join(FORMATS))
            )
        if kind == "portfolio":
            fund = (
                Fund.objects.select_related("municipality")
                .filter(pk=_id(options["fund"], "--fund"))
                .first()
            )
            if fund is None:
                raise Refused(message_for("document_fund_missing", id=options["fund"]))
            document = content.portfolio(fund)
        else:
            project = (
                Project.objects.select_related("fund", "owner_unit", "municipality")
                .filter(pk=_id(options["project"], "--project"))
                .first()
            )
            if project is None:
                raise Refused(message_for("document_project_missing", id=options["project"]))
            document = content.project_document(kind, project, published=options["published"])
        path = Path(options["output"] or f"{document.filename}.{fmt}")
        try:
            path.write_bytes(render(document, fmt))
        except OSError as error:
            raise Refused(
                message_for(
                    "document_output_failed", path=str(path), reason=error.strerror or str(error)
                )
            ) from None
        return path


def _id(raw: str | None, option: str) -> int:
    if raw is None:
        raise Refused(message_for("document_id_required", option=option))
    try:
        return int(raw)
    except ValueError:
        raise Refused(message_for("document_id_invalid", option=option, id=raw)) from None
