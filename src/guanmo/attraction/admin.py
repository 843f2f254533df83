from django.contrib import admin

from guanmo.attraction.models import (
    FundsInPlace,
    Lead,
    LeadChange,
    LeadMilestone,
    Parcel,
    ParcelChange,
    ParkFigures,
    ParkStandard,
    StageDate,
)
from guanmo.attraction.selectors import served_parks
from guanmo.regions.models import Region


class ReadOnlyInline(admin.TabularInline):
    """A lead's rows as the lead page and the import keep them: read here, never typed (its 开工
    comes from the ledger project's start alone), whatever the lead's own permissions."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class StageDateInline(ReadOnlyInline):
    model = StageDate


class LeadMilestoneInline(ReadOnlyInline):
    model = LeadMilestone


class FundsInPlaceInline(ReadOnlyInline):
    model = FundsInPlace


HISTORY_FIELDS = ["field", "old_value", "new_value", "source", "reason", "user", "at"]


class LeadChangeInline(ReadOnlyInline):
    model = LeadChange
    readonly_fields = fields = HISTORY_FIELDS


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    """Read-only: leads change through the import, which records their history."""

    list_display = ["name", "investor", "county", "park", "contract_investment", "register_year"]
    list_filter = ["city", "register_year", "county"]
    search_fields = ["name", "investor"]
    inlines = [StageDateInline, LeadMilestoneInline, FundsInPlaceInline, LeadChangeInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


class ParcelChangeInline(ReadOnlyInline):
    model = ParcelChange
    readonly_fields = fields = HISTORY_FIELDS


@admin.register(Parcel)
class ParcelAdmin(admin.ModelAdmin):
    """Read-only: parcels change through the land import, which records their history."""

    list_display = ["name", "holder", "county", "park", "area", "supplied_on", "started_on"]
    list_filter = ["city", "county", "park"]
    search_fields = ["name", "holder"]
    raw_id_fields = ["project", "lead"]
    inlines = [ParcelChangeInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


class ParkPickerAdmin(admin.ModelAdmin):
    """A park's own rows: the 园区 picker offers the served cities' parks alone
    (selectors.served_parks, a county's included), never the other regions the tree holds
    (tryout 22: investors' home regions 北京市、雄县…; tryout 32: 雄安新区)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "park":
            parks = [park.pk for park in served_parks()]
            kwargs["queryset"] = Region.objects.filter(pk__in=parks).order_by(
                "parent__sort_order", "sort_order", "code"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ParkStandard)
class ParkStandardAdmin(ParkPickerAdmin):
    list_display = ["park", "investment_intensity", "min_plot_ratio"]


@admin.register(ParkFigures)
class ParkFiguresAdmin(ParkPickerAdmin):
    list_display = ["park", "year", "month", "revenue", "leading_revenue", "enterprises_above_size"]
    list_filter = ["year", "park"]
