"""The only code that writes indicators: create, change and delete, for the page and the API alike.

Both go through the policy's `followup.indicators` (the project leader or the fund, until the work
runs) and optimistic concurrency: every save raises the indicator's `version`; a save or delete
that names the version the editor read is refused (`indicator_edit_conflict`) when someone else
saved in between, with the Swedish message naming who, when and which fields changed, so nothing
is silently overwritten. The mechanism is the budget's (sif/web/projects/budget_changes.py): a version
number that travels with the form, checked under a row lock.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.web.accounts.permissions import check
from sif.web.audit.services import project_event_record
from sif.web.projects.models import Indicator, Project, ProjectState

INDICATOR_FIELDS = (
    "group",
    "name",
    "unit",
    "direction",
    "segment",
    "method",
    "method_detail",
    "baseline_value",
    "baseline_date",
    "target_value",
    "comparison_group",
    "frequency",
    "responsible_unit",
    "position",
    "plausible_max",
)
_SNAPSHOT_FIELDS = tuple(
    "responsible_unit_id" if f == "responsible_unit" else f for f in INDICATOR_FIELDS
)


def indicator_snapshot(indicator: Indicator) -> dict[str, Any]:
    return {f: getattr(indicator, f) for f in _SNAPSHOT_FIELDS}


def _require(actor: Any, project: Project) -> None:
    verdict = check(actor, "followup.indicators", project)
    if not verdict:
        raise SifError(verdict.reason, state=ProjectState(project.state).label)


def _shown(indicator: Indicator, name: str, value: Any) -> str:
    """One stored value as a reader of the page sees it."""
    if value is None or value == "":
        return "tomt"
    if name == "responsible_unit_id":
        from sif.web.accounts.models import OrgUnit

        unit = OrgUnit.objects.filter(pk=value).first()
        return unit.name if unit else "–"
    field = Indicator._meta.get_field(name.removesuffix("_id"))
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if name in ("baseline_value", "target_value"):
        return fmt.quantity(Decimal(str(value)), indicator.unit)
    if isinstance(value, int | Decimal):
        return fmt.number(value, 0)
    return str(value)


def _changes(indicator: Indicator, before: dict[str, Any], after: dict[str, Any]) -> str:
    """'Målvärde 40,0 % → 50,0 %; Indikator X → Y': what the other save changed, in words."""
    parts = []
    for name in _SNAPSHOT_FIELDS:
        old, new = before.get(name), after.get(name)
        if str(old if old is not None else "") == str(new if new is not None else ""):
            continue
        label = str(Indicator._meta.get_field(name.removesuffix("_id")).verbose_name)
        parts.append(
            f"{label.capitalize()} {_shown(indicator, name, old)} → {_shown(indicator, name, new)}"
        )
    return "; ".join(parts) or "inga uppgifter ändrades"


def _check_version(indicator: Indicator, version: int | None) -> None:
    """Refuse a change based on an indicator someone else has saved since it was read."""
    if version is None or version == indicator.version:
        return
    last = (
        indicator.project.events.filter(
            action="indicator_saved",
            object_type="projects.indicator",
            object_id=str(indicator.pk),
        )
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )
    who = (last.actor.get_full_name() or last.actor.get_username()) if last and last.actor else "–"
    before = last.before if last and isinstance(last.before, dict) else {}
    after = last.after if last and isinstance(last.after, dict) else indicator_snapshot(indicator)
    raise SifError(
        "indicator_edit_conflict",
        who=who,
        name=indicator.name,
        at=timezone.localtime(last.at).strftime("%Y-%m-%d %H:%M") if last else "–",
        changes=_changes(indicator, before, after),
        version=indicator.version,
    )


def _locked(project: Project, indicator: Indicator) -> Indicator:
    if indicator.project_id != project.pk:
        raise SifError("unknown_indicator", indicator=indicator.pk)
    return Indicator.objects.select_for_update().select_related("project").get(pk=indicator.pk)


def indicator_save(
    *,
    actor: Any,
    project: Project,
    indicator: Indicator | None = None,
    version: int | None = None,
    **fields: Any,
) -> Indicator:
    """Create or change an indicator; refused (`indicator_locked`) once the project is running.
    `version` is the version the editor read; a newer one refuses the save."""
    _require(actor, project)
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"unknown indicator fields: {sorted(unknown)}")
    if not str(fields.get("name", indicator.name if indicator else "")).strip():
        raise SifError("indicator_name_required")
    with transaction.atomic():
        before = None
        target = indicator or Indicator(project=project)
        if indicator:
            current = _locked(project, indicator)
            _check_version(current, version)
            before = indicator_snapshot(current)
            target.version = current.version + 1
        for name, value in fields.items():  # on the caller's object: a refused form keeps them
            setattr(target, name, value)
        target.full_clean()
        target.save()
        project_event_record(
            actor,
            "indicator_saved",
            target,
            project,
            before=before,
            after=indicator_snapshot(target),
        )
    return target


def indicator_delete(
    *, actor: Any, project: Project, indicator: Indicator, version: int | None = None
) -> None:
    """Remove an indicator defined by mistake, while indicators may still change and before any
    figure is reported for it (reported figures are kept: `indicator_has_measurements`)."""
    _require(actor, project)
    with transaction.atomic():
        target = _locked(project, indicator)
        _check_version(target, version)
        if target.measurements.exists():
            raise SifError("indicator_has_measurements", name=target.name)
        before = indicator_snapshot(target)
        project_event_record(actor, "indicator_deleted", target, project, before=before, after=None)
        target.delete()
