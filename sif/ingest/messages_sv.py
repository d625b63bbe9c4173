"""Swedish messages for the codes sif/ingest raises or reports, with named placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Files that could not be read at all.
    "file_empty": "Filen {filename} är tom. Kontrollera att du valt rätt fil och försök igen.",
    "file_missing": "Filen {filename} finns inte eller går inte att öppna. Kontrollera sökvägen.",
    "file_too_large": (
        "Filen {filename} är {size_mb} MB, men högst {max_mb} MB kan läsas in. "
        "Dela upp dokumentet eller spara det utan bilder och försök igen."
    ),
    "not_a_document": (
        "Filen {filename} är inte ett textdokument (den verkar vara en binärfil). "
        "Läs in en Word-fil (.docx), en PDF eller en textfil."
    ),
    "unsupported_type": (
        "Filformatet för {filename} kan inte läsas. Spara dokumentet som Word (.docx), PDF "
        "eller text (.txt) och försök igen."
    ),
    "docx_broken": (
        "Word-filen {filename} är skadad eller inte en riktig .docx-fil. Öppna den i Word, "
        "spara den på nytt som .docx och försök igen."
    ),
    "docx_encrypted": (
        "Word-filen {filename} är lösenordsskyddad. Ta bort lösenordet i Word "
        "(Arkiv > Info > Skydda dokument) och försök igen."
    ),
    "pdf_broken": (
        "PDF-filen {filename} är skadad och går inte att läsa. Skapa PDF-filen på nytt från "
        "originaldokumentet och försök igen."
    ),
    "pdf_encrypted": (
        "PDF-filen {filename} är lösenordsskyddad. Spara en kopia utan lösenord och försök igen."
    ),
    "pdf_no_text": (
        "PDF-filen {filename} innehåller ingen text, bara bilder (till exempel ett inskannat "
        "dokument). Läs in originalet i Word-format eller kör textigenkänning (OCR) först."
    ),
    "encoding_unknown": (
        "Teckenkodningen i {filename} känns inte igen. Spara filen som UTF-8 (i Anteckningar: "
        "Spara som > Kodning: UTF-8) och försök igen."
    ),
    # Warnings in a draft: values that disagree.
    "budget_row_total_mismatch": (
        "Rad {line}: den angivna totalen för {label} är {typed}, men delarna summerar till "
        "{computed}. Kontrollera budgeten."
    ),
    "budget_column_total_mismatch": (
        "Rad {line}: den angivna totalen för år {year} är {typed}, men kostnaderna summerar till "
        "{computed}. Kontrollera budgeten."
    ),
    "budget_grand_total_mismatch": (
        "Rad {line}: den angivna totalsumman är {typed}, men budgetens delar summerar till "
        "{computed}. Kontrollera budgeten."
    ),
    "year_total_differs_from_budget": (
        "Rad {line}: summan för år {year} anges till {typed}, men budgettabellen ger {computed}."
    ),
    "total_differs_from_budget": (
        "Rad {line}: beloppet {typed} stämmer inte med budgettabellens totalsumma {computed}."
    ),
    "sought_differs_from_parts": (
        "Rad {line}: sökt summa är {sought}, men budgetens delbelopp summerar till {parts}."
    ),
    "units_count_mismatch": (
        "Rad {line}: texten anger {stated} enheter men namnger {named}. Kontrollera listan."
    ),
    "kind_unknown": (
        "Dokumenttypen kändes inte igen (varken förslag, ansökan, tjänsteutlåtande eller "
        "rapport). Kontrollera utkastet extra noga."
    ),
    # Unread: what could not be read.
    "budget_cell_unread": "Rad {line}: budgetcellen {text!r} kunde inte läsas som ett belopp.",
    "placeholder_unfilled": "Rad {line}: fältet {text!r} är inte ifyllt i dokumentet.",
    "field_not_found": "Hittade inget värde för {field} i dokumentet. Fyll i det för hand.",
    "pdf_page_no_text": "Sidan {page} i PDF-filen har ingen text (bara bild) och lästes inte.",
}
