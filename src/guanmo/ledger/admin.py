from django.contrib import admin

from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project


class KeyListInline(admin.TabularInline):
    model = KeyListEntry
    extra = 0


class AnnualPlanInline(admin.TabularInline):
    model = AnnualPlan
    extra = 0


class MonthlyProgressInline(admin.TabularInline):
    model = MonthlyProgress
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "stage", "industry", "total_investment", "leader_in_charge"]
    list_filter = ["county", "stage", "industry", "key_lists__year", "key_lists__level"]
    search_fields = ["name", "code", "owner"]
    inlines = [KeyListInline, AnnualPlanInline, MonthlyProgressInline]


@admin.register(MonthlyProgress)
class MonthlyProgressAdmin(admin.ModelAdmin):
    list_display = ["project", "year", "month", "completed_this_month", "cumulative_completed"]
    list_filter = ["year", "month", "project__county"]
    search_fields = ["project__name"]
