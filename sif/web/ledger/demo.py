"""Demo ledger: only amounts with a published source (reference/figures.md A4, the seeds).

- Malmö: the fund's allocation of 50 000 000 kr (KF 12 april 2012, press release).
- Eskilstuna: Team Samagera's 3 800 000 kr granted September 2014 (seed 003), booked from the
  grant decision the project demo recorded; repayment "enligt överenskommelse" (rule by_agreement,
  no schedule: the report gives none).
- Malmö, Hela familjen: the repayment requirement lifted in 2016 (Malmö kommunstyrelsen, 2016, in
  reference/methods.md). The amount waived is not published, so no entry is booked: the waiver is
  the agreement's rule and note.
- Stockholm: "300 miljoner kronor" appears only in a district committee's consultation reply, not
  in a decision. So that a new user does not meet an empty fund, Stockholm's fund and STIS carry
  EXAMPLE posts, each one's text beginning "Exempeldata:" (the portfolio marks them): the 300 mnkr
  as an allocation, and STIS's grant and yearly disbursements estimated from seed 001's "two
  full-time posts per district" (7 districts, 600 000 kr a post and year, September 2017 – April
  2021). Team Samagera's 3,8 mnkr is paid out in example instalments 2014–2016.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from django.contrib.auth import get_user_model

from sif.web.ledger import services
from sif.web.projects.models import Decision, DecisionKind, Fund, Project, RepaymentRule

MALMO_SOURCE = (
    "Kommunfullmäktige beslutade 12 april 2012 att inrätta en social investeringsfond om 50 mnkr för barn och unga. "
    "Källa: Malmö stad, pressmeddelande ”Malmö stad inrättar social investeringsfond för att stärka och förbättra "
    "livsvillkoren för barn och unga” (mynewsdesk.com/se/malmo/pressreleases/…-744072)."
)
SAMAGERA_NOTE = (
    "Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret. "
    "Källa: Rapport Team Samagera (källdokument 003), förslag till beslut punkt 2. Rapporten anger ingen plan eller belopp."
)
HELA_FAMILJEN_NOTE = (
    "Återbetalningskravet för Hela familjen lyftes 2016: budgeten för försörjningsstöd, där besparingen skulle uppstå, "
    "hade flyttats från stadsdelen till kommunstyrelsen. Källa: Malmö kommunstyrelsen, 2016 (förslag om att lyfta "
    "återbetalningskravet). Det efterskänkta beloppet är inte publicerat och är därför inte bokfört."
)


def _user(username: str) -> object:
    return get_user_model().objects.get(username=username)


def load(stdout: TextIO) -> None:
    malmo, eskilstuna = _user("malmo"), _user("eskilstuna")
    malmo_fund = Fund.objects.get(municipality__code="malmo")
    services.ledger_allocate(
        actor=malmo,
        fund=malmo_fund,
        amount="50000000",
        booked_on=date(2012, 4, 12),
        reference="KF 2012-04-12",
        text=MALMO_SOURCE,
    )

    samagera = Project.objects.get(title="Team Samagera")
    decision = Decision.objects.get(project=samagera, kind=DecisionKind.GRANT, granted=True)
    services.ledger_commit_decision(actor=eskilstuna, decision=decision)
    services.repayment_agreement_save(
        actor=eskilstuna, project=samagera, rule=RepaymentRule.BY_AGREEMENT, note=SAMAGERA_NOTE
    )

    _examples(eskilstuna, samagera)

    hela_familjen = Project.objects.get(title="Hela familjen")
    services.repayment_agreement_save(
        actor=malmo, project=hela_familjen, rule=RepaymentRule.WAIVED, note=HELA_FAMILJEN_NOTE
    )
    stdout.write(
        "Fondernas bokföring inläst: Malmö 50 mnkr (KF 2012-04-12), Team Samagera 3,8 mnkr beviljat (sept. 2014); Stockholm med exempelposter.\n"
    )


EXAMPLE = "Exempeldata: "
STOCKHOLM_ALLOCATION = (
    EXAMPLE
    + "300 miljoner kronor nämns i ett remissvar från en stadsdelsnämnd, inte i ett beslut; beloppet och datumet är exempel."
)
STIS_GRANT = (
    EXAMPLE
    + "slutrapporten (källdokument 001) anger inte beviljat belopp. Uppskattat: två heltidstjänster per förvaltning i sju förvaltningar, 600 000 kr per tjänst och år, september 2017 – april 2021."
)
STIS_DISBURSEMENTS = {
    2017: "2800000",
    2018: "8400000",
    2019: "8400000",
    2020: "8400000",
    2021: "2800000",
}
SAMAGERA_DISBURSEMENTS = {2014: "800000", 2015: "1500000", 2016: "1500000"}


def _examples(eskilstuna: object, samagera: Project) -> None:
    """Example posts (marked in their text) so that no demo fund is empty; see the module's docstring."""
    stockholm = _user("fondforvaltare")
    fund = Fund.objects.get(municipality__code="stockholm")
    services.ledger_allocate(
        actor=stockholm,
        fund=fund,
        amount="300000000",
        booked_on=date(2016, 1, 1),
        reference="Exempel",
        text=STOCKHOLM_ALLOCATION,
    )
    stis = Project.objects.get(title="Stärkt tidigt stöd i samverkan")
    total = str(sum(int(v) for v in STIS_DISBURSEMENTS.values()))
    services.ledger_commit(
        actor=stockholm,
        project=stis,
        amount=total,
        booked_on=date(2017, 6, 1),
        reference="Exempel",
        text=STIS_GRANT,
    )
    for year, amount in STIS_DISBURSEMENTS.items():
        services.ledger_disburse(
            actor=stockholm,
            project=stis,
            amount=amount,
            booked_on=date(year, 12, 31) if year < 2021 else date(2021, 4, 30),
            reference="Exempel",
            text=EXAMPLE + "utbetalning per år enligt uppskattningen ovan.",
        )
    for year, amount in SAMAGERA_DISBURSEMENTS.items():
        services.ledger_disburse(
            actor=eskilstuna,
            project=samagera,
            amount=amount,
            booked_on=date(year, 12, 31),
            reference="Exempel",
            text=EXAMPLE
            + "rapporten (källdokument 003) anger inte hur de 3,8 mnkr betalades ut; fördelningen per år är ett exempel.",
        )
