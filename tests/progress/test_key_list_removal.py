"""A project taken off a key list (调出重点项目名录): from the month after it left it is not
ranked, not reported for and not in the count of projects, but its annual plan and what it
completed before it left stay in its unit's year totals, so taking a laggard off cannot raise
a unit's completion rate (issue 14). Worked by hand on the test city: 温县食品 (plan 800万元;
60, 150, 260 cumulative in January to March) leaves the city list on 20 February."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.bulletin import milestone_section
from guanmo.ledger.models import KeyListEntry, Milestone
from guanmo.ledger.services.milestones import remove_from_key_list
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.models import ReportEntry
from guanmo.reporting.services import close_period, open_period


@pytest.fixture
def food_left_in_february(world):
    remove_from_key_list(
        KeyListEntry.objects.get(project=world.projects["温县食品"]),
        on=date(2025, 2, 20),
        reason="长期停工，无法按期建成",
        user=None,
        today=date(2025, 3, 1),
    )
    return world


def _unit(report, name):
    return next(figures for figures in report.regions if figures.region == name)


def test_in_the_month_it_left_the_project_still_counts_in_full(food_left_in_february):
    """February: 温县 has 2 projects, 1,800 planned, 250 + 150 = 400 done, 22.2%."""
    report = progress_report_for(food_left_in_february.city, 2025, 2)
    wenxian = _unit(report, "温县")

    assert (wenxian.projects, wenxian.annual_plan, wenxian.completed) == (
        2,
        Decimal("1800"),
        Decimal("400"),
    )
    assert wenxian.completion_rate == Decimal("22.2")
    assert (
        "本月调出重点项目名录项目1个，调出前完成投资和年度计划投资仍计入本年累计，"
        "自下月起不计入项目个数，不参加排名。"
    ) in report.sentences


def test_after_it_left_its_plan_and_work_before_leaving_stay_in_the_totals(food_left_in_february):
    """March: 温县 has 1 project and still 1,800 planned (文旅 1,000 + 食品 800); 400 (文旅) +
    150 (食品 by February; its March report is after it left) = 550 done, 30.6%. 合计: 3
    projects, 5,000 planned, 520 + 550 = 1,070 done, 21.4%."""
    report = progress_report_for(food_left_in_february.city, 2025, 3, with_projects=True)
    wenxian = _unit(report, "温县")

    assert (wenxian.projects, wenxian.annual_plan, wenxian.completed) == (
        1,
        Decimal("1800"),
        Decimal("550"),
    )
    assert wenxian.completion_rate == Decimal("30.6")
    total = report.total
    assert (total.projects, total.annual_plan, total.completed, total.completion_rate) == (
        3,
        Decimal("5000"),
        Decimal("1070"),
        Decimal("21.4"),
    )
    assert (
        "1—3月累计含此前调出重点项目名录的项目1个调出前完成投资150万元、年度计划投资"
        "800万元，不计入项目个数，不参加排名。"
    ) in report.sentences
    food = next(line for line in report.projects if line.name == "温县健康食品产业园")
    assert (food.removed, food.annual_plan, food.completed) == (
        True,
        Decimal("800"),
        Decimal("150"),
    )
    wenxian_lines = [line for line in report.projects if line.region == "温县"]
    assert sum(line.completed for line in wenxian_lines) == Decimal("550")
    assert sum(line.annual_plan for line in wenxian_lines) == Decimal("1800")


def test_taking_a_laggard_off_does_not_raise_its_countys_rate(city, add_project):
    """武陟县: 甲 (plan 1,000; 300, 600 by January, February) and the laggard 乙 (plan 1,000;
    50, 100). Listed in February: 2,000 planned, 700 done, 35.0%. Taken off on 15 January, 乙
    still brings its 1,000 plan and its 50 done by January: 2,000 planned, 650 done, 32.5%
    (under the old rule 1,000 planned, 650 done, 65.0%, a rate raised by the removal)."""
    add_project("武陟县", "1000", {1: "300", 2: "600"}, name="武陟县甲项目")
    laggard = add_project("武陟县", "1000", {1: "50", 2: "100"}, name="武陟县乙项目")
    listed = _unit(progress_report_for(city, 2025, 2), "武陟县")
    remove_from_key_list(
        KeyListEntry.objects.get(project=laggard),
        on=date(2025, 1, 15),
        reason="长期停工",
        user=None,
        today=date(2025, 2, 1),
    )

    report = progress_report_for(city, 2025, 2)
    wuzhi = _unit(report, "武陟县")

    assert (listed.annual_plan, listed.completion_rate) == (Decimal("2000"), Decimal("35.0"))
    assert (wuzhi.projects, wuzhi.annual_plan, wuzhi.completed) == (
        1,
        Decimal("2000"),
        Decimal("650"),
    )
    assert wuzhi.completion_rate == Decimal("32.5")
    assert wuzhi.completion_rate <= listed.completion_rate
    assert report.total.annual_plan == Decimal("2000")


def test_a_project_that_left_is_not_asked_to_report(food_left_in_february):
    """April: nobody has reported; the three projects still listed are named, not 温县食品."""
    report = progress_report_for(food_left_in_february.city, 2025, 4)

    assert [project.name for project in report.unreported] == [
        "武陟县智能装备产业园",
        "武陟县冷链物流园",
        "温县太极文化产业园",
    ]


def test_a_project_that_left_gets_no_line_in_later_months_reports(food_left_in_february):
    projects = food_left_in_february.projects
    march = open_period(
        food_left_in_february.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None
    )

    lines = ReportEntry.objects.filter(report__period=march)
    assert not lines.filter(project=projects["温县食品"]).exists()
    assert lines.filter(project=projects["温县文旅"]).exists()


def test_a_project_still_on_another_list_keeps_counting(food_left_in_february):
    """On the province's list as well, 温县食品 is still a key project in March (all levels),
    but not one of the city's (市)."""
    food = food_left_in_february.projects["温县食品"]
    KeyListEntry.objects.create(project=food, year=2025, level="省")
    city = food_left_in_february.city

    assert _unit(progress_report_for(city, 2025, 3), "温县").projects == 2
    city_list = _unit(progress_report_for(city, 2025, 3, level="市"), "温县")
    assert (city_list.projects, city_list.completed) == (1, Decimal("550"))


def test_a_project_that_left_is_not_counted_in_later_milestone_rates(food_left_in_february):
    """温县食品 planned to start on 1 March and did not; 武陟装备 planned 10 February and started
    on the 20th. Gone from March, 温县食品 is in nobody's 开工率: 1 planned, 1 started, 100.0%."""
    projects = food_left_in_february.projects
    Milestone.objects.create(project=projects["温县食品"], kind="开工", planned=date(2025, 3, 1))
    Milestone.objects.create(
        project=projects["武陟装备"],
        kind="开工",
        planned=date(2025, 2, 10),
        reached=date(2025, 2, 20),
    )

    section = milestone_section(food_left_in_february.city, 2025, 3)

    assert section.table.text_rows()[-1][:4] == ["全市", "1", "1", "100.0"]


def test_the_bulletin_page_states_the_rule(client, food_left_in_february):
    march = open_period(
        food_left_in_february.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None
    )
    close_period(march, user=food_left_in_february.users["city"])
    client.force_login(food_left_in_february.users["city"])
    page = client.get(reverse("bulletin", args=[2025, 3])).content.decode()

    assert "调出前完成投资150万元" in page  # the sentences' rule, not a table's (tryout 22)
