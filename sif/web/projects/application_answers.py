"""Saving the answers to an application form, as a draft or submitted, per application step.

The answers are checked against the form version they answer (forms_schema.FORMS seeds version
1), so that an old application keeps the form it was written in (applications.py shows it).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sif.calc.errors import SifError
from sif.policy.states import APPLICATION_STEP
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.core.versions import refuse_if_stale
from sif.web.projects import conflicts
from sif.web.projects.forms_schema import FIELD_KINDS, FORM_STEPS, FORMS, schema_field_keys
from sif.web.projects.lifecycle import state_label
from sif.web.projects.models import Application, ApplicationForm, Project
from sif.web.projects.service_support import (
    full_clean_or_refuse,
    lock_project,
    require,
)


def application_form_current(code: str) -> ApplicationForm:
    """The newest version of a form; version 1 is created from forms_schema.FORMS when missing."""
    current = ApplicationForm.objects.filter(code=code).order_by("-version").first()
    if current is not None:
        return current
    definition = FORMS.get(code)
    if definition is None:
        raise SifError("application_form_unknown", code=code)
    with transaction.atomic():
        form, _ = ApplicationForm.objects.get_or_create(
            code=code, version=1, defaults={"title": definition["title"], "schema": definition}
        )
    return form


def _check_answers(schema: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    kinds = schema_field_keys(schema)
    clean: dict[str, Any] = {}
    for key, value in answers.items():
        kind = kinds.get(key)
        if kind is None:
            raise SifError("application_answer_unknown", field=key)
        if kind == "yesno" and value in (None, ""):
            continue
        if kind == "yesno" and not isinstance(value, bool):
            raise SifError("application_answer_invalid", field=key)
        if kind != "yesno" and not isinstance(value, str):
            raise SifError("application_answer_invalid", field=key)
        clean[key] = value.strip() if isinstance(value, str) else value
    assert all(k in FIELD_KINDS for k in kinds.values())
    return clean


def application_step(project: Project, form: ApplicationForm) -> int:
    """The step the project is in (0 proposal, 1, 2); refused when the form is not written in it."""
    step = APPLICATION_STEP[project.state]
    if step not in FORM_STEPS.get(form.code, (0, 1, 2)):
        labels = {0: "förslaget", 1: "steg 1", 2: "steg 2"}
        raise SifError(
            "application_form_wrong_step",
            form=form.title,
            step=" eller ".join(labels[s] for s in FORM_STEPS[form.code]),
            state=state_label(project.state),
        )
    return step


@transaction.atomic
def application_submit(
    *,
    actor: Any,
    project: Project,
    form_code: str,
    answers: dict[str, Any],
    draft: bool = False,
    version: int | None = None,
) -> Application:
    """Save the answers of the project's current step with the form version they answer: as a draft
    (changed in place until submitted) or submitted (the draft of this step becomes the submission).
    `version` is the project's application version the writer read; a newer one refuses the save
    (edit_conflict)."""
    lock_project(project)
    require(perms.can_submit_application(actor, project))
    form = application_form_current(form_code)
    refuse_if_stale(
        read=version,
        current=project.application_version,
        what=gettext("ansökan"),
        since=lambda: conflicts.application_conflict(project, version or 0, form),
    )
    clean = _check_answers(form.schema, answers)
    step = application_step(project, form)
    mine = Application.objects.filter(project=project, form=form)
    application = mine.filter(step=step, is_draft=True).first() or Application(
        project=project, form=form, step=step
    )
    shown_before = application if application.pk else mine.order_by("-submitted_at", "-pk").first()
    before = {"answers": shown_before.answers if shown_before else {}}
    application.answers, application.is_draft = clean, draft
    application.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    if not draft:
        application.submitted_at = timezone.now()
    full_clean_or_refuse(application, exclude=["submitted_by"])
    application.save()
    project.application_version += 1
    project.save(update_fields=["application_version", "updated_at"])
    after = {
        "form": form.code,
        "version": form.version,
        "step": step,
        "draft": draft,
        "answers": clean,
    }
    project_event_record(
        actor,
        "application_draft_save" if draft else "application_submit",
        application,
        project,
        before=before,
        after=after,
    )
    return application
