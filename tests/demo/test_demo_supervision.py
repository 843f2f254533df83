"""The demo city's supervision: six departments with a user each, and three dozen problems in
every state a problem can be in by the demo's today, each step done through the services."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from guanmo.accounts.models import Department, Role, User
from guanmo.demo.city import PROBLEMS, TODAY, YEAR, build_demo_city
from guanmo.demo.people import create_demo_people, create_demo_periods
from guanmo.demo.supervision import (
    DEPARTMENT_USERS,
    MEETING_DAY,
    REOPEN_REASON,
    REPORTED,
    DemoSupervision,
    create_demo_supervision,
)
from guanmo.supervision.deadlines import DEFAULT_ESCALATION_DAYS, due_level, level_due_on
from guanmo.supervision.models import Level, Meeting, Problem, ProblemStep, SupervisionOrder

pytestmark = pytest.mark.django_db

Action = ProblemStep.Action
Status = Problem.Status


def build() -> DemoSupervision:
    summary = build_demo_city()
    create_demo_people(summary.city)
    create_demo_periods(summary.city, YEAR)
    return create_demo_supervision(summary.city, seed=2025)


def _fingerprint() -> list[tuple]:
    problems = Problem.objects.order_by("raised_on", "project__name", "text")
    return [
        (p.project.name, p.text, p.status, p.level, p.raised_on, p.deadline, p.steps.count())
        for p in problems.select_related("project")
    ]


def test_each_city_department_has_one_user_to_answer_its_problems(demo):
    departments = Department.objects.filter(city=demo.supervision.meeting.city)

    assert sorted(departments.values_list("name", flat=True)) == sorted(DEPARTMENT_USERS)
    for department in departments:
        (user,) = User.objects.filter(department=department)
        assert (user.username, user.role) == (DEPARTMENT_USERS[department.name][0], "department")
    assert [(login.username, login.role, login.scope) for login in demo.supervision.logins] == [
        (username, Role.DEPARTMENT.label, name) for name, (username, _) in DEPARTMENT_USERS.items()
    ]


def test_every_problem_the_demo_reports_write_has_a_type_and_a_department():
    assert set(REPORTED) == set(PROBLEMS)


def test_three_dozen_problems_in_every_state_by_the_demos_today(demo):
    problems = list(Problem.objects.all())

    def count(**facts) -> int:
        return sum(all(getattr(p, k) == v for k, v in facts.items()) for p in problems)

    on_time = [p for p in problems if p.status == Status.CONFIRMED and p.solved_on <= p.deadline]
    late = [p for p in problems if p.status == Status.CONFIRMED and p.solved_on > p.deadline]
    waiting = [p for p in problems if p.status == Status.OPEN and p.deadline >= TODAY]
    assert 30 <= len(problems) <= 40
    assert len(on_time) >= 5 and len(late) >= 3
    assert count(status=Status.SOLVED) >= 3
    assert len(waiting) >= 5 and all(p.level == Level.DEPARTMENT for p in waiting)
    assert count(status=Status.OPEN, level=Level.COUNTY_OFFICE) >= 2
    assert count(status=Status.OPEN, level=Level.CITY_OFFICE) >= 2
    assert count(status=Status.OPEN, level=Level.LEADER) >= 2
    assert demo.supervision.escalated == sum(
        p.status == Status.OPEN and p.level > 0 for p in problems
    )
    assert not ProblemStep.objects.filter(on__gt=TODAY).exists()


def test_problems_spread_over_types_departments_and_who_raised_them(demo):
    problems = Problem.objects.select_related("department")

    assert len(Counter(p.problem_type for p in problems)) == 7
    assert min(Counter(p.department.name for p in problems).values()) >= 2
    assert set(problems.values_list("source", flat=True)) == set(Problem.Source.values)


def test_overdue_problems_have_climbed_one_recorded_step_at_a_time(demo):
    overdue = Problem.objects.filter(status=Status.OPEN, deadline__lt=TODAY)

    assert overdue.exists()
    for problem in overdue.select_related("project"):
        has_leader = problem.project.leader_id is not None
        assert problem.level == due_level(
            problem.deadline, TODAY, DEFAULT_ESCALATION_DAYS, has_leader=has_leader
        )
        climbs = problem.steps.filter(action=Action.ESCALATE)
        assert [(step.level, step.on) for step in climbs] == [
            (level, level_due_on(problem.deadline, level, DEFAULT_ESCALATION_DAYS))
            for level in range(1, problem.level + 1)
        ]


def test_a_problem_solved_late_shows_the_climbs_before_its_solution(demo):
    late = Problem.objects.filter(status=Status.CONFIRMED, level__gt=0).first()

    actions = list(late.steps.values_list("action", flat=True))

    assert actions[0] == Action.RAISE and actions[-2:] == [Action.SOLVE, Action.CONFIRM]
    assert Action.ESCALATE in actions and actions.index(Action.ESCALATE) < actions.index(
        Action.SOLVE
    )


def test_problems_from_reports_name_the_report_line_they_came_from(demo):
    from_reports = Problem.objects.filter(source=Problem.Source.REPORT).select_related(
        "report_entry__report__period", "project", "raised_by"
    )

    assert len(from_reports) >= 8
    for problem in from_reports:
        entry = problem.report_entry
        assert (entry.project, entry.problems) == (problem.project, problem.text)
        assert entry.report.period.deadline < problem.raised_on
        assert problem.raised_by.region == problem.project.county


def test_commissioners_raise_problems_only_for_their_own_projects(demo):
    raised = Problem.objects.filter(source=Problem.Source.COMMISSIONER).select_related("project")

    assert raised.exists()
    assert all(p.raised_by_id == p.project.commissioner_id for p in raised)


def test_one_reopened_problem_keeps_its_reason_and_is_being_handled_again(demo):
    (step,) = ProblemStep.objects.filter(action=Action.REOPEN)

    assert step.note == REOPEN_REASON
    assert step.problem.status == Status.OPEN
    assert step.problem.steps.last().action == Action.ANSWER


def test_two_supervision_orders_for_problems_that_climbed_to_the_city_office(demo):
    orders = SupervisionOrder.objects.order_by("sequence").select_related("problem")

    assert [order.number for order in orders] == [
        "焦作项目办督〔2025〕1号",
        "焦作项目办督〔2025〕2号",
    ]
    for order in orders:
        assert order.deadline >= order.issued_on
        assert order.problem.status == Status.OPEN
        assert order.problem.level >= Level.CITY_OFFICE
        step = order.problem.steps.get(action=Action.ORDER)
        assert (step.on, step.level) == (order.issued_on, Level.CITY_OFFICE)


def test_the_leaders_meeting_decided_three_problems_on_his_projects(demo):
    (meeting,) = Meeting.objects.all()
    decisions = meeting.decisions.select_related("project")

    assert (meeting.held_on, meeting.chair.username) == (MEETING_DAY, "fbld")
    assert len(decisions) == 3
    for problem in decisions:
        assert (problem.source, problem.raised_on) == (Problem.Source.MEETING, MEETING_DAY)
        assert problem.project.leader == meeting.chair
    assert {p.status for p in decisions} == set(Status.values)


def test_rebuilding_gives_the_same_problems_in_place_of_the_old(demo):
    first = _fingerprint()

    build()

    assert _fingerprint() == first
    assert Meeting.objects.count() == 1
    assert Department.objects.count() == len(DEPARTMENT_USERS)
    assert User.objects.filter(role=Role.DEPARTMENT).count() == len(DEPARTMENT_USERS)


def test_demo_command_prints_each_departments_login_and_rebuilds_the_same(settings):
    def run() -> str:
        out = StringIO()
        call_command("demo", stdout=out)
        return out.getvalue()

    printed = run()
    counts = [model.objects.count() for model in (Problem, ProblemStep, SupervisionOrder)]
    again = run()

    assert [model.objects.count() for model in (Problem, ProblemStep, SupervisionOrder)] == counts
    lines = again.splitlines()
    for username, _ in DEPARTMENT_USERS.values():
        password = next(line.split()[1] for line in lines if line.startswith(f"{username} "))
        assert User.objects.get(username=username).check_password(password)
    assert f"督查督办：{counts[0]}个问题" in printed and f"督查督办：{counts[0]}个问题" in again
