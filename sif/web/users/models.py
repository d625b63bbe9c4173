"""Which reminder went to whom, so the daily run sends each reminder once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    kind = models.CharField(_("påminnelse"), max_length=30)
    key = models.CharField(_("gäller"), max_length=100)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "user"], name="reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.user_id}"
