"""The project's repayment as shown: which rule applies, the planned schedule against the booked
repayments (computed here from the agreement and the ledger, never stored), and for a share of
gains the realised municipal gains from the follow-up's effect card."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sif.calc import ledger as rules
from sif.calc.actors import is_municipal
from sif.calc.errors import SifError
from sif.calc.repayment import RepaymentYear
from sif.messages import message_for_error
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.projects.models import Project, RepaymentRule


@dataclass
class RealisedGains:
    """Municipal gains per year (kronor) from the first effect card that values its effect."""

    indicator: str
    period: str
    per_year: Decimal
    expected_per_year: Decimal | None


@dataclass
class RepaymentView:
    rule: str
    rule_label: str
    source: str
    agreement: RepaymentAgreement | None
    totals: rules.Totals
    rows: list[RepaymentYear] | None = None
    error: str = ""
    cap: Decimal | None = None
    share: Decimal | None = None
    gains: RealisedGains | None = None
    gains_note: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def planned_total(self) -> Decimal:
        return sum((r.planned for r in self.rows or []), Decimal(0))

    @property
    def actual_total(self) -> Decimal:
        return sum((r.actual or Decimal(0) for r in self.rows or []), Decimal(0))


def _kr(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def realised_gains(project: Project) -> RealisedGains | None:
    from sif.web.followup import effects, selectors

    tables = selectors.indicator_tables(project)
    for card in effects.effect_cards(project, tables):
        if card.realised:
            municipal = sum(v for a, v in card.realised.items() if is_municipal(a))
            expected = (
                sum(v for a, v in card.expected.items() if is_municipal(a))
                if card.expected
                else None
            )
            return RealisedGains(
                card.table.indicator.name,
                card.period_label,
                _kr(municipal),
                _kr(expected) if expected is not None else None,
            )
    return None


def repayment_view(
    project: Project, entries: list[LedgerEntry], agreement: RepaymentAgreement | None
) -> RepaymentView:
    labels = dict(RepaymentRule.choices)
    if agreement is not None:
        rule, source, params = (
            agreement.rule,
            f"överenskommelse, version {agreement.version}",
            agreement.parameters or {},
        )
    elif project.repayment_rule:
        rule, source, params = project.repayment_rule, "projektets beslut", {}
    else:
        rule, source, params = project.fund.repayment_rule, "fondens regel", {}
    rule_entries = [e.as_rule_entry() for e in entries]
    view = RepaymentView(
        rule,
        str(labels.get(rule, rule)),
        source,
        agreement,
        rules.by_project(rule_entries).get(project.pk, rules.Totals()),
    )
    try:
        calc_rule = rules.rule_from_parameters(rule, params) if agreement is not None else None
    except SifError as error:
        view.error = message_for_error(error)
        return view
    view.cap = Decimal(params["cap"]) if params.get("cap") else None
    view.share = Decimal(params["share"]) if params.get("share") else None
    if rule == RepaymentRule.SHARE_OF_GAINS:
        view.gains = realised_gains(project)
        if view.gains is None:
            view.gains_note = "Projektets uppföljning har inget effektkort med realiserade vinster ännu, så återbetalningen kan inte beräknas ur vinsterna."
    if calc_rule is None:
        return view
    expected: dict[int, Decimal] | None = None
    if view.gains is not None and view.gains.expected_per_year is not None:
        expected = {
            y: view.gains.expected_per_year
            for y in range(
                int(params["start_year"]), int(params["start_year"]) + int(params["years"])
            )
        }
    try:
        view.rows = rules.planned_vs_actual(
            calc_rule, rule_entries, project.pk, cap=view.cap, expected_gains=expected
        )
    except SifError as error:
        view.error = message_for_error(error)
    return view
