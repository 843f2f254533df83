"""A project's milestones, monthly plan and leaving a key list, set on their pages by those
who may: every change in the project's history, wrong input refused in Chinese with nothing
changed, and the project page showing the life line and completion judged both ways."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import KeyListEntry, Milestone, MilestoneKind, MonthlyPlan
from guanmo.reporting.models import FigureChange
from guanmo.reporting.services import close_period, open_period


@pytest.fixture
def project(world, settings):
    settings.GUANMO_TODAY = date(2025, 4, 20)
    return world.projects["武陟装备"]  # 武陟县, plan 1,200万元, 400万元 done by March


def _dates(**given: str) -> dict[str, str]:
    """The milestone form's fields, all blank but those given (started_planned="2025-03-01")."""
    kinds = [kind.name.lower() for kind in MilestoneKind]
    form = {f"{kind}_{end}": "" for kind in kinds for end in ("planned", "reached")}
    return {**form, "reason": "", **given}


def test_the_county_office_sets_milestones_and_each_change_is_recorded(client, world, project):
    client.force_login(world.users["wuzhi"])
    response = client.post(
        reverse("project_milestones", args=[project.pk]),
        _dates(started_planned="2025-03-01", started_reached="2025-03-18", reason="按施工许可核实"),
    )

    assert response.status_code == 302
    assert Milestone.objects.get(project=project, kind="开工").reached == date(2025, 3, 18)
    assert set(
        FigureChange.objects.filter(project=project).values_list(
            "field", "old_value", "new_value", "source", "reason", "user__username"
        )
    ) == {
        ("开工计划日期", "", "2025年3月1日", "台账修改", "按施工许可核实", "wuzhi"),
        ("开工实际日期", "", "2025年3月18日", "台账修改", "按施工许可核实", "wuzhi"),
    }


def test_an_actual_date_after_today_is_refused_and_nothing_changes(client, world, project):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("project_milestones", args=[project.pk]), _dates(started_reached="2025-04-21")
    )

    assert response.status_code == 200
    assert "开工：实际日期2025年4月21日晚于今天，实际日期不能是将来" in response.content.decode()
    assert not Milestone.objects.exists()
    assert not FigureChange.objects.exists()


def test_twelve_months_must_add_up_to_the_annual_plan(client, world, project):
    client.force_login(world.users["wuzhi"])
    url = reverse("project_curve", args=[project.pk])
    months = {f"m{month}": "100" for month in range(1, 13)}

    refused = client.post(url, {**months, "m12": "99"})
    assert "12个月计划投资合计1199万元，与年度计划投资1200万元不一致" in refused.content.decode()
    some = client.post(url, {"m1": "100"})
    assert "应填写全部12个月，2月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月未填写" in (
        some.content.decode()
    )
    assert not MonthlyPlan.objects.exists()

    assert client.post(url, {**months, "m1": "50", "m12": "150"}).status_code == 302
    assert list(MonthlyPlan.objects.values_list("month", "planned_investment"))[:2] == [
        (1, Decimal("50.0000")),
        (2, Decimal("100.0000")),
    ]
    assert FigureChange.objects.filter(field="月度计划投资（万元）", year=2025).count() == 12

    assert client.post(url, {}).status_code == 302  # all blank: back to the city's shape
    assert not MonthlyPlan.objects.exists()
    assert FigureChange.objects.filter(new_value="").count() == 12


def test_the_page_judges_completion_by_the_projects_curve_as_well_as_by_time(
    client, world, project
):
    """March closed: 400 of 1,200 is 33.3%; time progress 3/12 is 25.0% (+8.3 points); the
    office's curve 50, 100, 150 for January to March has 300 due, 25.0% (+8.3 points) too, so
    here it is set to 100, 150, 250: 500 due, 41.7%, and 400 done is 8.3 points behind ((400 −
    500) ÷ 1,200 = −8.33, rounded once: tryout 22)."""
    months = [100, 150, 250, 100, 100, 100, 100, 100, 50, 50, 50, 50]
    MonthlyPlan.objects.bulk_create(
        MonthlyPlan(project=project, year=2025, month=m, planned_investment=Decimal(a))
        for m, a in enumerate(months, start=1)
    )
    Milestone.objects.create(project=project, kind="主体完工", planned=date(2025, 2, 1))
    march = open_period(world.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    client.force_login(world.users["leader"])
    page = client.get(reverse("project_detail", args=[project.pk])).content.decode()

    assert (
        '时间进度（按月均，3/12）</dt><dd id="time-progress">25.0%，较时间进度+8.3个百分点' in page
    )
    assert (
        '序时进度（按计划曲线，项目自定）</dt><dd id="curve-progress">41.7%，较序时进度-8.3个百分点'
        in page
    )
    assert "逾期未完成" in page  # 主体完工 planned in February, not reached by April 20
    assert "计划2月主体完工，至3月仍未主体完工" in page  # the warning of the closed month


def test_the_city_office_takes_a_project_off_the_list_keeping_it_and_saying_why(
    client, world, project
):
    entry = KeyListEntry.objects.get(project=project, year=2025)
    client.force_login(world.users["city"])
    url = reverse("project_removal", args=[project.pk])

    future = client.post(url, {"entry": entry.pk, "removed_on": "2025-04-21", "reason": "停工"})
    assert "调出日期不能晚于今天" in future.content.decode()
    response = client.post(
        url,
        {"entry": entry.pk, "removed_on": "2025-04-10", "reason": "长期停工，调出市重点项目名录"},
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.removed_on, entry.removal_reason) == (
        date(2025, 4, 10),
        "长期停工，调出市重点项目名录",
    )
    assert list(FigureChange.objects.values_list("field", "old_value", "new_value", "reason")) == [
        ("2025年市重点名录", "在列", "2025年4月10日调出", "长期停工，调出市重点项目名录")
    ]
    page = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "2025年市重点：2025年4月10日调出名录，原因：长期停工，调出市重点项目名录" in page
