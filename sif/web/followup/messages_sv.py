"""Swedish messages for the follow-up area's error codes (pure core and services).

Kept here until sif/web/messages_sv.py exists; the same block is meant to be appended there under
"# followup". `followup_message` looks here first and then in the shared tables (sif.messages).
No Django import.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # followup
    "personal_identity_number_in_text": (
        "Fältet {field} innehåller ett {kind} (tecken {position}). SIF lagrar bara siffror per enhet och "
        "period, aldrig uppgifter om enskilda personer: ta bort numret och skriv utan personuppgifter."
    ),
    "numerator_exceeds_denominator": (
        "Täljaren {numerator} är större än nämnaren {denominator}. En andel kan inte vara större än "
        "100 %: kontrollera att täljare och nämnare inte bytt plats."
    ),
    "negative_count": "Ett antal kan inte vara negativt ({numerator}).",
    "negative_weight": "Antalet mätta kan inte vara negativt ({weight}).",
    "invalid_threshold": "Gränsen för små tal måste vara minst 1 (angiven: {threshold}).",
    "single_exceeds_present": (
        "Antalet samtal med endast mamma eller endast pappa kan inte vara större än antalet samtal där "
        "mamman respektive pappan deltog."
    ),
    "invalid_dimensions": "En spindelmätning måste ha minst en dimension (angivet: {dimensions}).",
    "wrong_dimension_count": (
        "{unit}, mättillfälle {occasion}: {got} skattningar, men instrumentet har {expected} dimensioner."
    ),
    "indicator_locked": (
        "Indikatorn kan inte ändras eftersom projektet är {state}. Indikatorer fastställs i ansökan och "
        "kan ändras fram till att projektet startar."
    ),
    "indicator_name_required": "Indikatorn måste ha ett namn.",
    "period_closed": (
        "Rapporteringsperioden {period} är stängd (stängde {closes_at}). Kontakta fondförvaltaren om "
        "något behöver rättas."
    ),
    "period_not_open": "Rapporteringsperioden {period} öppnar först {opens_at}.",
    "period_dates_invalid": "Periodens slut måste vara efter dess början och stängningsdagen efter öppningsdagen.",
    "period_label_taken": "Det finns redan en period med benämningen {label} i projektet.",
    "unknown_indicator": "Okänd indikator {indicator}: den finns inte i projektet. Använd mallen som SIF skapat för perioden.",
    "unknown_unit": "Okänd enhet {unit}: den deltar inte i projektet. Använd mallen som SIF skapat för perioden.",
    "unknown_activity": "Okänd aktivitet {activity}: den finns inte i projektet.",
    "unit_not_yours": "Du rapporterar inte för {unit}; en rapportör lämnar bara siffror för sin egen enhet.",
    "not_a_number": "{column}: \u201d{value}\u201d är inte ett tal. Skriv bara siffror, t.ex. 12 eller 3,5.",
    "not_a_whole_number": "{column}: \u201d{value}\u201d måste vara ett heltal (antal).",
    "missing_figure": "{indicator}: ange ett värde, eller både täljare och nämnare.",
    "share_needs_numerator_and_denominator": "{indicator} är en andel: ange både täljare och nämnare.",
    "invalid_group": "Okänd grupp \u201d{group}\u201d: skriv insatsgrupp eller jämförelsegrupp.",
    "duplicate_row": "Raden upprepar {indicator} för {unit} ({group}), som redan finns på rad {first_row}.",
    "part_exceeds_total": "{activity}: {part} ({value}) är större än totalt ({total}).",
    "not_xlsx": (
        "Filen \u201d{filename}\u201d är ingen Excel-fil (XLSX). Ladda ner mallen för perioden, fyll i "
        "den och ladda upp den som .xlsx."
    ),
    "wrong_file_for_period": (
        "Filen är gjord för en annan period eller ett annat projekt. Ladda ner mallen för {period} och "
        "fyll i den."
    ),
    "import_has_refused_rows": (
        "Filen har {count} rader som inte kan sparas. Inget har sparats: rätta raderna och ladda upp "
        "filen igen."
    ),
    "import_expired": "Förhandsgranskningen har gått ut. Ladda upp filen igen.",
    "import_empty": "Filen innehåller inga ifyllda rader.",
    "not_project_leader": "Bara projektledaren eller fondförvaltaren kan godkänna eller återsända statusrapporter.",
    "not_followup_editor": "Bara projektledaren eller fondförvaltaren kan ändra projektets uppföljning.",
    "status_report_wrong_state": "Statusrapporten är {state} och kan inte {action}.",
    "status_report_text_required": "Skriv statusrapportens text.",
    "return_comment_required": "Skriv en kommentar som säger vad som ska kompletteras.",
    "spider_value_out_of_scale": "Skattningen {value} ligger utanför skalan {low}–{high}.",
    "spider_dimension_unknown": "Instrumentet har ingen dimension {dimension}.",
    "spider_occasion_unknown": "Instrumentet har {occasions} mättillfällen; {occasion} finns inte.",
}

FALLBACKS: dict[str, str] = {
    "not_reporter_for_unit": "Du rapporterar inte för den här enheten; en rapportör lämnar bara siffror för sin egen enhet.",
    "project_not_found": "Projektet finns inte eller så saknar du behörighet.",
}


def followup_message(code: str, **params: Any) -> str:
    """The Swedish message for a code: this area's table first, then the shared tables."""
    from sif.messages import FALLBACK, message_for

    template = MESSAGES.get(code)
    if template is None:
        text = message_for(code, **params)
        if text != FALLBACK.format(code=code) or code not in FALLBACKS:
            return text
        template = FALLBACKS[code]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
