"""The funnel page and a lead's page for the permission walk: those who see the city's totals
and the county offices (their own unit's leads); the city office and the lead's county record
its stages and its funds in place."""

from decimal import Decimal

from django.urls import reverse

from guanmo.attraction.models import Lead, ParkFigures
from guanmo.regions.models import Region
from tests.web.walks import Walk
from tests.world import YEAR

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}
# The test city's counties' offices have no park: its figures are the city office's to enter.
PARK_READERS = {**READERS, "wuzhi": 404, "wenxian": 404}
PARK_ENTRY = {"wuzhi": 404, "wenxian": 404, "leader": 403, "commissioner": 404, "department": 404}


def _park(world) -> Region:
    """A park of the test city with its figures of June, as stored (four decimals)."""
    park = Region.objects.create(
        code=f"{world.city.code}-Z01", name="焦作高新区", kind=Region.Kind.ZONE, parent=world.city
    )
    ParkFigures.objects.create(
        park=park,
        year=YEAR,
        month=6,
        revenue=Decimal("1500000.0000"),
        leading_industries="装备制造、新材料",
        leading_revenue=Decimal("894000.5000"),
        leading_share_target=Decimal("70.00"),
        enterprises_above_size=86,
        employees=23500,
        planned_area=Decimal("30.5000"),
    )
    return park


def walk(world) -> Walk:
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="演示招商项目", register_year=YEAR
    )
    url = reverse("attraction_lead", args=[lead.pk])
    park = reverse("attraction_park_figures", args=[_park(world).pk, YEAR, 6])
    return Walk(
        pages={
            "attraction_funnel": (reverse("attraction_funnel"), READERS),
            "attraction_lead": (url, {**READERS, "wenxian": 404}),
            "attraction_parks": (reverse("attraction_parks"), PARK_READERS),
            "attraction_parcel_points": (reverse("attraction_parcel_points"), READERS),
            "attraction_park_figures": (park, {**PARK_READERS, "leader": 403}),
        },
        actions={
            "attraction_lead": (
                url,
                {"wenxian": 404, "leader": 403, "commissioner": 404, "department": 404},
            ),
            "attraction_lead_funds": (
                reverse("attraction_lead_funds", args=[lead.pk]),
                {"wenxian": 404, "leader": 403, "commissioner": 404, "department": 404},
            ),
            "attraction_lead_preparatory": (
                reverse("attraction_lead_preparatory", args=[lead.pk]),
                {"wenxian": 404, "leader": 403, "commissioner": 404, "department": 404},
            ),
            "attraction_park_figures": (park, PARK_ENTRY),
        },
    )
