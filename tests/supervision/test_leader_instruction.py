"""The project's leader in charge writes instructions (领导批示) on its problems at any level:
each is a step on the problem's record, shown on its page to all who see it and beside the
problem in the department's queue. Nobody else may, not even the city office."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.supervision import services
from guanmo.supervision.models import Level, ProblemStep

INSTRUCTION = "请市自然资源和规划局本周内协调落实用地指标，武陟县做好配合。"


@pytest.fixture
def problem(world, calendar, raise_problem):
    """武陟装备's land problem, at the department's level: 李副市长 is the leader in charge."""
    return raise_problem(raised_on=date(2025, 5, 6), deadline=date(2025, 5, 16))


def instruct(client, user, problem, instruction=INSTRUCTION):
    client.force_login(user)
    return client.post(reverse("problem_instruct", args=[problem.pk]), {"instruction": instruction})


def test_the_leader_in_charge_instructs_before_the_problem_climbs_to_him(client, world, problem):
    response = instruct(client, world.users["leader"], problem)
    assert response.url == reverse("problem_detail", args=[problem.pk])
    step = problem.steps.get(action=ProblemStep.Action.INSTRUCT)
    assert (step.user, step.on, step.level, step.note) == (
        world.users["leader"],
        date(2025, 5, 6),
        Level.DEPARTMENT,
        INSTRUCTION,
    )


def test_the_instruction_is_on_the_problem_page_for_whoever_sees_it(client, world, problem):
    instruct(client, world.users["leader"], problem)
    for role in ("city", "wuzhi", "department", "leader"):
        client.force_login(world.users[role])
        page = client.get(reverse("problem_detail", args=[problem.pk])).content.decode()
        assert "领导批示" in page and INSTRUCTION in page, role


def test_the_instruction_stands_beside_the_problem_in_the_department_s_queue(
    client, world, problem
):
    instruct(client, world.users["leader"], problem)
    client.force_login(world.users["department"])
    queue = client.get(reverse("department_queue")).content.decode()
    assert "领导批示</strong>（李副市长，2025年5月6日）：" + INSTRUCTION in queue


def test_only_the_leader_sees_the_instruction_form(client, world, problem):
    for role, shown in (("leader", True), ("city", False), ("wuzhi", False)):
        client.force_login(world.users[role])
        page = client.get(reverse("problem_detail", args=[problem.pk])).content.decode()
        assert ('id="instruct"' in page) is shown, role


def test_others_who_see_the_problem_are_refused_and_others_find_nothing(client, world, problem):
    another_leader = User.objects.create_user(
        "fbld2", role=Role.LEADER, region=world.city, full_name="王副市长"
    )
    expected = {
        world.users["city"]: 403,
        world.users["wuzhi"]: 403,
        world.users["department"]: 403,
        world.users["wenxian"]: 404,
        world.users["commissioner"]: 404,
        another_leader: 404,
    }
    for user, status in expected.items():
        assert instruct(client, user, problem).status_code == status, user.username
    assert not problem.steps.filter(action=ProblemStep.Action.INSTRUCT).exists()


def test_a_solved_problem_takes_no_instruction(world, problem):
    services.answer(problem, user=world.users["department"], note="已落实", solved=True)
    services.confirm(problem, user=world.users["city"])
    with pytest.raises(services.SupervisionError, match="该问题已解决，无需批示"):
        services.instruct(problem, user=world.users["leader"], instruction=INSTRUCTION)


def test_an_empty_instruction_is_refused(client, world, problem):
    instruct(client, world.users["leader"], problem, instruction="  ")
    assert not problem.steps.filter(action=ProblemStep.Action.INSTRUCT).exists()
