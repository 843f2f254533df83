"""A county's own park (县里的产业集聚区) named in a register: added under its county with
`guanmo add-park`, then read as the row's park and counted in its county; before that, the
refusal lists the city's parks and says how to add one (tryout 28: 「“武陟县产业集聚区”不是本市
的园区」, no list, no way to add one)."""

import pytest
from django.core.management import CommandError, call_command

from guanmo.attraction.models import Lead
from guanmo.attraction.selectors import host_unit
from guanmo.attraction.sheet_import import import_attraction
from guanmo.regions.models import Region
from tests.attraction.sheets import register, write

HEADER = ["项目名称", "投资方所在地", "合同投资", "签约日期", "所在县区", "所在园区"]
ROWS = [["宁德新能源项目", "宁德", 50000, "2025-03-15", "武陟县", "武陟县产业集聚区"]]


def test_a_county_park_not_yet_added_is_refused_listing_the_parks_and_the_command(city, tmp_path):
    report = import_attraction(write(tmp_path, register(ROWS, header=HEADER)), city=city, year=2025)

    [fault] = [str(fault) for fault in report.faults]
    assert "“武陟县产业集聚区”不是本市的园区" in fault
    assert "本市的园区：城乡一体化示范区、武陟产业集聚区" in fault
    assert "guanmo add-park 武陟县 武陟县产业集聚区" in fault


def test_a_park_added_under_its_county_is_read_and_counted_in_the_county(city, tmp_path):
    call_command("add-park", "武陟县", "武陟县产业集聚区")
    call_command("add-park", "武陟县", "武陟县产业集聚区")  # again: nothing new

    report = import_attraction(write(tmp_path, register(ROWS, header=HEADER)), city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    park = Region.objects.get(name="武陟县产业集聚区")
    assert (park.kind, park.parent.name) == (Region.Kind.ZONE, "武陟县")
    lead = Lead.objects.get()
    assert lead.park == park
    assert host_unit(lead).name == "武陟县"


def test_a_park_is_added_under_a_county_only(city):
    with pytest.raises(CommandError, match="没有名为“洛阳县”的县（市、区）"):
        call_command("add-park", "洛阳县", "某产业集聚区")
