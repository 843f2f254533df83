"""The funnel page and a lead's page for the permission walk: those who see the city's totals
and the county offices (their own unit's leads); the city office and the lead's county record
its stages."""

from django.urls import reverse

from guanmo.attraction.models import Lead
from tests.web.walks import Walk
from tests.world import YEAR

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}


def walk(world) -> Walk:
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="演示招商项目", register_year=YEAR
    )
    url = reverse("attraction_lead", args=[lead.pk])
    return Walk(
        pages={
            "attraction_funnel": (reverse("attraction_funnel"), READERS),
            "attraction_lead": (url, {**READERS, "wenxian": 404}),
        },
        actions={
            "attraction_lead": (
                url,
                {"wenxian": 404, "leader": 403, "commissioner": 404, "department": 404},
            ),
        },
    )
