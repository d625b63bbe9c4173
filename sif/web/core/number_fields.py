"""A form field that reads Swedish numbers through sif.calc.format, the one parser: "1 234,50",
"1\xa0234,5", "−12"; more decimals than the field allows is an error, never rounded away."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from sif.calc import format as fmt
from sif.calc.errors import SifError


class SwedishDecimalField(forms.DecimalField):
    def to_python(self, value: Any) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return fmt.parse_number(str(value).strip())
        except SifError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
