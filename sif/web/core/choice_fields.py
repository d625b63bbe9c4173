"""Model choice fields that refuse a key no database row can have before asking the database.

Django's own fields pass the posted value to the query; a number past 64 bits raises OverflowError
on SQLite (a 500) instead of "not one of the choices". These answer with the field's own message.
"""

from __future__ import annotations

from typing import Any

from django import forms

MAX_KEY = 2**63 - 1


def _fits(value: Any) -> bool:
    text = str(value).strip()
    if not text:
        return True  # empty is the field's own "required" question
    try:
        return 0 < int(text) <= MAX_KEY
    except ValueError:
        return False


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        for item in value:
            if not _fits(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)
