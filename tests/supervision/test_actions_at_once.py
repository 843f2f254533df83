"""Actions on a problem sent twice (a double click) or by two people at once, from real
threads: one step is recorded, one supervision order numbered, and the other is refused
naming who acted first."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.supervision import services
from guanmo.supervision.models import Meeting, Problem, ProblemStep, SupervisionOrder
from tests.concurrency import all_at_once, sent_twice

Action = ProblemStep.Action


def land_problem(world) -> Problem:
    """The city office gives 市自然资源和规划局 智能装备产业园's land problem."""
    return services.raise_problem(
        world.projects["武陟装备"],
        problem_type="land",
        text="二期用地指标尚未落实",
        department=world.users["department"].department,
        user=world.users["city"],
        source=Problem.Source.CITY_OFFICE,
    )


@pytest.fixture
def problem(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 5, 6)
    return land_problem(world)


def signed_in(world, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def seen_step(client: Client, problem: Problem) -> str:
    """The page's hidden last step, as the browser sends it back."""
    page = client.get(reverse("problem_detail", args=[problem.pk])).content.decode()
    marker = 'name="seen_step" value="'
    if marker not in page:
        return ""
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def test_a_double_click_on_issue_order_issues_one_order(problem, world):
    city = signed_in(world, "city")
    form = {"requirements": "请按期办结", "seen_step": seen_step(city, problem)}
    url = reverse("order_new", args=[problem.pk])
    first = city.post(url, form, follow=True)
    second = city.post(url, form, follow=True)
    assert SupervisionOrder.objects.filter(problem=problem).count() == 1
    assert "督办单已下发" in first.content.decode()
    assert "该问题已被市项目办张三于" in second.content.decode()
    assert "下发督办单，请刷新页面" in second.content.decode()


def test_two_orders_sent_at_once_issue_one(problem, world):
    city = signed_in(world, "city")
    form = {"requirements": "请按期办结", "seen_step": seen_step(city, problem)}
    url = reverse("order_new", args=[problem.pk])
    answers = all_at_once([lambda: city.post(url, form), lambda: city.post(url, form)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    assert SupervisionOrder.objects.filter(problem=problem).count() == 1
    assert problem.steps.filter(action=Action.ORDER).count() == 1


def test_a_double_click_on_an_answer_records_one_step(problem, world):
    department = signed_in(world, "department")
    form = {"note": "已上报省厅", "seen_step": seen_step(department, problem)}
    url = reverse("problem_answer", args=[problem.pk])
    answers = all_at_once([lambda: department.post(url, form), lambda: department.post(url, form)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    assert problem.steps.filter(action=Action.ANSWER).count() == 1


def test_confirm_and_reopen_at_once_give_one_decision(problem, world):
    services.answer(problem, user=world.users["department"], note="指标已下达", solved=True)
    city, raiser = signed_in(world, "city"), signed_in(world, "city")
    answers = all_at_once(
        [
            lambda: city.post(reverse("problem_confirm", args=[problem.pk]), {"note": "好"}),
            lambda: raiser.post(
                reverse("problem_reopen", args=[problem.pk]), {"reason": "尚未落实"}
            ),
        ]
    )
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    decided = problem.steps.filter(action__in=[Action.CONFIRM, Action.REOPEN])
    assert decided.count() == 1
    problem.refresh_from_db()
    expected = Problem.Status.CONFIRMED if decided.get().action == Action.CONFIRM else "open"
    assert problem.status == expected


def test_a_problem_raised_twice_at_once_is_raised_once(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 5, 6)
    city = signed_in(world, "city")
    form = {
        "project": world.projects["武陟装备"].pk,
        "problem_type": "land",
        "department": world.users["department"].department.pk,
        "text": "二期用地指标尚未落实",
    }
    url = reverse("problem_new")
    answers = all_at_once([lambda: city.post(url, form), lambda: city.post(url, form)])
    assert sorted(getattr(answer, "status_code", answer) for answer in answers) == [200, 302]
    refused = next(answer for answer in answers if answer.status_code == 200)
    assert "该问题已于2025年5月6日交市自然资源和规划局办理，请勿重复交办" in (
        refused.content.decode()
    )
    assert Problem.objects.count() == 1


def meeting_form(submission: str) -> dict:
    return {
        "held_on": "2025-05-06",
        "topic": "温县太极文化产业园建设专题推进会",
        "chair": User.objects.get(role=Role.LEADER).pk,
        "attendees": "市自然资源和规划局、温县政府",
        "submission": submission,
    }


def test_a_new_meeting_sent_twice_at_once_is_recorded_once(problem, world):
    city = signed_in(world, "city")
    answers = sent_twice(city, reverse("meeting_new"), meeting_form, at_once=True)
    detail = reverse("meeting_detail", args=[Meeting.objects.get().pk])
    assert [(answer.status_code, answer.url) for answer in answers] == [(302, detail)] * 2


def test_a_double_click_on_a_new_meeting_shows_the_first(problem, world):
    city = signed_in(world, "city")
    first, second = sent_twice(city, reverse("meeting_new"), meeting_form, at_once=False)
    assert Meeting.objects.count() == 1
    assert "专题推进会已记录" in first.content.decode()
    assert "该表单已提交过，专题推进会已记录，未重复记录" in second.content.decode()
