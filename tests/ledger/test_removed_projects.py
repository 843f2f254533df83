"""A project taken out of the ledger (调出重点项目名录) is counted nowhere from the month after it
left: not on the dashboard, in the warnings, the project list, the public ledger or the
assessment's ledger facts; its own page still shows it and why it left (issue 14). The test
city's 武陟县冷链物流园 (plan 2,000万元, 120 done by March: 6.0%, red) leaves on 20 February;
the figures shown are March's."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.assessment.source_selectors import ledger_facts
from guanmo.assessment.sources import SourceCycle
from guanmo.disclosure.selectors import build_public_ledger
from guanmo.ledger.models import KeyListEntry, Project
from guanmo.ledger.services.milestones import remove_from_key_list
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db

LEFT = "武陟县冷链物流园"


@pytest.fixture
def cold_chain_left(world):
    remove_from_key_list(
        KeyListEntry.objects.get(project=world.projects["武陟物流"]),
        on=date(YEAR, 2, 20),
        reason="长期停工，无法按期建成",
        user=None,
        today=date(YEAR, 3, 1),
    )
    return world


def _get(client, world, name: str, *args, role: str = "city", **query):
    client.force_login(world.users[role])
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    return response


def test_in_ledger_counts_a_removed_project_to_the_end_of_the_month_it_left(cold_chain_left):
    left = cold_chain_left.projects["武陟物流"]
    city_projects = Project.objects.filter(city=cold_chain_left.city)

    assert city_projects.in_ledger(YEAR, month=2).filter(pk=left.pk).exists()
    assert not city_projects.in_ledger(YEAR, month=3).filter(pk=left.pk).exists()
    assert city_projects.in_ledger(YEAR).filter(pk=left.pk).exists()  # the year's history
    assert city_projects.in_ledger(YEAR, month=3).count() == 3


def test_dashboard_does_not_count_a_removed_project(client, cold_chain_left):
    response = _get(client, cold_chain_left, "dashboard")

    assert response.context["project_count"] == 3
    assert LEFT not in [status.name for status in response.context["warned"]]
    assert response.context["red"] + response.context["yellow"] == len(response.context["warned"])


def test_dashboard_of_the_month_it_left_still_counts_it(client, cold_chain_left):
    period = open_period(
        cold_chain_left.city, year=YEAR, month=2, deadline=date(YEAR, 4, 5), user=None
    )
    close_period(period, user=cold_chain_left.users["city"])

    response = _get(client, cold_chain_left, "dashboard", year=YEAR, month=2)

    assert response.context["project_count"] == 4


def test_warnings_do_not_name_a_removed_project(client, cold_chain_left):
    response = _get(client, cold_chain_left, "warnings")

    assert LEFT not in response.content.decode()
    assert LEFT not in [status.name for status in response.context["statuses"]]


def test_project_list_leaves_out_a_removed_project_and_lists_it_under_removed(
    client, cold_chain_left
):
    listed = _get(client, cold_chain_left, "project_list")
    removed = _get(client, cold_chain_left, "project_list", listed="removed")

    assert LEFT not in [status.name for status in listed.context["page"]]
    assert len(listed.context["page"].object_list) == 3
    assert [status.name for status in removed.context["page"]] == [LEFT]


def test_project_list_by_level_leaves_out_a_removed_project(client, cold_chain_left):
    response = _get(client, cold_chain_left, "project_list", level="市")

    assert LEFT not in [status.name for status in response.context["page"]]


def test_project_page_still_shows_a_removed_project_and_why(client, cold_chain_left):
    left = cold_chain_left.projects["武陟物流"]
    body = _get(client, cold_chain_left, "project_detail", left.pk).content.decode()

    assert LEFT in body
    assert "长期停工，无法按期建成" in body


def test_public_ledger_leaves_out_a_removed_project(cold_chain_left):
    period = open_period(
        cold_chain_left.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None
    )
    close_period(period, user=cold_chain_left.users["city"])

    ledger = build_public_ledger(cold_chain_left.city)

    assert [project.name for project in ledger.projects if project.name == LEFT] == []
    assert len(ledger.projects) == 3


def test_assessment_ledger_facts_leave_out_a_removed_project(cold_chain_left):
    facts = ledger_facts(cold_chain_left.city, SourceCycle(YEAR, 3))
    february = ledger_facts(cold_chain_left.city, SourceCycle(YEAR, 2))
    left = cold_chain_left.projects["武陟物流"].pk

    assert left not in [start.project for start in facts.starts]
    assert left in [start.project for start in february.starts]
