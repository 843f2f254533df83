"""A city's ranking groups (县（市）组, 城区组, 功能区组): each unit is ranked within its group as
well as in the whole city, on the dashboard and in the bulletin, as real bulletins rank them."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.demo.city import build_demo_city
from guanmo.progress.report import Period, UnitTotals, build_progress_report
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.models import RankingGroup, Region
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR


def _unit(name: str, completed: str, group: str) -> UnitTotals:
    return UnitTotals(name, 1, Decimal(100), Decimal(completed), group=group)


def test_units_are_ranked_within_their_group_and_in_the_city():
    report = build_progress_report(
        Period(2025, 6),
        [
            _unit("武陟县", "40", "县（市）组"),
            _unit("解放区", "70", "城区组"),
            _unit("温县", "60", "县（市）组"),
            _unit("山阳区", "50", "城区组"),
            _unit("示范区", "60", ""),
        ],
        group_order=["县（市）组", "城区组"],
    )

    by_name = {f.region: f for f in report.regions}
    assert (by_name["温县"].rank, by_name["温县"].tied, by_name["温县"].group_rank) == (2, True, 1)
    assert (by_name["武陟县"].rank, by_name["武陟县"].group_rank) == (5, 2)
    assert (by_name["山阳区"].rank, by_name["山阳区"].group_rank) == (4, 2)
    assert by_name["示范区"].group_rank is None
    assert [(name, [f.region for f in members]) for name, members in report.groups] == [
        ("县（市）组", ["温县", "武陟县"]),
        ("城区组", ["解放区", "山阳区"]),
    ]


def test_without_groups_the_report_has_none():
    report = build_progress_report(Period(2025, 6), [_unit("温县", "60", "")])

    assert report.groups == []


@pytest.fixture
def grouped(world):
    counties = RankingGroup.objects.create(city=world.city, name="县（市）组", sort_order=1)
    Region.objects.filter(pk__in=[world.wuzhi.pk, world.wenxian.pk]).update(ranking_group=counties)
    march = open_period(world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    return counties


def test_the_report_reads_the_citys_groups(world, grouped):
    report = progress_report_for(world.city, YEAR, 3)

    ((name, members),) = report.groups
    assert name == "县（市）组"
    assert [(f.region, f.group_rank) for f in members] == [("温县", 1), ("武陟县", 2)]


def test_dashboard_and_bulletin_show_the_group_ranking(client, world, grouped):
    client.force_login(world.users["city"])

    for url in (reverse("dashboard"), reverse("bulletin", args=[YEAR, 3])):
        body = client.get(url).content.decode()
        assert 'id="group-ranking"' in body and "县（市）组" in body and "组内名次" in body, url


def test_a_county_dashboard_shows_no_other_county_through_the_groups(client, world, grouped):
    client.force_login(world.users["wuzhi"])

    body = client.get(reverse("dashboard")).content.decode()

    assert "温县" not in body


def test_the_demo_city_ranks_its_units_in_three_groups(db):
    city = build_demo_city().city

    report = progress_report_for(city, YEAR, 11)

    assert [(name, len(members)) for name, members in report.groups] == [
        ("县（市）组", 6),
        ("城区组", 4),
        ("功能区组", 2),
    ]
