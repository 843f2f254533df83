from django.contrib import admin

from guanmo.supervision.models import (
    Meeting,
    Problem,
    ProblemStep,
    SupervisionOrder,
    SupervisionRules,
)


@admin.register(SupervisionRules)
class SupervisionRulesAdmin(admin.ModelAdmin):
    list_display = ["city", "land_days", "funds_days", "environment_days", "escalation_days"]


class ProblemStepInline(admin.TabularInline):
    model = ProblemStep
    extra = 0
    readonly_fields = ["action", "user", "at", "on", "level", "note"]
    can_delete = False


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["project", "problem_type", "department", "deadline", "status", "level"]
    list_filter = ["status", "level", "problem_type", "department", "project__county"]
    search_fields = ["project__name", "text"]
    inlines = [ProblemStepInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["held_on", "topic", "chair"]


@admin.register(SupervisionOrder)
class SupervisionOrderAdmin(admin.ModelAdmin):
    list_display = ["__str__", "problem", "issued_on", "issued_by"]
