"""From a staged draft (the IngestResult as JSON) to the review screen's initial values, each with
the source line it came from. Nothing is invented: a value the document does not give stays empty."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sif.web.accounts.models import OrgUnit
from sif.web.imports.texts import Source, project_texts
from sif.web.projects.models import BudgetCategory, ClosingOutcome, MeasurementMethod, ProjectState

TEXT_FIELDS = ("summary", "purpose", "goals", "target_group", "lessons")
DEFAULT_STATE = {
    "application_full": ProjectState.APPLICATION_STEP2,
    "application_short": ProjectState.APPLICATION_STEP1,
    "committee_paper": ProjectState.CLOSED,
    "report": ProjectState.CLOSED,
    "final_report": ProjectState.CLOSED,
    "interim_report": ProjectState.RUNNING,
    "evaluation": ProjectState.CLOSED,
    "decision": ProjectState.GRANTED,
    "proposal_list": ProjectState.PROPOSAL,
}
REPORT_KINDS = ("committee_paper", "report", "final_report", "evaluation")
KIND_LABELS = {
    "proposal_list": "förslagslista",
    "committee_paper": "tjänsteutlåtande",
    "report": "rapport",
    "application_full": "ansökan (fullständigt formulär)",
    "application_short": "ansökan (kort formulär)",
    "decision": "protokollsutdrag eller beslut",
    "guidelines": "riktlinjer eller reglemente",
    "referral_response": "remissvar",
    "interim_report": "delrapport eller lägesrapport",
    "final_report": "slutrapport",
    "evaluation": "utvärdering eller FoU-rapport",
    "other": "annat dokument",
}
CATEGORY_WORDS = (
    ("personal", BudgetCategory.PERSONNEL),
    ("lokal", BudgetCategory.PREMISES),
    ("tjänst", BudgetCategory.SERVICES),
    ("utbildning", BudgetCategory.TRAINING),
    ("utvärdering", BudgetCategory.EVALUATION),
)
METHOD_WORDS = (
    ("sip-kollen", MeasurementMethod.SIP_KOLLEN),
    ("spindel", MeasurementMethod.SPIDER),
    ("sdq", MeasurementMethod.INSTRUMENT),
    ("bedömningsinstrument", MeasurementMethod.INSTRUMENT),
    ("enkät", MeasurementMethod.SURVEY),
    ("skol", MeasurementMethod.SCHOOL_DATA),
    ("system", MeasurementMethod.CASE_SYSTEM),
    ("intervju", MeasurementMethod.INTERVIEWS),
    ("manuell", MeasurementMethod.MANUAL),
)


@dataclass
class Review:
    """Initial values for the forms and, per field name, the source line numbers."""

    main: dict[str, Any]
    budget_years: list[int]
    budget: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    proposals: list[dict[str, Any]]
    sources: dict[str, list[int]] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def review_initial(
    draft: dict[str, Any], units: list[OrgUnit], filename: str, lines: list[Any] = ()
) -> Review:  # type: ignore[assignment]
    """`lines` are the staged source lines ([number, text, page]); the texts (description,
    purpose, target group) are copied from them, never written anew."""
    kind = draft["kind"]
    review = Review({}, [], [], [], [], [])
    main = review.main
    main["title"] = draft.get("title") or ""
    _source(review, "title", draft.get("title_line"))
    main["registration_number"] = draft.get("registration_number") or ""
    _source(review, "registration_number", draft.get("registration_number_line"))
    main["state"] = DEFAULT_STATE.get(kind, ProjectState.PROPOSAL)
    _owner(review, draft, units)
    _period(review, draft)
    _amounts(review, draft)
    _decisions(review, draft)
    _texts(review, draft, Source(lines, draft.get("sections", [])))
    _budget(review, draft)
    review.contacts = [
        {
            "include": c.get("role") != "signatory",
            "name": c["name"],
            "title": c.get("title") or "",
            "email": c.get("email") or "",
            "phone": c.get("phone") or "",
            "line": c["line"],
        }
        for c in draft.get("contacts", [])
    ]
    review.indicators = [
        {
            "include": True,
            "name": i["name"],
            "segment": i.get("segment") or "",
            "method": method_code(i.get("method") or ""),
            "method_detail": i.get("method") or "",
            "line": i["line"],
        }
        for i in draft.get("indicators", [])
    ]
    review.proposals = [
        {
            "include": True,
            "title": p["title"],
            "summary": p.get("description") or "",
            "synpunkter": p.get("synpunkter") or "",
            "line": p["line"],
        }
        for p in draft.get("proposals", [])
    ]
    return review


def _texts(review: Review, draft: dict[str, Any], source: Source) -> None:
    """Description, purpose, goals, target group and lessons as the document words them."""
    # A proposal list holds several projects: each proposal keeps its own description instead.
    texts = project_texts(draft, source) if draft["kind"] != "proposal_list" else {}
    for name in TEXT_FIELDS:
        found = texts.get(name)
        review.main[name] = found.text if found else ""
        if found:
            _source(review, name, *found.refs)
            if found.spans:
                review.spans[name] = list(found.spans)


def _source(review: Review, name: str, *lines: int | None) -> None:
    found = [n for n in lines if n]
    if found:
        review.sources[name] = found


def _owner(review: Review, draft: dict[str, Any], units: list[OrgUnit]) -> None:
    """The most specific organisation name that is a unit of the fund's municipality."""
    org = draft.get("organisation") or {}
    lines = org.get("lines") or {}
    by_name = {u.name.casefold(): u for u in units}
    names = [
        (key, org.get(key)) for key in ("department", "administration", "committee") if org.get(key)
    ]
    for key, name in names:
        unit = by_name.get(str(name).casefold())
        if unit is not None:
            review.main["owner_unit"] = unit.pk
            _source(review, "owner_unit", lines.get(key))
            return
    if names:
        key, name = names[0]
        review.main["new_unit_name"] = name
        _source(review, "new_unit_name", lines.get(key))


def _period(review: Review, draft: dict[str, Any]) -> None:
    period = draft.get("period")
    if not period:
        return
    precision = period.get("precision", "day")
    review.main["start_date"] = _date(period["start"], precision, first=True)
    review.main["end_date"] = _date(period["end"], precision, first=False)
    _source(review, "start_date", period.get("line"))
    _source(review, "end_date", period.get("line"))


def _date(text: str, precision: str, *, first: bool) -> date:
    """ "2020" -> 1 January or 31 December 2020; "2014-09" -> the month's first or last day."""
    parts = [int(p) for p in text.split("-")]
    if precision == "year" or len(parts) == 1:
        return date(parts[0], 1, 1) if first else date(parts[0], 12, 31)
    if precision == "month" or len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1 if first else last)
    return date(parts[0], parts[1], parts[2])


def _amounts(review: Review, draft: dict[str, Any]) -> None:
    amounts = draft.get("amounts", [])
    for role, name in (
        ("sought", "sought_amount"),
        ("total", "sought_amount"),
        ("granted", "granted_amount"),
    ):
        if name in review.main or (role == "total" and not draft["kind"].startswith("application")):
            continue
        found = next((a for a in amounts if a["role"] == role), None)
        if found is not None:
            review.main[name] = Decimal(str(found["value_kr"]))
            _source(review, name, found["line"])
    if (
        "sought_amount" not in review.main
        and draft.get("budget")
        and draft["kind"].startswith("application")
    ):
        review.main["sought_amount"] = Decimal(str(draft["budget"]["grand_total_kr"]))


def _decisions(review: Review, draft: dict[str, Any]) -> None:
    org = draft.get("organisation") or {}
    body = draft.get("decision_body") or org.get("committee") or ""
    line = draft.get("decision_body_line") or (org.get("lines") or {}).get("committee")
    decisions = draft.get("decisions", [])
    text = "\n".join(f"{n}. {d['text']}" for n, d in enumerate(decisions, start=1))
    if "granted_amount" in review.main:
        review.main["decision_body"] = body
        _source(review, "decision_body", line)
    if draft["kind"] in REPORT_KINDS:
        review.main["closing_body"] = body
        review.main["closing_text"] = text
        _source(review, "closing_body", line)
        _source(review, "closing_text", *(d["line"] for d in decisions))
        if draft.get("date"):
            review.main["closing_decided_on"] = date.fromisoformat(draft["date"])
            _source(review, "closing_decided_on", draft.get("date_line"))
        if "ordinarie" in text.casefold():
            review.main["closing_outcome"] = ClosingOutcome.REGULAR_OPERATIONS


def _budget(review: Review, draft: dict[str, Any]) -> None:
    budget = draft.get("budget")
    if budget:
        notes = {f["marker"]: f["text"] for f in budget.get("footnotes", [])}
        review.budget_years = [int(y) for y in budget["years"]]
        review.budget = [
            {
                "category": category_code(row["label"]),
                "label": row["label"],
                "footnote": notes.get(row.get("footnote_markers") or "", ""),
                "amounts": {int(y): Decimal(str(v)) for y, v in row["cells"].items()},
                "line": row["line"],
            }
            for row in budget["rows"]
        ]
        return
    parts = [a for a in draft.get("amounts", []) if a["role"] == "budget_part" and a.get("year")]
    if parts:
        review.budget_years = sorted({int(a["year"]) for a in parts})
        amounts = {int(a["year"]): Decimal(str(a["value_kr"])) for a in parts}
        review.budget = [
            {
                "category": BudgetCategory.OTHER,
                "label": "",
                "footnote": "",
                "amounts": amounts,
                "line": parts[0]["line"],
            }
        ]


def category_code(label: str) -> str:
    text = label.casefold()
    return next((code for word, code in CATEGORY_WORDS if word in text), BudgetCategory.OTHER)


def method_code(text: str) -> str:
    lowered = text.casefold()
    return next(
        (code for word, code in METHOD_WORDS if word in lowered),
        MeasurementMethod.OTHER if text else MeasurementMethod.MANUAL,
    )
