"""A project lying in several counties (issue 9 §6) is read by each county office it lies in,
marked 牵头：XX县, while its figures are reported and counted by the lead county only."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import AnnualPlan, KeyListEntry, Project
from guanmo.reporting.services import open_period
from tests.world import YEAR

NAME = "沁河生态廊道工程"


@pytest.fixture
def shared(world):
    """Led by 温县, lying in 武陟县 too."""
    project = Project.objects.create(
        city=world.city,
        county=world.wenxian,
        name=NAME,
        total_investment=Decimal(30000),
        latitude=Decimal("35.0"),
        longitude=Decimal("113.3"),
    )
    project.other_counties.add(world.wuzhi)
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(3000))
    return project


def test_the_other_county_lists_it_marked_with_its_lead(client, world, shared):
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("project_list")).content.decode()
    assert NAME in page
    assert "牵头：温县" in page


def test_the_lead_county_lists_it_without_a_mark(client, world, shared):
    client.force_login(world.users["wenxian"])
    page = client.get(reverse("project_list")).content.decode()
    assert NAME in page
    assert "牵头：" not in page


def test_the_other_county_opens_its_page_which_says_who_reports_it(client, world, shared):
    client.force_login(world.users["wuzhi"])
    response = client.get(reverse("project_detail", args=[shared.pk]))
    assert response.status_code == 200
    assert (
        '<p class="notes" id="lead-county">牵头：温县。本项目由温县填报进度、计入温县排名，'
        "武陟县可查看。</p>"
    ) in response.content.decode()


def test_the_other_county_sees_it_on_the_map_marked(client, world, shared):
    client.force_login(world.users["wuzhi"])
    features = client.get(reverse("map_points")).json()["features"]
    marked = {f["properties"]["name"]: f["properties"]["county"] for f in features}
    assert marked[NAME] == "牵头：温县"


def test_the_other_county_neither_edits_nor_reports_it(client, world, shared):
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("project_edit", args=[shared.pk])).status_code in (403, 404)
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    wuzhi = period.reports.get(county=world.wuzhi)
    assert not wuzhi.entries.filter(project=shared).exists()
    assert period.reports.get(county=world.wenxian).entries.filter(project=shared).exists()


def test_the_other_countys_dashboard_does_not_count_it(client, world, shared):
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("dashboard")).context["project_count"] == 2
