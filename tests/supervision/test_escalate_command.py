"""`guanmo escalate-problems`: one level per overdue period, each level a recorded step dated
the day it fell due, the same day run twice changes nothing."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from guanmo.supervision import services
from guanmo.supervision.models import Level, Problem, ProblemStep, SupervisionRules

RAISED = date(2025, 5, 6)


@pytest.fixture
def rules(world):
    return SupervisionRules.objects.create(city=world.city, land_days=10, escalation_days=5)


def escalations(problem):
    steps = problem.steps.filter(action=ProblemStep.Action.ESCALATE)
    return [(step.on, step.level, step.note) for step in steps]


def run(today: str, capsys) -> str:
    call_command("escalate-problems", today=today)
    return capsys.readouterr().out


def test_running_twice_on_a_day_climbs_once(world, rules, raise_problem, capsys):
    problem = raise_problem(raised_on=RAISED)  # due 16 May
    assert "武陟县智能装备产业园：逾期1天，升级至县区项目办督办（2025年5月17日）" in run(
        "2025-05-17", capsys
    )
    assert run("2025-05-17", capsys).strip() == "截至2025年5月17日，没有需要升级的问题"
    assert escalations(problem) == [(date(2025, 5, 17), 1, "逾期1天，升级至县区项目办督办")]


def test_a_late_first_run_records_every_level_it_passes(world, rules, raise_problem, capsys):
    problem = raise_problem(raised_on=RAISED)
    assert "共1个问题升级督办" in run("2025-06-30", capsys)
    problem.refresh_from_db()
    assert problem.level == Level.LEADER
    assert escalations(problem) == [
        (date(2025, 5, 17), 1, "逾期1天，升级至县区项目办督办"),
        (date(2025, 5, 22), 2, "逾期6天，升级至市项目办督办"),
        (date(2025, 5, 27), 3, "逾期11天，升级至包抓领导督办"),
    ]


def test_within_a_period_nothing_more_happens(world, rules, raise_problem, capsys):
    problem = raise_problem(raised_on=RAISED)
    for day in ("2025-05-16", "2025-05-17", "2025-05-19", "2025-05-21"):
        run(day, capsys)
    assert [level for _, level, _ in escalations(problem)] == [1]


def test_without_a_leader_in_charge_the_city_office_is_the_top(world, rules, raise_problem, capsys):
    problem = raise_problem("武陟物流", raised_on=RAISED)  # no leader in charge
    run("2025-07-01", capsys)
    problem.refresh_from_db()
    assert problem.level == Level.CITY_OFFICE
    assert run("2025-08-01", capsys).strip() == "截至2025年8月1日，没有需要升级的问题"


def test_solved_problems_do_not_climb(world, rules, raise_problem, capsys):
    awaiting = raise_problem(raised_on=RAISED)
    services.answer(
        awaiting,
        user=world.users["department"],
        note="已办结",
        solved=True,
        today=date(2025, 5, 15),
    )
    run("2025-06-30", capsys)
    awaiting.refresh_from_db()
    assert (awaiting.status, awaiting.level) == (Problem.Status.SOLVED, Level.DEPARTMENT)


def test_a_reopened_problem_climbs_from_where_it_stood(world, rules, raise_problem, capsys):
    problem = raise_problem(raised_on=RAISED)
    run("2025-05-17", capsys)  # county office
    services.answer(
        problem, user=world.users["department"], note="已办结", solved=True, today=date(2025, 5, 18)
    )
    services.reopen(problem, user=world.users["city"], reason="未落实", today=date(2025, 5, 25))
    run("2025-05-25", capsys)
    run("2025-05-27", capsys)
    # Level 2 fell due on 22 May while it waited for confirmation: it climbs on reopening.
    assert escalations(problem) == [
        (date(2025, 5, 17), 1, "逾期1天，升级至县区项目办督办"),
        (date(2025, 5, 25), 2, "逾期9天，升级至市项目办督办"),
        (date(2025, 5, 27), 3, "逾期11天，升级至包抓领导督办"),
    ]


def test_the_city_option_and_a_bad_date(world, rules, raise_problem, capsys):
    raise_problem(raised_on=RAISED)
    call_command("escalate-problems", today="2025-05-17", city=world.city.code)
    assert "共1个问题升级督办" in capsys.readouterr().out
    for typed in ("5月17日", "2025年5月", "2025-02-30", "无"):
        with pytest.raises(
            CommandError, match=f"--today：「{typed}」不是 YYYY-MM-DD 或 2025年5月17日 格式的日期"
        ):
            call_command("escalate-problems", today=typed)


def test_the_day_may_be_typed_as_a_chinese_date(world, rules, raise_problem, capsys):
    """--today reads a day as a register's date cell is read (sheets.cells.parse_date)."""
    problem = raise_problem(raised_on=RAISED)  # due 16 May
    assert "升级至县区项目办督办（2025年5月17日）" in run("2025年5月17日", capsys)
    assert run("2025/5/17", capsys).strip() == "截至2025年5月17日，没有需要升级的问题"
    assert escalations(problem) == [(date(2025, 5, 17), 1, "逾期1天，升级至县区项目办督办")]


def test_a_problem_raised_with_a_past_deadline_is_refused(world, raise_problem):
    with pytest.raises(services.SupervisionError, match="办理时限不能早于交办日期"):
        raise_problem(raised_on=RAISED, deadline=date(2025, 5, 1))
