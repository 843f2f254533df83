"""`guanmo create-user`: a role, the region that role needs, and an argon2-hashed password."""

import pytest
from django.core.management import CommandError, call_command

from guanmo.accounts.models import Department, Role, User
from guanmo.regions.services import init_city

PASSWORD = "Xiangmu-ban-2025!"


@pytest.fixture
def city(db):
    return init_city("410800", ["城乡一体化示范区"])


def create(*args, **options):
    call_command("create-user", *args, password=PASSWORD, **options)


def test_a_county_office_by_county_name(city, capsys):
    create("wuzhi", role="县区项目办", region="武陟县", name="武陟县项目办")
    user = User.objects.get(username="wuzhi")
    assert (user.role, user.region.name, user.full_name) == (
        Role.COUNTY_OFFICE,
        "武陟县",
        "武陟县项目办",
    )
    assert user.password.startswith("argon2")
    assert user.check_password(PASSWORD)
    assert not (user.is_staff or user.is_superuser)
    assert capsys.readouterr().out.strip() == "已新建用户 wuzhi（县区项目办，所属武陟县）"


def test_a_zone_office_by_code_and_a_city_office_by_default(city):
    zone = city.children.get(name="城乡一体化示范区")
    create("zone", role="county_office", region=zone.code)
    create("shi", role="city_office")
    assert User.objects.get(username="zone").region == zone
    assert User.objects.get(username="shi").region == city


@pytest.mark.parametrize(
    ("role", "region", "expected"),
    [
        ("leader", "", Role.LEADER),
        ("分包领导", "焦作市", Role.LEADER),
        ("commissioner", "410800", Role.COMMISSIONER),
        ("驻工地专员", "", Role.COMMISSIONER),
    ],
)
def test_leaders_and_commissioners_belong_to_the_city(city, role, region, expected):
    create("someone", role=role, region=region, unit="市发改委", phone="13800000000")
    user = User.objects.get(username="someone")
    assert (user.role, user.region, user.unit, user.phone) == (
        expected,
        city,
        "市发改委",
        "13800000000",
    )


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
        (
            {"role": "commissioner", "region": "城乡一体化示范区"},
            "驻工地专员的所属区划应为市，而「城乡一体化示范区」是",
        ),
        ({"role": "county_office", "region": "洛阳"}, "--region：焦作市没有「洛阳」这个区划"),
    ],
)
def test_bad_options_name_the_option_and_create_nobody(city, options, message):
    with pytest.raises(CommandError, match=message):
        create("someone", **options)
    assert not User.objects.filter(username="someone").exists()


def test_without_a_city_it_asks_for_init_city(db):
    with pytest.raises(CommandError, match="尚未建立城市，请先运行 guanmo init-city"):
        create("shi", role="city_office")
    assert not User.objects.exists()


def test_a_weak_password_is_refused(city):
    with pytest.raises(CommandError, match="--password："):
        call_command("create-user", "weak", role="city_office", password="12345678")
    assert not User.objects.filter(username="weak").exists()


def test_the_password_can_come_from_the_environment(city, monkeypatch):
    monkeypatch.setenv("GUANMO_NEW_USER_PASSWORD", PASSWORD)
    call_command("create-user", "shi", role="city_office")
    assert User.objects.get(username="shi").check_password(PASSWORD)


def test_without_a_password_it_is_asked_for_twice(city, monkeypatch):
    monkeypatch.delenv("GUANMO_NEW_USER_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("create-user", "shi", role="city_office")
    assert User.objects.get(username="shi").check_password(PASSWORD)


def test_two_different_typed_passwords_are_refused(city, monkeypatch):
    monkeypatch.delenv("GUANMO_NEW_USER_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="两次输入的密码不一致"):
        call_command("create-user", "shi", role="city_office")
    assert not User.objects.filter(username="shi").exists()


def test_an_existing_user_needs_update(city):
    create("wuzhi", role="county_office", region="武陟县")
    with pytest.raises(CommandError, match="用户名「wuzhi」已存在；如需修改请加 --update"):
        create("wuzhi", role="county_office", region="温县")
    assert User.objects.get(username="wuzhi").region.name == "武陟县"


def test_update_changes_role_region_name_and_password(city):
    create("wuzhi", role="admin")
    new_password = "Wenxian-xmb-2026?"
    call_command(
        "create-user",
        "wuzhi",
        role="county_office",
        region="温县",
        name="温县项目办",
        password=new_password,
        update=True,
    )
    user = User.objects.get(username="wuzhi")
    assert (user.role, user.region.name, user.full_name) == (
        Role.COUNTY_OFFICE,
        "温县",
        "温县项目办",
    )
    assert not (user.is_superuser or user.is_staff)
    assert user.check_password(new_password) and not user.check_password(PASSWORD)


def test_a_department_user_with_a_new_department(city, capsys):
    create("zrzyj", role="责任部门", department="市自然资源和规划局", name="赵科长")
    user = User.objects.get(username="zrzyj")
    assert (user.role, user.region, user.department.name, user.department.city) == (
        Role.DEPARTMENT,
        city,
        "市自然资源和规划局",
        city,
    )
    assert capsys.readouterr().out.strip() == (
        "已新建用户 zrzyj（责任部门，所属焦作市，市自然资源和规划局）"
    )


def test_a_second_user_of_a_department_joins_it(city):
    create("zrzyj", role="department", department="市自然资源和规划局")
    create("zrzyj2", role="department", department=" 市自然资源和规划局 ")
    first, second = User.objects.filter(username__startswith="zrzyj").order_by("username")
    assert first.department == second.department
    assert Department.objects.count() == 1


def test_a_department_user_needs_his_department(city):
    with pytest.raises(CommandError, match="--department：责任部门须指定所属部门名称"):
        create("zrzyj", role="department")
    assert not User.objects.filter(username="zrzyj").exists()
    assert not Department.objects.exists()


def test_only_department_users_have_a_department(city):
    with pytest.raises(CommandError, match="--department：只有责任部门的用户有所属部门"):
        create("wuzhi", role="county_office", region="武陟县", department="市住建局")
    assert not Department.objects.exists()


def test_update_keeps_the_department_and_a_new_role_leaves_it(city):
    create("zrzyj", role="department", department="市自然资源和规划局")
    call_command(
        "create-user", "zrzyj", role="department", phone="139", password=PASSWORD, update=True
    )
    assert User.objects.get(username="zrzyj").department.name == "市自然资源和规划局"
    call_command("create-user", "zrzyj", role="leader", password=PASSWORD, update=True)
    assert User.objects.get(username="zrzyj").department is None


@pytest.mark.parametrize(("typed", "asked"), [("一体化", "城乡一体化示范区"), ("陟", "武陟县")])
def test_a_part_of_a_regions_name_is_asked_about_never_taken(city, typed, asked):
    """S2 of issue 9: --region names a region by the one rule of regions.names.naming; a part
    of a name once found the region containing it."""
    with pytest.raises(CommandError, match=f"没有「{typed}」这个区划；是否为{asked}？"):
        create("someone", role="county_office", region=typed)
    assert not User.objects.filter(username="someone").exists()


def test_a_short_name_finds_its_county(city):
    create("wuzhi", role="county_office", region="武陟")
    assert User.objects.get(username="wuzhi").region.name == "武陟县"


def test_without_a_password_and_without_a_terminal_it_says_what_to_do(city, monkeypatch):
    """Tryout 24 F9: no --password and no terminal ended in Python's EOFError; it says, in
    Chinese, to give --password or run it in a terminal, exit code 2, and creates nobody."""
    import io

    monkeypatch.delenv("GUANMO_NEW_USER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError) as refused:
        call_command("create-user", "shixmb", role="市项目办", name="市项目办")
    assert refused.value.returncode == 2
    assert "--password" in str(refused.value) and "终端" in str(refused.value)
    assert not User.objects.filter(username="shixmb").exists()
