"""SIF's policy: the only place that decides who may do what, and in which state.

Pure Python over plain values (no Django): `can(action, Actor, Target) -> Verdict`, the lifecycle
table, every named group of states, and the checks that make a decision hold up. The web layer
builds Actor and Target from the database (sif/web/accounts/permissions.py) and asks.
"""

from sif.policy.actions import REGISTRY, can
from sif.policy.model import ALLOWED, ANONYMOUS, NOTHING, Actor, Membership, Target, Verdict, refuse

__all__ = [
    "ALLOWED",
    "ANONYMOUS",
    "NOTHING",
    "REGISTRY",
    "Actor",
    "Membership",
    "Target",
    "Verdict",
    "can",
    "refuse",
]
