"""A background job's 发起时间 and 结束时间 are the application's clock (`guanmo.clock.now`), and
its age (whether it is still under way or lost) is measured on that clock: with GUANMO_TODAY
set (the demo city lives in December 2025) a job started now is stamped that day, blocks a
second start while under way, and is taken as lost an hour later."""

from datetime import date, timedelta

from django.utils import timezone

from guanmo import clock
from guanmo.operations.jobs import job_under_way, start_job
from guanmo.operations.models import BackgroundJob

DAY = date(2025, 12, 15)


def test_a_job_is_stamped_on_the_applications_day(
    world, settings, django_capture_on_commit_callbacks
):
    settings.GUANMO_TODAY = DAY
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(
            kind="test",
            title="测试任务",
            owner=world.users["city"],
            function="tests.operations.test_jobs.halving",
            arguments=([1, 2],),
        )
    job.refresh_from_db()
    assert job.state == BackgroundJob.State.DONE
    assert timezone.localtime(job.created_at).date() == DAY
    assert timezone.localtime(job.finished_at).date() == DAY


def test_a_job_under_way_is_aged_on_the_applications_clock(world, settings):
    settings.GUANMO_TODAY = DAY
    job = BackgroundJob.objects.create(
        kind="test", title="测试任务", owner=world.users["city"], subject="tour:1"
    )
    assert job_under_way("test", "tour:1") == job

    BackgroundJob.objects.filter(pk=job.pk).update(created_at=clock.now() - timedelta(minutes=61))
    assert job_under_way("test", "tour:1") is None

    # started late on an earlier real day under the same GUANMO_TODAY: stamped "later" than now
    BackgroundJob.objects.filter(pk=job.pk).update(created_at=clock.now() + timedelta(minutes=5))
    assert job_under_way("test", "tour:1") is None
