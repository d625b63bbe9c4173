"""Swedish labels for the ASCII action codes of the event log, shown in a project's timeline."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "project_create": _("Förslag skapat"),
    "project_created": _("Förslag skapat"),
    "project_update": _("Projektuppgifter ändrade"),
    "project_updated": _("Projektuppgifter ändrade"),
    "project_transition": _("Status ändrad"),
    "project_units_set": _("Deltagande enheter ändrade"),
    "participating_units_set": _("Deltagande enheter ändrade"),
    "contact_add": _("Kontaktperson tillagd"),
    "contact_update": _("Kontaktperson ändrad"),
    "budget_set": _("Budget ändrad"),
    "sought_amount_set": _("Sökt belopp ändrat"),
    "application_submit": _("Ansökan inlämnad"),
    "application_submitted": _("Ansökan inlämnad"),
    "review_add": _("Granskning tillagd"),
    "review_added": _("Granskning tillagd"),
    "decision_record": _("Beslut registrerat"),
    "decision_recorded": _("Beslut registrerat"),
    "indicator_add": _("Indikator tillagd"),
    "demo_import": _("Exempeldata inläst"),
    "document_import": _("Dokument inläst"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))
