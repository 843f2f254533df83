"""A county's park added with add-park is a park wherever the city's parks are (one selector,
selectors.parks_of): its own report, the parks' figures import, the parks' page — where its
county's office sees it — and init-city --zone refuses its name a second unit (tryout 32:
`attraction-report --unit 武陟县产业集聚区` failed, the parks' page 404'd for 武陟县, and the
import's advice made a second 武陟县产业集聚区 beside the counties)."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.attraction.models import Lead, Parcel, ParkFigures, StageDate
from guanmo.attraction.park_import import import_park_figures
from guanmo.attraction.stages import Stage
from guanmo.regions.models import Region
from tests.attraction.test_import_park_figures import _write

PARK = "武陟县产业集聚区"


def _county_park(city) -> Region:
    call_command("add-park", "武陟县", PARK)
    return Region.objects.get(name=PARK)


def test_a_county_parks_own_report(city, capsys):
    park = _county_park(city)
    wuzhi = city.children.get(name="武陟县")
    for name, where in [("园区内项目", park), ("县城项目", None)]:
        lead = Lead.objects.create(city=city, county=wuzhi, park=where, name=name,
                                   register_year=2025, contract_investment=10000)  # fmt: skip
        StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(2025, 3, 1))
    Parcel.objects.create(city=city, county=wuzhi, park=park, name="P1", area=50,
                          supplied_on=date(2025, 2, 1))  # fmt: skip
    capsys.readouterr()

    call_command("attraction-report", "--year", "2025", "--month", "11", "--format", "json",
                 "--unit", PARK)  # fmt: skip

    report = json.loads(capsys.readouterr().out)
    whole = report["funnel"][0]
    assert (whole["region"], whole["signed"]) == (PARK, 1)
    assert {row["region"]: row["supplied"] for row in report["land"]}[PARK] == "50"


def test_a_county_parks_figures_are_imported_on_the_park(city, tmp_path):
    park = _county_park(city)

    report = import_park_figures(
        _write(tmp_path, [[1, PARK, 10, 6, 70, 5, 2, 1, 800, 3, 100]]), city=city, year=2025
    )

    assert report.ok, [report.describe(fault) for fault in report.faults]
    assert ParkFigures.objects.get().park == park


def test_the_county_office_sees_its_parks_page(client, world):
    call_command("add-park", "武陟县", PARK)
    client.force_login(world.users["wuzhi"])

    page = client.get(reverse("attraction_parks"))

    assert page.status_code == 200
    assert PARK in page.content.decode()


def test_init_city_zone_refuses_a_name_that_is_a_countys_park(city):
    _county_park(city)

    with pytest.raises(CommandError, match=f"{PARK}已是武陟县的园区（410823-Z01）"):
        call_command("init-city", "410800", "--zone", PARK)
    assert Region.objects.filter(name=PARK).count() == 1


def test_the_funnel_pages_picker_offers_a_county_park(client, world):
    call_command("add-park", "武陟县", PARK)
    park = Region.objects.get(name=PARK)
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_funnel"), {"unit": park.pk}).content.decode()

    assert f'<option value="{park.pk}" selected>{PARK}</option>' in page
