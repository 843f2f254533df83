"""Firms tied to the region tree and land kept per year, step 2 of 3 (issue 13): the data.

Data: each year's land is the firm's land as it stood (the only figure there was); a firm's
county text is resolved to the unit its cell names (`region_named`: full, short or spoken
name, never containment) among the served tops' units, its city that unit's top, or the only
served top when the text names no unit (the county left empty: only the city office sees the
firm). A firm no top can be found for stops the migration, naming it.
"""

from django.db import migrations
from django.db.models import Q

from guanmo.regions.names import region_named


def _tops(Region):
    """The served tops, as `regions.services.served_cities` finds them."""
    return list(
        Region.objects.filter(compared_only=False).filter(
            Q(kind="city") | Q(kind="county", parent__compared_only=True)
        )
    )


def forward(apps, schema_editor):
    Firm = apps.get_model("assessment", "Firm")
    FirmYear = apps.get_model("assessment", "FirmYear")
    Region = apps.get_model("regions", "Region")
    for record in FirmYear.objects.select_related("firm"):
        record.land_area = record.firm.land_area
        record.save(update_fields=["land_area"])
    tops = _tops(Region)
    units = list(Region.objects.filter(parent__in=tops))
    for firm in Firm.objects.all():
        unit = region_named(firm.county, units)
        if unit is not None:
            firm.county_unit = unit
            firm.city_id = unit.parent_id
        elif len(tops) == 1:
            firm.city = tops[0]
        else:
            raise RuntimeError(
                f"企业“{firm.name}”（{firm.credit_code}）的县区“{firm.county}”无法确定所属城市；"
                "请先运行 guanmo init-city，或更正企业底册后再迁移"
            )
        firm.save(update_fields=["county_unit", "city"])


def backward(apps, schema_editor):
    Firm = apps.get_model("assessment", "Firm")
    FirmYear = apps.get_model("assessment", "FirmYear")
    for firm in Firm.objects.select_related("county_unit"):
        latest = FirmYear.objects.filter(firm=firm).order_by("-year").first()
        firm.county = firm.county_unit.name if firm.county_unit else ""
        firm.land_area = latest.land_area if latest else 0
        firm.save(update_fields=["county", "land_area"])


class Migration(migrations.Migration):
    dependencies = [("assessment", "0003_firm_scope_and_land_per_year")]

    operations = [migrations.RunPython(forward, backward)]
