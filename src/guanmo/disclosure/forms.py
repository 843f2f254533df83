from django import forms

from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.records import OPTIONAL_SETTINGS


class DisclosureSettingsForm(forms.ModelForm):
    class Meta:
        model = DisclosureSettings
        fields = list(OPTIONAL_SETTINGS)
