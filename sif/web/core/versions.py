"""No silent overwrite (issue 8, point 5): one way for everything two people may edit at once.

The editor's form, or the API body, carries the version it was read at. The service compares it,
holding the row lock, with the stored version; when someone has saved in between, the save is
refused with `edit_conflict`, which names who saved, when, and what changed (each field in words,
old → new). Nothing is written, and the page shows the user's own input with the message. The
API answers 409 with the changes in `fields`.

The budget, the application, the calculation and the repayment agreement use it. A version that
is None (an API client that sends none) is not checked: the version is how a client says "I edit
what I read".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from os.path import commonprefix
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.calc.field_labels import field_label

SHOWN_CHANGES = 6  # more than this and the message lists the first ones and counts the rest
LONGEST_VALUE = 60  # characters of a text value shown in the message


@dataclass(frozen=True)
class Change:
    """One field that someone else changed: its name in words, the value read and the value now."""

    label: str
    before: str
    after: str


@dataclass
class Conflict:
    """Who saved in between, when, and what changed since the version the editor read."""

    who: str
    at: datetime | None
    changes: list[Change] = field(default_factory=list)


def shown(value: Any) -> str:
    """A value as the message shows it: numbers in Swedish form, nothing as "tomt", long texts cut."""
    if value is None or value == "" or value == [] or value == {}:
        return "tomt"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float | Decimal):
        return fmt.number(value, 6, trim=True)
    text = " ".join(str(value).split())
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def flat(value: Any, path: str = "") -> dict[str, Any]:
    """Nested data as {path: leaf}: {"outcomes": [{"amount": 5}]} -> {"outcomes[0].amount": 5}."""
    if isinstance(value, Mapping):
        items: dict[str, Any] = {}
        for key, inner in value.items():
            items |= flat(inner, f"{path}.{key}" if path else str(key))
        return items or ({path: None} if path else {})
    if isinstance(value, list | tuple):
        items = {}
        for index, inner in enumerate(value):
            items |= flat(inner, f"{path}[{index}]")
        return items or {path: None}
    return {path: value}


def _year(value: Any) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else shown(value)


def _text(value: Any) -> str | None:
    """A text value with its whitespace normalised (a browser sends line breaks as CR LF); None
    for what is not text."""
    if value is None or isinstance(value, str):
        return " ".join((value or "").split())
    return None


def _pair(before: Any, after: Any, show: Callable[[Any], str]) -> tuple[str, str] | None:
    """The two values as shown, or None when the user would see no difference. Two texts are
    shown from a little before where they first differ, so a change late in a long answer shows."""
    old, new = _text(before), _text(after)
    if old is not None and new is not None:
        if old == new:
            return None
        longer = max(len(old), len(new)) > LONGEST_VALUE
        start = max(0, len(commonprefix([old, new])) - 15) if longer else 0
        start = old.rfind(" ", 0, start) + 1 if start else 0  # from the start of a word
        lead = "…" if start else ""
        return show(lead + old[start:] if old else None), show(lead + new[start:] if new else None)
    shown_before, shown_after = show(before), show(after)
    return None if shown_before == shown_after else (shown_before, shown_after)


def changes(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    label: Callable[[str], str] = field_label,
    show: Callable[[Any], str] = shown,
) -> list[Change]:
    """The fields whose value differs as the user reads it, in the order of `after` then the
    ones only in `before`."""
    found = []
    for key in list(after) + [k for k in before if k not in after]:
        is_year = key.rsplit(".", 1)[-1].endswith("year")  # 2022, not "2 022"
        pair = _pair(before.get(key), after.get(key), _year if is_year else show)
        if pair is not None:
            found.append(Change(label(key), *pair))
    return found


def who(user: Any) -> str:
    if user is None:
        return "Någon annan"
    return user.get_full_name() or user.get_username()


def refuse_if_stale(
    *, read: int | None, current: int, what: str, since: Callable[[], Conflict]
) -> None:
    """Raise `edit_conflict` when the stored version is not the one the editor read.
    `what` names the object in Swedish ("budgeten"); `since` says who changed what since then."""
    if read is None or read == current:
        return
    conflict = since()
    listed = conflict.changes[:SHOWN_CHANGES]
    text = "; ".join(f"{c.label}: {c.before} → {c.after}" for c in listed)
    if len(conflict.changes) > len(listed):
        text += f" och {len(conflict.changes) - len(listed)} ändringar till"
    raise SifError(
        "edit_conflict",
        what=what,
        who=conflict.who,
        at=timezone.localtime(conflict.at).strftime("%Y-%m-%d %H:%M") if conflict.at else "nyss",
        changes=text or "inga ändringar som syns i formuläret",
        fields={c.label: f"{c.before} → {c.after}" for c in conflict.changes},
    )


def conflict_from_events(
    events: QuerySet[Any],
    count: int,
    snapshot: Callable[[Any], Mapping[str, Any]],
    label: Callable[[str], str] = field_label,
    show: Callable[[Any], str] = shown,
) -> Conflict:
    """For objects edited in place: the newest `count` events (one per saved version) hold what
    was stored before the first of them and after the last; `snapshot` reads a before/after dict
    into {field: value}."""
    newest: Iterable[Any] = events.select_related("actor").order_by("-at", "-id")[: max(count, 1)]
    saved = list(newest)
    if not saved:
        return Conflict(who(None), None)
    last, first = saved[0], saved[-1]
    return Conflict(
        who(last.actor),
        last.at,
        changes(snapshot(first.before or {}), snapshot(last.after or {}), label, show),
    )


def conflict_between(
    read: Mapping[str, Any],
    now: Mapping[str, Any],
    saved_by: Any,
    saved_at: datetime | None,
    label: Callable[[str], str] = field_label,
    show: Callable[[Any], str] = shown,
) -> Conflict:
    """For append-only objects (every save a new row): the row the editor read against the newest."""
    return Conflict(who(saved_by), saved_at, changes(read, now, label, show))
