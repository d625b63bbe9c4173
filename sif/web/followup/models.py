"""Follow-up: reporting periods, measurements per unit, activity counts with a gender split,
spindelmätning and status reports.

Only figures per unit and period are stored, never a person. Every row that is a made-up example
(the seeds do not give the figure) carries `is_example` and is shown with the "Exempeldata" badge.
The service modules (service_support.py names them) are the only writers.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    TERTIAL = "tertial", _("tertial")
    HALF_YEAR = "half_year", _("halvår")
    YEAR = "year", _("år")
    OCCASION = "occasion", _("mättillfälle")
    PROJECT = "project", _("hela projektperioden")


class ReportingPeriod(models.Model):
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        related_name="reporting_periods",
        verbose_name=_("projekt"),
    )
    kind = models.CharField(
        _("typ"), max_length=20, choices=PeriodKind.choices, default=PeriodKind.TERTIAL
    )
    label = models.CharField(_("benämning"), max_length=60, help_text=_("T.ex. 'T1 2020'."))
    start = models.DateField(_("periodens början"))
    end = models.DateField(_("periodens slut"))
    opens_at = models.DateField(_("rapportering öppnar"))
    closes_at = models.DateField(_("rapportering stänger"))
    closed_at = models.DateTimeField(
        _("stängd"), null=True, blank=True, help_text=_("Satt när perioden stängts i förtid.")
    )
    is_example = models.BooleanField(_("exempeldata"), default=False)

    class Meta:
        verbose_name = _("rapporteringsperiod")
        verbose_name_plural = _("rapporteringsperioder")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "label"], name="period_label_unique_in_project"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="period_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__gte=models.F("opens_at")),
                name="period_closes_not_before_opens",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def is_closed(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is not None or today > self.closes_at

    def is_open(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return not self.is_closed(today) and today >= self.opens_at


class Group(models.TextChoices):
    INTERVENTION = "intervention", _("insatsgrupp")
    COMPARISON = "comparison", _("jämförelsegrupp")


class Measurement(models.Model):
    """One unit's figure for one indicator in one period and group.

    Counts use `value`; shares use numerator and denominator; scores use `value` and, as weight,
    the number measured in `denominator`.
    """

    indicator = models.ForeignKey(
        "projects.Indicator",
        on_delete=models.PROTECT,
        related_name="measurements",
        verbose_name=_("indikator"),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="measurements",
        verbose_name=_("period"),
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("enhet")
    )
    group = models.CharField(
        _("grupp"), max_length=20, choices=Group.choices, default=Group.INTERVENTION
    )
    value = models.DecimalField(_("värde"), max_digits=15, decimal_places=4, null=True, blank=True)
    numerator = models.PositiveIntegerField(_("täljare"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("nämnare"), null=True, blank=True)
    is_example = models.BooleanField(_("exempeldata"), default=False)
    example_note = models.CharField(_("om exempeldata"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("registrerad"), auto_now=True)

    class Meta:
        verbose_name = _("mätvärde")
        verbose_name_plural = _("mätvärden")
        ordering = ["indicator__position", "indicator_id", "period__start", "unit__name", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "unit", "group"], name="measurement_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(numerator__isnull=True)
                | models.Q(denominator__isnull=True)
                | models.Q(numerator__lte=models.F("denominator")),
                name="measurement_numerator_le_denominator",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False)
                | models.Q(numerator__isnull=False, denominator__isnull=False),
                name="measurement_has_a_figure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.period_id}/{self.unit_id}/{self.group}"


class Qualifier(models.TextChoices):
    EXACT = "exact", ""
    OVER = "over", _("drygt")
    ABOUT = "about", _("ca")


class ActivityType(models.Model):
    """An activity a project counts, e.g. home_visits, families, conversations, unique_parents."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="activity_types"
    )
    code = models.SlugField(_("kod"), max_length=40)
    label = models.CharField(_("benämning"), max_length=200)
    has_parent_split = models.BooleanField(
        _("mamma/pappa-uppdelning"),
        default=False,
        help_text=_("Antal med mamma, med pappa, endast mamma, endast pappa."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("aktivitetstyp")
        verbose_name_plural = _("aktivitetstyper")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "code"], name="activity_code_unique_in_project"
            )
        ]

    def __str__(self) -> str:
        return self.label


class ActivityCount(models.Model):
    """How many of an activity a unit carried out in a period, with the gender split where known."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="activity_counts"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="activity_counts"
    )
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    activity = models.ForeignKey(ActivityType, on_delete=models.PROTECT, related_name="counts")
    total = models.PositiveIntegerField(_("totalt"))
    qualifier = models.CharField(
        _("precision"),
        max_length=10,
        choices=Qualifier.choices,
        default=Qualifier.EXACT,
        help_text=_("Som källan anger talet: exakt, 'drygt' eller 'ca'."),
    )
    with_mother = models.PositiveIntegerField(_("med mamma"), null=True, blank=True)
    with_father = models.PositiveIntegerField(_("med pappa"), null=True, blank=True)
    single_mother = models.PositiveIntegerField(_("endast mamma"), null=True, blank=True)
    single_father = models.PositiveIntegerField(_("endast pappa"), null=True, blank=True)
    women = models.PositiveIntegerField(_("kvinnor"), null=True, blank=True)
    men = models.PositiveIntegerField(_("män"), null=True, blank=True)
    is_example = models.BooleanField(_("exempeldata"), default=False)
    note = models.CharField(_("anmärkning"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("registrerad"), auto_now=True)

    class Meta:
        verbose_name = _("aktivitetsantal")
        verbose_name_plural = _("aktivitetsantal")
        ordering = ["activity__position", "period__start", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "period", "unit"], name="activity_count_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(with_mother__isnull=True)
                | models.Q(with_mother__lte=models.F("total")),
                name="activity_with_mother_le_total",
            ),
            models.CheckConstraint(
                condition=models.Q(with_father__isnull=True)
                | models.Q(with_father__lte=models.F("total")),
                name="activity_with_father_le_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}/{self.period_id}/{self.unit_id}: {self.total}"


class PublishedShare(models.Model):
    """A gender-analysis share a source published as a percentage without its counts (seed 001)."""

    class Measure(models.TextChoices):
        WITH_MOTHER = "with_mother", _("en mamma deltog")
        WITH_FATHER = "with_father", _("en pappa deltog")
        SINGLE_MOTHER = "single_mother", _("ensam deltagare var en mamma")
        SINGLE_FATHER = "single_father", _("ensam deltagare var en pappa")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="published_shares"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="published_shares"
    )
    activity = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="published_shares"
    )
    measure = models.CharField(_("mått"), max_length=20, choices=Measure.choices)
    share = models.DecimalField(_("andel"), max_digits=6, decimal_places=4)
    qualifier = models.CharField(
        _("precision"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    source = models.CharField(_("källa"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("publicerad andel")
        verbose_name_plural = _("publicerade andelar")
        ordering = ["activity__position", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "period", "measure"], name="published_share_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(share__gte=0, share__lte=1), name="published_share_0_to_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.share}"


class SpiderInstrument(models.Model):
    """A spindelmätning instrument: K dimensions rated per unit at numbered occasions."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="spider_instruments"
    )
    name = models.CharField(_("namn"), max_length=200)
    dimensions = models.JSONField(_("dimensioner"), help_text=_("Lista med K benämningar."))
    occasions = models.PositiveSmallIntegerField(_("antal mättillfällen"), default=1)
    scale_min = models.DecimalField(_("skalans min"), max_digits=6, decimal_places=2, default=1)
    scale_max = models.DecimalField(_("skalans max"), max_digits=6, decimal_places=2, default=10)
    labels_are_example = models.BooleanField(_("benämningarna är exempeldata"), default=False)

    class Meta:
        verbose_name = _("spindelmätning")
        verbose_name_plural = _("spindelmätningar")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class SpiderRating(models.Model):
    instrument = models.ForeignKey(
        SpiderInstrument, on_delete=models.PROTECT, related_name="ratings"
    )
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    occasion = models.PositiveSmallIntegerField(_("mättillfälle"))
    occasion_date = models.DateField(_("datum"), null=True, blank=True)
    dimension = models.PositiveSmallIntegerField(_("dimension (index)"))
    value = models.DecimalField(_("skattning"), max_digits=6, decimal_places=2)
    is_example = models.BooleanField(_("exempeldata"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("skattning")
        verbose_name_plural = _("skattningar")
        ordering = ["occasion", "unit__name", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "unit", "occasion", "dimension"], name="spider_rating_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.occasion}/{self.dimension}: {self.value}"


class ReportState(models.TextChoices):
    DRAFT = "draft", _("utkast")
    SUBMITTED = "submitted", _("inlämnad")
    APPROVED = "approved", _("godkänd")
    RETURNED = "returned", _("återsänd")


class StatusReport(models.Model):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="status_reports"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="status_reports"
    )
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("statusrapport"))
    state = models.CharField(
        _("status"), max_length=20, choices=ReportState.choices, default=ReportState.DRAFT
    )
    comment = models.TextField(_("kommentar från projektledaren"), blank=True)
    is_example = models.BooleanField(_("exempeldata"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")
        ordering = ["period__start", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="status_report_unique")
        ]

    def __str__(self) -> str:
        return f"{self.period_id}/{self.unit_id} ({self.state})"
