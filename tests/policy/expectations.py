"""Who may do what, and in which state: written by hand from the fund's process (issue 8, point 2;
../shared/DESIGN.md), not computed from sif/policy. The matrix tests compare the policy against it.

Personas on one project of municipality 1: the owner unit OWNER (with its subunit OWNER_SUB), a
participating unit PART and an unrelated unit UNRELATED. Per-unit reporting targets PART. Each persona also exists in
municipality 2, where it must see nothing of municipality 1.
"""

from __future__ import annotations

from sif.policy import states as s

OWN, OTHER = 1, 2
OWNER, OWNER_SUB, PART, UNRELATED = 10, 11, 20, 30

# persona -> (role, unit subtree or None). Municipality-wide roles hold no unit.
PERSONAS: dict[str, tuple[str, frozenset[int] | None]] = {
    "fund_admin": ("fund_admin", None),
    "reviewer": ("reviewer", None),
    "reader": ("reader", None),
    "applicant_owner": ("applicant", frozenset({OWNER, OWNER_SUB})),
    "applicant_participating": ("applicant", frozenset({PART})),
    "applicant_unrelated": ("applicant", frozenset({UNRELATED})),
    "reporter_owner": ("reporter", frozenset({OWNER, OWNER_SUB})),
    "reporter_participating": ("reporter", frozenset({PART})),
    "reporter_unrelated": ("reporter", frozenset({UNRELATED})),
}
SEES_PROJECT = frozenset(PERSONAS) - {"applicant_unrelated", "reporter_unrelated"}

ALL = frozenset(s.ALL_STATES)
WRITING = frozenset({"proposal", "application_step1", "application_step2"})
BEFORE_DECISION = WRITING | {"in_review"}
NOT_FINAL = ALL - {"rejected", "closed", "withdrawn"}
AFTER_DECISION = ALL - BEFORE_DECISION

ADMIN, LEADER = "fund_admin", "applicant_owner"

# action -> {persona: states in which it is allowed}; a persona not named is refused in every state.
PROJECT_ACTIONS: dict[str, dict[str, frozenset[str]]] = {
    "project.view": dict.fromkeys(SEES_PROJECT, ALL),
    "document.project": dict.fromkeys(SEES_PROJECT, ALL),
    "project.edit": {ADMIN: NOT_FINAL, LEADER: WRITING},
    "project.budget": {ADMIN: NOT_FINAL, LEADER: WRITING},
    "project.application": {ADMIN: WRITING, LEADER: WRITING},
    "project.review": {ADMIN: BEFORE_DECISION, "reviewer": BEFORE_DECISION},
    "project.invite_to_step1": {ADMIN: frozenset({"proposal"})},
    "project.invite_to_step2": {ADMIN: frozenset({"application_step1"})},
    "project.send_to_review": {ADMIN: frozenset({"application_step2"})},
    "project.decide": {ADMIN: frozenset({"in_review"})},
    "project.correct_decision": {
        ADMIN: frozenset({"granted", "rejected", "running", "final_report_submitted"})
    },
    "project.start": {ADMIN: frozenset({"granted"}), LEADER: frozenset({"granted"})},
    "project.submit_final_report": {ADMIN: frozenset({"running"}), LEADER: frozenset({"running"})},
    "project.close": {ADMIN: frozenset({"final_report_submitted"})},
    "project.correct_closing": {ADMIN: frozenset({"closed"})},
    "project.withdraw": {ADMIN: BEFORE_DECISION, LEADER: BEFORE_DECISION},
    "project.add_document": {ADMIN: ALL, LEADER: WRITING},
    "followup.edit": {ADMIN: ALL, LEADER: ALL},
    "followup.indicators": {
        ADMIN: BEFORE_DECISION | {"granted"},
        LEADER: BEFORE_DECISION | {"granted"},
    },
    "followup.report_unit": {ADMIN: ALL, "reporter_participating": ALL},
    "followup.approve_report": {ADMIN: ALL, LEADER: ALL},
    "followup.closed_period": {ADMIN: ALL},
    "followup.all_figures": dict.fromkeys(SEES_PROJECT - {"reader"}, ALL),
    "calculation.save": {ADMIN: ALL, LEADER: BEFORE_DECISION, "reviewer": AFTER_DECISION},
    "document.texts": {ADMIN: ALL, LEADER: ALL},
}

# Actions on a fund (target: municipality 1): persona -> allowed. Another municipality's persona:
# refused with fund_not_found (ledger and portfolio) or permission_denied (creating).
FUND_ACTIONS: dict[str, frozenset[str]] = {
    "fund.view": frozenset({ADMIN, "reviewer", "reader"}),
    "ledger.book": frozenset({ADMIN}),
    "document.portfolio": frozenset({ADMIN}),
    "fund.publish": frozenset({ADMIN}),
    "users.manage": frozenset(),  # the kommunadministratör only, a role no matrix persona holds
}
# Actions on a new proposal for owner unit O of municipality 1.
PROPOSAL_ACTIONS: dict[str, frozenset[str]] = {
    "project.create": frozenset({ADMIN, LEADER}),
    "project.import": frozenset({ADMIN}),
    "import.documents": frozenset(
        {ADMIN, LEADER, "applicant_participating", "applicant_unrelated"}
    ),
}
# Actions without an object (menus, admin): persona -> allowed. "operator" is a superuser without roles.
SITE_ACTIONS: dict[str, frozenset[str]] = {
    "menu.projects": frozenset(PERSONAS),
    "menu.new_proposal": frozenset(
        {ADMIN, LEADER, "applicant_participating", "applicant_unrelated"}
    ),
    "menu.funds": frozenset({ADMIN, "reviewer", "reader"}),
    # the portfolio is the fund administrator's (document.portfolio); readers saw an empty page
    "menu.portfolio": frozenset({ADMIN}),
    "menu.import": frozenset({ADMIN, LEADER, "applicant_participating", "applicant_unrelated"}),
    "menu.platform": frozenset({"operator"}),
    "admin.site": frozenset({ADMIN, "operator"}),
    "admin.platform": frozenset({"operator"}),
}
