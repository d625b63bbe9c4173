"""Every project state and every named group of states, defined once.

States are the ASCII codes stored in `Project.state` (their Swedish labels live with the model's
choices). A group answers one question about a state; modules import the group that answers their
question instead of writing their own set, so two modules can no longer mean different things by
the same name (the documents' old FINAL_STATES meant "has a final report", the lifecycle's "nothing
changes any more": they are now FINAL_REPORT_STATES and FINAL_STATES).
"""

from __future__ import annotations

PROPOSAL = "proposal"
APPLICATION_STEP1 = "application_step1"
APPLICATION_STEP2 = "application_step2"
IN_REVIEW = "in_review"
GRANTED = "granted"
REJECTED = "rejected"
RUNNING = "running"
FINAL_REPORT_SUBMITTED = "final_report_submitted"
CLOSED = "closed"
WITHDRAWN = "withdrawn"

ALL_STATES: tuple[str, ...] = (
    PROPOSAL,
    APPLICATION_STEP1,
    APPLICATION_STEP2,
    IN_REVIEW,
    GRANTED,
    REJECTED,
    RUNNING,
    FINAL_REPORT_SUBMITTED,
    CLOSED,
    WITHDRAWN,
)

# The applicant still writes: texts, budget, proposal and application forms.
APPLICATION_STATES = frozenset({PROPOSAL, APPLICATION_STEP1, APPLICATION_STEP2})
# Nothing about the project changes any more (a decision may still be corrected by a new one).
FINAL_STATES = frozenset({REJECTED, CLOSED, WITHDRAWN})
# Reviewers comment and score while the application is prepared and under review.
REVIEW_STATES = frozenset({PROPOSAL, APPLICATION_STEP1, APPLICATION_STEP2, IN_REVIEW})
# No grant decision yet: the applicant's figures may still change.
BEFORE_DECISION_STATES = frozenset({PROPOSAL, APPLICATION_STEP1, APPLICATION_STEP2, IN_REVIEW})
# A grant decision exists and may be corrected by a superseding one.
DECIDED_STATES = frozenset({GRANTED, REJECTED, RUNNING, FINAL_REPORT_SUBMITTED})
# The fund has decided on the project (granted or rejected, whatever came after): it may be published.
PUBLISHABLE_STATES = frozenset({GRANTED, REJECTED, RUNNING, FINAL_REPORT_SUBMITTED, CLOSED})
# A committee paper can be written: the application is complete (step 2) or the fund has decided.
COMMITTEE_PAPER_STATES = frozenset(
    {APPLICATION_STEP2, IN_REVIEW, GRANTED, REJECTED, RUNNING, FINAL_REPORT_SUBMITTED, CLOSED}
)
# No application, or none going ahead: the portfolio counts no expected gains for the project.
WITHOUT_GAINS_STATES = frozenset({PROPOSAL, REJECTED, WITHDRAWN})
# Indicators are fixed once the work runs (measurements then refer to them).
INDICATOR_LOCKED_STATES = frozenset({RUNNING, FINAL_REPORT_SUBMITTED, CLOSED, REJECTED, WITHDRAWN})
# The final report exists: documents write the report's sections instead of the plan's.
FINAL_REPORT_STATES = frozenset({FINAL_REPORT_SUBMITTED, CLOSED})
# The states an imported historical project may be registered in (never a withdrawn/rejected one).
IMPORT_STATES: tuple[str, ...] = (
    PROPOSAL,
    APPLICATION_STEP1,
    APPLICATION_STEP2,
    IN_REVIEW,
    GRANTED,
    RUNNING,
    FINAL_REPORT_SUBMITTED,
    CLOSED,
)
# The states an applicant's own import may be registered in: a proposal (the fund invites it on).
APPLICANT_IMPORT_STATES: tuple[str, ...] = (PROPOSAL,)
# A grant decision was recorded (an imported grant needs one of these).
AFTER_GRANT: tuple[str, ...] = (GRANTED, RUNNING, FINAL_REPORT_SUBMITTED, CLOSED)
# The path a granted project takes to its final report, in order (imports walk it).
PATH_AFTER_GRANT: tuple[str, ...] = (RUNNING, FINAL_REPORT_SUBMITTED)
# The step an application submitted in this state belongs to (0: the proposal itself).
APPLICATION_STEP = {PROPOSAL: 0, APPLICATION_STEP1: 1, APPLICATION_STEP2: 2}
