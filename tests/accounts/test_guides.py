"""使用说明 (issue 10): each role reaches a short guide to its own work from the navigation, and
a judge reaches his from the scoring page on his phone, without an account."""

import re
from datetime import date

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role
from guanmo.observation import services as tours
from tests.world import YEAR

pytestmark = pytest.mark.django_db

# The test world's users by role, and the heading of the guide each must land on.
OWN_GUIDE = {
    "admin": "系统管理员使用说明",
    "city": "市项目办使用说明",
    "wuzhi": "县区项目办使用说明",
    "leader": "分包领导使用说明",
    "commissioner": "驻工地专员使用说明",
    "department": "责任部门使用说明",
}


@pytest.mark.parametrize("role", OWN_GUIDE)
def test_every_role_finds_the_guide_to_its_own_work_in_the_navigation(client, world, role):
    client.force_login(world.users[role])

    dashboard = client.get(reverse("landing"), follow=True).content.decode()
    link = re.search(r'<nav class="main-nav".*?</nav>', dashboard, re.S)[0]
    assert f'href="{reverse("guide")}">使用说明</a>' in link
    guide = client.get(reverse("guide"))

    assert guide.status_code == 200
    page = guide.content.decode()
    assert f"<h1>{OWN_GUIDE[role]}</h1>" in page
    assert [heading for heading in OWN_GUIDE.values() if f"<h1>{heading}</h1>" in page] == [
        OWN_GUIDE[role]
    ]


@pytest.mark.parametrize("role", [*Role.values, "judge"])
def test_every_guide_says_what_to_do_each_month_and_how_its_figures_are_counted(
    client, world, role
):
    client.force_login(world.users["city"])

    page = client.get(reverse("role_guide", args=[role])).content.decode()

    assert "每月做什么" in page
    assert "怎么算" in page


def test_the_office_guides_give_every_warning_and_the_glossarys_reckoning(client, world):
    client.force_login(world.users["wuzhi"])

    page = client.get(reverse("guide")).content.decode()

    for warning in ("落后时间进度", "逾期未报送", "逾期未开工", "连续两个月无投资"):
        assert warning in page
    assert "完成率 = 1—M月累计完成投资 ÷ 年度计划投资" in page
    assert "时间进度 = M ÷ 12" in page
    assert "个百分点" in page


def test_an_unknown_role_has_no_guide(client, world):
    client.force_login(world.users["city"])

    assert client.get(reverse("role_guide", args=["mayor"])).status_code == 404


def test_a_judge_opens_his_guide_from_his_phone_without_an_account(client, world):
    tour = tours.create_tour(
        world.city,
        name="上半年观摩",
        first_day=date(YEAR, 6, 18),
        days=1,
        counties=[world.wuzhi],
        user=None,
    )
    judge = tours.add_judge(tour, name="张评委")
    client.get(reverse("judge_sign_in", args=[judge.token]))

    home = client.get(reverse("judge_home")).content.decode()
    assert f'href="{reverse("judge_guide")}"' in home
    client.logout()
    guide = client.get(reverse("judge_guide"))

    assert guide.status_code == 200
    assert "<h1>评委使用说明</h1>" in guide.content.decode()


def test_a_county_tops_guides_say_its_whole(client):
    """At an installation whose top is 武陟县, the guides say 全县 where a city's say 全市."""
    from guanmo.accounts.models import User
    from guanmo.regions.services import init_county

    county = init_county("410823", ["木城街道"])
    client.force_login(User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county))
    for role in ("county_office", "leader"):
        page = client.get(reverse("role_guide", args=[role])).content.decode()
        assert "全县" in page
        assert "全市" not in page
