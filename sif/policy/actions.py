"""The action registry: one entry per thing a user may do, each answering a Verdict with a reason.

In the manner of Hypha's `permissions_map`: `can(action, actor, target)` looks the action up and
runs its rule over plain values. Views, services, the API, the admin, menus and buttons ask this
and nothing else. A project the actor may not see at all is refused with `project_not_found` (the
web answers 404, the same as for a project that does not exist); a visible project with an action
not theirs to take with a reason the web shows in Swedish (403 or a form error).

Target kinds: "project" (a project; `unit_id` names the unit for per-unit reporting), "fund" (a
fund or the municipality's ledger), "proposal" (a new project: municipality and owner unit in
`unit_id`; no unit means "for some unit", which is what the menu asks), "site" (no object).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sif.policy import states as s
from sif.policy.lifecycle import TRANSITIONS, Transition
from sif.policy.model import (
    ALLOWED,
    APPLICANT,
    FUND_ADMIN,
    MUNICIPALITY_ADMIN,
    MUNICIPALITY_WIDE_ROLES,
    READER,
    REPORTER,
    REVIEWER,
    Actor,
    Target,
    Verdict,
    refuse,
)
from sif.policy.relations import LEADER, PARTICIPANT, UNIT_REPORTER, holds, is_member, relations

Rule = Callable[[Actor, Target], Verdict]
ProjectRule = Callable[[frozenset[str], Target], Verdict]

WRITERS = frozenset({FUND_ADMIN, LEADER})


@dataclass(frozen=True)
class Action:
    name: str
    target: str
    rule: Rule
    doc: str


REGISTRY: dict[str, Action] = {}


def register(name: str, target: str, doc: str) -> Callable[[Rule], Rule]:
    def add(rule: Rule) -> Rule:
        if name in REGISTRY:
            raise ValueError(f"action registered twice: {name}")
        REGISTRY[name] = Action(name, target, rule, doc)
        return rule

    return add


def can(action: str, actor: Actor, target: Target) -> Verdict:
    """Whether `actor` may take `action` on `target`; an unknown action is a programming error."""
    try:
        entry = REGISTRY[action]
    except KeyError:
        raise KeyError(f"unknown action: {action}") from None
    if not actor.is_authenticated:
        return refuse("login_required")
    return entry.rule(actor, target)


def fund_scope_of(action: str, actor: Actor) -> frozenset[int]:
    """The municipalities whose funds `action` (a fund action) allows the actor, for a queryset
    filter that asks once instead of fund by fund: the rule itself is asked per municipality the
    actor belongs to. Every fund rule refuses a non-member (another municipality's fund is not
    found), so the actor's memberships hold every municipality the answer can contain."""
    if REGISTRY[action].target != "fund":
        raise ValueError(f"not a fund action: {action}")
    return frozenset(
        m.municipality_id
        for m in actor.memberships
        if can(action, actor, Target(municipality_id=m.municipality_id))
    )


def _on_project(name: str, doc: str) -> Callable[[ProjectRule], ProjectRule]:
    """Register a project rule; the wrapper refuses a project the actor may not see as not found."""

    def add(rule: ProjectRule) -> ProjectRule:
        def checked(actor: Actor, target: Target) -> Verdict:
            rel = relations(actor, target)
            if not rel - {UNIT_REPORTER}:
                return refuse("project_not_found")
            return rule(rel, target)

        register(name, "project", doc)(checked)
        return rule

    return add


# ---------------------------------------------------------------- the application


@_on_project("project.view", "Read the project page, its documents, calculation and follow-up.")
def _view(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED


@_on_project(
    "project.edit",
    "Texts, period, units and contacts: the leader while writing, the fund until it is final.",
)
def _edit(rel: frozenset[str], t: Target) -> Verdict:
    if not rel & WRITERS:
        return refuse("permission_denied")
    if t.state in s.FINAL_STATES:
        return refuse("project_locked")
    if FUND_ADMIN in rel or t.state in s.APPLICATION_STATES:
        return ALLOWED
    return refuse("project_not_editable_in_state")


@_on_project("project.budget", "The budget and the sought amount: the same rule as the texts.")
def _budget(rel: frozenset[str], t: Target) -> Verdict:
    return _edit(rel, t)


@_on_project(
    "project.application",
    "Write (save a draft of) and submit the proposal or the step-1/step-2 application.",
)
def _application(rel: frozenset[str], t: Target) -> Verdict:
    verdict = _edit(rel, t)
    if verdict and t.state not in s.APPLICATION_STATES:
        return refuse("project_not_editable_in_state")
    return verdict


@_on_project("project.review", "Reviewers (and the fund) comment and score until the decision.")
def _review(rel: frozenset[str], t: Target) -> Verdict:
    if not rel & {REVIEWER, FUND_ADMIN}:
        return refuse("permission_denied")
    return ALLOWED if t.state in s.REVIEW_STATES else refuse("review_not_open")


def _fund_admin_in(states: frozenset[str], reason: str) -> ProjectRule:
    def rule(rel: frozenset[str], t: Target) -> Verdict:
        if FUND_ADMIN not in rel:
            return refuse("permission_denied")
        return ALLOWED if t.state in states else refuse(reason)

    return rule


_on_project(
    "project.decide", "Record the grant decision (beviljad or avslagen) of a project under review."
)(_fund_admin_in(frozenset({s.IN_REVIEW}), "decision_not_in_review"))
_on_project(
    "project.correct_decision", "Correct a grant decision by a new one that supersedes it."
)(_fund_admin_in(s.DECIDED_STATES, "decision_none_to_correct"))
_on_project(
    "project.close", "Record the closing decision on the final report, which closes the project."
)(_fund_admin_in(frozenset({s.FINAL_REPORT_SUBMITTED}), "closing_not_after_final_report"))
_on_project(
    "project.correct_closing", "Correct a closing decision by a new one that supersedes it."
)(_fund_admin_in(frozenset({s.CLOSED}), "decision_none_to_correct"))


def _transition_rule(edges: list[Transition]) -> ProjectRule:
    def rule(rel: frozenset[str], t: Target) -> Verdict:
        if not rel & edges[0].relations:
            return refuse("permission_denied")
        if not any(t.state in e.from_states for e in edges):
            return refuse("transition_not_allowed")
        return ALLOWED

    return rule


_TRANSITION_DOCS = {
    "project.invite_to_step1": "The fund invites a proposal to apply (förslag → ansökan steg 1).",
    "project.invite_to_step2": "The fund lets an application go on to step 2.",
    "project.send_to_review": "The fund sends the step-2 application to review (under beredning).",
    "project.start": "The project leader (or the fund) starts the granted work.",
    "project.submit_final_report": "The project leader (or the fund) submits the final report.",
    "project.withdraw": "The leader or the fund withdraws the project before a decision (with a reason).",
}
for _name, _doc in _TRANSITION_DOCS.items():
    _on_project(_name, _doc)(_transition_rule([t for t in TRANSITIONS if t.action == _name]))


@_on_project("project.add_document", "Keep a source document with the project.")
def _add_document(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if FUND_ADMIN in rel else _edit(rel, t)


@_on_project(
    "document.project",
    "Download the project's documents (application, committee paper, final report).",
)
def _document(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED


# ---------------------------------------------------------------- follow-up and calculation


@_on_project(
    "followup.edit", "Reporting periods, activity types and instruments: the leader or the fund."
)
def _followup_edit(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if rel & WRITERS else refuse("not_followup_editor")


@_on_project(
    "followup.indicators", "Define the indicators: the leader or the fund, until the work runs."
)
def _indicators(rel: frozenset[str], t: Target) -> Verdict:
    verdict = _followup_edit(rel, t)
    if verdict and t.state in s.INDICATOR_LOCKED_STATES:
        return refuse("indicator_locked")
    return verdict


@_on_project(
    "followup.report_unit",
    "Enter a unit's figures and status report: its own reporter, or the fund.",
)
def _report_unit(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if rel & {FUND_ADMIN, UNIT_REPORTER} else refuse("not_reporter_for_unit")


@_on_project(
    "followup.approve_report", "Approve or return a status report: the project leader or the fund."
)
def _approve(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if rel & WRITERS else refuse("not_project_leader")


@_on_project(
    "followup.closed_period", "Correct figures after a reporting period closed: the fund only."
)
def _closed_period(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if FUND_ADMIN in rel else refuse("period_closed")


@_on_project(
    "followup.all_figures",
    "See figures under the suppression threshold (readers see the published ones).",
)
def _all_figures(rel: frozenset[str], t: Target) -> Verdict:
    return (
        ALLOWED
        if rel & {FUND_ADMIN, LEADER, PARTICIPANT, REPORTER, REVIEWER}
        else refuse("permission_denied")
    )


@_on_project(
    "calculation.save",
    "Save a calculation: the leader or the fund before the decision, the fund and reviewers after.",
)
def _calculation(rel: frozenset[str], t: Target) -> Verdict:
    if FUND_ADMIN in rel:
        return ALLOWED
    if t.state in s.BEFORE_DECISION_STATES:
        return ALLOWED if LEADER in rel else refuse("permission_denied")
    if REVIEWER in rel:
        return ALLOWED
    return refuse("calculation_after_decision") if LEADER in rel else refuse("permission_denied")


@_on_project(
    "document.texts",
    "Write a document's texts (committee paper, final report): the fund and the handläggare.",
)
def _document_texts(rel: frozenset[str], t: Target) -> Verdict:
    return ALLOWED if rel & WRITERS else refuse("permission_denied")


# ---------------------------------------------------------------- funds, proposals, site


@register(
    "fund.view", "fund", "Read a fund's ledger and portfolio: the fund, reviewers and readers."
)
def _fund_view(actor: Actor, t: Target) -> Verdict:
    if not is_member(actor, t.municipality_id):
        return refuse("fund_not_found")
    return ALLOWED if relations(actor, t) & MUNICIPALITY_WIDE_ROLES else refuse("permission_denied")


@register(
    "ledger.book",
    "fund",
    "Book ledger entries and save repayment agreements: the fund administrator.",
)
def _book(actor: Actor, t: Target) -> Verdict:
    return _municipality_role(actor, t, FUND_ADMIN, "permission_denied")


def _municipality_role(actor: Actor, t: Target, role: str, member_reason: str) -> Verdict:
    """Allowed for `role` in the target's municipality; refused with `member_reason` for its other
    members, and as not found for everyone else (another municipality's fund does not exist)."""
    if holds(actor, role, t.municipality_id):
        return ALLOWED
    return (
        refuse(member_reason) if is_member(actor, t.municipality_id) else refuse("fund_not_found")
    )


@register(
    "document.portfolio", "fund", "Download the fund's portfolio report: the fund administrator."
)
def _portfolio(actor: Actor, t: Target) -> Verdict:
    return _municipality_role(actor, t, FUND_ADMIN, "permission_denied")


@register(
    "fund.publish",
    "fund",
    "Choose what the fund's public page shows: the fund administrator.",
)
def _publish(actor: Actor, t: Target) -> Verdict:
    return _municipality_role(actor, t, FUND_ADMIN, "publication_not_allowed")


@register(
    "users.manage",
    "fund",
    "Invite users, give and remove roles and units, deactivate: the kommunadministratör.",
)
def _manage_users(actor: Actor, t: Target) -> Verdict:
    return _municipality_role(actor, t, MUNICIPALITY_ADMIN, "permission_denied")


@register(
    "project.create",
    "proposal",
    "Write a new proposal: the fund, or an applicant of the owner unit.",
)
def _create(actor: Actor, t: Target) -> Verdict:
    for m in actor.memberships:
        if t.municipality_id is not None and m.municipality_id != t.municipality_id:
            continue
        if m.role == FUND_ADMIN or (
            m.role == APPLICANT and (t.unit_id is None or m.covers(t.unit_id))
        ):
            return ALLOWED
    return refuse("permission_denied")


@register(
    "project.import",
    "proposal",
    "Register a historical project from its documents: the fund administrator.",
)
def _import_project(actor: Actor, t: Target) -> Verdict:
    return ALLOWED if holds(actor, FUND_ADMIN, t.municipality_id) else refuse("permission_denied")


@register("import.documents", "proposal", "Read documents into drafts: the fund or an applicant.")
def _import_documents(actor: Actor, t: Target) -> Verdict:
    if t.municipality_id is not None and not is_member(actor, t.municipality_id):
        return refuse("fund_not_found")  # another municipality's fund does not exist for them
    ok = any(
        m.role in {FUND_ADMIN, APPLICANT} and t.municipality_id in (None, m.municipality_id)
        for m in actor.memberships
    )
    return ALLOWED if ok else refuse("permission_denied")


@register(
    "admin.site",
    "site",
    "Django's admin: the platform operator, or a fund administrator scoped to the municipality.",
)
def _admin(actor: Actor, t: Target) -> Verdict:
    return (
        ALLOWED if actor.is_superuser or holds(actor, FUND_ADMIN) else refuse("permission_denied")
    )


@register(
    "admin.platform",
    "site",
    "Municipalities, funds and users of every municipality: the platform operator only.",
)
def _platform(actor: Actor, t: Target) -> Verdict:
    return ALLOWED if actor.is_superuser else refuse("permission_denied")


# ---------------------------------------------------------------- the menu (same rules, no object)


@register("menu.projects", "site", "The project list: anyone with a role somewhere.")
def _menu_projects(actor: Actor, t: Target) -> Verdict:
    return ALLOWED if actor.memberships else refuse("permission_denied")


@register("menu.new_proposal", "site", "Nytt förslag: whoever may write a proposal for some unit.")
def _menu_new(actor: Actor, t: Target) -> Verdict:
    return _create(actor, t)


@register("menu.funds", "site", "Fonder: the fund administrator, reviewers and readers.")
def _menu_funds(actor: Actor, t: Target) -> Verdict:
    return (
        ALLOWED if actor.roles() & {FUND_ADMIN, REVIEWER, READER} else refuse("permission_denied")
    )


@register("menu.portfolio", "site", "Portfölj: the fund administrator (document.portfolio).")
def _menu_portfolio(actor: Actor, t: Target) -> Verdict:
    return ALLOWED if holds(actor, FUND_ADMIN) else refuse("permission_denied")


@register("menu.import", "site", "Läs in dokument: the fund or an applicant.")
def _menu_import(actor: Actor, t: Target) -> Verdict:
    return _import_documents(actor, t)


@register("menu.platform", "site", "Kommuner och fonder (the platform operator's start page).")
def _menu_platform(actor: Actor, t: Target) -> Verdict:
    return _platform(actor, t)
