"""A project's socioeconomic calculation, kept as the case-file data (docs/calculations.md).

Append-only: saving makes a new version; nothing is edited or deleted. Only the inputs are
stored: every result is computed from them by `sif.calc` when shown, so each figure traces back
to the inputs and sources it came from.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    EXPECTED = "expected", _("förväntade vinster (ansökan)")
    DECISION = "decision", _("beslutsunderlag")
    REALISED = "realised", _("realiserade vinster (uppföljning)")


class Calculation(models.Model):
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        related_name="calculations",
        verbose_name=_("projekt"),
    )
    version = models.PositiveIntegerField(_("version"))
    purpose = models.CharField(
        _("syfte"), max_length=20, choices=Purpose.choices, default=Purpose.EXPECTED
    )
    label = models.CharField(_("benämning"), max_length=200, blank=True)
    scenario = models.JSONField(_("kalkylens indata"))
    note = models.TextField(_("kommentar"), blank=True)
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
        verbose_name = _("socioekonomisk kalkyl")
        verbose_name_plural = _("socioekonomiska kalkyler")
        ordering = ["project", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "version"], name="calculation_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} – kalkyl v{self.version}"
