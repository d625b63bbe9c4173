"""Funds and the projects they pay for: lifecycle, budget, contacts, applications, reviews, decisions.

States, categories and methods are ASCII codes; only their labels are translated. Nothing here is
ever deleted by the application: a rejected or withdrawn project keeps its whole history.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 15, "decimal_places": 2}


class RepaymentRule(models.TextChoices):
    NONE = "none", _("ingen återbetalning")
    FIXED_PLAN = "fixed_plan", _("fast återbetalningsplan")
    SHARE_OF_GAINS = "share_of_gains", _("andel av realiserade vinster")
    BUDGET_FRAME = "budget_frame", _("minskad budgetram (Norrköpingsmodellen)")
    BY_AGREEMENT = "by_agreement", _("enligt överenskommelse")
    WAIVED = "waived", _("efterskänkt")


class Fund(models.Model):
    """A municipality's social investment fund and the settings its calculations use."""

    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        related_name="funds",
        verbose_name=_("kommun"),
    )
    name = models.CharField(_("namn"), max_length=200)
    discount_rate = models.DecimalField(
        _("kalkylränta (real)"),
        max_digits=6,
        decimal_places=4,
        default=Decimal("0.0350"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.5"))],
    )
    price_base_year = models.PositiveSmallIntegerField(_("prisbasår"), default=2023)
    suppression_threshold = models.PositiveSmallIntegerField(
        _("gräns för små tal"),
        default=5,
        help_text=_("Celler med färre observationer döljs i publicerade tabeller."),
    )
    repayment_rule = models.CharField(
        _("återbetalningsregel"),
        max_length=30,
        choices=RepaymentRule.choices,
        default=RepaymentRule.BY_AGREEMENT,
    )
    repayment_years = models.PositiveSmallIntegerField(
        _("återbetalningstid (år)"), null=True, blank=True
    )
    repayment_note = models.TextField(_("om återbetalning"), blank=True)
    source_note = models.TextField(_("källa"), blank=True)
    review_criteria = models.JSONField(
        _("bedömningskriterier"),
        default=list,
        blank=True,
        help_text=_(
            'Lista av {"code": ..., "label": ...}; granskare sätter 1–5 poäng per kriterium.'
        ),
    )

    class Meta:
        verbose_name = _("fond")
        verbose_name_plural = _("fonder")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return self.name


class ProjectState(models.TextChoices):
    PROPOSAL = "proposal", _("förslag")
    APPLICATION_STEP1 = "application_step1", _("ansökan steg 1")
    APPLICATION_STEP2 = "application_step2", _("ansökan steg 2")
    IN_REVIEW = "in_review", _("under beredning")
    GRANTED = "granted", _("beviljad")
    REJECTED = "rejected", _("avslagen")
    RUNNING = "running", _("pågående")
    FINAL_REPORT_SUBMITTED = "final_report_submitted", _("slutrapporterad")
    CLOSED = "closed", _("avslutad")
    WITHDRAWN = "withdrawn", _("återtagen")


class ClosingOutcome(models.TextChoices):
    REGULAR_OPERATIONS = "regular_operations", _("överförd till ordinarie verksamhet")
    ENDED = "ended", _("avslutad utan fortsättning")


class ExampleSection(models.TextChoices):
    """Sections of the project page whose data the demo or an import had to fill in with examples."""

    STATE = "state", _("status")
    FUND = "fund", _("fond")
    OWNER_UNIT = "owner_unit", _("ansvarig enhet")
    DATES = "dates", _("period och datum")
    BUDGET = "budget", _("budget")
    CONTACTS = "contacts", _("kontaktpersoner")
    INDICATORS = "indicators", _("indikatorer")
    DECISION = "decision", _("beslut")
    REPAYMENT = "repayment", _("återbetalning")
    FUND_CRITERIA = "fund_criteria", _("fondens bedömningskriterier")


def validate_example_sections(value: object) -> None:
    """A list of ExampleSection codes, each at most once."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(_("Ange en lista av avsnittskoder."), code="invalid")
    unknown = [v for v in value if v not in ExampleSection.values]
    if unknown:
        raise ValidationError(
            _("Okänt avsnitt: %(code)s."), code="invalid", params={"code": unknown[0]}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Ett avsnitt anges bara en gång."), code="invalid")


class Project(models.Model):
    fund = models.ForeignKey(
        Fund, on_delete=models.PROTECT, related_name="projects", verbose_name=_("fond")
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("kommun"),
    )
    title = models.CharField(_("namn"), max_length=300)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    registration_number = models.CharField(_("diarienummer"), max_length=60, blank=True)
    owner_unit = models.ForeignKey(
        "accounts.OrgUnit",
        on_delete=models.PROTECT,
        related_name="owned_projects",
        verbose_name=_("ansvarig enhet"),
    )
    units = models.ManyToManyField(
        "accounts.OrgUnit",
        through="ProjectUnit",
        related_name="projects",
        verbose_name=_("deltagande enheter"),
    )
    state = models.CharField(
        _("status"),
        max_length=30,
        choices=ProjectState.choices,
        default=ProjectState.PROPOSAL,
        db_index=True,
    )
    closing_outcome = models.CharField(
        _("utfall vid avslut"), max_length=30, choices=ClosingOutcome.choices, blank=True
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("slutdatum"), null=True, blank=True)
    sought_amount = models.DecimalField(_("sökt belopp (kr)"), **MONEY, null=True, blank=True)
    summary = models.TextField(_("beskrivning"), blank=True)
    purpose = models.TextField(_("syfte"), blank=True)
    goals = models.TextField(_("mål"), blank=True)
    target_group = models.TextField(_("målgrupp"), blank=True)
    lessons = models.TextField(_("lärdomar"), blank=True)
    repayment_rule = models.CharField(
        _("återbetalning"),
        max_length=30,
        choices=RepaymentRule.choices,
        blank=True,
        help_text=_("Tom: fondens regel gäller."),
    )
    repayment_note = models.TextField(_("om återbetalning"), blank=True)
    example_note = models.TextField(
        _("exempeldata"),
        blank=True,
        help_text=_(
            "Vilka uppgifter som är påhittade exempel och inte kommer från källdokumentet."
        ),
    )
    example_sections = models.JSONField(
        _("avsnitt med exempeldata"),
        default=list,
        blank=True,
        validators=[validate_example_sections],
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    # Optimistic concurrency for the budget: the version the editor read travels with the form.
    budget_version = models.PositiveIntegerField(_("budgetens version"), default=1)
    # The same for the application: every saved draft or submission of any step counts one.
    application_version = models.PositiveIntegerField(_("ansökans version"), default=1)

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="project_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=models.Q(sought_amount__isnull=True) | models.Q(sought_amount__gte=0),
                name="project_sought_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectUnit(models.Model):
    """A unit taking part in a project; reporters of that unit report its figures."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="project_units")
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="project_links"
    )

    class Meta:
        verbose_name = _("deltagande enhet")
        verbose_name_plural = _("deltagande enheter")
        constraints = [
            models.UniqueConstraint(fields=["project", "unit"], name="project_unit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.unit}"


class Contact(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class BudgetCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personalkostnader")
    OTHER = "other", _("Övriga kostnader")
    PREMISES = "premises", _("Lokalkostnader")
    SERVICES = "services", _("Köpta tjänster")
    TRAINING = "training", _("Utbildning")
    EVALUATION = "evaluation", _("Utvärdering")


class BudgetRow(models.Model):
    """One cost category of a project's budget, with the label and footnote as the applicant wrote them."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_rows")
    category = models.CharField(_("kostnadsslag"), max_length=30, choices=BudgetCategory.choices)
    label = models.CharField(_("benämning"), max_length=200, blank=True)
    footnote = models.TextField(_("fotnot"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("budgetrad")
        verbose_name_plural = _("budgetrader")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "category"], name="budget_row_unique_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.display_label()}"

    def display_label(self) -> str:
        return self.label or str(self.get_category_display())


class BudgetCell(models.Model):
    """The amount, in kronor, of one category in one year. Totals are always derived, never stored."""

    row = models.ForeignKey(BudgetRow, on_delete=models.CASCADE, related_name="cells")
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.DecimalField(_("belopp (kr)"), **MONEY)

    class Meta:
        verbose_name = _("budgetbelopp")
        verbose_name_plural = _("budgetbelopp")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["row", "year"], name="budget_cell_unique_year"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budget_cell_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.row} {self.year}: {self.amount}"


class ApplicationForm(models.Model):
    """A version of an application form. Answers keep the version they were written in."""

    code = models.SlugField(_("kod"), max_length=60)
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("rubrik"), max_length=200)
    schema = models.JSONField(_("formulärdefinition"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ansökningsformulär")
        verbose_name_plural = _("ansökningsformulär")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="form_code_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Application(models.Model):
    """The answers of one step: 0 the proposal, 1 the step-1 application, 2 the step-2 application.
    A draft (`is_draft`) is saved and changed by its writer until it is submitted."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="applications")
    form = models.ForeignKey(ApplicationForm, on_delete=models.PROTECT, related_name="applications")
    step = models.PositiveSmallIntegerField(_("steg"), default=1)
    is_draft = models.BooleanField(_("utkast"), default=False)
    answers = models.JSONField(_("svar"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("inlämnad"), default=timezone.now)

    class Meta:
        verbose_name = _("ansökan")
        verbose_name_plural = _("ansökningar")
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"{self.project} – {self.form} – {self.step_label()}"

    def step_label(self) -> str:
        return (
            str(_("förslag")) if self.step == 0 else str(_("steg %(step)s") % {"step": self.step})
        )


class Recommendation(models.TextChoices):
    GRANT = "grant", _("bevilja")
    GRANT_WITH_CONDITIONS = "grant_with_conditions", _("bevilja med villkor")
    REJECT = "reject", _("avslå")
    NONE = "none", _("ingen rekommendation")


class Review(models.Model):
    """A reviewer's synpunkter, scores per criterion and recommendation."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewer_name = models.CharField(_("granskare"), max_length=200, blank=True)
    comments = models.TextField(_("synpunkter"))
    scores = models.JSONField(_("poäng per kriterium"), default=dict, blank=True)
    recommendation = models.CharField(
        _("rekommendation"),
        max_length=30,
        choices=Recommendation.choices,
        default=Recommendation.NONE,
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("granskning")
        verbose_name_plural = _("granskningar")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.project} – {self.reviewer_name or self.reviewer or ''}".rstrip(" –")


class DecisionKind(models.TextChoices):
    GRANT = "grant", _("beslut om medel")
    CLOSING = "closing", _("beslut om avslut")


class Decision(models.Model):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(
        _("typ av beslut"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.GRANT
    )
    granted = models.BooleanField(_("beviljat"), default=True)
    body = models.CharField(_("beslutande organ"), max_length=200)
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    date_precision = models.CharField(
        _("datumets precision"),
        max_length=10,
        choices=[("day", _("dag")), ("month", _("månad")), ("year", _("år"))],
        default="day",
    )
    paragraph = models.CharField(_("paragraf (§)"), max_length=40, blank=True)
    granted_amount = models.DecimalField(_("beviljat belopp (kr)"), **MONEY, null=True, blank=True)
    conditions = models.TextField(_("villkor"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Append-only corrections: a new decision supersedes the old, which stays (shown struck through).
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("ersätter beslut"),
    )
    correction_reason = models.TextField(_("skäl till rättelsen"), blank=True)
    above_sought_reason = models.TextField(_("motivering till belopp över det sökta"), blank=True)
    above_available = models.BooleanField(
        _("beslutat över fondens disponibla medel"), default=False
    )
    # A closing decision's own terms, so that a corrected one still shows what it said (the
    # project carries the terms in force).
    closing_outcome = models.CharField(
        _("utfall vid avslut"), max_length=30, choices=ClosingOutcome.choices, blank=True
    )
    repayment_rule = models.CharField(
        _("återbetalning"), max_length=30, choices=RepaymentRule.choices, blank=True
    )
    repayment_note = models.TextField(_("om återbetalningen"), blank=True)

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(granted_amount__isnull=True) | models.Q(granted_amount__gte=0),
                name="decision_amount_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.get_kind_display()} {self.body} {self.decided_on or ''}".strip()


class IndicatorUnit(models.TextChoices):
    COUNT = "count", _("antal")
    SHARE = "share", _("andel")
    SCORE = "score", _("skattning")


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher", _("högre är bättre")
    LOWER_IS_BETTER = "lower", _("lägre är bättre")


class MeasurementMethod(models.TextChoices):
    MANUAL = "manual", _("manuell registrering")
    CASE_SYSTEM = "case_system", _("statistik ur verksamhetssystem")
    SCHOOL_DATA = "school_data", _("uppgifter från skolan")
    INSTRUMENT = "instrument", _("bedömningsinstrument")
    SURVEY = "survey", _("enkät")
    SIP_KOLLEN = "sip_kollen", _("SIP-kollen")
    SPIDER = "spider", _("spindelmätning")
    INTERVIEWS = "interviews", _("intervjuer")
    OTHER = "other", _("annan metod")


class Frequency(models.TextChoices):
    TERTIAL = "tertial", _("per tertial")
    HALF_YEAR = "half_year", _("per halvår")
    YEAR = "year", _("per år")
    OCCASION = "occasion", _("vid mättillfällen")


class Indicator(models.Model):
    """An outcome or process measure defined in the application and followed up per unit and period."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="indicators")
    group = models.CharField(
        _("avser"),
        max_length=100,
        blank=True,
        help_text=_("T.ex. 'För barn och unga 6–12 år', 'För medarbetare'."),
    )
    name = models.CharField(_("indikator"), max_length=300)
    unit = models.CharField(
        _("enhet"), max_length=10, choices=IndicatorUnit.choices, default=IndicatorUnit.COUNT
    )
    direction = models.CharField(
        _("riktning"), max_length=10, choices=Direction.choices, default=Direction.HIGHER_IS_BETTER
    )
    segment = models.CharField(_("målgruppssegment"), max_length=100, blank=True)
    method = models.CharField(
        _("mätmetod"),
        max_length=20,
        choices=MeasurementMethod.choices,
        default=MeasurementMethod.MANUAL,
    )
    method_detail = models.TextField(_("mätmetod, beskrivning"), blank=True)
    baseline_value = models.DecimalField(
        _("baslinje"), max_digits=15, decimal_places=4, null=True, blank=True
    )
    baseline_date = models.DateField(_("baslinjens datum"), null=True, blank=True)
    target_value = models.DecimalField(
        _("målvärde"), max_digits=15, decimal_places=4, null=True, blank=True
    )
    plausible_max = models.PositiveIntegerField(
        _("rimlighetsgräns"),
        null=True,
        blank=True,
        help_text=_(
            "Ett antal över gränsen (per enhet och period) måste bekräftas. Tomt: 100 000."
        ),
    )
    comparison_group = models.CharField(_("jämförelsegrupp"), max_length=200, blank=True)
    frequency = models.CharField(
        _("frekvens"), max_length=20, choices=Frequency.choices, default=Frequency.TERTIAL
    )
    responsible_unit = models.ForeignKey(
        "accounts.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarig enhet"),
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    # Optimistic concurrency: the version the editor read travels with the form (as the budget's).
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A share's baseline and target are fractions 0–1, like its measurements (sif.calc.format)."""
        from django.core.exceptions import ValidationError

        if self.unit != IndicatorUnit.SHARE:
            return
        for name in ("baseline_value", "target_value"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 1:
                raise ValidationError(
                    {name: _("En andel lagras som ett bråktal mellan 0 och 1 (40 % = 0,40).")}
                )


class SourceDocument(models.Model):
    """A file a project's data came from (an imported application, a seed document), kept with it."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="source_documents")
    file = models.FileField(_("fil"), upload_to="sources/%Y/")
    original_name = models.CharField(_("filnamn"), max_length=255)
    sha256 = models.CharField(max_length=64)
    kind = models.CharField(_("dokumenttyp"), max_length=40, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("källdokument")
        verbose_name_plural = _("källdokument")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
