"""Which indicators and units the follow-up page shows: a GET form (bookmarkable), a sensible
default, and a bound on both so one request never renders or draws for every indicator × unit.

Default: the first DEFAULT_INDICATORS indicators that have figures, and the project's totals
(the per-unit parts of the page for every unit when the project has at most DEFAULT_UNITS units,
else none: a big project's units are chosen). Every other indicator is one link away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sif.web.accounts.models import OrgUnit
from sif.web.followup.selectors import IndicatorTable
from sif.web.projects.models import Indicator

DEFAULT_INDICATORS = 4
DEFAULT_UNITS = 4
MAX_INDICATORS = 8
MAX_UNITS = 8


class SelectionForm(forms.Form):
    indikator = forms.TypedMultipleChoiceField(
        label=_("Indikatorer"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Välj bland projektets indikatorer.")},
    )
    enhet = forms.TypedMultipleChoiceField(
        label=_("Enheter"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Välj bland projektets enheter.")},
    )

    def __init__(
        self, data: QueryDict | None, *, indicators: list[Indicator], units: list[OrgUnit]
    ) -> None:
        super().__init__(data)
        self.fields["indikator"].choices = [(i.pk, i.name) for i in indicators]  # type: ignore[attr-defined]
        self.fields["enhet"].choices = [(u.pk, u.name) for u in units]  # type: ignore[attr-defined]

    def clean_indikator(self) -> list[int]:
        chosen: list[int] = self.cleaned_data["indikator"]
        if len(chosen) > MAX_INDICATORS:
            raise forms.ValidationError(
                _("Välj högst %(limit)s indikatorer åt gången (du valde %(count)s)."),
                params={"limit": MAX_INDICATORS, "count": len(chosen)},
            )
        return chosen

    def clean_enhet(self) -> list[int]:
        chosen: list[int] = self.cleaned_data["enhet"]
        if len(chosen) > MAX_UNITS:
            raise forms.ValidationError(
                _("Välj högst %(limit)s enheter åt gången (du valde %(count)s)."),
                params={"limit": MAX_UNITS, "count": len(chosen)},
            )
        return chosen


@dataclass
class Selection:
    form: SelectionForm
    indicator_ids: list[int]  # the chosen indicators, in the project's order
    units: list[OrgUnit]  # chosen units; empty: the project's totals only
    all_units: bool  # every unit's per-unit parts (a small project's default)
    others: list[tuple[Indicator, str]] = field(default_factory=list)  # (indicator, its link)
    next_query: str = ""  # the next few indicators with figures
    total_with_data: int = 0
    tables: list[IndicatorTable] = field(default_factory=list)  # the chosen ones' tables (the view)

    def shows_unit(self, unit_name: str) -> bool:
        return self.all_units or any(u.name == unit_name for u in self.units)

    @property
    def unit_ids(self) -> set[int]:
        return {u.pk for u in self.units}

    def boxes(self, name: str) -> list[tuple[int, str, bool]]:
        """(value, label, checked) of a field's checkboxes, for the template to write directly:
        Django's widget templates took ~70 ms for a big project's 25 + 40 boxes."""
        if self.form.is_bound:
            checked = set(self.form.data.getlist(name))
        else:
            checked = {str(v) for v in self.form.initial.get(name, [])}
        return [(v, label, str(v) in checked) for v, label in self.form.fields[name].choices]  # type: ignore[attr-defined]

    @property
    def indicator_boxes(self) -> list[tuple[int, str, bool]]:
        return self.boxes("indikator")

    @property
    def unit_boxes(self) -> list[tuple[int, str, bool]]:
        return self.boxes("enhet")

    def shows_unit_id(self, unit_id: int) -> bool:
        return self.all_units or unit_id in self.unit_ids

    def own_units(self, reportable: list[OrgUnit]) -> list[OrgUnit]:
        """The units whose report links the page shows: all the user may report for when they
        are few (a unit's reporter always sees theirs), else the chosen ones; a fund's
        administrator of a 40-unit project chooses, rather than getting 40 links per period."""
        if len(reportable) <= DEFAULT_UNITS:
            return reportable
        return [u for u in reportable if self.shows_unit_id(u.pk)]


def selection_for(data: QueryDict, with_data: list[Indicator], units: list[OrgUnit]) -> Selection:
    """The request's choice when valid, else the default (an invalid choice shows its error).

    `with_data`: the project's indicators that have figures, in order (an indicator without figures
    shows nothing). Only the chosen indicators' tables are then built (indicator_tables with
    `indicator_ids`), so the page reads a bounded share of a big project's figures.
    """
    asked = "indikator" in data or "enhet" in data
    form = SelectionForm(data if asked else None, indicators=with_data, units=units)
    valid = asked and form.is_valid()
    chosen_ids = set(form.cleaned_data["indikator"] if valid else [])
    if not chosen_ids:
        chosen_ids = {i.pk for i in with_data[:DEFAULT_INDICATORS]}
    chosen_units = set(
        form.cleaned_data["enhet"]
        if valid
        else ([u.pk for u in units] if len(units) <= DEFAULT_UNITS else [])
    )
    if not asked:  # the form shows what the default shows
        form.initial = {"indikator": sorted(chosen_ids), "enhet": sorted(chosen_units)}
    shown = [i for i in with_data if i.pk in chosen_ids]
    picked = [u for u in units if u.pk in chosen_units]
    unit_ids = [u.pk for u in picked]
    last = with_data.index(shown[-1]) if shown else len(with_data)
    later = with_data[last + 1 :]
    return Selection(
        form=form,
        indicator_ids=[i.pk for i in shown],
        units=picked,
        all_units=len(picked) == len(units),
        others=[(i, _query([i.pk], unit_ids)) for i in with_data if i.pk not in chosen_ids],
        next_query=(_query([i.pk for i in later[:DEFAULT_INDICATORS]], unit_ids) if later else ""),
        total_with_data=len(with_data),
    )


def _query(indicator_ids: list[int], unit_ids: list[int]) -> str:
    query = QueryDict(mutable=True)
    query.setlist("indikator", [str(i) for i in indicator_ids])
    query.setlist("enhet", [str(u) for u in unit_ids])
    return "?" + query.urlencode()
