from django.contrib import admin

from guanmo.indicators.models import (
    Indicator,
    IndicatorValue,
    PeerGroup,
    Target,
    TargetChange,
    TargetNode,
    ValueChange,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "kind", "direction", "rank_by", "frequency", "supplier", "city"]
    list_filter = ["city", "kind", "frequency"]
    search_fields = ["name"]


@admin.register(PeerGroup)
class PeerGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "sort_order"]
    list_filter = ["city"]
    autocomplete_fields = ["members"]


class ValueChangeInline(admin.TabularInline):
    model = ValueChange
    extra = 0
    can_delete = False
    readonly_fields = ["field", "old_value", "new_value", "source", "reason", "user", "at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    """Read-only: figures change through the services that record their history."""

    list_display = ["indicator", "region", "year", "month", "value", "last_year_value"]
    list_filter = ["indicator__city", "indicator", "year", "month"]
    search_fields = ["region__name", "indicator__name"]
    inlines = [ValueChangeInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class TargetNodeInline(admin.TabularInline):
    model = TargetNode
    extra = 0


class TargetChangeInline(ValueChangeInline):
    model = TargetChange
    readonly_fields = ["field", "old_value", "new_value", "source", "user", "at"]
    fields = readonly_fields


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "region", "year", "amount", "growth", "profile"]
    list_filter = ["indicator__city", "indicator", "year", "profile"]
    search_fields = ["region__name", "indicator__name"]
    inlines = [TargetNodeInline, TargetChangeInline]
