"""The texts a handläggare writes for a committee paper or a final report (Till, Förslag till
beslut, Sammanfattning, …, signatures, Bilagor). Every save is a new version; nothing is edited
in place, so an earlier paper can always be reprinted as it was."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TextKind(models.TextChoices):
    COMMITTEE_PAPER = "committee_paper", _("Tjänsteutlåtande")
    FINAL_REPORT = "final_report", _("Slutrapport")


class DocumentText(models.Model):
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        related_name="document_texts",
        verbose_name=_("projekt"),
    )
    kind = models.CharField(_("dokument"), max_length=30, choices=TextKind.choices)
    version = models.PositiveIntegerField(_("version"))
    texts = models.JSONField(_("texter"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sparad"), auto_now_add=True)

    class Meta:
        verbose_name = _("dokumenttext")
        verbose_name_plural = _("dokumenttexter")
        ordering = ["project", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind", "version"], name="document_text_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.kind} v{self.version}"
