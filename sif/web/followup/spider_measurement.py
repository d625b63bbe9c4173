"""Spindelmätning: the instrument (dimensions, occasions, scale) and the units' ratings.

A different kind of figure from the indicators' measurements (several dimensions rated on a
scale at numbered occasions), so it has its own limits and checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.web.accounts.models import OrgUnit
from sif.web.audit.services import project_event_record
from sif.web.followup.cell_values import parse_decimal, sv_number
from sif.web.followup.models import SpiderInstrument, SpiderRating
from sif.web.followup.service_support import require_editor, require_reporter
from sif.web.projects.models import Project

SPIDER_MIN_DIMENSIONS = 3


SPIDER_MAX_DIMENSIONS = 20


SPIDER_NAME_MAX = 200


SPIDER_MAX_OCCASIONS = 50


def _spider_snapshot(instrument: SpiderInstrument) -> dict[str, Any]:
    return {
        "name": instrument.name,
        "dimensions": list(instrument.dimensions),
        "occasions": instrument.occasions,
        "scale_min": instrument.scale_min,
        "scale_max": instrument.scale_max,
    }


def _scale_value(value: Decimal) -> bool:
    """Fits the model's DecimalField(max_digits=6, decimal_places=2)."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2 and abs(value) < 10_000


def spider_instrument_create(
    *,
    actor: Any,
    project: Project,
    name: str,
    dimensions: Sequence[str],
    occasions: int = 1,
    scale_min: Decimal | int = 1,
    scale_max: Decimal | int = 10,
) -> SpiderInstrument:
    """A new spindelmätning instrument: a name, 3–20 distinct dimension labels, the number of
    occasions and the rating scale. Same permission as the indicator editor."""
    require_editor(actor, project)
    name = name.strip()
    if not name:
        raise SifError("spider_name_required")
    if len(name) > SPIDER_NAME_MAX:
        raise SifError("spider_name_too_long", limit=SPIDER_NAME_MAX, length=len(name))
    check_no_personal_identity_number(name, "Namn")
    labels = [d.strip() for d in dimensions if d and d.strip()]
    if not SPIDER_MIN_DIMENSIONS <= len(labels) <= SPIDER_MAX_DIMENSIONS:
        raise SifError(
            "spider_dimension_count",
            count=len(labels),
            low=SPIDER_MIN_DIMENSIONS,
            high=SPIDER_MAX_DIMENSIONS,
        )
    seen: dict[str, int] = {}
    for k, label in enumerate(labels, start=1):
        check_no_personal_identity_number(label, f"dimension {k}")
        key = " ".join(label.casefold().split())
        if key in seen:
            raise SifError("spider_dimension_duplicate", label=label, first=seen[key], line=k)
        seen[key] = k
    if not 1 <= occasions <= SPIDER_MAX_OCCASIONS:
        raise SifError("spider_occasions_invalid", occasions=occasions, high=SPIDER_MAX_OCCASIONS)
    low, high = Decimal(scale_min), Decimal(scale_max)
    if not (_scale_value(low) and _scale_value(high) and low < high):
        raise SifError("spider_scale_invalid", low=sv_number(low), high=sv_number(high))
    with transaction.atomic():
        instrument = SpiderInstrument(
            project=project,
            name=name,
            dimensions=labels,
            occasions=occasions,
            scale_min=low,
            scale_max=high,
        )
        instrument.full_clean()
        instrument.save()
        project_event_record(
            actor,
            "spider_instrument_created",
            instrument,
            project,
            None,
            _spider_snapshot(instrument),
        )
    return instrument


def spider_rating_save(
    *,
    actor: Any,
    instrument: SpiderInstrument,
    unit: OrgUnit,
    occasion: int,
    values: Sequence[Decimal | int | float | None],
    occasion_date: dt.date | None = None,
    is_example: bool = False,
) -> list[SpiderRating]:
    """A unit's K ratings at one occasion (None leaves a dimension unrated)."""
    project = instrument.project
    require_reporter(actor, project, unit)
    dimensions = list(instrument.dimensions)
    if len(values) != len(dimensions):
        raise SifError(
            "wrong_dimension_count",
            unit=unit.name,
            occasion=occasion,
            expected=len(dimensions),
            got=len(values),
        )
    if not 1 <= occasion <= instrument.occasions:
        raise SifError("spider_occasion_unknown", occasion=occasion, occasions=instrument.occasions)
    saved: list[SpiderRating] = []
    with transaction.atomic():
        for index, raw in enumerate(values):
            if raw is None:
                continue
            value = parse_decimal(raw, dimensions[index])
            assert value is not None
            if not instrument.scale_min <= value <= instrument.scale_max:
                raise SifError(
                    "spider_value_out_of_scale",
                    value=sv_number(value),
                    low=sv_number(instrument.scale_min),
                    high=sv_number(instrument.scale_max),
                )
            rating, created = SpiderRating.objects.get_or_create(
                instrument=instrument,
                unit=unit,
                occasion=occasion,
                dimension=index,
                defaults={"value": value, "occasion_date": occasion_date, "is_example": is_example},
            )
            before = None if created else {"value": rating.value}
            rating.value, rating.occasion_date, rating.is_example = value, occasion_date, is_example
            rating.entered_by = actor if getattr(actor, "is_authenticated", False) else None
            rating.full_clean()
            rating.save()
            saved.append(rating)
            project_event_record(
                actor,
                "spider_rating_saved",
                rating,
                project,
                before,
                {"unit_id": unit.pk, "occasion": occasion, "dimension": index, "value": value},
            )
    return saved
