from django.contrib import admin

from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.records import OPTIONAL_SETTINGS
from guanmo.disclosure.services import save_settings


@admin.register(DisclosureSettings)
class DisclosureSettingsAdmin(admin.ModelAdmin):
    list_display = ["city", *OPTIONAL_SETTINGS, "updated_at", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_model(self, request, obj, form, change) -> None:
        save_settings(obj, user=request.user)
