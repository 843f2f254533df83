"""Planning a tour's route in the background: the route page starts the job, the worker runs
the search (GUANMO_ROUTE_SECONDS, twice that when lunch must be kept off the road) and stores
the order, and the job's page follows it on a progress bar (guanmo.operations.jobs).

One plan at a time per tour: starting re-reads the tour under its lock (guanmo.locking) and
refuses while a plan is queued or running, so two clicks at once start one job; the job
stores its order under the same lock, so it never interleaves with a hand-made move.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.locking import locked
from guanmo.observation import route
from guanmo.observation.models import Tour
from guanmo.observation.routing import plan_route
from guanmo.observation.schedule import split_counties
from guanmo.operations.jobs import JobRefused, Outcome, Progress, job_under_way, start_job
from guanmo.operations.models import BackgroundJob

KIND = "tour-route"
NAMED = 10  # unplaced sites named in the outcome (the route page lists them all)


class RoutePlanRefused(Exception):
    """A plan that cannot start now; `reasons` say why, in Chinese."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("；".join(reasons))
        self.reasons = reasons


def _subject(tour: Tour) -> str:
    return f"observation.tour:{tour.pk}"


def plan_under_way(tour: Tour) -> BackgroundJob | None:
    """The tour's plan still queued or running, if any."""
    return job_under_way(KIND, _subject(tour))


@transaction.atomic
def start_route_plan(tour: Tour, *, user: User) -> BackgroundJob:
    """Queue the tour's route plan and return its job.

    Raises RoutePlanRefused when the route cannot be posed (the reasons of
    `route.route_problem`) or a plan of the tour is already queued or running."""
    current = locked(tour)
    if plan_under_way(current) is not None:
        raise RoutePlanRefused(["本活动正在排线，请等待排线完成"])
    _, reasons = route.route_problem(current, route.route_sites(current))
    if reasons:
        raise RoutePlanRefused(reasons)
    return start_job(
        kind=KIND,
        title=f"{current.name} · 自动排线",
        owner=user,
        function="guanmo.observation.route_jobs.plan_tour_route",
        arguments=(current.pk,),
        subject=_subject(current),
    )


def plan_tour_route(progress: Progress, tour_id: int) -> Outcome:
    """The job: search the tour's route and store each day's order, as a hand-made order is.

    Returns "排线完成：安排N个观摩点" (with the sites that could not be placed and the
    counties split over days); raises JobRefused when the route can no longer be posed (a
    site lost its coordinates, every site was withdrawn, the tour was deleted since the job was
    started)."""
    tour = Tour.objects.filter(pk=tour_id).first()
    if tour is None:
        raise JobRefused("未能排线：该观摩活动已删除")
    url = reverse("tour_route", args=[tour.pk])
    progress(0, 1, "正在读取观摩点和行车时间")
    sites = route.route_sites(tour)
    problem, reasons = route.route_problem(tour, sites)
    if problem is None:
        raise JobRefused("未能排线：" + "；".join(reasons), url)
    schedule = plan_route(
        problem, time_limit_seconds=settings.GUANMO_ROUTE_SECONDS, progress=progress
    )
    with transaction.atomic():
        locked(tour)
        route.save_order(tour, [list(day) for day in schedule.order])
    placed = len(sites) - len(schedule.unplaced)
    message = f"排线完成：安排{placed}个观摩点"
    if schedule.unplaced:
        names = [site.project.name for site in sites if str(site.pk) in schedule.unplaced]
        listed = "、".join(names[:NAMED]) + ("等" if len(names) > NAMED else "")
        message += f"，{len(names)}个未能安排（日程内安排不下：{listed}）"
    splits = split_counties(problem, schedule)
    if splits:
        message += "。" + "；".join(splits)
    return Outcome(message, url)
