"""The follow-up tables as XLSX for anyone who may see the project, always with the fund's
suppression applied (cells under the threshold and the cells that would reveal them hidden)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from sif.web.followup import selectors, xlsx
from sif.web.followup.views import _project

# --- export (suppressed) -------------------------------------------------------------------------


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The aggregate and per-unit tables as XLSX, with cells under the fund's threshold hidden."""
    from openpyxl import Workbook

    from sif.reports.xlsx import workbook_bytes

    project = _project(request, pk)
    threshold = project.fund.suppression_threshold
    wb = Workbook()
    ws = wb.active
    ws.title = "Per period"
    ws.append(["Indikator", "Period", "Insatsgrupp", "Jämförelsegrupp", "Enheter som rapporterat"])
    tables = selectors.indicator_tables(project, threshold=threshold)
    for table in tables:
        kind = table.indicator.unit
        for r in table.rows:
            if r.intervention is None and r.comparison is None:
                continue
            ws.append(
                [
                    table.indicator.name,
                    r.period.label,
                    _export_cell(r.intervention, threshold),
                    _export_cell(r.comparison, threshold),
                    r.intervention.units if r.intervention else 0,
                ]
            )
            for col in (3, 4):
                ws.cell(row=ws.max_row, column=col).number_format = _EXPORT_FORMATS.get(
                    kind, "0.00"
                )
    wu = wb.create_sheet("Per enhet")
    wu.append(["Indikator", "Period", "Enhet", "Värde"])
    for table in tables:
        for cell in table.by_unit:
            shown: Any = (
                f"dold (färre än {threshold})"
                if cell.hidden_reason == "below_threshold"
                else ("dold (skydd mot bakräkning)" if cell.hidden_reason else _number(cell.figure))
            )
            wu.append(
                [
                    table.indicator.name,
                    table.latest_period.label if table.latest_period else "",
                    cell.unit.name,
                    shown,
                ]
            )
            wu.cell(row=wu.max_row, column=4).number_format = _EXPORT_FORMATS.get(
                table.indicator.unit, "0.00"
            )
    wb.create_sheet("Om tabellen").append(
        [
            f"Celler som bygger på färre än {threshold} observationer är dolda, liksom en cell till när totalen annars skulle avslöja dem."
        ]
    )
    response = HttpResponse(workbook_bytes(wb), content_type=xlsx.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="uppfoljning-{project.pk}.xlsx"'
    return response


_EXPORT_FORMATS = {"share": "0.0%", "count": "#,##0", "score": "0.00"}


def _export_cell(figure: selectors.Aggregate | None, threshold: int) -> Any:
    """A real number for Excel (formatted by the cell's number format), or why it is hidden."""
    if figure is None:
        return None
    if figure.hidden:
        return (
            f"dold (färre än {threshold})"
            if figure.hidden == "below_threshold"
            else "dold (bygger på en dold cell)"
        )
    return _number(figure)


def _number(figure: selectors.Aggregate | None) -> float | None:
    return float(figure.value) if figure is not None and figure.value is not None else None
