"""The city's own projects (全市, 市直) are reported too: the city office fills them in the
市本级 report of each period, with the same grid, review states and history as a county's, and
every list that names who has not reported calls them 市本级, not the city's name."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.models import FigureChange, Status
from guanmo.reporting.services import open_period, upload_sheet
from tests.ledger.sheets import xlsx
from tests.world import YEAR


@pytest.fixture
def city_project(world):
    project = Project.objects.create(
        city=world.city, county=world.city, name="焦作市城市快速路", total_investment=90000
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(6000))
    return project


@pytest.fixture
def april(world, city_project):
    return open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )


def test_opening_a_period_gives_the_city_a_report_of_its_own_projects(world, april, city_project):
    report = april.reports.get(county=world.city)
    assert [entry.project for entry in report.entries.all()] == [city_project]
    assert report.unit_name == "市本级"
    assert str(report) == f"市本级{april}月报"
    held_by_counties = april.reports.exclude(county=world.city)
    assert not held_by_counties.filter(entries__project=city_project).exists()


def test_a_city_without_projects_of_its_own_gets_no_such_report(world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    assert not period.reports.filter(county=world.city).exists()


def test_the_city_office_fills_submits_and_approves_it_with_history(
    client, world, april, city_project
):
    report = april.reports.get(county=world.city)
    client.force_login(world.users["city"])
    url = reverse("report_grid", args=[report.pk])
    assert client.get(url).context["may_edit"] is True
    pk = city_project.pk
    saved = client.post(
        url,
        {"version": report.version, "action": "submit", f"c-{pk}": "", f"k-{pk}": "2400"}
        | {f"v-{pk}": "路基施工", f"p-{pk}": "无"},
    )
    assert saved.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    client.post(reverse("report_approve", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Status.APPROVED
    progress = MonthlyProgress.objects.get(project=city_project, year=YEAR, month=4)
    assert progress.cumulative_completed == Decimal(2400)
    assert set(
        FigureChange.objects.filter(project=city_project).values_list("field", "source")
    ) >= {
        ("累计完成投资（万元）", "月报填写"),
        ("累计完成投资（万元）", "审核通过"),
    }


def test_a_county_office_neither_sees_nor_fills_the_city_report(client, world, april):
    report = april.reports.get(county=world.city)
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("report_grid", args=[report.pk])).status_code == 404


def test_the_not_reporting_lists_name_it_as_the_city_level(client, world, city_project):
    report = progress_report_for(world.city, YEAR, 3)
    assert ("市本级", "焦作市城市快速路") in [(p.unit, p.name) for p in report.unreported]
    # Its name names the city already: neither 市本级 nor 焦作市 is said before it (issue 10).
    assert "焦作市城市快速路" in report.sentences[-1]
    assert "市本级焦作市" not in report.sentences[-1]
    client.force_login(world.users["city"])
    page = client.get(reverse("dashboard")).content.decode()
    assert ">焦作市城市快速路</a></li>" in page
    assert "市本级 · " not in page and "市本级·焦作市" not in page
    assert "焦作市 · " not in page


def test_the_period_page_lists_the_city_report_by_its_name(client, world, april):
    client.force_login(world.users["city"])
    page = client.get(reverse("period_detail", args=[april.pk])).content.decode()
    assert "市本级" in page


def test_an_upload_to_it_is_recorded_as_the_city_levels(client, world, april, city_project):
    report = april.reports.get(county=world.city)
    sheet = xlsx([["项目名称", "本月完成投资", "累计完成投资"], ["焦作市城市快速路", 2400, 2400]])
    outcome = upload_sheet(report, sheet, user=world.users["city"], version=report.version)
    assert outcome.faults == []
    assert report.entries.get(project=city_project).cumulative_completed == Decimal(2400)
    record = FigureChange.objects.filter(project=city_project).first().import_record
    client.force_login(world.users["city"])
    page = client.get(reverse("import_record", args=[record.pk])).content.decode()
    assert "，市本级上传" in page


def test_a_city_project_added_after_the_period_opened_gets_the_report_too(client, world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    project = Project.objects.create(city=world.city, county=world.city, name="市体育中心")
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    client.force_login(world.users["city"])
    page = client.get(reverse("period_detail", args=[period.pk])).content.decode()
    report = period.reports.get(county=world.city)
    assert [entry.project for entry in report.entries.all()] == [project]
    assert "市本级" in page
