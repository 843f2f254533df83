"""The funnel page for the permission walk: those who see the city's totals and the county
offices (their own unit); nobody else."""

from django.urls import reverse

from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}


def walk(world) -> Walk:
    return Walk(pages={"attraction_funnel": (reverse("attraction_funnel"), READERS)})
