import pytest
from django.core.management import CommandError, call_command

from guanmo.regions.models import Region
from guanmo.regions.names import region_named, short_region_name
from guanmo.regions.services import divisions, init_city

JIAOZUO_COUNTIES = [
    "解放区",
    "中站区",
    "马村区",
    "山阳区",
    "修武县",
    "博爱县",
    "武陟县",
    "温县",
    "沁阳市",
    "孟州市",
]


def test_data_file_names_its_source_and_holds_every_county_level_division():
    assert len([d for d in divisions().values() if not d.code.endswith("00")]) > 2800
    assert divisions()["410823"].name == "武陟县"
    assert divisions()["410823"].parent == "410800"


@pytest.mark.django_db
def test_init_city_creates_jiaozuo_with_ten_counties_and_one_zone():
    call_command("init-city", "410800", "--zone", "城乡一体化示范区")

    city = Region.objects.get(code="410800")
    assert city.name == "焦作市"
    assert city.parent.name == "河南省"
    counties = city.children.filter(kind=Region.Kind.COUNTY)
    assert [c.name for c in counties] == JIAOZUO_COUNTIES
    zones = city.children.filter(kind=Region.Kind.ZONE)
    assert [(z.code, z.name) for z in zones] == [("410800-Z01", "城乡一体化示范区")]


@pytest.mark.django_db
def test_init_city_twice_adds_only_new_zones():
    init_city("410800", ["城乡一体化示范区"])
    init_city("410800", ["城乡一体化示范区", "焦作高新区"])

    assert Region.objects.get(code="410800").children.count() == 12
    assert Region.objects.get(code="410800-Z02").name == "焦作高新区"


@pytest.mark.django_db
def test_municipality_districts_hang_off_the_city_itself():
    city = init_city("110000")
    assert city.children.filter(name="海淀区").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["999999", "410000", "410823"])
def test_init_city_refuses_a_code_that_is_not_a_city(code):
    with pytest.raises(CommandError, match=code):
        call_command("init-city", code)
    assert not Region.objects.exists()


@pytest.mark.parametrize(
    ("full", "short"),
    [("武陟县", "武陟"), ("沁阳市", "沁阳"), ("温县", "温县"), ("解放区", "解放")],
)
def test_short_region_name(full, short):
    assert short_region_name(full) == short


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("武陟县", "武陟县"),
        ("武陟", "武陟县"),
        (" 温 县 ", "温县"),
        ("河南省焦作市武陟县", "武陟县"),
        ("示范区", "城乡一体化示范区"),
        ("郑州市", None),
        ("", None),
    ],
)
def test_region_named_by_the_names_sheets_use(typed, expected):
    city = init_city("410800", ["城乡一体化示范区"])
    found = region_named(typed, city.children.all())
    assert (found.name if found else None) == expected
