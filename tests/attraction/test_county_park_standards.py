"""Every park of the city — ranked beside its counties (`init-city --zone`) or added under a
county (`add-park`) — has its land standard applied, and the parks offered in the admin are
the served cities' parks alone (tryout 32: 武陟县产业集聚区's 300 万元/亩 was ignored, the
picker offered 雄安新区, a zone kept to compare with under 河北省)."""

import json
from datetime import date
from decimal import Decimal

from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory

from guanmo.attraction.models import Parcel, ParkStandard
from guanmo.attraction.origins import XIONGAN, origin_region
from guanmo.attraction.selectors import park_standards, parks_of
from guanmo.regions.models import Region


def _county_park(city) -> Region:
    call_command("add-park", "武陟县", "武陟县产业集聚区")
    return Region.objects.get(name="武陟县产业集聚区")


def test_a_county_parks_standard_is_applied(city, capsys):
    park = _county_park(city)
    ParkStandard.objects.create(park=park, investment_intensity=300, min_plot_ratio=1)
    Parcel.objects.create(
        city=city, county=city.children.get(name="武陟县"), park=park, name="P9电商园一期",
        area=70, supplied_on=date(2024, 1, 1), started_on=date(2024, 6, 1), investment=14000,
        plot_ratio=Decimal("0.8"),
    )  # fmt: skip

    assert "武陟县产业集聚区" in park_standards(city)
    capsys.readouterr()  # add-park's own lines
    call_command(
        "attraction-report", "--year", "2025", "--month", "11", "--format", "json",
        "--unit", "武陟县",
    )  # fmt: skip
    below = json.loads(capsys.readouterr().out)["below_standard"]
    assert [row["parcel"] for row in below] == ["P9电商园一期"]


def test_the_citys_parks_are_its_own_and_its_counties_and_never_a_compared_zone(city):
    park = _county_park(city)
    origin_region(XIONGAN)  # 雄安新区, a zone under 河北省 kept to compare with

    assert [unit.name for unit in parks_of(city)] == [
        "城乡一体化示范区",
        "武陟产业集聚区",
        park.name,
    ]
    model_admin = admin.site._registry[ParkStandard]
    field = ParkStandard._meta.get_field("park")
    offered = model_admin.formfield_for_foreignkey(field, RequestFactory().get("/"))
    names = [region.name for region in offered.queryset]
    assert "武陟县产业集聚区" in names
    assert "雄安新区" not in names
