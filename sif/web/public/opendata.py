"""The open data files: the same content as the public page, as CSV and JSON, with one data
dictionary that says what each column means. Amounts are kronor as plain numbers; a suppressed
figure is empty (CSV) or null (JSON) with `undertryckt` true."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from sif.web.public.selectors import PublicFund

LICENCE = "CC0 1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"

# file -> [(column, meaning)]; the page /oppet/datadefinitioner/ shows exactly this table.
DICTIONARY: dict[str, list[tuple[str, Any]]] = {
    "projekt.csv": [
        ("projekt_id", _("SIF:s beständiga nummer för projektet.")),
        ("namn", _("Projektets namn.")),
        ("ansvarig_enhet", _("Den förvaltning eller enhet som äger projektet.")),
        ("status", _("Projektets status (förslag, beviljad, pågående, avslutad …).")),
        ("beslutande_organ", _("Organet som fattade beslutet om medel, t.ex. Socialnämnden.")),
        ("beslutsdatum", _("Beslutets datum (ÅÅÅÅ-MM-DD).")),
        ("paragraf", _("Beslutets paragraf (§) i protokollet.")),
        (
            "beviljat",
            _(
                "ja om medel beviljades, nej om ansökan avslogs, tomt om beslutet om medel inte finns i SIF."
            ),
        ),
        ("beviljat_belopp_kr", _("Beviljat belopp i kronor.")),
        ("avslut_beslutande_organ", _("Organet som beslutade att avsluta projektet.")),
        ("avslut_datum", _("Datum för beslutet om avslut (ÅÅÅÅ-MM-DD).")),
        (
            "forvantad_vinst_per_ar_kr",
            _("Förväntad samhällsekonomisk vinst per år enligt projektets kalkyl, kronor."),
        ),
        (
            "realiserad_vinst_per_ar_kr",
            _("Realiserad vinst per år enligt uppföljningens effekt, kronor."),
        ),
        ("vinst_period", _("Uppföljningsperioden som den realiserade vinsten bygger på.")),
    ],
    "uppfoljning.csv": [
        ("projekt_id", _("Projektets nummer (som i projekt.csv).")),
        ("indikator", _("Indikatorns namn.")),
        ("period", _("Den senaste perioden med rapporterade värden.")),
        ("typ", _("antal, andel (0–1) eller poäng.")),
        ("varde", _("Värdet för hela insatsgruppen; tomt när det är undertryckt.")),
        (
            "n",
            _(
                "Antalet personer eller händelser som värdet bygger på; tomt när det är undertryckt."
            ),
        ),
        (
            "undertryckt",
            _("ja när värdet bygger på färre än fondens gräns för små tal och därför inte visas."),
        ),
    ],
    "saldo.csv": [
        ("ar", _("Bokföringsår.")),
        ("saldo_kr", _("Fondens saldo vid årets slut: avsatt − utbetalt + återbetalt, kronor.")),
    ],
}

KINDS = {"count": "antal", "share": "andel", "score": "poäng"}


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral() else format(value.normalize(), "f")


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def projects_csv(fund: PublicFund) -> str:
    rows = [
        [
            p.id,
            p.title,
            p.unit,
            p.state_label,
            p.decision_body,
            p.decided_on.isoformat() if p.decided_on else "",
            p.paragraph,
            {True: "ja", False: "nej"}.get(p.granted, ""),
            _number(p.granted_amount),
            p.closing_body,
            p.closed_on.isoformat() if p.closed_on else "",
            _number(p.expected_gain_per_year),
            _number(p.realised_gain_per_year),
            p.gains_period,
        ]
        for p in fund.projects
    ]
    return _csv([c for c, _ in DICTIONARY["projekt.csv"]], rows)


def followup_csv(fund: PublicFund) -> str:
    rows = [
        [
            p.id,
            f.indicator,
            f.period,
            KINDS.get(f.kind, f.kind),
            _number(f.value),
            "" if f.n is None else f.n,
            "ja" if f.suppressed else "nej",
        ]
        for p in fund.projects
        for f in p.figures
    ]
    return _csv([c for c, _ in DICTIONARY["uppfoljning.csv"]], rows)


def balance_csv(fund: PublicFund) -> str:
    return _csv(
        [c for c, _ in DICTIONARY["saldo.csv"]],
        [[year, _number(amount)] for year, amount in fund.balance_by_year],
    )


def as_json(fund: PublicFund) -> dict[str, Any]:
    def money(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    return {
        "fond": {
            "id": fund.id,
            "namn": fund.name,
            "kommun": fund.municipality,
            "grans_for_sma_tal": fund.threshold,
            "avsatt_kr": money(fund.allocated),
            "utbetalt_kr": money(fund.disbursed),
            "aterbetalt_kr": money(fund.repaid),
            "saldo_kr": money(fund.balance),
        },
        "saldo_per_ar": [
            {"ar": year, "saldo_kr": money(amount)} for year, amount in fund.balance_by_year
        ],
        "projekt": [
            {
                "projekt_id": p.id,
                "namn": p.title,
                "ansvarig_enhet": p.unit,
                "status": p.state_label,
                "beslutande_organ": p.decision_body,
                "beslutsdatum": p.decided_on.isoformat() if p.decided_on else None,
                "paragraf": p.paragraph,
                "beviljat": p.granted,
                "beviljat_belopp_kr": money(p.granted_amount),
                "avslut_beslutande_organ": p.closing_body,
                "avslut_datum": p.closed_on.isoformat() if p.closed_on else None,
                "forvantad_vinst_per_ar_kr": money(p.expected_gain_per_year),
                "realiserad_vinst_per_ar_kr": money(p.realised_gain_per_year),
                "vinst_period": p.gains_period,
                "uppfoljning": [
                    {
                        "indikator": f.indicator,
                        "period": f.period,
                        "typ": KINDS.get(f.kind, f.kind),
                        "varde": money(f.value),
                        "n": f.n,
                        "undertryckt": f.suppressed,
                    }
                    for f in p.figures
                ],
            }
            for p in fund.projects
        ],
        "licens": LICENCE,
        "licens_url": LICENCE_URL,
    }
