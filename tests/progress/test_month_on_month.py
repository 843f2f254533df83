"""The dashboard and the bulletin say each county's change since the previous month: its rank
(较上月前移2位 / 后移1位 / 持平) and its completion rate in 个百分点."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def test_each_county_has_its_change_since_the_previous_month(world):
    # February: 温县 400 of 1800 (22.2%) first, 武陟县 340 of 3200 (10.6%) second;
    # March: 温县 660 (36.7%), 武陟县 520 (16.3%): the same places. The changes are the exact
    # ones rounded once: 36.667 − 22.222 = 14.44, 16.25 − 10.625 = 5.625 (tryout 25 [6]; the
    # shown rates would say 14.5 and 5.7).
    report = progress_report_for(world.city, YEAR, 3, with_changes=True)

    assert report.changes["温县"].rank == "位次与上月相同"
    assert report.changes["温县"].rate == "提高14.4个百分点"
    assert report.changes["武陟县"].rate == "提高5.6个百分点"


def test_a_county_that_overtakes_moves_up(world):
    project = world.projects["武陟物流"]
    project.monthly_progress.filter(month=3).update(cumulative_completed=2000)

    report = progress_report_for(world.city, YEAR, 3, with_changes=True)

    # 武陟县 (400 + 2000) ÷ 3200 = 75.0% overtakes 温县's 36.7%.
    assert report.changes["武陟县"].rank == "较上月前移1位"
    assert report.changes["温县"].rank == "较上月后移1位"


def test_january_has_no_previous_month(world):
    assert progress_report_for(world.city, YEAR, 1, with_changes=True).changes == {}


def test_the_dashboard_and_the_bulletin_show_the_change(client, world):
    march = open_period(world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    client.force_login(world.users["city"])

    for url in (reverse("dashboard"), reverse("bulletin", args=[YEAR, 3])):
        body = client.get(url).content.decode()
        assert "位次与上月相同，完成率提高14.4个百分点" in body, url
