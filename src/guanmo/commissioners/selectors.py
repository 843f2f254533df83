"""Reads for the commissioners' logs: which logs a user may read, and a commissioner's month.

The dispatching units read the logs (the city office all of them, a county office those of its
county's projects) and a commissioner his own; a leader in charge and a department read none.
Everything here is cut by `logged_projects`, itself cut by the user's scope.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from guanmo.accounts.models import Role, User
from guanmo.accounts.scope import Scope
from guanmo.commissioners.models import Photo, Visit
from guanmo.commissioners.timeliness import Timeliness, note_timeliness
from guanmo.ledger.models import Project
from guanmo.reporting.history import Source
from guanmo.reporting.models import FigureChange, Period, ReportEntry
from guanmo.supervision.figures import ProblemFacts, ProblemFigures, count
from guanmo.supervision.models import Problem
from guanmo.supervision.selectors import problem_facts

LOG_READERS = (Role.ADMIN, Role.CITY_OFFICE, Role.COUNTY_OFFICE, Role.COMMISSIONER)


def reads_logs(scope: Scope) -> bool:
    return scope.role in LOG_READERS


def logged_projects(scope: Scope) -> QuerySet[Project]:
    """The projects in his scope that have a commissioner or a log, if he reads logs at all."""
    if not reads_logs(scope):
        return Project.objects.none()
    has_log = Exists(Visit.objects.filter(project=OuterRef("pk")))
    return scope.projects().filter(Q(commissioner__isnull=False) | has_log)


def logged_project(scope: Scope, pk: int) -> Project:
    """One project whose log he may read, or 404."""
    projects = logged_projects(scope).select_related("county", "commissioner")
    return get_object_or_404(projects, pk=pk)


def visible_visits(scope: Scope) -> QuerySet[Visit]:
    return Visit.objects.filter(project__in=logged_projects(scope))


def visible_photos(scope: Scope) -> QuerySet[Photo]:
    return Photo.objects.filter(visit__project__in=logged_projects(scope))


def project_rows(scope: Scope, year: int, month: int) -> QuerySet[Project]:
    """The logged projects with their visits: in all, in the month, and the last one's date."""
    in_month = Q(visits__visited_on__year=year, visits__visited_on__month=month)
    return (
        logged_projects(scope)
        .select_related("county", "commissioner")
        .annotate(
            visit_count=Count("visits"),
            month_visit_count=Count("visits", filter=in_month),
            last_visit=Max("visits__visited_on"),
        )
        .order_by("county__sort_order", "county__code", "id")
    )


# A commissioner's month ----------------------------------------------------------------------


@dataclass
class ProjectMonth:
    project: Project
    visits: list[Visit] = field(default_factory=list)
    note: Timeliness | None = None  # None: the project has no line in the month's report

    @property
    def photos(self) -> list[Photo]:
        return [photo for visit in self.visits for photo in visit.photos.all()]

    @property
    def flagged_photos(self) -> list[Photo]:
        return [photo for photo in self.photos if photo.flags]


@dataclass
class CommissionerMonth:
    commissioner: User
    year: int
    month: int
    period: Period | None
    problems_as_of: date
    problems: QuerySet[Problem]  # those he raised in the month, read only where shown
    raised: list[ProblemFacts]  # their facts, read with every commissioner's in one query
    projects: list[ProjectMonth] = field(default_factory=list)

    @property
    def visits(self) -> list[Visit]:
        return [visit for each in self.projects for visit in each.visits]

    @property
    def visited_projects(self) -> int:
        return sum(1 for each in self.projects if each.visits)

    @property
    def photos(self) -> list[Photo]:
        return [photo for each in self.projects for photo in each.photos]

    @property
    def flagged_photos(self) -> list[Photo]:
        return [photo for each in self.projects for photo in each.flagged_photos]

    @property
    def notes_due(self) -> int:
        return sum(1 for each in self.projects if each.note is not None)

    @property
    def notes_on_time(self) -> int:
        return sum(1 for each in self.projects if each.note == Timeliness.ON_TIME)

    @cached_property
    def problem_figures(self) -> ProblemFigures:
        """The problems he raised in the month, counted as the bulletin counts them (solved:
        confirmed solved) as they stood at the month's end, or today within the month."""
        return count(self.raised, as_of=self.problems_as_of)


def commissioner_months(
    scope: Scope, year: int, month: int, *, today: date, commissioner: int | None = None
) -> list[CommissionerMonth]:
    """Each commissioner's month over the projects of his that are in the viewer's scope: his
    visits and their photos, whether he wrote each project's month in time, and the problems
    he raised on them. Only a project's present commissioner is counted for it (7 queries; the
    list of his problems is read only where it is shown)."""
    projects = logged_projects(scope).filter(commissioner__isnull=False)
    if commissioner is not None:
        projects = projects.filter(commissioner=commissioner)
    projects = list(
        projects.select_related("county", "commissioner").order_by(
            "commissioner__full_name", "commissioner_id", "county__sort_order", "id"
        )
    )
    ids = [project.pk for project in projects]
    visits = (
        Visit.objects.filter(project__in=ids, visited_on__year=year, visited_on__month=month)
        .select_related("project")
        .prefetch_related("photos")
        .order_by("visited_on", "id")
    )
    visits_of = defaultdict(list)
    for visit in visits:
        if visit.commissioner_id == visit.project.commissioner_id:
            visits_of[visit.project_id].append(visit)
    period = Period.objects.filter(city=scope.city, year=year, month=month).first()
    notes = _notes(period, ids, today) if period else {}
    raised = _problems_raised(ids, year, month)
    facts_of = defaultdict(list)
    for facts in problem_facts(raised):
        facts_of[facts.raised_by].append(facts)
    as_of = min(date(year, month, calendar.monthrange(year, month)[1]), today)
    months: dict[int, CommissionerMonth] = {}
    for project in projects:
        person = project.commissioner
        if person.pk not in months:
            months[person.pk] = CommissionerMonth(
                person,
                year,
                month,
                period,
                as_of,
                problems=raised.filter(raised_by=person),
                raised=facts_of[person.pk],
            )
        months[person.pk].projects.append(
            ProjectMonth(project, visits_of[project.pk], notes.get((project.pk, person.pk)))
        )
    return list(months.values())


def _problems_raised(project_ids: list[int], year: int, month: int) -> QuerySet[Problem]:
    return (
        Problem.objects.filter(
            project__in=project_ids,
            raised_by__isnull=False,
            raised_on__year=year,
            raised_on__month=month,
        )
        .select_related("project__county", "department")
        .order_by("raised_on", "pk")
    )


def _notes(
    period: Period, project_ids: list[int], today: date
) -> dict[tuple[int, int], Timeliness]:
    """(project, its commissioner) → timeliness, for the projects with a line in the period."""
    due = ReportEntry.objects.filter(report__period=period, project__in=project_ids)
    pairs = due.values_list("project_id", "project__commissioner_id")
    first_notes = (
        FigureChange.objects.filter(
            project__in=project_ids,
            year=period.year,
            month=period.month,
            source=Source.COMMISSIONER,
        )
        .values("project_id", "user_id")
        .annotate(first=Min("at"))
    )
    written = {
        (row["project_id"], row["user_id"]): timezone.localdate(row["first"]) for row in first_notes
    }
    return {
        (project, person): note_timeliness(period.deadline, written.get((project, person)), today)
        for project, person in pairs
    }
