"""The fund's ledger: append-only entries and the figures derived from them.

Every entry has a positive amount (Decimal kronor); its effect on the fund follows from its kind:

| kind | project | effect |
|---|---|---|
| `allocation` | none | money allocated to the fund (e.g. by the council): balance +, available + |
| `commitment` | required | a grant: money promised to a project, not yet paid: committed +, available − |
| `disbursement` | required | money paid out against the project's commitment: balance −, committed − |
| `repayment` | required | money the project pays back: balance +, available +, outstanding − |
| `write_off` of `commitment` | required | the unused rest of a commitment released: committed −, available + |
| `write_off` of `outstanding` | required | a debt that will not be repaid: outstanding − |
| `waiver` | required | repayment waived by decision (Malmö, Hela familjen 2016): outstanding − |
| `correction` | as reversed | cancels exactly one other entry (`reverses`); never an edit |

An entry is *effective* when it is not a correction and no correction reverses it; every figure
below is a sum over effective entries only, so the order of the entries does not matter and a
correction cancels its entry exactly.

Derived figures (kronor, exact Decimal sums, no rounding):
- allocated = Σ allocation; committed_total = Σ commitment; disbursed = Σ disbursement;
  repaid = Σ repayment; released = Σ write_off of commitment;
  written_off = Σ write_off of outstanding; waived = Σ waiver.
- balance (money in the fund) = allocated − disbursed + repaid.
- committed (granted, not yet paid out) = committed_total − disbursed − released.
- available (free to grant) = balance − committed = allocated + repaid + released − committed_total.
  It is negative when the fund has granted more than it holds (or its capital is not booked).
- outstanding of a project (paid out, to be repaid) = disbursed − repaid − written_off − waived.

Rules (`check_ledger`), per project over effective entries:
  disbursed + released ≤ committed_total   (`disbursement_exceeds_commitment`)
  repaid + written_off + waived ≤ disbursed (`repayment_exceeds_outstanding`)
so committed and outstanding are never negative.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sif.calc.errors import SifError
from sif.calc.repayment import (
    BudgetFrameReduction,
    FixedPlan,
    RepaymentRule,
    RepaymentYear,
    ShareOfGains,
    schedule,
)

ZERO = Decimal(0)

ALLOCATION = "allocation"
COMMITMENT = "commitment"
DISBURSEMENT = "disbursement"
REPAYMENT = "repayment"
WRITE_OFF = "write_off"
WAIVER = "waiver"
CORRECTION = "correction"
KINDS = (ALLOCATION, COMMITMENT, DISBURSEMENT, REPAYMENT, WRITE_OFF, WAIVER, CORRECTION)

OF_COMMITMENT = "commitment"
OF_OUTSTANDING = "outstanding"

# The sign of each kind's amount in the fund's balance (money in the fund).
BALANCE_SIGN = {ALLOCATION: 1, DISBURSEMENT: -1, REPAYMENT: 1}


@dataclass(frozen=True)
class Entry:
    """One ledger entry as the derivations need it. `key` identifies it (the database id)."""

    key: Hashable
    kind: str
    amount: Decimal
    year: int
    project: Hashable | None = None
    reverses: Hashable | None = None
    write_off_of: str = ""


@dataclass(frozen=True)
class Totals:
    allocated: Decimal = ZERO
    committed_total: Decimal = ZERO
    disbursed: Decimal = ZERO
    repaid: Decimal = ZERO
    released: Decimal = ZERO
    written_off: Decimal = ZERO
    waived: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        return self.allocated - self.disbursed + self.repaid

    @property
    def committed(self) -> Decimal:
        return self.committed_total - self.disbursed - self.released

    @property
    def available(self) -> Decimal:
        return self.balance - self.committed

    @property
    def outstanding(self) -> Decimal:
        return self.disbursed - self.repaid - self.written_off - self.waived


def effective(entries: Iterable[Entry]) -> list[Entry]:
    """The entries that count: neither a correction nor reversed by one."""
    entries = list(entries)
    reversed_keys = {e.reverses for e in entries if e.kind == CORRECTION}
    return [e for e in entries if e.kind != CORRECTION and e.key not in reversed_keys]


def _field(entry: Entry) -> str | None:
    if entry.kind == WRITE_OFF:
        return "released" if entry.write_off_of == OF_COMMITMENT else "written_off"
    return {
        ALLOCATION: "allocated",
        COMMITMENT: "committed_total",
        DISBURSEMENT: "disbursed",
        REPAYMENT: "repaid",
        WAIVER: "waived",
    }.get(entry.kind)


def totals(entries: Iterable[Entry]) -> Totals:
    """The sums of the effective entries by kind (see the module docstring)."""
    sums: dict[str, Decimal] = {}
    for entry in effective(entries):
        name = _field(entry)
        if name is not None:
            sums[name] = sums.get(name, ZERO) + entry.amount
    return Totals(**sums)


def balance(entries: Iterable[Entry]) -> Decimal:
    """allocated − disbursed + repaid."""
    return totals(entries).balance


def committed(entries: Iterable[Entry]) -> Decimal:
    """Σ commitment − Σ disbursement − Σ write_off of commitment (granted, not yet paid out)."""
    return totals(entries).committed


def available(entries: Iterable[Entry]) -> Decimal:
    """balance − committed = allocated + repaid + released − Σ commitment."""
    return totals(entries).available


def by_project(entries: Iterable[Entry]) -> dict[Hashable, Totals]:
    """The totals of each project's effective entries (allocations have no project)."""
    groups: dict[Hashable, list[Entry]] = {}
    for entry in effective(entries):
        if entry.project is not None:
            groups.setdefault(entry.project, []).append(entry)
    return {project: totals(group) for project, group in groups.items()}


def outstanding(entries: Iterable[Entry], project: Hashable) -> Decimal:
    """disbursed − repaid − written off − waived for one project."""
    return totals(e for e in effective(entries) if e.project == project).outstanding


def commitment_remaining(entries: Iterable[Entry], project: Hashable) -> Decimal:
    """The project's commitment not yet paid out or released: the most a disbursement may be."""
    return totals(e for e in effective(entries) if e.project == project).committed


def check_entry(entry: Entry) -> None:
    """The shape of one entry: known kind, amount > 0, a project where the kind needs one."""
    if entry.kind not in KINDS:
        raise SifError("ledger_kind_unknown", kind=entry.kind)
    if not entry.amount > 0:
        raise SifError("ledger_amount_not_positive", value=entry.amount)
    if entry.kind == ALLOCATION and entry.project is not None:
        raise SifError("ledger_allocation_with_project")
    if entry.kind not in (ALLOCATION, CORRECTION) and entry.project is None:
        raise SifError("ledger_project_required", kind=entry.kind)
    if (entry.kind == CORRECTION) != (entry.reverses is not None):
        raise SifError("ledger_correction_needs_entry")
    if entry.kind == WRITE_OFF and entry.write_off_of not in (OF_COMMITMENT, OF_OUTSTANDING):
        raise SifError("ledger_write_off_of_unknown", value=entry.write_off_of)


def check_ledger(entries: Iterable[Entry]) -> None:
    """Every entry well-formed, every correction reversing exactly one non-correction entry that
    no other correction reverses, and per project: disbursed + released ≤ committed_total and
    repaid + written off + waived ≤ disbursed. Raises the first broken rule's code."""
    entries = list(entries)
    by_key = {e.key: e for e in entries}
    reversed_seen: set[Hashable] = set()
    for entry in entries:
        check_entry(entry)
        if entry.kind != CORRECTION:
            continue
        target = by_key.get(entry.reverses)
        if target is None:
            raise SifError("ledger_correction_needs_entry")
        if target.kind == CORRECTION:
            raise SifError("ledger_correction_of_correction")
        if entry.reverses in reversed_seen:
            raise SifError("ledger_already_corrected")
        reversed_seen.add(entry.reverses)
    for project, t in by_project(entries).items():
        if t.committed < 0:
            raise SifError(
                "disbursement_exceeds_commitment",
                project=project,
                amount=t.disbursed + t.released,
                committed=t.committed_total,
            )
        if t.outstanding < 0:
            raise SifError(
                "repayment_exceeds_outstanding",
                project=project,
                amount=t.repaid + t.written_off + t.waived,
                disbursed=t.disbursed,
            )


def by_year(
    entries: Iterable[Entry], kind: str, project: Hashable | None = None
) -> dict[int, Decimal]:
    """Σ amount of the effective entries of `kind` (of one project, if given) per booking year."""
    years: dict[int, Decimal] = {}
    for entry in effective(entries):
        if entry.kind == kind and (project is None or entry.project == project):
            years[entry.year] = years.get(entry.year, ZERO) + entry.amount
    return years


def balance_by_year(entries: Iterable[Entry]) -> list[tuple[int, Decimal]]:
    """The fund's balance (allocated − disbursed + repaid) at the end of each booking year, from the
    first year with an entry to the last, years without entries included (cumulative sums)."""
    moves: dict[int, Decimal] = {}
    for entry in effective(entries):
        sign = BALANCE_SIGN.get(entry.kind)
        if sign is not None:
            moves[entry.year] = moves.get(entry.year, ZERO) + sign * entry.amount
    if not moves:
        return []
    running, result = ZERO, []
    for year in range(min(moves), max(moves) + 1):
        running += moves.get(year, ZERO)
        result.append((year, running))
    return result


# ---------------------------------------------------------------- repayment agreements

SCHEDULE_RULES = ("fixed_plan", "share_of_gains", "budget_frame")
RULE_PARAMETERS: Mapping[str, tuple[str, ...]] = {
    "fixed_plan": ("years", "start_year", "cap"),
    "share_of_gains": ("years", "start_year", "share", "cap"),
    "budget_frame": ("years", "start_year", "cap"),
}


def _int(params: Mapping[str, Any], name: str) -> int:
    value = params.get(name)
    if value is None or value == "":
        raise SifError("agreement_parameter_required", parameter=name)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SifError("agreement_parameter_invalid", parameter=name, value=value) from None
    if name == "years" and not 1 <= number <= 50:
        raise SifError("agreement_parameter_invalid", parameter=name, value=value)
    if name == "start_year" and not 1900 <= number <= 2200:
        raise SifError("agreement_parameter_invalid", parameter=name, value=value)
    return number


def _decimal(params: Mapping[str, Any], name: str) -> Decimal | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).replace("\xa0", "").replace(" ", "").replace(",", "."))
    except ArithmeticError:
        raise SifError("agreement_parameter_invalid", parameter=name, value=value) from None
    if not number.is_finite() or number < 0 or (name == "share" and number > 1):
        raise SifError("agreement_parameter_invalid", parameter=name, value=value)
    return number


def check_parameters(rule: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a rule needs, validated and normalised to JSON-safe values (Decimals as text).
    Rules without a schedule (none, by_agreement, waived) take none."""
    allowed = RULE_PARAMETERS.get(rule, ())
    unknown = sorted(k for k, v in params.items() if k not in allowed and v not in (None, ""))
    if unknown:
        raise SifError("agreement_parameter_unknown", parameter=unknown[0], rule=rule)
    if rule not in SCHEDULE_RULES:
        return {}
    clean: dict[str, Any] = {
        "years": _int(params, "years"),
        "start_year": _int(params, "start_year"),
    }
    if rule == "share_of_gains":
        share = _decimal(params, "share")
        if share is None:
            raise SifError("agreement_parameter_required", parameter="share")
        clean["share"] = str(share)
    cap = _decimal(params, "cap")
    if cap is not None:
        clean["cap"] = str(cap)
    return clean


def rule_from_parameters(rule: str, params: Mapping[str, Any]) -> RepaymentRule | None:
    """The sif.calc.repayment rule for a stored agreement; None for rules without a schedule."""
    clean = check_parameters(rule, params)
    if rule == "fixed_plan":
        return FixedPlan(years=clean["years"], start_year=clean["start_year"])
    if rule not in SCHEDULE_RULES:
        return None
    end = clean["start_year"] + clean["years"] - 1
    if rule == "share_of_gains":
        return ShareOfGains(
            share=Decimal(clean["share"]), start_year=clean["start_year"], end_year=end
        )
    return BudgetFrameReduction(start_year=clean["start_year"], end_year=end)


def repayment_base(
    entries: Iterable[Entry], project: Hashable, cap: Decimal | None = None
) -> Decimal:
    """What the project is to repay: its disbursed amount, or, before any payment, its granted
    commitment (Σ commitment − released); never more than `cap` when the agreement sets one."""
    t = totals(e for e in effective(entries) if e.project == project)
    base = t.disbursed if t.disbursed > 0 else t.committed_total - t.released
    return min(base, cap) if cap is not None else base


def planned_vs_actual(
    rule: RepaymentRule,
    entries: Iterable[Entry],
    project: Hashable,
    *,
    cap: Decimal | None = None,
    expected_gains: Mapping[int, Decimal] | None = None,
) -> list[RepaymentYear]:
    """The rule's planned repayment per year against the repayments booked in the ledger (actual,
    by booking year). The first waiver's year stops the plan (`waived_from`)."""
    entries = list(entries)
    payments = by_year(entries, REPAYMENT, project)
    waivers = by_year(entries, WAIVER, project)
    return schedule(
        rule,
        repayment_base(entries, project, cap),
        expected_gains=expected_gains,
        payments=payments or None,
        waived_from=min(waivers) if waivers else None,
    )
