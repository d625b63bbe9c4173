"""The XLSX template SIF generates per project and period, and the parser for the filled-in file.

The template has three sheets: "Info" (which project and period it is for), "Mätvärden" (one row
per indicator × unit × group) and "Aktiviteter" (one row per activity × unit). The parser reads
columns by their header, so a reporter may reorder or hide columns; it never writes anything.
Activity rows carry the parent split (with/only mother/father) and women/men, checked like the form.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.reports.xlsx import workbook_bytes
from sif.web.accounts.models import OrgUnit
from sif.web.core.uploads import check_xlsx_archive, upload_limits
from sif.web.followup.measurement_rows import RawActivity, RawMeasurement
from sif.web.followup.models import ActivityCount, Group, Measurement, ReportingPeriod
from sif.web.projects.models import IndicatorUnit, Project

INFO_SHEET = "Info"
MEASUREMENT_SHEET = "Mätvärden"
ACTIVITY_SHEET = "Aktiviteter"
M_HEADERS = [
    "Indikator-id",
    "Indikator",
    "Enhet",
    "Enhets-id",
    "Rapporterande enhet",
    "Grupp",
    "Värde",
    "Täljare",
    "Nämnare",
]
A_HEADERS = [
    "Enhets-id",
    "Rapporterande enhet",
    "Aktivitetskod",
    "Aktivitet",
    "Totalt",
    "Med mamma",
    "Med pappa",
    "Endast mamma",
    "Endast pappa",
    "Kvinnor",
    "Män",
]
A_PARTS = (
    "with_mother",
    "with_father",
    "single_mother",
    "single_father",
    "women",
    "men",
)  # the columns after "Totalt"
GROUP_TEXT = {Group.INTERVENTION: "insatsgrupp", Group.COMPARISON: "jämförelsegrupp"}
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_HEADER_FONT = Font(bold=True)
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")


def _header(ws: Any, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = _HEADER_FONT
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"


def template_workbook(project: Project, period: ReportingPeriod, units: list[OrgUnit]) -> bytes:
    """A workbook to fill in for these units (the reporter's own), prefilled with stored figures."""
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    info.append(["SIF – mall för uppföljning"])
    info.append(["Projekt-id", project.pk])
    info.append(["Period-id", period.pk])
    info.append(["Projekt", project.title])
    info.append(["Period", period.label])
    info.append(["Rapporteringen stänger", period.closes_at.isoformat()])
    info.append([])
    info.append(
        [
            "Fyll i de gula cellerna. Andelar: täljare och nämnare. Antal: värde. Skattningar: värde (och antal mätta i nämnaren)."
        ]
    )
    info.append(
        [
            "Aktiviteter: totalt och, där det är känt, med/endast mamma/pappa samt kvinnor och män (heltal, högst totalt)."
        ]
    )
    info.append(["Skriv inga personuppgifter i filen: bara antal per enhet."])
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 60

    stored = {
        (m.indicator_id, m.unit_id, m.group): m for m in Measurement.objects.filter(period=period)
    }
    ws = wb.create_sheet(MEASUREMENT_SHEET)
    _header(ws, M_HEADERS, [12, 60, 10, 10, 28, 16, 10, 10, 10])
    for indicator in project.indicators.all():
        groups = [Group.INTERVENTION] + ([Group.COMPARISON] if indicator.comparison_group else [])
        for unit in units:
            for group in groups:
                m = stored.get((indicator.pk, unit.pk, group))
                ws.append(
                    [
                        indicator.pk,
                        indicator.name,
                        str(IndicatorUnit(indicator.unit).label),
                        unit.pk,
                        unit.name,
                        GROUP_TEXT[group],
                        m.value if m else None,
                        m.numerator if m else None,
                        m.denominator if m else None,
                    ]
                )
                for col in (7, 8, 9):
                    ws.cell(row=ws.max_row, column=col).fill = _INPUT_FILL

    counts = {(a.activity_id, a.unit_id): a for a in ActivityCount.objects.filter(period=period)}
    wa = wb.create_sheet(ACTIVITY_SHEET)
    _header(wa, A_HEADERS, [10, 28, 18, 36, 10, 12, 12, 14, 14, 10, 10])
    for activity in project.activity_types.all():
        for unit in units:
            a = counts.get((activity.pk, unit.pk))
            parts = [getattr(a, p) if a else None for p in A_PARTS]
            wa.append(
                [unit.pk, unit.name, activity.code, activity.label, a.total if a else None, *parts]
            )
            for col in range(5, 5 + 1 + len(A_PARTS)):
                wa.cell(row=wa.max_row, column=col).fill = _INPUT_FILL
    return workbook_bytes(wb)


@dataclass
class ParsedWorkbook:
    project_id: Any
    period_id: Any
    measurements: list[RawMeasurement] = field(default_factory=list)
    activities: list[RawActivity] = field(default_factory=list)


def _columns(header_row: tuple[Any, ...], wanted: list[str]) -> dict[str, int]:
    names = [str(h).strip() if h is not None else "" for h in header_row]
    return {name: names.index(name) for name in wanted if name in names}


def _cell(row: tuple[Any, ...], cols: dict[str, int], name: str) -> Any:
    i = cols.get(name)
    return row[i] if i is not None and i < len(row) else None


def _refuse_identity_numbers(wb: Any) -> None:
    """The whole file is refused when any cell holds a personal identity number (sif.calc.privacy),
    naming the sheet and cell; nothing from it is read or stored."""
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    check_no_personal_identity_number(
                        cell.value, f"bladet {sheet.title}, cell {cell.coordinate}"
                    )
                elif isinstance(cell.value, int) and 10**9 <= cell.value < 10**12:
                    check_no_personal_identity_number(
                        str(cell.value), f"bladet {sheet.title}, cell {cell.coordinate}"
                    )


def parse_workbook(data: bytes, filename: str) -> ParsedWorkbook:
    """Rows as written; `not_xlsx` when the file is not an XLSX workbook made from the template.
    The archive is checked before openpyxl opens it, and reading stops at the row limit."""
    check_xlsx_archive(data, filename)
    max_rows = upload_limits().max_rows
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise SifError("not_xlsx", filename=filename) from None
    try:
        _refuse_identity_numbers(wb)
        if INFO_SHEET not in wb.sheetnames:
            raise SifError("wrong_file_for_period", period="perioden")
        info = {
            str(r[0]).strip(): r[1]
            for r in wb[INFO_SHEET].iter_rows(min_row=1, max_row=10, values_only=True)
            if r and r[0] is not None and len(r) > 1
        }
        parsed = ParsedWorkbook(project_id=info.get("Projekt-id"), period_id=info.get("Period-id"))
        if MEASUREMENT_SHEET in wb.sheetnames:
            rows = wb[MEASUREMENT_SHEET].iter_rows(values_only=True)
            cols = _columns(next(rows, ()), M_HEADERS)
            for number, row in enumerate(rows, start=2):
                _check_row_limit(number, max_rows, filename)
                if not any(v is not None and str(v).strip() for v in row):
                    continue
                parsed.measurements.append(
                    RawMeasurement(
                        row=number,
                        indicator=_cell(row, cols, "Indikator-id") or _cell(row, cols, "Indikator"),
                        unit=_cell(row, cols, "Enhets-id")
                        or _cell(row, cols, "Rapporterande enhet"),
                        group=_cell(row, cols, "Grupp") or "",
                        value=_cell(row, cols, "Värde"),
                        numerator=_cell(row, cols, "Täljare"),
                        denominator=_cell(row, cols, "Nämnare"),
                    )
                )
        if ACTIVITY_SHEET in wb.sheetnames:
            rows = wb[ACTIVITY_SHEET].iter_rows(values_only=True)
            cols = _columns(next(rows, ()), A_HEADERS)
            for number, row in enumerate(rows, start=2):
                _check_row_limit(number, max_rows, filename)
                if not any(v is not None and str(v).strip() for v in row):
                    continue
                parsed.activities.append(
                    RawActivity(
                        row=number,
                        unit=_cell(row, cols, "Enhets-id")
                        or _cell(row, cols, "Rapporterande enhet"),
                        activity=_cell(row, cols, "Aktivitetskod"),
                        total=_cell(row, cols, "Totalt"),
                        with_mother=_cell(row, cols, "Med mamma"),
                        with_father=_cell(row, cols, "Med pappa"),
                        single_mother=_cell(row, cols, "Endast mamma"),
                        single_father=_cell(row, cols, "Endast pappa"),
                        women=_cell(row, cols, "Kvinnor"),
                        men=_cell(row, cols, "Män"),
                    )
                )
    finally:
        wb.close()
    return parsed


def _check_row_limit(number: int, max_rows: int, filename: str) -> None:
    if number > max_rows + 1:
        raise SifError("upload_too_many_rows", filename=filename, limit=max_rows)


def check_workbook_is_for(
    parsed: ParsedWorkbook, project: Project, period: ReportingPeriod
) -> None:
    def same(raw: Any, pk: int) -> bool:
        try:
            return int(raw) == pk
        except (TypeError, ValueError):
            return False

    if not (same(parsed.project_id, project.pk) and same(parsed.period_id, period.pk)):
        raise SifError("wrong_file_for_period", period=period.label)


# --- the import flow: parse -> preview (nothing written) -> confirm (all rows or none) ----------


def measurements_import_preview(
    *, actor: Any, project: Project, period: ReportingPeriod, data: bytes, filename: str
) -> tuple[Any, ParsedWorkbook]:
    """Parse an uploaded file and plan it: the preview lists rows to store and rows refused."""
    from sif.web.followup.measurement_plan import measurements_plan, upload_allowed

    upload_allowed(
        actor=actor, project=project, period=period
    )  # who and when, before reading a byte
    parsed = parse_workbook(data, filename)
    check_workbook_is_for(parsed, project, period)
    preview = measurements_plan(
        actor=actor,
        project=project,
        period=period,
        measurements=parsed.measurements,
        activities=parsed.activities,
    )
    return preview, parsed


def measurements_import_confirm(
    *,
    actor: Any,
    project: Project,
    period: ReportingPeriod,
    parsed: ParsedWorkbook,
    confirmed: bool = False,
) -> Any:
    """Store the previewed file in one transaction; refused as a whole if any row is refused now."""
    from sif.web.followup.measurement_store import measurements_store

    return measurements_store(
        actor=actor,
        project=project,
        period=period,
        measurements=parsed.measurements,
        activities=parsed.activities,
        source="xlsx",
        confirmed=confirmed,
    )


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float) else str(value)


def parsed_to_json(parsed: ParsedWorkbook) -> dict[str, Any]:
    """A JSON-safe copy for the session between preview and confirm."""
    return {
        "project_id": _plain(parsed.project_id),
        "period_id": _plain(parsed.period_id),
        "measurements": [{k: _plain(v) for k, v in vars(m).items()} for m in parsed.measurements],
        "activities": [{k: _plain(v) for k, v in vars(a).items()} for a in parsed.activities],
    }


def parsed_from_json(data: dict[str, Any]) -> ParsedWorkbook:
    return ParsedWorkbook(
        project_id=data["project_id"],
        period_id=data["period_id"],
        measurements=[RawMeasurement(**m) for m in data["measurements"]],
        activities=[RawActivity(**a) for a in data["activities"]],
    )
