from django.contrib import admin

from guanmo.attraction.models import (
    FundsInPlace,
    Lead,
    LeadChange,
    Parcel,
    ParkFigures,
    ParkStandard,
    StageDate,
)


class StageDateInline(admin.TabularInline):
    model = StageDate
    extra = 0


class FundsInPlaceInline(admin.TabularInline):
    model = FundsInPlace
    extra = 0


class LeadChangeInline(admin.TabularInline):
    model = LeadChange
    extra = 0
    can_delete = False
    readonly_fields = ["field", "old_value", "new_value", "source", "reason", "user", "at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    """Read-only: leads change through the import, which records their history."""

    list_display = ["name", "investor", "county", "park", "contract_investment", "register_year"]
    list_filter = ["city", "register_year", "county"]
    search_fields = ["name", "investor"]
    inlines = [StageDateInline, FundsInPlaceInline, LeadChangeInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Parcel)
class ParcelAdmin(admin.ModelAdmin):
    list_display = ["name", "holder", "county", "park", "area", "supplied_on", "started_on"]
    list_filter = ["city", "county", "park"]
    search_fields = ["name", "holder"]
    raw_id_fields = ["project", "lead"]


@admin.register(ParkStandard)
class ParkStandardAdmin(admin.ModelAdmin):
    list_display = ["park", "investment_intensity", "min_plot_ratio"]


@admin.register(ParkFigures)
class ParkFiguresAdmin(admin.ModelAdmin):
    list_display = ["park", "year", "month", "revenue", "leading_revenue", "enterprises_above_size"]
    list_filter = ["year", "park"]
