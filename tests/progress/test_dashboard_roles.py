"""A leader's dashboard leads with his own projects, the city's figures beside them (issue 10:
he saw the city headline only)."""

import pytest
from django.urls import reverse

from guanmo.progress.selectors import progress_report_for
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def test_a_leader_sees_his_own_projects_first_and_the_city_beside(client, world):
    client.force_login(world.users["leader"])

    body = client.get(reverse("dashboard")).content.decode()

    # 武陟装备 and 温县文旅: 400 + 400 of 1200 + 1000 by March, against 25% of the year.
    own = (
        "本人包抓的2个重点项目1—3月累计完成投资800.00万元，占年度计划的36.4%，"
        "超时间进度11.4个百分点。"
    )
    assert own in body
    assert f"全市：{progress_report_for(world.city, YEAR, 3).headline}" in body
    assert body.index(own) < body.index("全市：")
    assert 'id="own-projects"' in body
    assert "武陟县智能装备产业园" in body and "温县太极文化产业园" in body


def test_the_city_office_sees_the_city_headline(client, world):
    client.force_login(world.users["city"])

    body = client.get(reverse("dashboard")).content.decode()

    assert progress_report_for(world.city, YEAR, 3).headline in body
    assert "本人包抓" not in body
