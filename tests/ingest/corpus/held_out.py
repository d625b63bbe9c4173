"""Six more corpus documents, written after the recognisers were tuned on `documents.py` and
measured once without changes: `benchmarks/bench_corpus.py` reports them apart, as an honest
estimate of how the importer does on documents it has not been fitted to. Invented, like the
rest of the corpus; no test requires them to pass."""

from __future__ import annotations

from datetime import date

from tests.ingest.corpus.documents import CorpusDocument, kr

HELD_OUT: tuple[CorpusDocument, ...] = (
    CorpusDocument(
        key="kf-protokoll",
        head=("Luleå kommun", "Utdrag ur protokoll", "Kommunfullmäktige"),
        body="""
Sammanträdesdatum 2013-12-16
§ 112
Inrättande av en social investeringsfond
Dnr KS 2013/567-1.2
Kommunfullmäktige beslutar att avsätta 10 miljoner kronor till en social investeringsfond.
Fonden ska förvaltas av kommunstyrelsen.
""",
        foot="Justerandes sign",
        expected={
            "kind": "decision",
            "title": "Inrättande av en social investeringsfond",
            "date": date(2013, 12, 16),
            "registration_number": "KS 2013/567-1.2",
            "municipality": "Luleå kommun",
            "unit": "Kommunfullmäktige",
            "decision_body": "Kommunfullmäktige",
            "decision_paragraph": "§ 112",
            "amounts": {(kr(10_000_000), "fund_capital")},
            "contacts": set(),
        },
    ),
    CorpusDocument(
        key="lagesrapport-sodertalje",
        head=("Södertälje kommun", "Socialförvaltningen"),
        body="""
Lägesrapport 1 – Familjecentrerat arbetssätt
Datum: 2019-09-30
Vår referens: Mikael Persson
Projektet pågår 2019-01-01 till 2021-12-31.
Målgrupp: Familjer med barn 0–12 år
Hittills har 1,2 mnkr förbrukats av budgeten.
""",
        foot="Södertälje kommun · 151 89 Södertälje",
        expected={
            "kind": "interim_report",
            "title": "Lägesrapport 1 – Familjecentrerat arbetssätt",
            "date": date(2019, 9, 30),
            "municipality": "Södertälje kommun",
            "unit": "Socialförvaltningen",
            "period": (date(2019, 1, 1), date(2021, 12, 31)),
            "target_group": "Familjer med barn 0–12 år",
            "amounts": {(kr(1_200_000), "budget_line")},
            "contacts": {("Mikael Persson", "contact")},
        },
    ),
    CorpusDocument(
        key="tjansteskrivelse-vasteras",
        head=("Västerås stad", "Individ- och familjeförvaltningen", "Tjänsteskrivelse"),
        body="""
Dnr SN 2020/00312
2020-04-22
Föredragande: Helena Gran
Ansökan om medel ur sociala investeringsfonden – Tidig upptäckt i förskolan
Förvaltningens förslag till beslut
1. Nämnden ansöker om medel ur sociala investeringsfonden.
Ärendet
Sökt belopp: 1 800 000 kr
""",
        foot="Västerås stad",
        expected={
            "kind": "committee_paper",
            "title": "Ansökan om medel ur sociala investeringsfonden – Tidig upptäckt i förskolan",
            "date": date(2020, 4, 22),
            "registration_number": "SN 2020/00312",
            "municipality": "Västerås stad",
            "unit": "Individ- och familjeförvaltningen",
            "amounts": {(kr(1_800_000), "sought")},
            "contacts": {("Helena Gran", "presenter")},
        },
    ),
    CorpusDocument(
        key="utvardering-boras",
        head=("Borås stad",),
        body="""
Utvärderingsrapport: Mentorskap för unga i Borås
Författare: Anders Ek
Bakgrund
Mentorskapet startade 2017 och riktar sig till unga som riskerar att lämna skolan.
Kostnader
Insatsen kostade 900 000 kronor per år.
""",
        foot="Borås stad · Sida 1",
        expected={
            "kind": "evaluation",
            "title": "Utvärderingsrapport: Mentorskap för unga i Borås",
            "municipality": "Borås stad",
            "amounts": {(kr(900_000), "budget_line")},
            "contacts": {("Anders Ek", "author")},
        },
    ),
    CorpusDocument(
        key="reglemente-kalmar",
        head=("Kalmar kommun",),
        body="""
Reglemente för social investeringsfond
Fastställt av kommunfullmäktige 2016-02-22
Ändamål
Fonden ska användas till förebyggande insatser för barn och unga.
Fondens kapital uppgår till 30 miljoner kronor.
""",
        foot="Kalmar kommun",
        expected={
            "kind": "guidelines",
            "title": "Reglemente för social investeringsfond",
            "date": date(2016, 2, 22),
            "municipality": "Kalmar kommun",
            "amounts": {(kr(30_000_000), "fund_capital")},
            "contacts": set(),
        },
    ),
    CorpusDocument(
        key="yttrande-uppsala",
        head=("Uppsala kommun", "Utbildningsnämnden"),
        body="""
Datum\t2018-05-07\tDiarienummer\tUBN-2018-0221
Yttrande över förslag till handlingsplan mot psykisk ohälsa
Handläggare: Sofia Ali
Nämnden tillstyrker förslaget men anser att kostnaden om 2 miljoner kronor bör delas.
""",
        foot="Uppsala kommun · Utbildningsförvaltningen",
        expected={
            "kind": "referral_response",
            "title": "Yttrande över förslag till handlingsplan mot psykisk ohälsa",
            "date": date(2018, 5, 7),
            "registration_number": "UBN-2018-0221",
            "municipality": "Uppsala kommun",
            "unit": "Utbildningsnämnden",
            "amounts": {(kr(2_000_000), "other")},
            "contacts": {("Sofia Ali", "handläggare")},
        },
    ),
)
