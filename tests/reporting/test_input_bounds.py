"""A report's inputs are bounded: its texts within the length limit (a fault that saves
nothing), a reason too, and a period's deadline within the horizon."""

from datetime import date

from django.urls import reverse

from guanmo.reporting.forms import OpenPeriodForm
from guanmo.reporting.models import ReviewStep
from guanmo.reporting.services import EntryInput, save_entries


def test_an_overlong_visible_progress_is_a_fault_and_nothing_is_saved(world, wuzhi_report):
    project = world.projects["武陟装备"]
    result = save_entries(
        wuzhi_report,
        [EntryInput(project.pk, cumulative_completed="700", visible_progress="建" * 2001)],
        user=world.users["wuzhi"],
        version=wuzhi_report.version,
    )
    assert [str(fault) for fault in result.faults] == [
        "「武陟县智能装备产业园」形象进度：「形象进度」不能超过2000字，现为2001字"
    ]
    assert not wuzhi_report.entries.filter(cumulative_completed__isnull=False).exists()


def test_a_commissioners_overlong_note_is_refused_on_his_page(client, world, april):
    project = world.projects["温县文旅"]
    client.force_login(world.users["commissioner"])
    report = april.reports.get(county=project.county)
    response = client.post(
        reverse("project_note", args=[project.pk]),
        {"problems": "难" * 2001, "version": report.version},
        follow=True,
    )
    page = response.content.decode()
    assert "「存在问题」不能超过2000字" in page and "已写入本月报表" not in page
    assert report.entries.get(project=project).problems == ""


def test_an_overlong_return_reason_is_refused(client, world, wuzhi_report):
    wuzhi_report.status = "submitted"
    wuzhi_report.save()
    client.force_login(world.users["city"])
    response = client.post(
        reverse("report_return", args=[wuzhi_report.pk]), {"reason": "因" * 2001}, follow=True
    )
    assert "「原因」不能超过2000字" in response.content.decode()
    assert not wuzhi_report.steps.filter(action=ReviewStep.Action.RETURN).exists()


def test_a_period_deadline_beyond_the_horizon_is_refused():
    form = OpenPeriodForm(
        {"year": 2025, "month": 4, "deadline": "9999-12-31"}, today=date(2025, 4, 1)
    )
    assert not form.is_valid()
    assert form.errors["deadline"] == [
        "「报送截止日期」不能晚于2028年4月1日（2025年4月1日起1096天以内）"
    ]
