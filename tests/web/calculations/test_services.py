"""calculation_save: the only writer. Bad input is refused with a Swedish message and changes
nothing; every save is a new version and one event; who may save depends on role and state."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.audit.models import Event
from sif.web.calculations.models import Calculation
from sif.web.calculations.selectors import calculation_current
from sif.web.calculations.services import calculation_save
from sif.web.projects.models import Project, ProjectState
from tests.web.calculations.conftest import case


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(case("hasselby_pilot"))
    change(data)
    return data


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD_SCENARIOS = [
    (
        "negative_count",
        _set(("outcomes", 0, "successes"), -3),
        "Antalet utfall 1: lyckade utfall får inte vara negativt.",
    ),
    (
        "share_out_of_range",
        _set(("outcomes", 0, "deadweight"), 1.5),
        "Andelen utfall 1: dödvikt måste ligga mellan 0 och 1, men är 1,5.",
    ),
    (
        "horizon_not_positive",
        _set(("horizon",), 0),
        "Kalkylperioden måste vara minst ett år, men är 0.",
    ),
    (
        "unknown_actor",
        _set(("outcomes", 0, "values", 0, "actor"), "landsting"),
        "Okänd aktör i utfall 1, värde 1: aktör: 'landsting'.",
    ),
    (
        "range_low_above_high",
        _set(("costs", 0), {"low": 10_000_000, "high": 9_000_000}),
        "I kostnad 1 är det lägsta värdet (10\xa0000\xa0000) större än det högsta (9\xa0000\xa0000).",
    ),
    (
        "negative_amount",
        _set(("costs", 1), -5),
        "Beloppet kostnad 2 får inte vara negativt, men är −5.",
    ),
    ("unknown_field", _set(("discount",), 0.03), "Okänd uppgift i kalkylfilen: discount."),
    (
        "kpi_year_missing",
        _set(("price_base_year",), 2031),
        "Konsumentprisindex (årsmedel) saknas för år 2031.",
    ),
]


@pytest.mark.parametrize(
    ("code", "change", "message"), BAD_SCENARIOS, ids=[b[0] for b in BAD_SCENARIOS]
)
def test_a_bad_scenario_is_refused_in_swedish_and_saves_no_version_and_no_event(
    world: Any, pilot: Project, code: str, change: Any, message: str
) -> None:
    with pytest.raises(SifError) as error:
        calculation_save(
            actor=world.admin, project=pilot, scenario=broken(change), purpose="expected"
        )
    assert error.value.code == code
    assert message_for_error(error.value).startswith(message)
    assert not Calculation.objects.exists()
    assert not Event.objects.filter(action="calculation_save").exists()


def test_an_unknown_purpose_is_refused(world: Any, pilot: Project) -> None:
    with pytest.raises(SifError, match="calculation_purpose_unknown"):
        calculation_save(
            actor=world.admin, project=pilot, scenario=case("hasselby_pilot"), purpose="guess"
        )
    assert not Calculation.objects.exists()


def test_saving_appends_versions_and_writes_one_event_each(world: Any, pilot: Project) -> None:
    first = calculation_save(
        actor=world.admin, project=pilot, scenario=case("hasselby_pilot"), label="Ansökan"
    )
    second = calculation_save(
        actor=world.admin,
        project=pilot,
        scenario=broken(_set(("horizon",), 5)),
        label="Kortare period",
        note="5 år",
    )
    assert [first.version, second.version] == [1, 2]
    assert (
        Calculation.objects.get(pk=first.pk).scenario["horizon"] == 10
    )  # the earlier version is unchanged
    events = Event.objects.filter(action="calculation_save", project=pilot).order_by("pk")
    assert [e.after["version"] for e in events] == [1, 2]
    assert events.last().actor == world.admin and events.last().reason == "5 år"


def test_the_current_calculation_is_the_latest_of_its_purpose(world: Any, pilot: Project) -> None:
    expected = calculation_save(
        actor=world.admin, project=pilot, scenario=case("hasselby_pilot"), purpose="expected"
    )
    decision = calculation_save(
        actor=world.admin, project=pilot, scenario=case("hasselby_pilot"), purpose="decision"
    )
    assert calculation_current(pilot) == expected
    assert calculation_current(pilot, "decision") == decision
    assert calculation_current(pilot, "realised") is None


SAVE_MATRIX = [
    # persona, state, allowed (or the refusal code)
    ("admin", ProjectState.IN_REVIEW, True),
    ("applicant_a", ProjectState.PROPOSAL, True),
    ("applicant_a", ProjectState.IN_REVIEW, True),
    ("applicant_a", ProjectState.GRANTED, "calculation_after_decision"),
    ("reviewer", ProjectState.IN_REVIEW, "permission_denied"),
    ("reviewer", ProjectState.RUNNING, True),
    ("admin", ProjectState.CLOSED, True),
    ("reader", ProjectState.IN_REVIEW, "permission_denied"),
    ("reporter", ProjectState.RUNNING, "permission_denied"),
    ("applicant_b", ProjectState.PROPOSAL, "project_not_found"),
    ("outsider", ProjectState.PROPOSAL, "project_not_found"),
]


@pytest.mark.parametrize(("persona", "state", "allowed"), SAVE_MATRIX)
def test_who_may_save_a_calculation(
    world: Any, pilot: Project, persona: str, state: str, allowed: Any
) -> None:
    Project.objects.filter(pk=pilot.pk).update(state=state)
    pilot.refresh_from_db()
    user = world.persona(persona)
    if allowed is True:
        assert (
            calculation_save(actor=user, project=pilot, scenario=case("hasselby_pilot")).version
            == 1
        )
        return
    with pytest.raises(SifError) as error:
        calculation_save(actor=user, project=pilot, scenario=case("hasselby_pilot"))
    assert error.value.code == allowed
    assert not Calculation.objects.exists()
