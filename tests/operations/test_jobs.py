"""Scheduled jobs run daily with each run kept for the administrator; heavy work started from a
page runs in the background and its owner follows it on a progress bar."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule, Success
from django_q.scheduler import scheduler

from guanmo.accounts.models import Role, User
from guanmo.operations.jobs import JobRefused, Outcome, start_job
from guanmo.operations.models import BackgroundJob


def test_migrating_installs_the_daily_jobs(db):
    schedules = {s.name: s for s in Schedule.objects.all()}
    escalation = schedules["逾期问题升级（每日）"]
    assert escalation.func == "guanmo.operations.jobs.escalate_problems"
    assert escalation.schedule_type == Schedule.DAILY
    assert timezone.localtime(escalation.next_run).strftime("%H:%M") == "00:30"
    assert "备份数据库和附件（每日）" in schedules


def test_a_due_escalation_runs_and_its_outcome_is_kept(world, settings, tmp_path):
    Schedule.objects.filter(name="逾期问题升级（每日）").update(
        next_run=timezone.now() - timedelta(minutes=1)
    )
    scheduler()
    run = Success.objects.get(group="逾期问题升级（每日）")
    assert run.success and "升级" in run.result
    following = Schedule.objects.get(name="逾期问题升级（每日）").next_run
    assert following > timezone.now()


def halving(progress, numbers):
    """A job for the tests: reports each step, then its outcome."""
    for done, _ in enumerate(numbers, start=1):
        progress(done, len(numbers), f"第{done}步")
    return Outcome(f"完成{len(numbers)}步", "/projects/")


def failing(progress):
    raise RuntimeError("排线求解器崩溃")


@pytest.fixture
def office(world):
    return world.users["city"]


def test_a_job_started_from_a_page_reports_its_progress_and_outcome(
    client, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(
            kind="test",
            title="测试任务",
            owner=office,
            function="tests.operations.test_jobs.halving",
            arguments=([1, 2, 3],),
        )
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.percent) == ("done", 3, 3, 100)
    assert job.message == "完成3步" and job.result_url == "/projects/"

    client.force_login(office)
    status = client.get(reverse("job_status", args=[job.pk])).json()
    assert status["finished"] and status["state_label"] == "已完成"
    page = client.get(reverse("job_page", args=[job.pk])).content.decode()
    assert "测试任务" in page and 'value="100"' in page


def run_now(office, function: str, capture) -> BackgroundJob:
    """Start the job and run it at commit (GUANMO_JOBS_SYNC); the job as it ended."""
    with capture(execute=True):
        job = start_job(kind="test", title="测试任务", owner=office, function=function)
    job.refresh_from_db()
    return job


def test_a_failed_job_says_so_and_its_traceback_is_logged(
    office, django_capture_on_commit_callbacks, caplog
):
    job = run_now(office, "tests.operations.test_jobs.failing", django_capture_on_commit_callbacks)
    assert job.state == BackgroundJob.State.FAILED
    assert f"任务编号{job.pk}" in job.message
    failure = next(record for record in caplog.records if record.name == "guanmo.operations.jobs")
    assert "排线求解器崩溃" in str(failure.exc_info[1])


def test_someone_elses_job_is_not_found(client, world, office):
    job = BackgroundJob.objects.create(kind="test", title="别人的任务", owner=office)
    other = User.objects.create_user("other", password="x", role=Role.CITY_OFFICE)
    client.force_login(other)
    assert client.get(reverse("job_status", args=[job.pk])).status_code == 404
    assert client.get(reverse("job_page", args=[job.pk])).status_code == 404


def refusing(progress):
    raise JobRefused("未能排线：尚无已确定的观摩点", "/observation/")


def test_a_refused_job_shows_its_reason_and_logs_no_fault(
    office, django_capture_on_commit_callbacks, caplog
):
    job = run_now(office, "tests.operations.test_jobs.refusing", django_capture_on_commit_callbacks)
    assert job.state == BackgroundJob.State.FAILED
    assert (job.message, job.result_url) == ("未能排线：尚无已确定的观摩点", "/observation/")
    assert not [record for record in caplog.records if record.name == "guanmo.operations.jobs"]
