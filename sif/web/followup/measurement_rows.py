"""The rows a measurement or activity count passes through: as written, as planned, refused.

Shared by the form and the XLSX upload (sif/web/followup/xlsx.py), which both hand raw rows to
measurement_plan.py and show its ImportPreview; the row types live apart so both sides name them
without importing the planning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from sif.messages import message_for as followup_message
from sif.web.accounts.models import OrgUnit
from sif.web.followup.models import ActivityCount, ActivityType, Group, Measurement, ReportingPeriod
from sif.web.projects.models import Indicator

GROUP_ALIASES = {
    "intervention": Group.INTERVENTION,
    "insatsgrupp": Group.INTERVENTION,
    "insats": Group.INTERVENTION,
    "": Group.INTERVENTION,
    "comparison": Group.COMPARISON,
    "jämförelsegrupp": Group.COMPARISON,
    "jämförelse": Group.COMPARISON,
    "kontrollgrupp": Group.COMPARISON,
}


PARENT_PARTS = ("with_mother", "with_father", "single_mother", "single_father")


GENDER_PARTS = ("women", "men")


PART_LABELS = {  # in the order of RawActivity's fields; labels in the active language
    "total": _("Totalt"),
    "with_mother": _("Med mamma"),
    "with_father": _("Med pappa"),
    "single_mother": _("Endast mamma"),
    "single_father": _("Endast pappa"),
    "women": _("Kvinnor"),
    "men": _("Män"),
}


@dataclass(frozen=True)
class RawMeasurement:
    """One row as the reporter wrote it: references and cells as given (str, int, float or None)."""

    row: int
    indicator: Any
    unit: Any
    group: Any = ""
    value: Any = None
    numerator: Any = None
    denominator: Any = None


@dataclass(frozen=True)
class RawActivity:
    row: int
    unit: Any
    activity: Any
    total: Any = None
    with_mother: Any = None
    with_father: Any = None
    single_mother: Any = None
    single_father: Any = None
    women: Any = None
    men: Any = None


@dataclass
class PlannedMeasurement:
    row: int
    indicator: Indicator
    unit: OrgUnit
    group: str
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    replaces: Measurement | None

    @property
    def group_label(self) -> str:
        return str(Group(self.group).label)


@dataclass
class PlannedActivity:
    row: int
    unit: OrgUnit
    activity: ActivityType
    total: int
    parts: dict[str, int | None]
    replaces: ActivityCount | None

    @property
    def labelled_parts(self) -> list[tuple[str, int]]:
        """The parts given, with their labels in the active language, for the preview."""
        return [
            (str(PART_LABELS[name]), value)
            for name, value in self.parts.items()
            if value is not None
        ]


@dataclass
class RefusedRow:
    sheet: str
    row: int
    code: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return followup_message(self.code, **self.params)


@dataclass
class ImportPreview:
    period: ReportingPeriod
    measurements: list[PlannedMeasurement] = field(default_factory=list)
    activities: list[PlannedActivity] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    implausible: list[RefusedRow] = field(
        default_factory=list
    )  # planned, but stored only when confirmed

    @property
    def ok(self) -> bool:
        return not self.refused and bool(self.measurements or self.activities)
