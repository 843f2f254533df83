"""Indicator pages and actions for the permission walk.

The 指标调度 page's files are for those who see the city's totals; on the page and its own, a
county office sees its own places (and no other county's name), the city-wide see any unit's.
Forms are entered by departments and county offices, each its own, and reviewed by the city
office.
"""

from django.urls import reverse

from guanmo.indicators.submissions import submission_for
from guanmo.reporting.models import Period
from tests.indicators.pages import indicator_city
from tests.web.walks import Walk
from tests.world import YEAR

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
CITY_WIDE = {**dict.fromkeys(ROLES, 404), "admin": 200, "city": 200, "leader": 200}
PLACES = {**CITY_WIDE, "wuzhi": 200, "wenxian": 200}
ENTRY = {**dict.fromkeys(ROLES, 200), "leader": 403, "commissioner": 403}
SENDERS = {**dict.fromkeys(ROLES, 403), "wuzhi": 302, "wenxian": 302, "department": 302}
WUZHI_FORM = {**dict.fromkeys(ROLES, 404), "admin": 200, "city": 200, "wuzhi": 200}
TARGETS = {**dict.fromkeys(ROLES, 403), "admin": 200, "city": 200}
OUTSIDE = {"wenxian": 404, "leader": 404, "commissioner": 404, "department": 404}
UNKNOWN_TOKEN = "0" * 32  # no file held: the city office is sent back to upload again (302)


def walk(world) -> Walk:
    indicator_city(world)
    april = Period.objects.get(city=world.city, year=YEAR, month=4)
    form = submission_for(april, county=world.wuzhi)
    return Walk(
        pages={
            "indicator_board": (reverse("indicator_board"), PLACES),
            "indicator_board_file": (reverse("indicator_board_file", args=["xlsx"]), CITY_WIDE),
            "county_places": (reverse("county_places"), PLACES),
            "target_form": (reverse("target_form"), TARGETS),
            "indicator_import": (reverse("indicator_import"), TARGETS),
            "indicator_import_preview": (
                reverse("indicator_import_preview", args=[UNKNOWN_TOKEN]),
                {**TARGETS, "admin": 302, "city": 302},
            ),
            "submission_list": (reverse("submission_list"), ENTRY),
            "submission_start": (reverse("submission_start", args=[april.pk]), SENDERS),
            "submission_form": (reverse("submission_form", args=[form.pk]), WUZHI_FORM),
        },
        actions={
            # Only the city office uploads an indicator sheet.
            "indicator_import": (
                reverse("indicator_import"),
                {role: status for role, status in TARGETS.items() if status == 403},
            ),
            # Only the city office issues the month's report as a numbered document.
            "indicator_board_issue": (
                reverse("indicator_board_issue"),
                {**OUTSIDE, "wuzhi": 404, "leader": 403},
            ),
            # Only 武陟县 submits its form; the city office decides on it.
            "submission_submit": (
                reverse("submission_submit", args=[form.pk]),
                {**OUTSIDE, "admin": 403, "city": 403},
            ),
            **{
                name: (reverse(name, args=[form.pk]), {**OUTSIDE, "wuzhi": 403})
                for name in ("submission_approve", "submission_return", "submission_reopen")
            },
        },
    )
