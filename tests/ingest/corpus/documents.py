"""A corpus of fund documents written for SIF's tests: every kind a municipality has, with the
layout municipal papers use (a letterhead with dnr and date, a subject line, labelled tables,
footers) and the hard lines of issue 13. Written for this purpose; names, numbers and projects
are invented and copied from no real document.

Each document is a letterhead (page-header lines, tab = table cell), a body (tab-separated lines
become tables) and a footer; `expected` gives, per field, what a careful reader finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class CorpusDocument:
    key: str
    head: tuple[str, ...]
    body: str
    foot: str
    expected: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join([*self.head, "", self.body.strip("\n"), "", self.foot]) + "\n"


def kr(value: int | str) -> Decimal:
    return Decimal(value)


DOCUMENTS: tuple[CorpusDocument, ...] = (
    CorpusDocument(
        key="protokollsutdrag",
        head=("Örebro kommun", "Protokollsutdrag", "Socialnämnden"),
        body="""
Sammanträdesdatum\t2016-03-14\tDnr\tSN 2016/123
Justerare: Lars Nyström
§ 45 Ansökan om medel ur sociala investeringsfonden för Familjecentral Vivalla
Sammanfattning av ärendet
Socialförvaltningen har tagit fram en ansökan om medel för att under tre år bygga upp en
familjecentral i Vivalla. Enligt att-sats 4 beaktas detta.
Sökt belopp: 800 000 kr
Beslut
Socialnämnden beslutar att bevilja 1,5 mnkr ur sociala investeringsfonden.
Protokoll 4 februa
""",
        foot="Justerandes signatur\tUtdragsbestyrkande",
        expected={
            "kind": "decision",
            "title": "Ansökan om medel ur sociala investeringsfonden för Familjecentral Vivalla",
            "date": date(2016, 3, 14),
            "registration_number": "SN 2016/123",
            "municipality": "Örebro kommun",
            "unit": "Socialnämnden",
            "decision_body": "Socialnämnden",
            "decision_paragraph": "§ 45",
            "amounts": {(kr(800_000), "sought"), (kr(1_500_000), "granted")},
            "contacts": set(),
        },
    ),
    CorpusDocument(
        key="beslut",
        head=("Norrköpings kommun", "Kommunstyrelsen", "Beslut", "Datum: 2015-11-30"),
        body="""
Dnr KS 2015-728-1.5.1
Utökad ram för den sociala investeringsfonden 2016
Kommunstyrelsen beslutade den 30 november 2015 att utöka fondens ram.
Ramen utökas med 1 miljon kronor för 2016.
Beslutet motiveras av att fler förvaltningar har ansökt om medel än vad fonden kan bevilja.
Vår referens: Karin Holm, ekonomichef
""",
        foot="Norrköpings kommun · Kommunledningsförvaltningen",
        expected={
            "kind": "decision",
            "title": "Utökad ram för den sociala investeringsfonden 2016",
            "date": date(2015, 11, 30),
            "registration_number": "KS 2015-728-1.5.1",
            "municipality": "Norrköpings kommun",
            "unit": "Kommunstyrelsen",
            "decision_body": "Kommunstyrelsen",
            "amounts": {(kr(1_000_000), "fund_capital")},
            "contacts": {("Karin Holm", "contact")},
        },
    ),
    CorpusDocument(
        key="riktlinjer",
        head=("Umeå kommun", "Kommunledningskontoret", "Dnr KS 2014/0456"),
        body="""
Riktlinjer för sociala investeringsfonden i Umeå kommun
Antagna av kommunfullmäktige 2014-06-16
1 Syfte
Fonden ska ge förvaltningarna möjlighet att pröva nya arbetssätt som förebygger utanförskap.
Fonden bildades ur 2013 års överskott. Fonden om 400
miljoner kronor inrättades.
2 Ansökan
Ansökan görs på särskild blankett och ska innehålla en socioekonomisk kalkyl.
3 Beslut
Kommunstyrelsen beslutar om medel ur fonden efter beredning i fondens styrgrupp.
""",
        foot="Umeå kommun · 901 84 Umeå",
        expected={
            "kind": "guidelines",
            "title": "Riktlinjer för sociala investeringsfonden i Umeå kommun",
            "date": date(2014, 6, 16),
            "registration_number": "KS 2014/0456",
            "municipality": "Umeå kommun",
            "unit": "Kommunledningskontoret",
            "amounts": {(kr(400_000_000), "fund_capital")},
            "contacts": set(),
        },
    ),
    CorpusDocument(
        key="riktlinjer-forslag",
        head=("Tjänsteutlåtande", "Gävle kommun", "Kommunstyrelsens förvaltning"),
        body="""
Datum\t2019-02-04\tDiarienummer\tKS 2019/0077
Handläggare\tSara Lindqvist
Förslag till reviderade riktlinjer för sociala investeringar
Förvaltningens förslag till beslut
1. Kommunstyrelsen föreslår kommunfullmäktige att anta reviderade riktlinjer.
Sammanfattning
Riktlinjerna från 2015 har setts över. Fondens kapital är 25 miljoner kronor.
""",
        foot="Gävle kommun · Kommunstyrelsens förvaltning",
        expected={
            "kind": "guidelines",
            "title": "Förslag till reviderade riktlinjer för sociala investeringar",
            "date": date(2019, 2, 4),
            "registration_number": "KS 2019/0077",
            "municipality": "Gävle kommun",
            "unit": "Kommunstyrelsens förvaltning",
            "amounts": {(kr(25_000_000), "fund_capital")},
            "contacts": {("Sara Lindqvist", "handläggare")},
        },
    ),
    CorpusDocument(
        key="remissvar",
        head=("Botkyrka kommun", "Socialförvaltningen", "Dnr SN 2017/211", "2017-09-18"),
        body="""
Remissvar – Förslag till regional strategi för sociala investeringar
Till Region Stockholm
Socialnämnden ställer sig bakom förslaget i stort.
Nämnden vill särskilt lyfta att uppföljningen behöver resurser. En gemensam fond om
12 miljoner kronor per år räcker inte för fler än två projekt.
Handläggare: Ahmed Yusuf, utredare
""",
        foot="Botkyrka kommun · Socialförvaltningen · 147 85 Tumba",
        expected={
            "kind": "referral_response",
            "title": "Remissvar – Förslag till regional strategi för sociala investeringar",
            "date": date(2017, 9, 18),
            "registration_number": "SN 2017/211",
            "municipality": "Botkyrka kommun",
            "unit": "Socialförvaltningen",
            "amounts": {(kr(12_000_000), "fund_capital")},
            "contacts": {("Ahmed Yusuf", "handläggare")},
        },
    ),
    CorpusDocument(
        key="delrapport",
        head=("Norrköpings kommun", "Socialkontoret", "Dnr SOC 2018/0334"),
        body="""
Delrapport 2 – Projekt Trygg start
Datum: 2018-10-01
Projektperiod: 2017-01-01 – 2019-12-31
Målgrupp: Barn 0–6 år i Navestad och Hageby och deras föräldrar
Läget i projektet
Under perioden har projektet mött 64 familjer och använt medel enligt budgeten.
Sammanlagt 12.345 tkr.
Nästa steg
Projektet fortsätter enligt plan under 2019.
Projektledare: Elin Sandberg
""",
        foot="Sida 1 av 1",
        expected={
            "kind": "interim_report",
            "title": "Delrapport 2 – Projekt Trygg start",
            "date": date(2018, 10, 1),
            "registration_number": "SOC 2018/0334",
            "municipality": "Norrköpings kommun",
            "unit": "Socialkontoret",
            "period": (date(2017, 1, 1), date(2019, 12, 31)),
            "target_group": "Barn 0–6 år i Navestad och Hageby och deras föräldrar",
            "amounts": {(kr(12_345_000), "budget_line")},
            "contacts": {("Elin Sandberg", "contact")},
        },
    ),
    CorpusDocument(
        key="lagesrapport",
        head=("Helsingborgs stad", "Skol- och fritidsförvaltningen"),
        body="""
Lägesrapport för Skolfam Helsingborg
Dnr 2018/1234
Rapporten avser perioden 2018-01-01 – 2018-06-30.
Målgrupp
Familjehemsplacerade barn i grundskolan.
Resultat hittills
Tolv barn har testats två gånger. Kostnaden hittills är 450 000 kr.
Vår referens: Johan Ek
""",
        foot="Helsingborgs stad · Skol- och fritidsförvaltningen",
        expected={
            "kind": "interim_report",
            "title": "Lägesrapport för Skolfam Helsingborg",
            "registration_number": "2018/1234",
            "municipality": "Helsingborgs stad",
            "unit": "Skol- och fritidsförvaltningen",
            "period": (date(2018, 1, 1), date(2018, 6, 30)),
            "target_group": "Familjehemsplacerade barn i grundskolan.",
            "amounts": {(kr(450_000), "budget_line")},
            "contacts": {("Johan Ek", "contact")},
        },
    ),
    CorpusDocument(
        key="slutrapport",
        head=("Gävle kommun", "Socialförvaltningen", "2020-03-02"),
        body="""
Slutrapport – Ung i Gävle
Författare: Lina Ek och Johan Berg
Projekttid: 2017-01-01 – 2019-12-31
Målgrupp: Unga 16–24 år som varken arbetar eller studerar
Resultat
Av 120 deltagare gick 54 vidare till arbete eller studier.
Ekonomi
Projektet beviljades 3 600 000 kr. Personalkostnaden blev 2 900 000 kr.
Lärdomar
Samverkan med Arbetsförmedlingen behöver avtal från början.
""",
        foot="Gävle kommun · Socialförvaltningen",
        expected={
            "kind": "final_report",
            "title": "Slutrapport – Ung i Gävle",
            "date": date(2020, 3, 2),
            "municipality": "Gävle kommun",
            "unit": "Socialförvaltningen",
            "period": (date(2017, 1, 1), date(2019, 12, 31)),
            "target_group": "Unga 16–24 år som varken arbetar eller studerar",
            "amounts": {(kr(3_600_000), "granted"), (kr(2_900_000), "budget_line")},
            "contacts": {("Lina Ek", "author"), ("Johan Berg", "author")},
        },
    ),
    CorpusDocument(
        key="utvardering",
        head=("FoU-rapport 2019:3", "Eskilstuna kommun"),
        body="""
Utvärdering av Familjeteamet i Eskilstuna
Dnr 2016-123-1.2.3.
Rapporten är skriven av Maria Lund.
Syfte och frågeställningar
Utvärderingen ska besvara om insatsen minskade behovet av placeringar.
Metod
Vi jämförde 40 familjer med en jämförelsegrupp av 38 familjer.
Resultat
Placeringskostnaden sjönk med 1 200 000 kr per år i insatsgruppen.
""",
        foot="FoU i Sörmland · Eskilstuna kommun",
        expected={
            "kind": "evaluation",
            "title": "Utvärdering av Familjeteamet i Eskilstuna",
            "registration_number": "2016-123-1.2.3",
            "municipality": "Eskilstuna kommun",
            "amounts": {(kr(1_200_000), "other")},
            "contacts": {("Maria Lund", "author")},
        },
    ),
    CorpusDocument(
        key="tjansteutlatande",
        head=("Stockholms stad", "Rinkeby-Kista stadsdelsförvaltning", "Tjänsteutlåtande"),
        body="""
Dnr 1.5.1-445/2019\tSida 1 (3)
2019-05-20
Handläggare
Anna Berg
Telefon: 08-508 01 234
Till
Rinkeby-Kista stadsdelsnämnd
Ansökan om medel ur den sociala investeringsfonden för Föräldraskapsstöd i Tensta
Förvaltningens förslag till beslut
1. Stadsdelsnämnden ansöker om medel ur stadens sociala investeringsfond.
Sammanfattning
Förvaltningen söker 2 460 000 kr för åren 2020–2021.
Ärendets beredning
Ärendet har beretts inom avdelningen för barn och unga.
Bilagor
1. Ansökan
""",
        foot="Rinkeby-Kista stadsdelsförvaltning · Box 7049 · 164 07 Kista",
        expected={
            "kind": "committee_paper",
            "title": "Ansökan om medel ur den sociala investeringsfonden för Föräldraskapsstöd i Tensta",
            "date": date(2019, 5, 20),
            "registration_number": "1.5.1-445/2019",
            "period": (date(2020, 1, 1), date(2021, 12, 31)),
            "municipality": "Stockholms stad",
            "unit": "Rinkeby-Kista stadsdelsförvaltning",
            "amounts": {(kr(2_460_000), "sought")},
            "contacts": {("Anna Berg", "handläggare")},
        },
    ),
    CorpusDocument(
        key="ansokan-full",
        head=("Örebro kommun", "Ansökan – sociala investeringsfonden"),
        body="""
Namn på den planerade insatsen
Tidiga insatser i förskolan
Ansökande verksamhet
Förvaltningen förskola och skola. Avdelningen för förskola
Projektperiod
2020-08-01 – 2022-06-30
Målgrupp
Barn 3–5 år i förskolor i Vivalla och Varberga.
Budget (tkr)\t2020\t2021\t2022\tTotalt
Personalkostnader\t600\t1 200\t600\t2 400
Övriga kostnader\t100\t200\t100\t400
Summa\t700\t1 400\t700\t2 800
Kontaktperson
Eva Lind
Utvecklingsledare
eva.lind@orebro.se
""",
        foot="Örebro kommun · Förvaltningen förskola och skola",
        expected={
            "kind": "application_full",
            "title": "Tidiga insatser i förskolan",
            "municipality": "Örebro kommun",
            "unit": "Förvaltningen förskola och skola",
            "period": (date(2020, 8, 1), date(2022, 6, 30)),
            "target_group": "Barn 3–5 år i förskolor i Vivalla och Varberga.",
            "amounts": set(),
            "contacts": {("Eva Lind", "contact")},
        },
    ),
    CorpusDocument(
        key="ansokan-kort",
        head=("ANSÖKAN OM MEDEL UR SOCIALA INVESTERINGSFONDEN",),
        body="""
Namn på projekt:
Läxhjälp och fritid i Skäggetorp
Sökande
Nämnd:\tKontaktperson:
Linköpings kommun, Socialnämnden\tOmar Said
Epost:\tTelefon:
omar.said@linkoping.se\t013-20 60 00
Tidplan (datum för start och slut)
2021-01-01 – 2021-12-31
Sökt belopp: 800 000 kr
""",
        foot="Blanketten skickas till kommunledningsförvaltningen.",
        expected={
            "kind": "application_short",
            "title": "Läxhjälp och fritid i Skäggetorp",
            "municipality": "Linköpings kommun",
            "unit": "Socialnämnden",
            "period": (date(2021, 1, 1), date(2021, 12, 31)),
            "amounts": {(kr(800_000), "sought")},
            "contacts": {("Omar Said", "contact")},
        },
    ),
    CorpusDocument(
        key="forslagslista",
        head=("Malmö stad",),
        body="""
Förslag projekt sociala investeringsfonden
1. Nattvandring i Rosengård
Föreningar och stadsdelen vill utveckla nattvandringen med fler vuxna.
Synpunkter: Bra förankring men oklart hur effekterna ska mätas.
2. Familjeskola i Lindängen
Ett program i tolv träffar för föräldrar med barn i lågstadiet.
Synpunkter: Kostnaden är rimlig, cirka 300 000 kr per år.
3. Sommarjobb med handledare
Unga får sommarjobb med en handledare från fritidsgården.
Synpunkter: Bör samordnas med arbetsmarknadsförvaltningen.
""",
        foot="Malmö stad · Stadskontoret",
        expected={
            "kind": "proposal_list",
            "title": "Förslag projekt sociala investeringsfonden",
            "municipality": "Malmö stad",
            "amounts": {(kr(300_000), "other")},
            "contacts": set(),
        },
    ),
)
