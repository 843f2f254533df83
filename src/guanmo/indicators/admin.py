from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from guanmo.indicators.models import (
    Indicator,
    IndicatorValue,
    PeerGroup,
    Target,
    TargetChange,
    TargetNode,
    ValueChange,
)
from guanmo.regions.services import served_cities


class ServedCityAdmin(admin.ModelAdmin):
    """A city's catalogue and groups belong to a served top (`regions.services.served_cities`):
    the 城市 field offers those only, not the provinces and counties kept to compare with
    (tryout 21: 河北省 picked by mistake was saved)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "city":
            kwargs["queryset"] = served_cities()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Indicator)
class IndicatorAdmin(ServedCityAdmin):
    list_display = ["name", "unit", "kind", "direction", "rank_by", "frequency", "supplier", "city"]
    list_filter = ["city", "kind", "frequency"]
    search_fields = ["name"]


@admin.register(PeerGroup)
class PeerGroupAdmin(ServedCityAdmin):
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


@admin.register(ValueChange)
class ValueChangeAdmin(admin.ModelAdmin):
    """Read-only: every change of a figure, also of a value cleared away (no row left)."""

    list_display = ["indicator", "region", "year", "month", "field", "old_value", "new_value", "at"]
    list_filter = ["indicator__city", "indicator", "year", "month"]
    search_fields = ["region__name", "indicator__name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class TargetNodeInline(admin.TabularInline):
    model = TargetNode
    extra = 0
    can_delete = False
    readonly_fields = ["month", "amount"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class TargetChangeInline(ValueChangeInline):
    model = TargetChange


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    """Read-only: a target changes only on the 年度目标 page or by import-targets, through
    `services.set_targets`, which records who changed it, when and why (`TargetChange`)."""

    list_display = ["indicator", "region", "year", "amount", "growth", "profile", "targets_page"]
    list_filter = ["indicator__city", "indicator", "year", "profile"]
    search_fields = ["region__name", "indicator__name"]
    readonly_fields = ["targets_page"]
    inlines = [TargetNodeInline, TargetChangeInline]

    @admin.display(description="修改")
    def targets_page(self, target: Target) -> str:
        url = reverse("target_form") + f"?year={target.year}&indicator={target.indicator_id}"
        return format_html('<a href="{}">在年度目标页修改（记录修改人和原因）</a>', url)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
