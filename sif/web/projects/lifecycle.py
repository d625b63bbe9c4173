"""The lifecycle as the web uses it: the table and the state groups are the policy's
(sif/policy/lifecycle.py, sif/policy/states.py); this module adds only the Swedish state labels."""

from __future__ import annotations

from sif.policy.lifecycle import TRANSITIONS, Transition, transition_for, transitions_from
from sif.web.projects.models import ProjectState as S

__all__ = ["TRANSITIONS", "Transition", "state_label", "transition_for", "transitions_from"]


def state_label(state: str) -> str:
    try:
        return str(S(state).label)
    except ValueError:
        return state
