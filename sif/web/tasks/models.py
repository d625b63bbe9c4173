"""A document ordered by a user and made in the background; the file lives in the file store
(local disk or S3), so any web server can hand it out whichever worker made it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("i kö")
    RUNNING = "running", _("skapas")
    DONE = "done", _("klart")
    FAILED = "failed", _("misslyckades")


class DocumentJob(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    fund = models.ForeignKey(
        "projects.Fund", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("dokument"), max_length=30)
    fmt = models.CharField(_("format"), max_length=8)
    published = models.BooleanField(default=False)
    # the portfolio's filters (states, unit, year) as the page chose them; {} for every project
    filters = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    file = models.FileField(upload_to="documents/%Y/", blank=True)
    filename = models.CharField(max_length=100)
    error = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dokumentjobb")
        verbose_name_plural = _("dokumentjobb")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.state})"

    @property
    def seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
