"""The public transparency pages (no login) and the fund administrator's publishing page."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.policy.states import PUBLISHABLE_STATES
from sif.reports import charts
from sif.web.accounts.permissions import fund_or_404
from sif.web.projects.models import Project
from sif.web.public import opendata, selectors, services
from sif.web.public.forms import FundPublicationForm, ProjectPublicationForm
from sif.web.public.models import ProjectPublication


def _fund_or_404(pk: int) -> selectors.PublicFund:
    fund = selectors.published_fund(pk)
    if fund is None:
        raise Http404
    return selectors.public_fund(fund)


@require_GET
def fund_list(request: HttpRequest) -> HttpResponse:
    return render(request, "public/fund_list.html", {"funds": selectors.published_funds()})


@require_GET
def fund_page(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_or_404(pk)
    chart = ""
    if len(fund.balance_by_year) > 1:
        chart = charts.line_over_periods(
            _("Fondens saldo vid årets slut (mnkr)"),
            [str(year) for year, _amount in fund.balance_by_year],
            {
                _("Saldo"): [
                    float(amount / Decimal(1_000_000)) for _year, amount in fund.balance_by_year
                ]
            },
        )
    return render(
        request,
        "public/fund_page.html",
        {"fund": fund, "chart": chart, "files": opendata.DICTIONARY},
    )


def _download(text: str, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def projects_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(
        opendata.projects_csv(_fund_or_404(pk)), f"fond-{pk}-projekt.csv", "text/csv; charset=utf-8"
    )


@require_GET
def followup_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(
        opendata.followup_csv(_fund_or_404(pk)),
        f"fond-{pk}-uppfoljning.csv",
        "text/csv; charset=utf-8",
    )


@require_GET
def balance_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(
        opendata.balance_csv(_fund_or_404(pk)), f"fond-{pk}-saldo.csv", "text/csv; charset=utf-8"
    )


@require_GET
def fund_json(request: HttpRequest, pk: int) -> HttpResponse:
    response = JsonResponse(
        opendata.as_json(_fund_or_404(pk)), json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def dictionary(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/dictionary.html",
        {
            "files": opendata.DICTIONARY,
            "licence": opendata.LICENCE,
            "licence_url": opendata.LICENCE_URL,
        },
    )


@login_required
def publishing(request: HttpRequest, pk: int) -> HttpResponse:
    """The fund administrator's page: the fund's public page on or off, and which decided projects it shows."""
    fund = fund_or_404(request.user, "fund.publish", pk)  # another municipality's: not found
    if request.method == "POST":
        try:
            if "fund" in request.POST:
                form = FundPublicationForm(request.POST)
                if form.is_valid():
                    services.fund_publish(
                        user=request.user, fund=fund, published=form.cleaned_data["published"]
                    )
            else:
                pform = ProjectPublicationForm(request.POST)
                if pform.is_valid():
                    project = get_object_or_404(
                        Project, pk=pform.cleaned_data["project"], fund=fund
                    )
                    services.project_publish(
                        user=request.user,
                        project=project,
                        published=pform.cleaned_data["published"],
                        include_followup=pform.cleaned_data["include_followup"],
                    )
        except SifError as exc:
            messages.error(request, message_for_error(exc))
        else:
            messages.success(request, _("Ändringen är sparad."))
        return redirect("public:publishing", pk=fund.pk)
    publications = {p.project_id: p for p in ProjectPublication.objects.filter(project__fund=fund)}
    projects = (
        Project.objects.filter(fund=fund, state__in=PUBLISHABLE_STATES)
        .select_related("owner_unit")
        .order_by("title")
    )
    rows = [(p, publications.get(p.pk)) for p in projects]
    fund_published = bool(getattr(fund, "publication", None) and fund.publication.published)
    return render(
        request,
        "public/publishing.html",
        {"fund": fund, "rows": rows, "fund_published": fund_published},
    )
