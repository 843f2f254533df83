"""Starting heavy work in the background and following it; the scheduled jobs of the worker.

The worker is django-q2's cluster (`guanmo qcluster`), its queue kept in Guanmo's own database:
no broker to run beside it, the same on SQLite and PostgreSQL, and every run (scheduled or
started from a page) recorded with its outcome in the admin (成功的任务 / 失败的任务). With
GUANMO_JOBS_SYNC on (debug mode and the tests) a job runs at once in the process that starts it.
"""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.operations.models import BackgroundJob

logger = logging.getLogger(__name__)


class Progress:
    """What a job's function is given to say how far it has got."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id

    def __call__(self, done: int, total: int, message: str = "") -> None:
        """Record `done` of `total` steps (each call its own short write)."""
        changes = {"done": done, "total": total}
        if message:
            changes["message"] = message[:500]
        BackgroundJob.objects.filter(pk=self.job_id).update(**changes)


class JobRefused(Exception):
    """The work cannot be done as asked (a tour that no longer has its sites); the message
    says why, in Chinese, and is shown on the job's page: a refusal, not a fault to log."""

    def __init__(self, message: str, result_url: str = "") -> None:
        super().__init__(message)
        self.result_url = result_url


@dataclass(frozen=True)
class Outcome:
    """What a finished job tells its owner, and where its result is shown."""

    message: str
    result_url: str = ""


def start_job(
    *,
    kind: str,
    title: str,
    owner: User,
    function: str,
    arguments: tuple = (),
    subject: str = "",
) -> BackgroundJob:
    """Queue `function(progress, *arguments)` (a dotted path returning an Outcome) once the
    current transaction commits; return the job, whose page follows it. `subject` names what
    it works on, for `job_under_way`."""
    job = BackgroundJob.objects.create(kind=kind, title=title[:200], owner=owner, subject=subject)
    transaction.on_commit(lambda: _enqueue(job.pk, function, arguments))
    return job


def start_job_once(*, kind: str, subject: str, **start) -> BackgroundJob:
    """The job of this kind on this subject still under way (a double click on the button
    that starts it), or a new one started with `start_job(kind=, subject=, **start)`."""
    return job_under_way(kind, subject) or start_job(kind=kind, subject=subject, **start)


# Twice the worker's timeout (Q_CLUSTER, 30 minutes): by then django-q has stopped the job,
# without a word to its BackgroundJob row.
STALE_AFTER = timedelta(hours=1)


def job_under_way(kind: str, subject: str) -> BackgroundJob | None:
    """The latest job of this kind on this subject still queued or running, if any.

    One queued or started more than STALE_AFTER ago is taken as lost (a worker stopped
    mid-run leaves its job "running" for ever) and no longer blocks a new one. Its age is
    measured on Guanmo's clock, which stamped it; one stamped later than now was started on an
    earlier real day under the same GUANMO_TODAY (the clock keeps the date, not the day's
    passing), so it is lost too."""
    now = clock.now()
    return (
        BackgroundJob.objects.filter(
            kind=kind,
            subject=subject,
            state__in=(BackgroundJob.State.QUEUED, BackgroundJob.State.RUNNING),
            created_at__range=(now - STALE_AFTER, now),
        )
        .order_by("-created_at")
        .first()
    )


def _enqueue(job_id: int, function: str, arguments: tuple) -> None:
    from django_q.tasks import async_task

    try:
        async_task(
            "guanmo.operations.jobs.run_job",
            job_id,
            function,
            arguments,
            task_name=f"job-{job_id}",
            sync=settings.GUANMO_JOBS_SYNC,
        )
    except Exception:
        # Run at once (GUANMO_JOBS_SYNC), a failure is already logged and kept on the job; the
        # page that started it must still answer. The worker keeps failures in the admin.
        if not settings.GUANMO_JOBS_SYNC:
            raise


def run_job(job_id: int, function: str, arguments: tuple) -> str:
    """The worker's side: run the function, keep its outcome or its failure on the job."""
    BackgroundJob.objects.filter(pk=job_id).update(state=BackgroundJob.State.RUNNING)
    work: Callable[..., Outcome] = import_string(function)
    try:
        outcome = work(Progress(job_id), *arguments)
    except JobRefused as refusal:
        BackgroundJob.objects.filter(pk=job_id).update(
            state=BackgroundJob.State.FAILED,
            message=str(refusal)[:500],
            result_url=refusal.result_url,
            finished_at=clock.now(),
        )
        return str(refusal)
    except Exception:
        logger.exception("后台任务 %s 失败", job_id)
        BackgroundJob.objects.filter(pk=job_id).update(
            state=BackgroundJob.State.FAILED,
            message=f"任务失败，系统已记录（任务编号{job_id}），请联系系统管理员",
            finished_at=clock.now(),
        )
        raise
    BackgroundJob.objects.filter(pk=job_id).update(
        state=BackgroundJob.State.DONE,
        done=F("total"),  # finished is all of it, whatever step was last reported
        message=outcome.message[:500],
        result_url=outcome.result_url,
        finished_at=clock.now(),
    )
    return outcome.message


# ---- scheduled jobs -------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledJob:
    name: str  # as the admin lists it
    function: str
    at: time  # local time of the daily run


SCHEDULED_JOBS = (
    ScheduledJob("逾期问题升级（每日）", "guanmo.operations.jobs.escalate_problems", time(0, 30)),
    ScheduledJob("备份数据库和附件（每日）", "guanmo.operations.jobs.back_up", time(2, 0)),
)


def escalate_problems() -> str:
    """`guanmo escalate-problems` as the daily job; its printed lines are the run's result."""
    return _command_output("escalate-problems")


def back_up() -> str:
    """`guanmo backup --keep N` as the daily job."""
    return _command_output("backup", keep=settings.GUANMO_BACKUPS_KEPT)


def _command_output(name: str, **options) -> str:
    out = io.StringIO()
    call_command(name, stdout=out, **options)
    return out.getvalue().strip() or "完成"


def install_schedules(**_signal_arguments) -> None:
    """Make each scheduled job's row in django-q2 (after `migrate`); never change one that an
    administrator has since edited in the admin."""
    from django_q.models import Schedule

    today = timezone.localdate()
    for job in SCHEDULED_JOBS:
        first = timezone.make_aware(datetime.combine(today, job.at))
        if first <= timezone.now():
            first += timedelta(days=1)
        Schedule.objects.get_or_create(
            name=job.name,
            defaults={"func": job.function, "schedule_type": Schedule.DAILY, "next_run": first},
        )
