"""Demo publication: Stockholm's and Malmö's funds have a public page showing every project the
fund has decided on (Eskilstuna has chosen not to publish, so the demo shows both cases)."""

from __future__ import annotations

from typing import TextIO

from django.contrib.auth import get_user_model

from sif.policy.states import PUBLISHABLE_STATES
from sif.web.projects.models import Fund, Project
from sif.web.public import services

PUBLISHING = {"stockholm": "fondforvaltare", "malmo": "malmo"}


def load(stdout: TextIO) -> None:
    users = get_user_model().objects
    for code, username in PUBLISHING.items():
        user = users.get(username=username)
        for fund in Fund.objects.filter(municipality__code=code):
            services.fund_publish(user=user, fund=fund, published=True)
            decided = Project.objects.filter(fund=fund, state__in=PUBLISHABLE_STATES)
            for project in decided:
                services.project_publish(user=user, project=project, published=True)
    stdout.write("Öppna sidor: Stockholms och Malmös fonder med sina beslutade projekt.\n")
