"""`sif reminders`: send the day's reporting reminders (run once a day; sending twice is harmless)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sif.web.users.reminders import send_reminders


class Command(BaseCommand):
    help = "Skickar påminnelser om rapportering per e-post (kör en gång om dagen)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = send_reminders(timezone.localdate())
        self.stdout.write(
            f"Påminnelser skickade: {counts['opened']} om öppnad period, {counts['closing']} om period som snart stänger, {counts['returned']} om återsänd rapport."
        )
