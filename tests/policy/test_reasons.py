"""Every reason the registry refuses with is named in REFUSALS, so the API can answer each one 403
(or 404 for the two "not found") instead of mistaking a refusal for bad input (400)."""

from __future__ import annotations

import itertools

from sif.policy import NOTHING, REGISTRY, can
from sif.policy import states as s
from sif.policy.model import NOT_FOUND_REASONS, REFUSALS
from tests.policy import builders
from tests.policy.expectations import OTHER, PERSONAS

EVERYONE = (*PERSONAS, "operator")


def test_every_refusal_of_every_action_is_a_named_reason() -> None:
    targets = [builders.project(state) for state in s.ALL_STATES]
    targets += [builders.fund(), builders.proposal(), builders.proposal(None), NOTHING]
    reasons = set()
    for action, persona, target in itertools.product(REGISTRY, EVERYONE, targets):
        for municipality in (1, OTHER):
            if persona == "operator" and municipality == OTHER:
                continue
            verdict = can(action, builders.actor(persona, municipality), target)
            if not verdict:
                reasons.add(verdict.reason)
    assert reasons <= REFUSALS, reasons - REFUSALS
    assert NOT_FOUND_REASONS <= reasons
