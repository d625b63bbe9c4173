"""One guard against personal identity numbers on every free text of every model.

`install()` (run once from CoreConfig.ready) adds the guard of sif.calc.privacy to each text field
(CharField, TextField, and the strings inside JSONField answers and scenarios) of SIF's models and
of the user model, so forms, model forms, `full_clean()` in services, the API and the XLSX upload
all refuse "Ring 121212-1212" with a Swedish message naming the field. A `pre_save` backstop
refuses the same for any save that skipped validation, so nothing refused reaches the database or
the append-only event log (services write the event in the same transaction, after the save).

Fields that hold no free text (codes with choices, hashes, passwords, stored file paths) are
exempt, each with its reason in EXEMPT; a test lists every text field and fails on one that is
neither guarded nor exempt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.messages import message_for_error

GUARDED_APPS = (
    "core",
    "accounts",
    "audit",
    "projects",
    "followup",
    "calculations",
    "imports",
    "ledger",
    "documents",
    "auth",
)
EXEMPT_NAMES = {
    "password": "a password hash, never shown",
    "sha256": "a file's hash",
    "file": "a stored file's path, chosen by SIF",
    "content_type": "a MIME type",
    "before": "the event log's earlier value, written before this guard existed",
}


class IdentityNumberValidator:
    """Refuses a text (or any string inside JSON) that contains a personal identity number."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, value: Any) -> None:
        for text in _strings(value):
            try:
                check_no_personal_identity_number(text, self.label)
            except SifError as error:
                raise ValidationError(message_for_error(error), code=error.code) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IdentityNumberValidator) and other.label == self.label

    def __hash__(self) -> int:
        return hash(self.label)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def is_free_text(field: models.Field[Any, Any]) -> bool:
    """A text a user writes: CharField/TextField without fixed choices, or JSON with answers."""
    return (
        isinstance(field, models.CharField | models.TextField | models.JSONField)
        and not field.choices
    )


def exemption(field: models.Field[Any, Any]) -> str:
    """Why a text field carries no guard ("" when it must have one)."""
    if isinstance(field, models.FileField):
        return EXEMPT_NAMES["file"]
    return EXEMPT_NAMES.get(field.name, "")


def text_fields() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    """Every free-text field of the guarded apps' models, through the app registry."""
    for model in apps.get_models():
        if model._meta.app_label not in GUARDED_APPS:
            continue
        for field in model._meta.concrete_fields:
            if is_free_text(field):
                yield model, field


def has_guard(field: models.Field[Any, Any]) -> bool:
    return any(isinstance(v, IdentityNumberValidator) for v in field.validators)


def install() -> None:
    """Add the guard to every free-text field (not to `_validators`, so no migration changes) and
    connect the pre_save backstop."""
    for _model, field in text_fields():
        if not exemption(field) and not has_guard(field):
            field.validators.append(IdentityNumberValidator(str(field.verbose_name).capitalize()))
    pre_save.connect(_refuse_identity_numbers, dispatch_uid="sif-identity-number-guard")


def refuse_field(instance: models.Model, name: str) -> None:
    """Raise the guard's SifError for one field of `instance`, naming it by its Swedish label
    (for services that turn a model's ValidationError into a SifError)."""
    field = instance._meta.get_field(name)
    for text in _strings(getattr(instance, name, None)):
        check_no_personal_identity_number(
            text, str(getattr(field, "verbose_name", name)).capitalize()
        )


def _refuse_identity_numbers(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **_: Any
) -> None:
    """The backstop: a save that skipped validation still never stores an identity number."""
    if raw or sender._meta.app_label not in GUARDED_APPS:
        return
    for field in sender._meta.concrete_fields:
        if not is_free_text(field) or exemption(field):
            continue
        for text in _strings(getattr(instance, field.attname, None)):
            check_no_personal_identity_number(text, str(field.verbose_name).capitalize())
