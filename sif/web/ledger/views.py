"""Ledger pages: thin views over selectors and services. A fund or project the user may not see
answers 404; a refused booking shows the Swedish reason and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sif.calc import ledger as rules
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.accounts.permissions import can_view_project, fund_or_404, visible_projects
from sif.web.core.money import format_kr
from sif.web.core.paging import page_of, query_without_page
from sif.web.core.select import options_html
from sif.web.ledger import selectors, services
from sif.web.ledger.forms import AgreementForm, BookingForm, CorrectionForm
from sif.web.ledger.models import EntryKind, LedgerEntry
from sif.web.ledger.permissions import can_keep_ledger, can_view_fund
from sif.web.ledger.repayment import repayment_view
from sif.web.projects.models import Decision, Fund, Project

LEDGER_PAGE = 50  # entries per page of the fund ledger (issue 16: 100 rows cost 2× the demo page)


@dataclass(frozen=True)
class Figure:
    """One derived figure, its formula in words and the ledger filter that lists its entries."""

    code: str
    label: str
    value: Decimal
    kinds: tuple[str, ...]
    formula: str = ""

    def query(self) -> str:
        return urlencode([("typ", k) for k in self.kinds])


def fund_figures(t: rules.Totals) -> list[Figure]:
    A, C, D, R, W, V = (
        rules.ALLOCATION,
        rules.COMMITMENT,
        rules.DISBURSEMENT,
        rules.REPAYMENT,
        rules.WRITE_OFF,
        rules.WAIVER,
    )
    return [
        Figure("allocated", "Avsatt till fonden", t.allocated, (A,)),
        Figure("committed_total", "Beviljat", t.committed_total, (C,)),
        Figure("disbursed", "Utbetalt", t.disbursed, (D,)),
        Figure("repaid", "Återbetalt", t.repaid, (R,)),
        Figure(
            "written_off",
            "Avskrivet och efterskänkt",
            t.written_off + t.waived,
            (W, V),
            "avskrivna fordringar + efterskänkt",
        ),
        Figure("released", "Frigjort (beviljat men ej utbetalt, avskrivet)", t.released, (W,)),
        Figure("balance", "Saldo i fonden", t.balance, (A, D, R), "avsatt − utbetalt + återbetalt"),
        Figure(
            "committed",
            "Beviljat men ej utbetalt",
            t.committed,
            (C, D, W),
            "beviljat − utbetalt − frigjort",
        ),
        Figure(
            "available",
            "Tillgängligt att bevilja",
            t.available,
            (A, C, R, W),
            "avsatt + återbetalt + frigjort − beviljat",
        ),
    ]


def _fund(request: HttpRequest, pk: int) -> Fund:
    return fund_or_404(request.user, "fund.view", pk)


def _project(request: HttpRequest, pk: int) -> Project:
    project = get_object_or_404(
        visible_projects(request.user).select_related("fund", "fund__municipality"), pk=pk
    )
    if not can_view_project(request.user, project):
        raise Http404(message_for("project_not_found"))
    return project


@login_required
def fund_index(request: HttpRequest) -> HttpResponse:
    funds = list(selectors.funds_visible(request.user).order_by("name", "pk"))
    totals = selectors.totals_by_fund(funds)
    rows = [(fund, totals[fund.pk]) for fund in funds]
    return render(request, "ledger/fund_index.html", {"rows": rows})


@login_required
def fund_overview(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund(request, pk)
    t = selectors.fund_totals(fund)
    page = page_of(request, selectors.projects_with_entries(fund))
    context = {
        "fund": fund,
        "figures": fund_figures(t),
        "totals": t,
        "entry_count": LedgerEntry.objects.filter(fund=fund).count(),
        "project_rows": selectors.project_rows(fund, page.object_list),
        "page": page,
        "pager_query": query_without_page(request),
        "can_book": bool(can_keep_ledger(request.user, fund)),
    }
    return render(request, "ledger/fund_overview.html", context)


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


@login_required
def fund_ledger(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund(request, pk)
    can_book = bool(can_keep_ledger(request.user, fund))
    # the fund's projects as (pk, title), read once for the filter and the booking form
    project_choices = list(
        Project.objects.filter(fund=fund).order_by("title", "pk").values_list("pk", "title")
    )
    form = BookingForm(request.POST or None, fund=fund, project_choices=project_choices)
    error = ""
    if request.method == "POST":
        if not can_book:
            raise PermissionDenied(message_for("permission_denied"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.ledger_book(
                    actor=request.user,
                    fund=fund,
                    kind=data["kind"],
                    project=data["project"],
                    amount=data["amount"],
                    booked_on=data["booked_on"],
                    text=data["text"],
                    reference=data["reference"],
                    write_off_of=data["write_off_of"],
                )
            except SifError as exc:
                error = message_for_error(exc)
            else:
                messages.success(request, f"Posten är bokförd (post {entry.number}).")
                return redirect("ledger:ledger", pk=fund.pk)
        else:
            error = message_for("invalid_input")
    booked = set(
        LedgerEntry.objects.filter(fund=fund, project__isnull=False)
        .values_list("project_id", flat=True)
        .distinct()
        .order_by()
    )
    kinds = [k for k in request.GET.getlist("typ") if k in EntryKind.values]
    project_id, year = _int(request.GET.get("projekt")), _int(request.GET.get("ar"))
    shown = selectors.LedgerFilter(kinds=kinds, project_id=project_id, year=year)
    page = page_of(request, selectors.entries_filtered(fund, shown), per_page=LEDGER_PAGE)
    context = {
        "fund": fund,
        "entries": [_ledger_row(e, fund) for e in selectors.entries_shown(list(page.object_list))],
        "page": page,
        "pager_query": query_without_page(request),
        "entry_count": LedgerEntry.objects.filter(fund=fund).count(),
        "shown_totals": selectors.shown_totals(fund, shown),
        "kinds": kinds,
        "kind_choices": EntryKind.choices,
        "project_id": project_id,
        "year": year,
        # the filter offers the projects that have entries (a fund's 331 projects, 18 booked)
        "project_options": options_html(
            [(pk, title) for pk, title in project_choices if pk in booked], [project_id]
        ),
        "years": selectors.booking_years(fund),
        "can_book": can_book,
        "form": form,
        "error": error,
        "correction_form": CorrectionForm(),
    }
    return render(request, "ledger/fund_ledger.html", context, status=400 if error else 200)


def _ledger_row(entry: LedgerEntry, fund: Fund) -> dict[str, Any]:
    """One line of the fund ledger with its texts and links made here: the template language's
    URL tags, filters and display methods cost about 1 ms a line, 50 lines a page (issue 16)."""
    author = entry.created_by
    reversed_by = getattr(entry, "reversed_by", None)  # the reverse one-to-one raises when absent
    kind = entry.get_kind_display()
    if entry.write_off_of:
        kind = f"{kind} ({entry.get_write_off_of_display()})"
    return {
        "pk": entry.pk,
        "number": entry.number,
        "booked_on": entry.booked_on.isoformat(),
        "kind": kind,
        "reverses": entry.reverses,
        "reversed_by": reversed_by,
        "project_title": entry.project.title if entry.project else "",
        "project_url": reverse("ledger:repayment", args=[entry.project_id])
        if entry.project
        else "",
        "amount": format_kr(entry.amount),
        "negative": entry.sign < 0,
        "reference": entry.reference,
        "text": entry.text,
        "author": (author.get_full_name() or author.username) if author else "–",
        "correctable": entry.kind != EntryKind.CORRECTION and reversed_by is None,
        "correct_url": reverse("ledger:correct", args=[fund.pk, entry.pk]),
    }


@login_required
@require_POST
def entry_correct(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    fund = _fund(request, pk)
    entry = get_object_or_404(LedgerEntry, pk=entry_id, fund=fund)
    form = CorrectionForm(request.POST)
    try:
        correction = services.ledger_correct(
            actor=request.user, entry=entry, reason=form.data.get("reason", "")
        )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    else:
        messages.success(request, f"Post {entry.number} är rättad med post {correction.number}.")
    return redirect(reverse("ledger:ledger", kwargs={"pk": fund.pk}) + f"#post-{entry.pk}")


@login_required
def project_repayment(
    request: HttpRequest, pk: int, agreement_form: AgreementForm | None = None, error: str = ""
) -> HttpResponse:
    project = _project(request, pk)
    entries = selectors.project_entries(project)
    agreement = selectors.agreement_current(project)
    can_book = bool(can_keep_ledger(request.user, project.fund))
    if agreement_form is None:
        initial: dict[str, Any] = {
            "rule": agreement.rule
            if agreement
            else project.repayment_rule or project.fund.repayment_rule,
            "version": agreement.version if agreement else 0,
        }
        if agreement:
            initial.update(agreement.parameters, agreed_on=agreement.agreed_on, note=agreement.note)
        agreement_form = AgreementForm(initial=initial)
    context = {
        "project": project,
        "entries": entries,
        "view": repayment_view(project, entries, agreement),
        "versions": selectors.agreement_versions(project),
        "decisions": selectors.decisions_to_book(project, entries),
        "can_book": can_book,
        "can_view_fund": bool(can_view_fund(request.user, project.fund)),
        "agreement_form": agreement_form,
        "error": error,
    }
    return render(request, "ledger/project_repayment.html", context, status=400 if error else 200)


@login_required
@require_POST
def agreement_save(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    form = AgreementForm(request.POST)
    if not form.is_valid():
        return project_repayment(
            request, pk, agreement_form=form, error=message_for("invalid_input")
        )
    try:
        agreement = services.repayment_agreement_save(
            actor=request.user,
            project=project,
            rule=form.cleaned_data["rule"],
            parameters=form.parameters(),
            agreed_on=form.cleaned_data["agreed_on"],
            note=form.cleaned_data["note"],
            version=form.cleaned_data["version"],
        )
    except SifError as exc:
        return project_repayment(request, pk, agreement_form=form, error=message_for_error(exc))
    messages.success(request, f"Överenskommelsen sparades som version {agreement.version}.")
    return redirect("ledger:repayment", pk=project.pk)


@login_required
@require_POST
def decision_book(request: HttpRequest, pk: int, decision_id: int) -> HttpResponse:
    project = _project(request, pk)
    decision = get_object_or_404(Decision, pk=decision_id, project=project)
    try:
        entry = services.ledger_commit_decision(actor=request.user, decision=decision)
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    else:
        messages.success(request, f"Beviljat belopp bokfört (post {entry.pk}).")
    return redirect("ledger:repayment", pk=project.pk)
