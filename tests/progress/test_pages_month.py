"""Pages of figures show the latest closed month, say which in their title, and show the open
month only as reporting progress (issue 10: on 15 December the dashboard showed December's
unreported figures, 143 red warnings and 数据截至2025年12月)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import MonthlyProgress
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.services import open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def april(world):
    """April open: 武陟县 has filled one of its two projects, 温县 nothing; one approved April
    figure already in the ledger (a county approved early)."""
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    report = period.reports.get(county=world.wuzhi)
    entry = report.entries.get(project=world.projects["武陟装备"])
    entry.cumulative_completed = Decimal(500)
    entry.save()
    MonthlyProgress.objects.create(
        project=world.projects["温县食品"],
        year=YEAR,
        month=4,
        completed_this_month=Decimal(0),
        cumulative_completed=Decimal(260),
    )
    return period


def _page(client, world, name: str, role: str = "city", **query) -> str:
    client.force_login(world.users[role])
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_shows_the_closed_month_not_the_open_one(client, world, april):
    body = _page(client, world, "dashboard")

    march = progress_report_for(world.city, YEAR, 3)
    assert march.headline in body
    assert "数据截至2025年3月" in body
    assert "数据截至2025年4月" not in body
    assert "1—4月" not in body


def test_dashboard_offers_the_open_month_as_reporting_progress(client, world, april):
    body = _page(client, world, "dashboard")

    assert "2025年4月填报进度" in body
    assert "1/2个" in body  # 武陟县: one of its two projects filled
    assert "0/2个" in body  # 温县: none


def test_asking_for_the_open_month_gives_the_latest_closed_one(client, world, april):
    body = _page(client, world, "dashboard", year=YEAR, month=4)

    assert "数据截至2025年3月" in body
    assert progress_report_for(world.city, YEAR, 3).headline in body


def test_a_closed_month_asked_for_is_shown(client, world, april):
    body = _page(client, world, "dashboard", year=YEAR, month=2)

    assert "数据截至2025年2月" in body
    assert progress_report_for(world.city, YEAR, 2).headline in body


@pytest.mark.parametrize("name", ["warnings", "project_list", "project_map"])
def test_pages_of_figures_say_the_closed_month_in_their_title(client, world, april, name):
    body = _page(client, world, name)

    assert "数据截至2025年3月" in body
    assert "2025年4月" not in body


def test_project_list_counts_the_closed_months_figures(client, world, april):
    body = _page(client, world, "project_list")

    # 温县健康食品产业园: 260 of 800 in March; its April figure (open month) is not shown.
    assert "32.5" in body
    assert "数据截至2025年3月" in body


def test_a_city_without_a_closed_month_ranks_and_warns_nothing(client, world):
    MonthlyProgress.objects.all().delete()
    open_period(world.city, year=YEAR, month=1, deadline=date(YEAR, 2, 5), user=None)

    body = _page(client, world, "dashboard")

    assert "尚无已关闭的填报月份" in body
    assert 'id="ranking"' not in body
    warnings = _page(client, world, "warnings")
    assert "没有预警项目" in warnings
