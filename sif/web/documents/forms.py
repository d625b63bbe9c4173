"""The form for a document's texts: one text field per entry of sif/web/documents/fields.py."""

from __future__ import annotations

from typing import Any

from django import forms

from sif.web.documents import fields


class DocumentTextsForm(forms.Form):
    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in fields.FIELDS[kind]:
            widget = (
                forms.TextInput()
                if field.lines == 1
                else forms.Textarea(attrs={"rows": field.lines})
            )
            self.fields[field.code] = forms.CharField(
                label=field.label,
                help_text=field.help,
                required=False,
                max_length=fields.MAX_LENGTH,
                widget=widget,
                strip=True,
            )

    def clean_signatures(self) -> str:
        text: str = self.cleaned_data.get("signatures", "")
        for line in text.splitlines():
            if line.strip() and not line.split(",", 1)[0].strip():
                raise forms.ValidationError(
                    "Skriv varje underskrift som ”namn, titel”, en per rad."
                )
        return text
