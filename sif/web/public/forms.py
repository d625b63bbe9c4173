from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class FundPublicationForm(forms.Form):
    published = forms.BooleanField(label=_("Fonden har en öppen sida"), required=False)


class ProjectPublicationForm(forms.Form):
    project = forms.IntegerField(widget=forms.HiddenInput)
    published = forms.BooleanField(label=_("Publicerat"), required=False)
    include_followup = forms.BooleanField(label=_("Med uppföljningens siffror"), required=False)
