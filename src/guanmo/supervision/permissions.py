"""Who may do what to a problem he can see. Seeing is decided by `selectors.problems_for`;
these say which of the visible problems' actions are his (a refusal is a 403)."""

from guanmo.accounts.models import Role
from guanmo.accounts.scope import Scope
from guanmo.supervision.models import Problem

# Roles that raise problems, and where each raised one comes from.
RAISING_ROLES = {
    Role.ADMIN: Problem.Source.CITY_OFFICE,
    Role.CITY_OFFICE: Problem.Source.CITY_OFFICE,
    Role.COUNTY_OFFICE: Problem.Source.COUNTY_OFFICE,
    Role.COMMISSIONER: Problem.Source.COMMISSIONER,
}


def may_raise(scope: Scope) -> bool:
    """The city office (any project), a county office (its county's) and a site commissioner
    (his own); always for projects of his scope."""
    return scope.role in RAISING_ROLES


def may_answer(scope: Scope, problem: Problem) -> bool:
    """Only the department the problem is assigned to reports on it and marks it solved."""
    return scope.department is not None and scope.department.pk == problem.department_id


def may_confirm(scope: Scope, problem: Problem) -> bool:
    """Whoever raised the problem, or the city office, confirms or reopens it."""
    return scope.is_city_office or (
        problem.raised_by_id is not None and problem.raised_by_id == scope.user.pk
    )


def may_instruct(scope: Scope, problem: Problem) -> bool:
    """The project's leader in charge writes instructions (批示) on its problems, at any level:
    he solves problems rather than waiting for them to climb to him. The city office directs
    through supervision orders instead, so a 批示 is always the leader's own word."""
    return scope.role == Role.LEADER and problem.project.leader_id == scope.user.pk


def may_direct(scope: Scope) -> bool:
    """The city office issues supervision orders, records meetings and sets deadlines."""
    return scope.is_city_office
