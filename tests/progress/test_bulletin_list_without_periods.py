"""The bulletin list says why months of figures loaded from sheets have no bulletin yet, and
where to open and close a period (tryout 25 [10]: /bulletins/ said 尚无已关闭的填报期 while the
dashboard said 数据截至2025年5月)."""

import re
from datetime import date

from django.urls import reverse

from guanmo.reporting.selectors import latest_closed_month
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR


def test_imported_months_without_a_period_are_explained(client, world):
    year, month = latest_closed_month(world.city)
    client.force_login(world.users["city"])

    page = client.get(reverse("bulletin_list")).content.decode()

    assert f"数据截至{year}年{month}月，但尚未有关闭的填报期：通报须先开启并关闭填报期" in page
    assert re.search(rf'<a href="{reverse("period_list")}">填报期</a>', page)


def test_a_closed_period_is_listed_without_the_explanation(client, world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(period, user=world.users["city"])
    client.force_login(world.users["city"])

    page = client.get(reverse("bulletin_list")).content.decode()

    assert "2025年4月" in page and "尚未有关闭的填报期" not in page
