"""What a fund has chosen to publish: its public page, and each project on it.

Publication is an explicit choice of the fund administrator (never a default), recorded with who
and when, and every change written to the event log. Unpublishing keeps the row (published=False),
so the history of what was public stays in the log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FundPublication(models.Model):
    fund = models.OneToOneField(
        "projects.Fund",
        on_delete=models.CASCADE,
        related_name="publication",
        verbose_name=_("fond"),
    )
    published = models.BooleanField(_("publicerad"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("fondens öppna sida")
        verbose_name_plural = _("fondernas öppna sidor")

    def __str__(self) -> str:
        return str(self.fund)


class ProjectPublication(models.Model):
    project = models.OneToOneField(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="publication",
        verbose_name=_("projekt"),
    )
    published = models.BooleanField(_("publicerat"), default=False)
    include_followup = models.BooleanField(_("med uppföljningens siffror"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("publicering av projekt")
        verbose_name_plural = _("publiceringar av projekt")

    def __str__(self) -> str:
        return str(self.project)
