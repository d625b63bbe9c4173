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
    "docx_too_many_parts": (
        "Word-filen {filename} består av {count} delar, men högst {max_count} kan läsas. "
        "Spara dokumentet på nytt utan inbäddade filer och försök igen."
    ),
    "docx_part_too_large": (
        "Word-filen {filename} kan inte läsas: {part} packas upp till {size_mb} MB, men högst "
        "{max_mb} MB kan läsas. Dela upp dokumentet eller spara det på nytt i Word och försök igen."
    ),
    "docx_unpacked_too_large": (
        "Word-filen {filename} packas upp till {size_mb} MB, men högst {max_mb} MB kan läsas. "
        "Ta bort stora bilder eller inbäddade filer och försök igen."
    ),
    "pdf_too_many_pages": (
        "PDF-filen {filename} har {pages} sidor, men högst {max_pages} kan läsas. Läs in "
        "den del av dokumentet som gäller projektet."
    ),
    "import_text_too_long": (
        "Filen {filename} innehåller {chars} miljoner tecken text, men högst {max_chars} miljoner "
        "kan läsas. Dela upp dokumentet och försök igen."
    ),
    "import_too_slow": (
        "Inläsningen av {filename} tog för lång tid och avbröts. Dela upp dokumentet i mindre "
        "delar och försök igen."
    ),
    "import_out_of_memory": (
        "Filen {filename} krävde för mycket minne för att läsas och avbröts. Dela upp dokumentet "
        "och försök igen."
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
    "personal_identity_number_removed": (
        "Rad {line} innehåller ett personnummer eller samordningsnummer. Det togs bort ur "
        "utkastet och originalfilen sparas inte. SIF lagrar aldrig uppgifter om enskilda personer."
    ),
    "kind_unknown": (
        "Dokumenttypen kändes inte igen (varken förslag, ansökan, tjänsteutlåtande eller "
        "rapport). Kontrollera utkastet extra noga."
    ),
    # Unread: what could not be read.
    "budget_cell_unread": "Rad {line}: budgetcellen {text!r} kunde inte läsas som ett belopp.",
    "amount_unclear": (
        "Rad {line}: {text!r} kan vara ett belopp men anger ingen valuta och lästes inte. "
        "Fyll i beloppet för hand om det är pengar."
    ),
    "placeholder_unfilled": "Rad {line}: fältet {text!r} är inte ifyllt i dokumentet.",
    "field_not_found": "Hittade inget värde för {field} i dokumentet. Fyll i det för hand.",
    "docx_pictures_unread": (
        "Word-filen innehåller {count} bilder; text i bilder (till exempel en inskannad "
        "logotyp eller tabell) lästes inte."
    ),
    "docx_comments_unread": "Kommentarerna i Word-filen lästes inte.",
    "text_not_recognised": (
        "Texten från rad {first} och framåt lästes inte: dokumentet är längre än vad som kan "
        "läsas in i ett utkast. Läs in den del som gäller projektet som en egen fil."
    ),
    "pdf_page_no_text": "Sidan {page} i PDF-filen har ingen text (bara bild) och lästes inte.",
}
