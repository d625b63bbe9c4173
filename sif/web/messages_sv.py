"""Swedish messages for the error codes raised by sif/web (and by sif/calc/budget.py).

A flat dict, code -> message with {named} placeholders, grouped by area. No Django import:
sif/messages.py reads it for the pages, the API and the CLI alike. Every code raised under
sif/web must be here (tests/web/projects/test_error_messages.py checks it).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- access (sif/web/accounts/permissions.py)
    "permission_denied": "Du har inte behörighet att göra detta.",
    "project_not_found": "Projektet finns inte eller så saknar du behörighet.",
    "not_reporter_for_unit": "Du kan bara rapportera för din egen enhet.",
    "unit_outside_municipality": "Enheten {unit} hör inte till fondens kommun.",
    "project_locked": "Projektet är avslutat, avslaget eller återtaget och kan inte längre ändras.",
    "project_not_editable_in_state": "Projektet kan inte ändras av sökande i sin nuvarande status. Kontakta fondförvaltaren.",
    # --- project (the service modules of sif/web/projects, e.g. project_details.py)
    "title_required": "Ange projektets namn.",
    "field_not_editable": "Fältet {field} kan inte ändras här.",
    "field_invalid": "Fältet {label} är ogiltigt: {detail}",
    "state_unknown": "Okänd status: {state}.",
    "import_source_required": "Ange varifrån projektets uppgifter kommer (källdokument).",
    "contact_name_required": "Ange kontaktpersonens namn.",
    "indicator_name_required": "Ange indikatorns namn.",
    "indicator_edit_conflict": "{who} sparade indikatorn {name} {at} medan du skrev ({changes}). Dina ändringar är inte sparade: utgå från de nya uppgifterna och gör om dina ändringar.",
    "indicator_has_measurements": "Indikatorn {name} har redan mätvärden och kan inte tas bort.",
    "document_empty": "Filen {name} är tom.",
    # --- lifecycle (sif/web/projects/lifecycle.py)
    "transition_not_allowed": "Projektet kan inte gå från {from_label} till {to_label}.",
    "transition_requires_decision": "Beviljande och avslag registreras som ett beslut, inte som en statusändring.",
    "transition_reason_required": "Ange en motivering för att ändra status till {to_label}.",
    "closing_outcome_required": "Ange om verksamheten förs över till ordinarie drift eller avslutas.",
    "closing_outcome_unknown": "Okänt utfall vid avslut: {outcome}.",
    # --- budget (sif/calc/budget.py and budget_set / sought_amount_set)
    "budget_amount_invalid": "Beloppet {value} för {year} är inte ett tal. Ange kronor, t.ex. 9 577 000.",
    "budget_amount_negative": "Beloppet {value} för {year} är negativt. Budgetbelopp kan inte vara mindre än 0 kr.",
    "budget_amount_too_large": "Beloppet {value} är för stort. Ange kronor med högst 13 siffror.",
    "budget_year_outside_period": "Året {year} ligger utanför projektperioden {start} – {end}. Ändra året eller projektperioden.",
    "budget_period_missing": "Ange projektets start- och slutdatum innan budgeten fylls i.",
    "budget_category_missing": "Välj kostnadsslag för raden {label}.",
    "budget_category_duplicate": "Kostnadsslaget {category} förekommer två gånger i budgeten.",
    "budget_category_unknown": "Okänt kostnadsslag: {category}.",
    "end_before_start": "Slutdatum {end} ligger före startdatum {start}.",
    "sought_amount_differs_from_budget": "Sökt belopp {sought} stämmer inte med budgetens totalsumma {total}. Sökt belopp ska vara lika med budgetens totalsumma.",
    "sought_amount_without_budget": "Fyll i budgeten innan du anger sökt belopp; sökt belopp ska vara lika med budgetens totalsumma.",
    # --- applications
    "application_form_unknown": "Ansökningsformuläret {code} finns inte.",
    "application_answer_unknown": "Frågan {field} finns inte i ansökningsformuläret.",
    "application_answer_invalid": "Svaret på frågan {field} har fel form.",
    # --- review and decisions
    "review_not_open": "Granskningen är stängd: projektet har redan beslutats.",
    "review_comments_required": "Skriv dina synpunkter.",
    "review_recommendation_unknown": "Okänd rekommendation: {recommendation}.",
    "review_criterion_unknown": "Kriteriet {criterion} finns inte i fondens bedömningskriterier.",
    "review_score_out_of_range": "Poängen för {criterion} ska vara ett heltal från 1 till 5, inte {score}.",
    "decision_not_in_review": "Beslut om medel kan bara fattas när projektet är under beredning.",
    "decision_body_required": "Ange beslutande organ, t.ex. Socialnämnden.",
    "decision_amount_required": "Ange beviljat belopp i kronor.",
    "decision_amount_invalid": "Beviljat belopp {value} är inte ett tal.",
    "decision_amount_negative": "Beviljat belopp kan inte vara negativt ({value}).",
    "date_precision_unknown": "Okänd datumprecision: {precision}.",
    "closing_not_after_final_report": "Beslut om avslut kan bara fattas när slutrapporten är inlämnad.",
    "decision_above_sought": "Beviljat belopp {granted} är högre än det sökta beloppet {sought}. Skriv varför i fältet Motivering, eller sänk beloppet.",
    "decision_above_available": "Beviljat belopp {granted} är mer än fonden har disponibelt enligt fondens bokföring ({available}). Kryssa i att beslutet fattas ändå, så registreras det som beslutat över fondens medel.",
    "decision_before_submission": "Beslutsdatumet {decided_on} ligger före dagen då ansökan lämnades in ({submitted_on}). Kontrollera datumet.",
    "decision_long_before_start": "Beslutsdatumet {decided_on} ligger mer än {years} år före projektets start ({start}). Kontrollera datumet.",
    "closing_before_grant": "Beslutet om avslut ({decided_on}) kan inte ligga före beslutet om medel ({granted_on}). Kontrollera datumet.",
    "closing_before_start": "Beslutet om avslut ({decided_on}) kan inte ligga före projektets start ({start}). Kontrollera datumet.",
    "decision_none_to_correct": "Det finns inget beslut att rätta i projektets nuvarande status.",
    "decision_correction_reason_required": "Skriv varför beslutet rättas; det gamla beslutet visas överstruket med skälet.",
    "decision_outcome_fixed": "Projektet är {state}: ett beviljande kan inte längre rättas till ett avslag eller tvärtom. Rätta belopp, datum eller paragraf, eller fatta ett nytt beslut om avslut.",
    "application_form_wrong_step": "{form} lämnas i {step}, men projektet är {state}. Fondförvaltaren bjuder in till nästa steg.",
    "login_required": "Logga in för att fortsätta.",
    "edit_conflict": "{what} sparades av {who} {at} medan du skrev. Ändrat: {changes}. Dina ändringar är inte sparade men står kvar här: öppna sidan igen, så ser du det som nu är sparat, och gör om dina ändringar.",
    # --- API (sif/web/api.py)
    "invalid_input": "Uppgifterna är ofullständiga eller har fel form.",
    "not_authenticated": "Logga in först.",
    "not_found": "Sidan eller objektet finns inte.",
    # followup (sif/web/followup; the pure follow-up and privacy codes are in sif/calc/messages_sv.py)
    "indicator_locked": "Indikatorn kan inte ändras eftersom projektet är {state}. Indikatorer fastställs i ansökan och kan ändras fram till att projektet startar.",
    "period_closed": "Rapporteringsperioden {period} är stängd (stängde {closes_at}). Kontakta fondförvaltaren om något behöver rättas.",
    "period_not_open": "Rapporteringsperioden {period} öppnar först {opens_at}.",
    "period_dates_invalid": "Periodens slut måste vara efter dess början och stängningsdagen efter öppningsdagen.",
    "period_label_taken": "Det finns redan en period med benämningen {label} i projektet.",
    "period_label_required": "Ange periodens benämning, t.ex. T1 2020.",
    "unknown_indicator": "Okänd indikator {indicator}: den finns inte i projektet. Använd mallen som SIF skapat för perioden.",
    "unknown_org_unit": "Okänd enhet {unit}: den deltar inte i projektet. Använd mallen som SIF skapat för perioden.",
    "unknown_activity": "Okänd aktivitet {activity}: den finns inte i projektet.",
    "unit_not_yours": "Du rapporterar inte för {unit}; en rapportör lämnar bara siffror för sin egen enhet.",
    "not_a_number": "{column}: ”{value}” är inte ett tal. Skriv bara siffror, t.ex. 12 eller 3,5.",
    "value_too_large": "{column}: ”{value}” är för stort. Ett värde kan vara högst {limit}.",
    "missing_figure": "{indicator}: ange ett värde, eller både täljare och nämnare.",
    "share_needs_numerator_and_denominator": "{indicator} är en andel: ange både täljare och nämnare.",
    "invalid_group": "Okänd grupp ”{group}”: skriv insatsgrupp eller jämförelsegrupp.",
    "duplicate_row": "Raden upprepar {indicator} för {unit} ({group}), som redan finns på rad {first_row}.",
    "not_xlsx": "Filen ”{filename}” är ingen Excel-fil (XLSX). Ladda ner mallen för perioden, fyll i den och ladda upp den som .xlsx.",
    "wrong_file_for_period": "Filen är gjord för en annan period eller ett annat projekt. Ladda ner mallen för {period} och fyll i den.",
    "import_has_refused_rows": "Filen har {count} rader som inte kan sparas. Inget har sparats: rätta raderna och ladda upp filen igen.",
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
    "activity_code_invalid": "Koden ”{code}” får bara innehålla a–z, siffror, bindestreck och understreck, t.ex. hembesok.",
    "activity_label_required": "Skriv aktivitetens benämning.",
    "activity_code_taken": "Det finns redan en aktivitet med koden {code} i projektet.",
    "activity_code_in_use": "Koden för {activity} kan inte ändras eftersom enheter redan har rapporterat antal med den. Ändra benämningen i stället.",
    "spider_no_values": "Ange minst en skattning för {unit}, mättillfälle {occasion}.",
}

# calculations (sif/web/calculations)
MESSAGES.update(
    {
        "calculation_after_decision": "Kalkylen kan inte ändras av sökande efter beslutet. Kontakta fondförvaltaren.",
        "calculation_purpose_unknown": "Okänt syfte för kalkylen: {value!r}. Välj förväntade vinster, beslutsunderlag eller realiserade vinster.",
        "calculation_not_json": "Kalkylen innehåller värden som inte kan sparas (t.ex. datum). Skriv tal eller text.",
        "calculation_text_unreadable": "Kalkylen i textfältet kunde inte läsas som TOML eller JSON: {detail}",
        "calculation_not_found": "Versionen {version} av kalkylen finns inte.",
        "calculation_missing": "Projektet har ingen socioekonomisk kalkyl ännu.",
        "calculation_bound": "{what} ska ligga mellan {low} och {high}, men är {value}.",
        "calculation_above": "{what} kan vara högst {high}, men är {value}.",
        "calculation_too_many": "{what}: {count} rader, men högst {limit} kan ingå i en kalkyl.",
        "upload_too_large": "Filen {filename} är {size} MB; högst {limit} MB kan laddas upp.",
        "upload_unpacks_too_large": "Filen {filename} packas upp till mer än {limit} MB och kan inte läsas. Ladda ner mallen igen och fyll i den.",
        "upload_too_many_rows": "Filen {filename} har fler än {limit} rader på ett blad. Dela upp den eller ladda ner mallen igen.",
        "draws_too_many": "Högst {limit} dragningar kan köras på sidan, men {value} begärdes.",
        "seed_invalid": "Fröet måste vara ett heltal från 0 och uppåt, men är {value!r}.",
        "cost_line_invalid": "Raden ”{line}” under kostnader ska skrivas som år: belopp, t.ex. 2020: 9 577 000.",
    }
)
MESSAGES.update(
    {
        "calculation_saved": "Kalkylen sparades som version {version}.",
        "calculation_advanced_only": "Kalkylen har uppgifter som formuläret inte kan visa (t.ex. triangel- eller PERT-fördelningar eller fler än tre aktörer per utfall). Ändra den i avancerat läge.",
    }
)

# imports (sif/web/imports)
MESSAGES.update(
    {
        "import_no_files": "Välj minst en fil att läsa in (Word, PDF eller text).",
        "import_fund_denied": "Du kan inte läsa in dokument till {fund}: det kräver att du är fondförvaltare eller sökande i fondens kommun.",
        "import_already_confirmed": "Filen {filename} är redan importerad; projektet finns redan.",
        "import_owner_unit_required": "Välj ansvarig enhet i listan eller skriv namnet på en ny enhet.",
        "import_no_proposals": "Markera minst ett förslag att importera.",
        "import_state_for_admins": "Som sökande kan du läsa in förslag och ansökningar (steg 1 eller 2) för din egen enhet; status ”{state}” registreras av en fondförvaltare.",
        "import_granted_needs_state": "Ett beviljat belopp kan bara anges när projektet registreras som beviljat, pågående, slutrapporterat eller avslutat.",
        "org_unit_create_denied": "Bara en fondförvaltare kan lägga till en ny enhet i organisationen. Välj en befintlig enhet.",
        "org_unit_name_required": "Skriv namnet på den nya enheten.",
        "org_unit_kind_unknown": "Okänd typ av enhet: {kind}.",
        "org_unit_exists": "Enheten {unit} finns redan; välj den i listan i stället för att skriva en ny.",
    }
)

# ledger (sif/calc/ledger.py and sif/web/ledger)
MESSAGES.update(
    {
        "ledger_kind_unknown": "Okänd typ av bokföringspost: {kind}.",
        "ledger_amount_not_positive": "Beloppet måste vara större än 0 kr, men är {value}. Ange beloppet utan tecken; typen av post avgör om det ökar eller minskar fonden.",
        "ledger_amount_invalid": "Beloppet {value} är inte ett tal. Ange kronor, t.ex. 3 800 000.",
        "ledger_allocation_with_project": "En avsättning till fonden hör inte till något projekt. Välj inget projekt.",
        "ledger_project_required": "Välj det projekt som posten ({kind}) gäller.",
        "ledger_project_other_fund": "Projektet {project} hör till en annan fond.",
        "ledger_correction_needs_entry": "En rättelse måste ange exakt en post som den vänder.",
        "ledger_correction_of_correction": "En rättelse kan inte rättas. Boka i stället en ny post med rätt belopp.",
        "ledger_already_corrected": "Posten är redan rättad (vänd) och kan inte rättas igen.",
        "ledger_correction_breaks": "Rättelsen kan inte bokas: {detail} Rätta först de poster som bygger på denna.",
        "ledger_reason_required": "Ange ett skäl (t.ex. beslutet eller vad som blev fel).",
        "ledger_write_off_of_unknown": "Ange om avskrivningen gäller ej utbetalt beviljat belopp eller en utestående fordran.",
        "ledger_date_required": "Ange bokföringsdatum.",
        "ledger_immutable": "Bokföringsposter ändras eller tas aldrig bort. Boka en rättelse i stället.",
        "disbursement_exceeds_commitment": "Beloppet {amount} överstiger projektets beviljade belopp {committed} som ännu inte betalats ut eller avskrivits.",
        "ledger_disbursement_exceeds_remaining": "Utbetalningen {amount} överstiger det som återstår av projektets beviljade belopp: {remaining}.",
        "repayment_exceeds_outstanding": "Beloppet {amount} överstiger projektets utbetalda belopp {disbursed}; mer kan inte återbetalas, avskrivas eller efterskänkas.",
        "ledger_exceeds_outstanding": "Beloppet {amount} överstiger projektets utestående belopp {outstanding} (utbetalt minus återbetalt, avskrivet och efterskänkt).",
        "fund_not_found": "Fonden finns inte eller så saknar du behörighet.",
        "ledger_entry_not_found": "Bokföringsposten finns inte i fonden.",
        "decision_not_granted": "Beslutet beviljar inga medel och kan inte bokas som beviljat belopp.",
        "decision_without_amount": "Beslutet anger inget beviljat belopp att boka.",
        "decision_already_booked": "Det beviljade beloppet i beslutet är redan bokat (post {entry}).",
        "agreement_rule_unknown": "Okänd återbetalningsregel: {rule}.",
        "agreement_parameter_required": "Ange {parameter} för återbetalningsregeln.",
        "agreement_parameter_invalid": "Värdet {value} för {parameter} är ogiltigt (år: 1–50, startår: ett årtal, andel: 0–1, tak: kronor ≥ 0).",
        "agreement_parameter_unknown": "Regeln {rule} har ingen parameter {parameter}; lämna fältet tomt.",
        "agreement_immutable": "En återbetalningsöverenskommelse ändras aldrig; spara en ny version i stället.",
    }
)

# documents (sif/web/documents)
MESSAGES.update(
    {
        "document_kind_unknown": "Okänd dokumenttyp: {kind}. Välj någon av: {kinds}.",
        "document_format_unknown": "Okänt format: {format}. Välj någon av: {formats}.",
        "document_project_missing": "Projektet med id {id} finns inte.",
        "document_fund_missing": "Fonden med id {id} finns inte.",
        "document_id_required": "Ange {option} ID.",
        "document_id_invalid": "{option} ska vara ett heltal (id), inte {id}.",
        "document_output_failed": "Kunde inte skriva {path}: {reason}.",
        "document_not_offered": "Projektet har inget dokument {document} i sin nuvarande status.",
        "document_text_too_long": "Texten {label} är för lång (högst {limit} tecken).",
    }
)

# follow-up: new spindelmätning instrument, activity total (sif/web/followup/spider_measurement.py,
# sif/web/followup/measurement_plan.py)
MESSAGES.update(
    {
        "spider_name_required": "Ange spindelmätningens namn.",
        "spider_name_too_long": "Namnet får vara högst {limit} tecken långt, men är {length}.",
        "spider_dimension_count": "En spindelmätning ska ha {low}–{high} dimensioner, en per rad, men har {count}.",
        "spider_dimension_duplicate": "Dimensionen ”{label}” på rad {line} finns redan på rad {first}. Varje dimension ska ha en egen benämning.",
        "spider_occasions_invalid": "Antalet mättillfällen ska vara 1–{high}, men är {occasions}.",
        "spider_scale_invalid": "Skalan {low}–{high} går inte: skalans min ska vara lägre än dess max, med högst två decimaler, t.ex. 1–10.",
        "activity_total_missing": "{activity}: ange totalt när {part} är ifyllt.",
        # --- API tokens (sif/web/tokens/services.py)
        "token_needs_membership": "Du behöver en roll i en kommun för att skapa en API-nyckel.",
        "token_lifetime_invalid": "Välj hur länge nyckeln ska gälla: 30, 90 eller 365 dagar.",
        "token_too_many": "Du har redan {limit} giltiga API-nycklar. Återkalla en innan du skapar en ny.",
        # --- public pages (sif/web/public/services.py)
        "publication_not_allowed": "Bara fondförvaltare i projektets kommun kan publicera projektet.",
        "publication_needs_decision": "Ett projekt kan publiceras först när fonden har fattat beslut om det (beviljat, avslaget, pågående eller avslutat).",
        # --- imports through the API (sif/web/imports/api.py)
        "import_file_count": "Skicka 1–{limit} filer i en inläsning.",
    }
)

# users managed in the app (sif/web/users/services.py)
MESSAGES.update(
    {
        "user_not_found": "Användaren finns inte i din kommun.",
        "user_email_taken": "Det finns redan ett konto med e-postadressen {email}. Ge kontot en roll i stället för att bjuda in det igen.",
        "membership_exists": "Användaren har redan den rollen för den enheten.",
        "membership_remove_own_admin": "Du kan inte ta bort din egen roll som kommunadministratör. Be en annan kommunadministratör göra det.",
        "user_deactivate_self": "Du kan inte stänga av ditt eget konto.",
        "user_in_other_municipality": "Kontot har roller i en annan kommun och kan bara stängas av där eller av plattformens operatör. Ta bort rollerna i din kommun i stället.",
    }
)

# documents made in the background (sif/web/tasks)
MESSAGES.update(
    {
        "document_job_not_found": "Dokumentet finns inte, eller så har du inte längre tillgång till det.",
        "document_render_failed": "Dokumentet kunde inte skapas. Försök igen; om felet kvarstår, kontakta kommunens IT-stöd.",
    }
)

# imports and Monte Carlo runs made in the background (sif/web/imports, sif/web/calculations)
MESSAGES.update(
    {
        "import_read_failed": "Filen kunde inte läsas. Ladda upp den igen; om felet kvarstår, kontakta kommunens IT-stöd.",
        "monte_carlo_failed": "Monte Carlo-körningen kunde inte göras. Försök igen med färre dragningar; om felet kvarstår, kontakta kommunens IT-stöd.",
    }
)
