"""Import pages: upload (stage) -> batch (one row per file) -> review (correct, confirm).

Thin: staging keeps the files outside the database, the forms parse, `import_confirm` writes.
A batch belongs to the user who uploaded it; anyone else gets 404.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.accounts import permissions as perms
from sif.web.accounts.models import OrgUnit
from sif.web.imports import staging
from sif.web.imports.drafts import KIND_LABELS, Review, review_initial
from sif.web.imports.forms import (
    BudgetFormSet,
    ContactFormSet,
    IndicatorFormSet,
    ProposalFormSet,
    ReviewForm,
    UploadForm,
)
from sif.web.imports.jobs import batch_stage_and_read
from sif.web.imports.selectors import similar_projects_list
from sif.web.imports.services import ImportPlan, import_confirm
from sif.web.projects.models import Fund
from sif.web.tasks.views import REFRESH_SECONDS

SAME_LABELS = {
    "title": gettext_lazy("samma namn"),
    "registration_number": gettext_lazy("samma diarienummer"),
    "owner_unit": gettext_lazy("samma ansvariga enhet"),
    "sought_amount": gettext_lazy("samma sökta belopp"),
}
SECTION_FOR_CODE = {
    "budget": ("budget_", "sought_amount_without_budget"),
    "contacts": ("contact_",),
    "indicators": ("indicator_",),
    "proposals": ("import_no_proposals", "review_"),
}
FIELD_FOR_CODE = {
    "title_required": "title",
    "end_before_start": "end_date",
    "budget_period_missing": "start_date",
    "sought_amount_differs_from_budget": "sought_amount",
    "sought_amount_without_budget": "sought_amount",
    "decision_amount_required": "granted_amount",
    "decision_amount_invalid": "granted_amount",
    "decision_amount_negative": "granted_amount",
    "import_granted_needs_state": "granted_amount",
    "closing_outcome_required": "closing_outcome",
    "closing_outcome_unknown": "closing_outcome",
    "import_state_for_admins": "state",
    "state_unknown": "state",
    "import_owner_unit_required": "owner_unit",
    "unit_outside_municipality": "owner_unit",
    "org_unit_create_denied": "new_unit_name",
    "org_unit_name_required": "new_unit_name",
    "org_unit_exists": "new_unit_name",
    "permission_denied": "owner_unit",
}


def _import_funds(user: Any) -> QuerySet[Fund]:
    ids = {
        m.municipality_id
        for m in perms.user_memberships(user)
        if perms.check(user, "import.documents", m.municipality_id)
    }
    return Fund.objects.filter(municipality_id__in=ids).order_by("name", "pk")


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    funds = _import_funds(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, funds=funds)
    if request.method == "POST" and form.is_valid():
        fund = form.cleaned_data["fund"]
        uploads = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        batch = batch_stage_and_read(
            user_id=request.user.pk,
            fund_id=fund.pk,
            municipality_id=fund.municipality_id,
            uploads=uploads,
        )
        return redirect("imports:batch", batch_id=batch.id)
    return render(request, "imports/upload.html", {"form": form, "no_funds": not funds.exists()})


def _batch_or_404(request: HttpRequest, batch_id: str) -> staging.Batch:
    batch = staging.batch_get(batch_id, user_id=request.user.pk)
    if batch is None or batch.fund_id not in set(
        _import_funds(request.user).values_list("pk", flat=True)
    ):
        raise Http404(_("Importen finns inte."))
    return batch


@login_required
def batch_detail(request: HttpRequest, batch_id: str) -> HttpResponse:
    batch = _batch_or_404(request, batch_id)
    fund = Fund.objects.get(pk=batch.fund_id)
    for f in batch.files:
        f.kind_label = KIND_LABELS.get(f.kind, f.kind)  # type: ignore[attr-defined]
    response = render(
        request,
        "imports/batch.html",
        {"batch": batch, "fund": fund, "read": len(batch.files) - batch.waiting},
    )
    if (
        batch.waiting
    ):  # reloads itself (a header: the CSP allows no script) until every file is read
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


class Screen:
    """The review screen's forms, bound to the POST or filled from the staged draft."""

    def __init__(self, request: HttpRequest, batch: staging.Batch, index: int, fund: Fund) -> None:
        self.fund = fund
        self.staged = batch.result(index)
        draft = self.staged["result"]
        units = OrgUnit.objects.filter(municipality_id=fund.municipality_id).order_by("name", "pk")
        self.admin = bool(perms.check(request.user, "project.import", fund))
        self.review: Review = review_initial(
            draft, list(units), batch.files[index].name, self.staged["lines"]
        )
        data = request.POST if request.method == "POST" else None
        r = self.review
        self.form = ReviewForm(data, initial=r.main, units=units, admin=self.admin)
        self.budget = BudgetFormSet(
            data, prefix="budget", initial=r.budget, form_kwargs={"years": r.budget_years}
        )
        self.contacts = ContactFormSet(data, prefix="contacts", initial=r.contacts)
        self.indicators = IndicatorFormSet(data, prefix="indicators", initial=r.indicators)
        self.proposals = ProposalFormSet(data, prefix="proposals", initial=r.proposals)
        self.section_errors: dict[str, str] = {}
        self.kind: str = draft["kind"]

    def forms(self) -> list[Any]:
        return [self.form, self.budget, self.contacts, self.indicators, self.proposals]

    def valid(self) -> bool:
        return all(f.is_valid() for f in self.forms())

    def plan(self, filename: str, content: bytes) -> ImportPlan:
        d = self.form.cleaned_data
        keys = (
            "title",
            "owner_unit",
            "new_unit_name",
            "new_unit_kind",
            "registration_number",
            "start_date",
            "end_date",
            "summary",
            "purpose",
            "goals",
            "target_group",
            "lessons",
            "sought_amount",
            "granted_amount",
            "decision_body",
            "decided_on",
            "closing_body",
            "closing_decided_on",
            "closing_outcome",
            "closing_text",
        )
        return ImportPlan(
            filename=filename,
            content=content,
            kind=self.kind,
            state=d["state"],
            budget=[row for f in self.budget if (row := f.row()) is not None],
            contacts=[c for f in self.contacts if (c := f.contact()) is not None],
            indicators=[i for f in self.indicators if (i := f.indicator()) is not None],
            proposals=[p for f in self.proposals if (p := f.proposal()) is not None],
            **{k: d[k] for k in keys},
        )

    def show(self, error: SifError, plan: ImportPlan) -> None:
        """The Swedish message at the field (or section) the refused value came from."""
        text = message_for_error(error)
        field = FIELD_FOR_CODE.get(error.code) or str(error.params.get("field", ""))
        if error.code == "decision_body_required":
            field = (
                "decision_body"
                if plan.granted_amount is not None and not plan.decision_body.strip()
                else "closing_body"
            )
        if error.code.startswith("budget_amount") and error.params.get("label") == "sought_amount":
            field = "sought_amount"
        if field in self.form.fields:
            self.form.add_error(field, text)
            return
        section = next(
            (s for s, codes in SECTION_FOR_CODE.items() if error.code.startswith(codes)), ""
        )
        if section:
            self.section_errors[section] = text
        self.form.add_error(None, text)

    def lines(self) -> list[dict[str, Any]]:
        used = {n for ns in self.review.sources.values() for n in ns}
        used |= {
            n
            for spans in self.review.spans.values()
            for first, last in spans
            for n in range(first, last + 1)
        }
        used |= {
            row["line"]
            for rows in (
                self.review.budget,
                self.review.contacts,
                self.review.indicators,
                self.review.proposals,
            )
            for row in rows
        }
        return [
            {"number": n, "text": t, "page": p, "used": n in used}
            for n, t, p in self.staged["lines"]
        ]

    def context(self, batch: staging.Batch, index: int) -> dict[str, Any]:
        text_by_line = {n: t for n, t, _p in self.staged["lines"]}
        sources = {
            name: [(n, text_by_line.get(n, "")) for n in ns]
            for name, ns in self.review.sources.items()
        }
        rows = [
            ("budget", self.budget, self.review.budget),
            ("contacts", self.contacts, self.review.contacts),
            ("indicators", self.indicators, self.review.indicators),
            ("proposals", self.proposals, self.review.proposals),
        ]
        row_sources = {
            name: [(f, _row_source(initial, i, text_by_line)) for i, f in enumerate(fs)]
            for name, fs, initial in rows
        }
        main_fields = [
            (self.form[name], sources.get(name, []), self.review.spans.get(name, []))
            for name in self.form.fields
        ]
        return {
            "batch": batch,
            "index": index,
            "file": batch.files[index],
            "fund": self.fund,
            "screen": self,
            "form": self.form,
            "main_fields": main_fields,
            "rows": row_sources,
            "budget_years": self.review.budget_years,
            "draft": self.staged["result"],
            "kind_label": KIND_LABELS.get(self.kind, self.kind),
            "lines": self.lines(),
            "similar": self.similar(),
        }

    def similar(self) -> list[dict[str, Any]]:
        """Existing projects this draft may duplicate, each with what it has in common."""
        main = self.review.main
        sought = main.get("sought_amount")
        found = similar_projects_list(
            municipality_id=self.fund.municipality_id,
            title=str(main.get("title") or ""),
            registration_number=str(main.get("registration_number") or ""),
            owner_unit_id=main.get("owner_unit"),
            sought_amount=sought if isinstance(sought, Decimal) else None,
        )
        return [
            {"project": s.project, "same": [str(SAME_LABELS[code]) for code in s.same]}
            for s in found
        ]


def _row_source(
    initial: list[dict[str, Any]], i: int, text_by_line: dict[int, str]
) -> list[tuple[int, str]]:
    if i < len(initial) and initial[i].get("line"):
        n = initial[i]["line"]
        return [(n, text_by_line.get(n, ""))]
    return []


@login_required
def review(request: HttpRequest, batch_id: str, index: int) -> HttpResponse:
    batch = _batch_or_404(request, batch_id)
    staged = batch.file(index)
    if staged is not None and staged.waiting:
        return redirect("imports:batch", batch_id=batch.id)
    if staged is None or not staged.ok:
        raise Http404(_("Filen finns inte i importen."))
    if staged.confirmed:
        messages.info(request, message_for("import_already_confirmed", filename=staged.name))
        return redirect("imports:batch", batch_id=batch.id)
    fund = Fund.objects.select_related("municipality").get(pk=batch.fund_id)
    screen = Screen(request, batch, index, fund)
    if request.method == "POST" and screen.valid():
        plan = screen.plan(staged.name, batch.content(index))
        try:
            projects = import_confirm(actor=request.user, fund=fund, plan=plan)
        except SifError as error:
            screen.show(error, plan)
        else:
            staging.file_confirmed(batch, index, [p.pk for p in projects])
            messages.success(request, _("%(file)s är importerad.") % {"file": staged.name})
            if len(projects) == 1:
                return redirect("projects:detail", pk=projects[0].pk)
            return redirect("imports:batch", batch_id=batch.id)
    return render(
        request,
        "imports/review.html",
        screen.context(batch, index),
        status=400 if request.method == "POST" else 200,
    )
