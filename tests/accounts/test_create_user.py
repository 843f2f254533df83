import pytest
from django.core.management import CommandError, call_command

from guanmo.accounts.models import Role, User
from guanmo.regions.services import init_city

PASSWORD = "Xiangmu-ban-2025!"


@pytest.fixture
def city(db):
    return init_city("410800", ["城乡一体化示范区"])


def create(*args, **options):
    call_command("create-user", *args, password=PASSWORD, **options)


def test_a_county_office_by_county_name(city):
    create("wuzhi", role="县区项目办", region="武陟县", name="武陟县项目办")
    user = User.objects.get(username="wuzhi")
    assert (user.role, user.region.name, user.full_name) == (
        Role.COUNTY_OFFICE,
        "武陟县",
        "武陟县项目办",
    )
    assert user.password.startswith("argon2")
    assert user.check_password(PASSWORD)


def test_a_zone_office_by_code_and_a_city_office_by_default(city):
    zone = city.children.get(name="城乡一体化示范区")
    create("zone", role="county_office", region=zone.code)
    create("shi", role="city_office")
    assert User.objects.get(username="zone").region == zone
    assert User.objects.get(username="shi").region == city


def test_the_administrator_is_a_superuser_with_no_region(city):
    create("root", role="admin")
    user = User.objects.get(username="root")
    assert user.is_superuser and user.is_staff and user.region is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"role": "处长"}, "--role：没有「处长」这个角色"),
        ({"role": "county_office"}, "--region：县区项目办须指定所属县区"),
        ({"role": "county_office", "region": "焦作市"}, "所属区划应为县区，而「焦作市」是市"),
        (
            {"role": "leader", "region": "温县"},
            "分包领导的所属区划应为市，而「温县」是县（市、区）",
        ),
        ({"role": "county_office", "region": "洛阳"}, "--region：焦作市没有「洛阳」这个区划"),
    ],
)
def test_bad_options_name_the_option_and_create_nobody(city, options, message):
    with pytest.raises(CommandError, match=message):
        create("someone", **options)
    assert not User.objects.filter(username="someone").exists()


def test_a_weak_password_is_refused(city):
    with pytest.raises(CommandError, match="--password："):
        call_command("create-user", "weak", role="city_office", password="12345678")
    assert not User.objects.filter(username="weak").exists()


def test_an_existing_user_needs_update(city):
    create("wuzhi", role="county_office", region="武陟县")
    with pytest.raises(CommandError, match="已存在"):
        create("wuzhi", role="county_office", region="温县")
    create("wuzhi", role="county_office", region="温县", update=True)
    assert User.objects.get(username="wuzhi").region.name == "温县"
