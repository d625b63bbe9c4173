"""Swedish labels for the ASCII action codes of the event log, shown in a project's timeline.

Codes come from the service modules of sif/web/projects and sif/web/followup (the functions that
call `project_event_record`); an unknown code is shown as it is (never hidden), so a new
service shows up in the timeline even before it has a label.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    # projects
    "project_create": _("Förslag skapat"),
    "project_import": _("Projekt registrerat från källdokument"),
    "project_update": _("Projektuppgifter ändrade"),
    "project_transition": _("Status ändrad"),
    "participating_units_set": _("Deltagande enheter ändrade"),
    "contact_add": _("Kontaktperson tillagd"),
    "contact_update": _("Kontaktperson ändrad"),
    "budget_set": _("Budget ändrad"),
    "sought_amount_set": _("Sökt belopp ändrat"),
    "application_submit": _("Ansökan inlämnad"),
    "review_add": _("Granskning tillagd"),
    "decision_record": _("Beslut registrerat"),
    "indicator_add": _("Indikator tillagd"),
    "source_document_add": _("Källdokument tillagt"),
    # follow-up
    "indicator_saved": _("Indikator ändrad"),
    "indicator_deleted": _("Indikator borttagen"),
    "period_created": _("Rapporteringsperiod skapad"),
    "period_closed": _("Rapporteringsperiod stängd"),
    "measurement_saved": _("Mätvärde rapporterat"),
    "activity_count_saved": _("Aktiviteter rapporterade"),
    "activity_type_saved": _("Aktivitetstyp sparad"),
    "spider_instrument_created": _("Spindelmätning skapad"),
    "spider_rating_saved": _("Spindelmätning rapporterad"),
    "status_report_saved": _("Statusrapport sparad som utkast"),
    "status_report_submitted": _("Statusrapport inlämnad"),
    "status_report_approved": _("Statusrapport godkänd"),
    "status_report_returned": _("Statusrapport återsänd"),
    # calculations and imports
    "calculation_save": _("Socioekonomisk kalkyl sparad"),
    "org_unit_create": _("Organisationsenhet skapad"),
    # ledger (sif/web/ledger/services.py)
    "ledger_allocate": _("Avsättning till fonden bokförd"),
    "ledger_commit": _("Beviljat belopp bokfört"),
    "ledger_disburse": _("Utbetalning bokförd"),
    "ledger_repay": _("Återbetalning bokförd"),
    "ledger_write_off": _("Avskrivning bokförd"),
    "ledger_waive": _("Efterskänkt återbetalning bokförd"),
    "ledger_correct": _("Rättelse bokförd"),
    "repayment_agreement_save": _("Återbetalningsöverenskommelse sparad"),
    # publication and API tokens
    "fund_publish": _("Fondens öppna sida publicerad"),
    "fund_unpublish": _("Fondens öppna sida avpublicerad"),
    "project_publish": _("Projektet publicerat på fondens öppna sida"),
    "project_unpublish": _("Projektet borttaget från fondens öppna sida"),
    "api_token_create": _("API-nyckel skapad"),
    "api_token_revoke": _("API-nyckel återkallad"),
    "api_token_use": _("API-nyckel använd"),
    # documents (sif/web/documents/services.py)
    "document_texts_save": _("Dokumenttexter sparade"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))
