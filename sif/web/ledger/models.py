"""The fund's append-only ledger and the projects' repayment agreements.

Neither is ever updated or deleted: a wrong ledger entry is cancelled by a correction (a reversing
entry), a changed agreement is saved as a new version. `save()` refuses an existing row, `delete()`
always refuses, and so do the querysets' `update()` and `delete()`. Every figure (balance,
committed, available, outstanding) is derived by sif/calc/ledger.py; the repayment schedule is
computed when shown, never stored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sif.calc import ledger as rules
from sif.calc.errors import SifError
from sif.web.projects.models import MONEY, RepaymentRule


class EntryKind(models.TextChoices):
    ALLOCATION = rules.ALLOCATION, _("avsättning till fonden")
    COMMITMENT = rules.COMMITMENT, _("beviljat belopp")
    DISBURSEMENT = rules.DISBURSEMENT, _("utbetalning")
    REPAYMENT = rules.REPAYMENT, _("återbetalning")
    WRITE_OFF = rules.WRITE_OFF, _("avskrivning")
    WAIVER = rules.WAIVER, _("efterskänkt återbetalning")
    CORRECTION = rules.CORRECTION, _("rättelse")


class WriteOffOf(models.TextChoices):
    COMMITMENT = rules.OF_COMMITMENT, _("ej utbetalt beviljat belopp")
    OUTSTANDING = rules.OF_OUTSTANDING, _("utestående fordran")


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise SifError("ledger_immutable")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise SifError("ledger_immutable")


class AppendOnly(models.Model):
    """Rows are inserted once and never changed or removed."""

    objects = AppendOnlyQuerySet.as_manager()
    immutable_code = "ledger_immutable"

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise SifError(self.immutable_code)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise SifError(self.immutable_code)


class LedgerEntry(AppendOnly):
    """One ledger post. `number` counts per fund (Stockholm's first post is post 1, whatever other
    funds booked before); it is given on insert, under the fund's row lock the services take."""

    fund = models.ForeignKey(
        "projects.Fund",
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        verbose_name=_("fond"),
    )
    number = models.PositiveIntegerField(_("postnummer"), null=True, editable=False)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("projekt"),
    )
    kind = models.CharField(_("typ"), max_length=20, choices=EntryKind.choices)
    write_off_of = models.CharField(
        _("avskrivningen gäller"), max_length=20, choices=WriteOffOf.choices, blank=True
    )
    amount = models.DecimalField(_("belopp (kr)"), **MONEY)
    booked_on = models.DateField(_("bokföringsdatum"))
    text = models.TextField(_("text"), blank=True)
    reference = models.CharField(
        _("referens"),
        max_length=300,
        blank=True,
        help_text=_("T.ex. 'KF 2012-04-12 §…' eller beslutet."),
    )
    decision = models.ForeignKey(
        "projects.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("beslut"),
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("rättar post"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bokförd av"),
    )
    created_at = models.DateTimeField(_("bokförd"), auto_now_add=True)

    class Meta:
        verbose_name = _("bokföringspost")
        verbose_name_plural = _("bokföringsposter")
        ordering = ["booked_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "number"], name="ledger_number_unique_per_fund"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(kind=rules.CORRECTION, reverses__isnull=False)
                | (~models.Q(kind=rules.CORRECTION) & models.Q(reverses__isnull=True)),
                name="ledger_correction_reverses_one_entry",
            ),
            models.CheckConstraint(
                # a correction takes its entry's project: none when it reverses an allocation
                condition=models.Q(kind=rules.ALLOCATION, project__isnull=True)
                | models.Q(kind=rules.CORRECTION)
                | (
                    ~models.Q(kind__in=[rules.ALLOCATION, rules.CORRECTION])
                    & models.Q(project__isnull=False)
                ),
                name="ledger_project_unless_allocation",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind=rules.WRITE_OFF,
                    write_off_of__in=[rules.OF_COMMITMENT, rules.OF_OUTSTANDING],
                )
                | (~models.Q(kind=rules.WRITE_OFF) & models.Q(write_off_of="")),
                name="ledger_write_off_of_set_for_write_offs",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booked_on} {self.get_kind_display()} {self.amount} kr"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding and self.number is None:
            last = LedgerEntry.objects.filter(fund_id=self.fund_id).aggregate(
                n=models.Max("number")
            )["n"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)

    @property
    def sign(self) -> int:
        """+1 or −1: the entry's effect on the fund's balance (0 for kinds that move no money)."""
        if self.kind == rules.CORRECTION and self.reverses is not None:
            return -self.reverses.sign
        return rules.BALANCE_SIGN.get(self.kind, 0)

    def as_rule_entry(self) -> rules.Entry:
        return rules.Entry(
            key=self.pk,
            kind=self.kind,
            amount=self.amount,
            year=self.booked_on.year,
            project=self.project_id,
            reverses=self.reverses_id,
            write_off_of=self.write_off_of,
        )


class RepaymentAgreement(AppendOnly):
    """One version of what a project has agreed to repay: the rule, its parameters and a note.
    The latest version applies; earlier versions stay as history."""

    immutable_code = "agreement_immutable"

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        related_name="repayment_agreements",
        verbose_name=_("projekt"),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    rule = models.CharField(_("återbetalningsregel"), max_length=30, choices=RepaymentRule.choices)
    parameters = models.JSONField(
        _("parametrar"), default=dict, blank=True, help_text=_("years, start_year, share, cap")
    )
    agreed_on = models.DateField(_("överenskommen"), null=True, blank=True)
    note = models.TextField(_("anteckning"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sparad av"),
    )
    created_at = models.DateTimeField(_("sparad"), auto_now_add=True)

    class Meta:
        verbose_name = _("återbetalningsöverenskommelse")
        verbose_name_plural = _("återbetalningsöverenskommelser")
        ordering = ["project", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "version"], name="agreement_project_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.get_rule_display()} (v{self.version})"

    @property
    def cap_amount(self) -> Decimal | None:
        """The cap in kronor: the parameters keep it as text (JSON has no decimals), pages show kronor."""
        cap = (self.parameters or {}).get("cap")
        return Decimal(str(cap)) if cap not in (None, "") else None
