from django.contrib import admin

from guanmo.regions.models import RankingGroup, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "ranking_group"]
    list_filter = ["kind", "ranking_group"]
    search_fields = ["code", "name"]


@admin.register(RankingGroup)
class RankingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "sort_order"]
    list_filter = ["city"]
