"""A project entering the key list in a later month (`Project.entered_on`, the one rule of
`ledger.due`) is in no page or figure of an earlier month: not in the warning list, the project
list or the map of March, not in the public ledger after March closes, not in the assessment's
ledger facts for 1—3月 (issue 14; the bulletin's own test is test_entry_in_bulletin).

The test city's figures are March's; 武陟县光伏项目 enters on 1 June with a plan of 600万元 and
nothing done: in March it would read 0.0%, 25.0 points behind time progress, a red warning."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.assessment.source_selectors import ledger_facts
from guanmo.assessment.sources import SourceCycle
from guanmo.disclosure.selectors import build_public_ledger
from guanmo.ledger.models import Project
from guanmo.reporting.services import close_period, open_period
from tests.progress.test_entry_in_bulletin import _later_project
from tests.world import YEAR

pytestmark = pytest.mark.django_db

LATER = "武陟县光伏项目"


@pytest.fixture
def solar_in_june(world):
    project = _later_project(world, world.wuzhi, LATER, "600", date(YEAR, 6, 1), date(YEAR, 5, 10))
    project.latitude, project.longitude = Decimal("35.1"), Decimal("113.4")
    project.save(update_fields=["latitude", "longitude"])
    return world


def _get(client, world, name: str, **query):
    client.force_login(world.users["city"])
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    return response


def test_the_warning_list_leaves_out_a_project_entering_later(client, solar_in_june):
    response = _get(client, solar_in_june, "warnings")

    assert response.context["when"].month == 3
    assert LATER not in [status.name for status in response.context["statuses"]]


def test_the_project_list_leaves_out_a_project_entering_later(client, solar_in_june):
    names = [s.name for s in _get(client, solar_in_june, "project_list").context["page"]]

    assert LATER not in names
    assert len(names) == 4


def test_the_map_leaves_out_a_project_entering_later(client, solar_in_june):
    features = _get(client, solar_in_june, "map_points").json()["features"]

    assert LATER not in [feature["properties"]["name"] for feature in features]


def test_the_public_ledger_leaves_out_a_project_entering_later(solar_in_june):
    period = open_period(
        solar_in_june.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None
    )
    close_period(period, user=solar_in_june.users["city"])

    ledger = build_public_ledger(solar_in_june.city)

    assert ledger.month == 3
    assert LATER not in [project.name for project in ledger.projects]
    assert len(ledger.projects) == 4


def test_the_assessments_ledger_facts_leave_out_a_project_entering_later(solar_in_june):
    later = Project.objects.get(name=LATER).pk
    march = ledger_facts(solar_in_june.city, SourceCycle(YEAR, 3))
    june = ledger_facts(solar_in_june.city, SourceCycle(YEAR, 6))

    assert later not in [start.project for start in march.starts]
    assert later in [start.project for start in june.starts]
