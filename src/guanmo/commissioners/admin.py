from django.contrib import admin

from guanmo.commissioners.models import Photo, Visit
from guanmo.commissioners.services import delete_visits


class PhotoInline(admin.TabularInline):
    """Photos are evidence: shown, never edited here."""

    model = Photo
    extra = 0
    can_delete = False
    fields = ["original_name", "taken_at", "latitude", "longitude", "has_exif", "sha256"]
    readonly_fields = fields


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["project", "visited_on", "commissioner", "created_at"]
    list_filter = ["visited_on"]
    search_fields = ["project__name", "commissioner__full_name"]
    raw_id_fields = ["project", "commissioner"]
    inlines = [PhotoInline]

    # Deleting a visit here removes its photos' files too, as the demo's rebuild does.
    def delete_model(self, request, obj: Visit) -> None:
        delete_visits(Visit.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset) -> None:
        delete_visits(queryset)
