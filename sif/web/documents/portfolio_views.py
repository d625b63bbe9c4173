"""The portfolio page and its downloads, for the fund administrators of the fund's municipality;
filters by state, unit and year come from a Django form and apply to the page and the files.

The page reads sums and one page of projects from the database (portfolio_selectors), so it asks
the same number of questions for 3 projects as for 300 (issue 16); the report with the projected
balance and the gains, which are computed project by project, is the download."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sif.messages import message_for
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import fund_or_404, funds_for
from sif.web.core import choice_fields
from sif.web.core.paging import page_of, query_without_page
from sif.web.documents import portfolio_selectors as selectors
from sif.web.documents.cache import rendered
from sif.web.documents.portfolio import Filters, portfolio
from sif.web.documents.render import CONTENT_TYPES
from sif.web.projects.models import Fund, ProjectState
from sif.web.tasks import views as tasks


class PortfolioFilterForm(forms.Form):
    status = forms.MultipleChoiceField(
        label="Status",
        choices=ProjectState.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    enhet = choice_fields.ModelChoiceField(
        label="Enhet", queryset=OrgUnit.objects.none(), required=False, empty_label="Alla enheter"
    )
    ar = forms.IntegerField(
        label="År",
        required=False,
        min_value=1990,
        max_value=2100,
        help_text="Projekt som pågår under året.",
    )

    def __init__(self, *args: Any, fund: Fund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enhet"].queryset = OrgUnit.objects.filter(
            municipality_id=fund.municipality_id
        ).order_by("name")  # type: ignore[attr-defined]

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        unit = self.cleaned_data.get("enhet")
        return Filters(
            tuple(self.cleaned_data.get("status") or ()),
            unit.pk if unit else None,
            self.cleaned_data.get("ar"),
        )


PAGE_PROJECTS = 50  # projects per page of the portfolio page


def _fund(request: HttpRequest, pk: int) -> Fund:
    return fund_or_404(request.user, "document.portfolio", pk)


@login_required
def portfolio_index(request: HttpRequest) -> HttpResponse:
    funds = list(funds_for(request.user, "document.portfolio").order_by("name", "pk"))
    if len(funds) == 1:
        return redirect("documents:portfolio_page", pk=funds[0].pk)
    return render(request, "documents/portfolio_index.html", {"funds": funds})


@login_required
def portfolio_page(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund(request, pk)
    form = PortfolioFilterForm(request.GET or None, fund=fund)
    filters = form.filters() if form.is_bound else Filters()
    states = selectors.state_rows(fund, filters)
    page = page_of(request, selectors.projects_shown(fund, filters), per_page=PAGE_PROJECTS)
    balance, years = Decimal(0), []
    for year, totals in selectors.booked_by_year(fund):
        balance += totals.balance
        years.append((year, totals, balance))
    context = {
        "fund": fund,
        "form": form,
        "states": states,
        "total": selectors.state_total(states),
        "rows": selectors.project_rows(fund, page.object_list),
        "page": page,
        "pager_query": query_without_page(request),
        "years": years,
        "query": query_without_page(request),
        "filtered": bool(filters.describe()),
    }
    return render(request, "documents/portfolio.html", context)


@login_required
def portfolio_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    fund = _fund(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404(message_for("fund_not_found"))
    form = PortfolioFilterForm(request.GET or None, fund=fund)
    filters = form.filters() if form.is_bound else Filters()
    if settings.DOCUMENTS_IN_BACKGROUND and fmt != "xlsx":  # a PDF of 300 projects takes seconds
        return tasks.start(
            request,
            kind="portfolio",
            fmt=fmt,
            filename=f"portfolj-{fund.pk}",
            fund=fund,
            filters={
                "states": list(filters.states),
                "unit_id": filters.unit_id,
                "year": filters.year,
            },
        )
    document = portfolio(fund, filters)
    response = HttpResponse(rendered(document, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="portfolj-{fund.pk}.{fmt}"'
    return response
