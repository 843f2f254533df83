"""A month without a closed period has no bulletin, and its page says why and where its figures
are (tryout 20 F7: a month loaded by import-progress got the generic 404 "这条记录已被删除、不在
您负责的范围内")."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.reporting.services import open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def test_a_month_without_figures_says_so(client, world):
    client.force_login(world.users["city"])
    page = client.get(reverse("bulletin", args=[YEAR, 9]))
    text = page.content.decode()
    assert page.status_code == 404
    assert "2025年9月尚无进度数据，本月尚未关账，通报在关账后生成" in text
    assert "已被删除" not in text


def test_an_open_month_says_its_period_is_not_closed(client, world):
    open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    client.force_login(world.users["city"])
    page = client.get(reverse("bulletin", args=[YEAR, 4]))
    text = page.content.decode()
    assert page.status_code == 404
    assert "2025年4月填报期尚未关闭，本月尚未关账，通报在关账后生成" in text
    assert "month=4" not in text  # no figures of April yet: no link to them
    file = client.get(reverse("bulletin_file", args=[YEAR, 4, "docx"]))
    assert file.status_code == 404
    assert "通报在关账后生成" in file.content.decode()


def test_the_dashboard_says_an_open_months_deadline_with_its_year(client, world):
    """报送截止 2025年5月5日 (|chinese_date), as the period's own page says it, not 5月5日."""
    open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    client.force_login(world.users["city"])

    text = client.get(reverse("dashboard"), {"year": YEAR, "month": 4}).content.decode()

    assert "报送截止 2025年5月5日。本月尚未关闭" in text
    # what is not ranked nor warned is the projects' figures, not the indicators' (approved one
    # by one, warned in their card): tryout 29 item 12
    assert "本月尚未关闭，项目数据未审核，项目不排名、不预警" in text
