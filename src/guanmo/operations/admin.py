from django.contrib import admin

from guanmo.operations.models import BackgroundJob


@admin.register(BackgroundJob)
class BackgroundJobAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "state", "done", "total", "created_at", "finished_at")
    list_filter = ("state", "kind")
    readonly_fields = [field.name for field in BackgroundJob._meta.fields]
