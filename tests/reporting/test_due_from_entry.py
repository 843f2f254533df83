"""A project that entered the ledger during the year (`Project.entered_on`) is due to report
from the month containing that day, and nowhere asked for a month before: not in the period's
lines, not in the count of projects filled in, not in the lists of projects not reported
(`ledger.due`, issue 14 round 14)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.accounts.scope import scope_of
from guanmo.ledger.due import due_to_report
from guanmo.ledger.models import AnnualPlan, KeyListEntry, Project
from guanmo.progress.selectors import progress_report_for, unreported_projects
from guanmo.reporting.models import ReportEntry
from guanmo.reporting.selectors import reports_with_counts
from guanmo.reporting.services import add_missing_entries, open_period
from tests.world import YEAR


@pytest.fixture
def entered_in_june(world):
    """武陟县's 光伏项目, put on the key list by an upload of June: entered on 1 June."""
    project = Project.objects.create(
        city=world.city,
        county=world.wuzhi,
        name="武陟县光伏项目",
        total_investment=Decimal(30000),
        entered_on=date(YEAR, 6, 1),
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(600))
    return project


@pytest.mark.parametrize(
    ("entered_on", "month", "due"),
    [
        (None, 1, True),
        (date(YEAR, 6, 1), 5, False),
        (date(YEAR, 6, 1), 6, True),
        (date(YEAR, 6, 30), 6, True),
        (date(YEAR, 12, 10), 11, False),
        (date(YEAR, 12, 10), 12, True),
        (date(YEAR - 1, 12, 31), 1, True),
    ],
)
def test_a_project_is_due_from_the_month_it_entered_the_ledger(entered_on, month, due):
    assert due_to_report(entered_on, YEAR, month) is due


def test_the_queryset_keeps_to_the_same_rule(world, entered_in_june):
    for month in range(1, 13):
        found = Project.objects.due_to_report(YEAR, month).filter(pk=entered_in_june.pk).exists()
        assert found is due_to_report(entered_in_june.entered_on, YEAR, month)


def test_a_period_before_the_month_it_entered_gives_it_no_line(world, entered_in_june):
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 5), user=None)

    assert not ReportEntry.objects.filter(report__period=april, project=entered_in_june).exists()
    assert ReportEntry.objects.filter(report__period=june, project=entered_in_june).exists()
    assert add_missing_entries(april.reports.get(county=world.wuzhi)) == 0


def test_the_count_filled_in_leaves_out_a_line_not_due(world, entered_in_june):
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    report = april.reports.get(county=world.wuzhi)
    # a line made before the rule (or by hand) for a month it was not due
    ReportEntry.objects.create(report=report, project=entered_in_june)

    counted = reports_with_counts(scope_of(world.users["city"]), april).get(pk=report.pk)

    assert (counted.lines, counted.reported) == (2, 0)


def test_it_is_not_named_as_not_reporting_before_it_entered(world, entered_in_june):
    assert [p.name for p in unreported_projects(world.city, YEAR, 3)] == []
    assert "未报送" not in "".join(progress_report_for(world.city, YEAR, 3).sentences)
    assert "武陟县光伏项目" in [p.name for p in unreported_projects(world.city, YEAR, 6)]


def test_the_dashboard_lists_it_as_not_reported_only_once_due(client, world, entered_in_june):
    client.force_login(world.users["city"])

    march = client.get(reverse("dashboard"), {"year": YEAR, "month": 3}).context

    assert entered_in_june.pk not in [status.pk for status in march["unreported"]]
    assert march["unreported"] == []


def test_the_project_table_leaves_it_out_before_it_entered(world, entered_in_june):
    """Not on the list in March, so not in March's table at all (not even as 未到报送月份:
    its plan beside the units' totals would not add up to them); in June it is a line."""
    march = progress_report_for(world.city, YEAR, 3, with_projects=True).projects
    june = progress_report_for(world.city, YEAR, 6, with_projects=True).projects

    assert "武陟县光伏项目" not in [line.name for line in march]
    assert {line.reporting for line in march} == {"是"}
    assert sum(line.annual_plan for line in march) == Decimal(5000)
    assert [line.reporting for line in june if line.name == "武陟县光伏项目"] == ["否"]


def _wuzhi(report):
    return next(figures for figures in report.regions if figures.region == "武陟县")


def test_its_plan_is_in_its_units_totals_only_from_the_month_it_entered(world, entered_in_june):
    # 武陟县's other projects: plans 1200 + 2000, completed by March 400 + 120
    may = progress_report_for(world.city, YEAR, 5)
    june = progress_report_for(world.city, YEAR, 6)

    assert (_wuzhi(may).projects, _wuzhi(may).annual_plan, _wuzhi(may).completed) == (
        2,
        Decimal(3200),
        Decimal(520),
    )
    assert _wuzhi(may).completion_rate == Decimal("16.3")  # 520 ÷ 3200 = 16.25%
    assert (may.total.projects, may.total.annual_plan) == (4, Decimal(5000))
    assert (_wuzhi(june).projects, _wuzhi(june).annual_plan) == (3, Decimal(3800))
    assert _wuzhi(june).completion_rate == Decimal("13.7")  # 520 ÷ 3800 = 13.68%
    assert (june.total.projects, june.total.annual_plan) == (5, Decimal(5600))


def test_the_dashboards_plan_leaves_it_out_before_it_entered(client, world, entered_in_june):
    entered_in_june.leader = world.users["leader"]
    entered_in_june.save()
    client.force_login(world.users["leader"])

    march = client.get(reverse("dashboard"), {"year": YEAR, "month": 3}).context

    # the leader's projects counted in March: 武陟县智能装备产业园 1200 and 温县太极文化产业园
    # 1000; the plan line is m/12 of their 2200 万元, in 亿元 (with the 600 entering in June it
    # would be 0.02, 0.05, 0.07)
    assert (march["when"].year, march["when"].month) == (YEAR, 3)
    assert march["chart"]["plan_line"] == ["0.02", "0.04", "0.06"]


def test_the_leaders_sentence_counts_only_his_projects_on_the_list(client, world, entered_in_june):
    entered_in_june.leader = world.users["leader"]
    entered_in_june.save()
    client.force_login(world.users["leader"])

    march = client.get(reverse("dashboard"), {"year": YEAR, "month": 3}).context

    # 武陟县智能装备产业园 and 温县太极文化产业园: 400 + 400 done of 1,200 + 1,000 planned =
    # 36.4%, 11.4 points above 25.0% (not 3 projects: 光伏 enters in June)
    assert march["own_sentence"] == (
        "本人包抓的2个重点项目1—3月累计完成投资800.00万元，占年度计划的36.4%，"
        "超时间进度11.4个百分点。"
    )
