"""Reads for supervision: the problems and meetings a user may see, the city's deadlines, what
is escalated to whom, and the plain facts the bulletin's figures are computed from."""

from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from guanmo.accounts.models import Role
from guanmo.accounts.scope import Scope
from guanmo.regions.models import Region
from guanmo.supervision.figures import ProblemFacts
from guanmo.supervision.models import Level, Meeting, Problem, ProblemStep, SupervisionRules

# The level at which each role is answerable for an overdue problem in its scope.
ANSWERABLE_LEVEL = {
    Role.COUNTY_OFFICE: Level.COUNTY_OFFICE,
    Role.CITY_OFFICE: Level.CITY_OFFICE,
    Role.ADMIN: Level.CITY_OFFICE,
    Role.LEADER: Level.LEADER,
}


def rules_for(city: Region) -> SupervisionRules:
    """The city's deadlines, or the defaults (unsaved) when it has set none."""
    return SupervisionRules.objects.filter(city=city).first() or SupervisionRules(city=city)


def problems_for(scope: Scope) -> QuerySet[Problem]:
    """A department sees the problems assigned to it; everyone else the problems of the
    projects in his scope."""
    problems = Problem.objects.filter(project__city=scope.city).select_related(
        "project__county", "department"
    )
    if scope.is_city_office:
        return problems
    if scope.department is not None:
        return problems.filter(department=scope.department)
    return problems.filter(project__in=scope.projects())


def problem_for(scope: Scope, pk: int) -> Problem:
    """One problem he may see, or 404."""
    return get_object_or_404(problems_for(scope), pk=pk)


def with_instructions(problems: QuerySet[Problem]) -> QuerySet[Problem]:
    """The problems with their leaders' instructions (领导批示), oldest first, as
    `problem.instructions` (one query for all of them)."""
    instructions = ProblemStep.objects.filter(action=ProblemStep.Action.INSTRUCT)
    return problems.prefetch_related(
        Prefetch("steps", queryset=instructions.select_related("user"), to_attr="instructions")
    )


def escalated_to(scope: Scope) -> QuerySet[Problem]:
    """Open problems that have climbed to his level and wait on him (none for roles that no
    problem climbs to)."""
    level = ANSWERABLE_LEVEL.get(scope.role)
    if level is None:
        return Problem.objects.none()
    return problems_for(scope).filter(status=Problem.Status.OPEN, level=level)


def overdue_first(problems: QuerySet[Problem], today: date) -> QuerySet[Problem]:
    """Overdue open problems first, then open, awaiting confirmation, solved; nearest deadline
    first within each."""
    return problems.annotate(
        standing=Case(
            When(status=Problem.Status.OPEN, deadline__lt=today, then=Value(0)),
            When(status=Problem.Status.OPEN, then=Value(1)),
            When(status=Problem.Status.SOLVED, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
    ).order_by("standing", "deadline", "pk")


def overdue(problems: QuerySet[Problem], today: date) -> QuerySet[Problem]:
    return problems.filter(status=Problem.Status.OPEN, deadline__lt=today)


def meetings_for(scope: Scope) -> QuerySet[Meeting]:
    """The city office sees every meeting; others the meetings they chaired or whose decisions
    include a problem they may see."""
    meetings = Meeting.objects.filter(city=scope.city).select_related("chair")
    if scope.is_city_office:
        return meetings
    return meetings.filter(Q(chair=scope.user) | Q(decisions__in=problems_for(scope))).distinct()


def problem_facts(problems: QuerySet[Problem]) -> list[ProblemFacts]:
    """The plain facts behind the bulletin's figures, one per problem (one query)."""
    rows = problems.order_by().values_list(
        "department__name",
        "project__county__name",
        "raised_on",
        "deadline",
        "solved_on",
        "status",
        "raised_by",
    )
    return [
        ProblemFacts(
            department=department,
            county=county,
            raised_on=raised_on,
            deadline=deadline,
            solved_on=solved_on,
            confirmed=status == Problem.Status.CONFIRMED,
            raised_by=raised_by,
        )
        for department, county, raised_on, deadline, solved_on, status, raised_by in rows
    ]
