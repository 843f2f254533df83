"""A problem's inputs are bounded: a deadline within the horizon (9999-12-31 would never
escalate), texts within the length limit, a city's default days within the horizon too, and a
meeting's date within the window of recorded dates."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.supervision import services
from guanmo.supervision.forms import RulesForm
from guanmo.supervision.models import Meeting, Problem, SupervisionOrder
from tests.supervision.test_actions_at_once import land_problem


@pytest.fixture
def city(client, world, settings):
    settings.GUANMO_TODAY = date(2025, 5, 6)
    client.force_login(world.users["city"])
    return client


def raise_by_page(client, world, **typed):
    form = {
        "project": world.projects["武陟装备"].pk,
        "problem_type": "land",
        "department": world.users["department"].department.pk,
        "text": "二期用地指标尚未落实",
        **typed,
    }
    return client.post(reverse("problem_new"), form)


def test_a_deadline_of_9999_12_31_is_refused(city, world):
    page = raise_by_page(city, world, deadline="9999-12-31").content.decode()
    assert "「办理时限」不能晚于2028年5月6日（2025年5月6日起1096天以内）" in page
    assert not Problem.objects.exists()


def test_a_deadline_within_three_years_is_taken(city, world):
    assert raise_by_page(city, world, deadline="2028-05-06").status_code == 302
    assert Problem.objects.get().deadline == date(2028, 5, 6)


def test_an_overlong_order_is_refused_and_none_issued(city, world, settings):
    problem = land_problem(world)
    response = city.post(
        reverse("order_new", args=[problem.pk]),
        {"requirements": "限" * (settings.GUANMO_TEXT_MAX_CHARS + 1)},
        follow=True,
    )
    assert "「督办要求」不能超过2000字，现为2001字" in response.content.decode()
    assert not SupervisionOrder.objects.exists()


def test_a_meetings_attendees_are_bounded(world):
    with pytest.raises(services.SupervisionError, match="「参会人员」不能超过2000字"):
        services.record_meeting(
            world.city,
            held_on=date(2025, 5, 6),
            topic="用地专题会",
            chair=world.users["leader"],
            attendees="人" * 2001,
            user=world.users["city"],
        )


def test_a_citys_default_days_stay_within_the_horizon(world):
    form = RulesForm({"land_days": 2000, "escalation_days": 5}, instance=None)
    assert not form.is_valid()
    assert form.errors["land_days"] == ["确保该值小于或等于1096。"]


@pytest.mark.parametrize(
    ("held_on", "message"),
    [
        ("1900-01-01", "「会议日期」不能早于2024年5月5日（2025年5月6日前366天以内）"),
        ("9999-12-31", "「会议日期」不能晚于2028年5月6日（2025年5月6日起1096天以内）"),
    ],
)
def test_a_meeting_dated_outside_the_window_is_refused_naming_the_field(
    city, world, held_on, message
):
    form = {"held_on": held_on, "topic": "专题推进会", "chair": world.users["leader"].pk}
    page = city.post(reverse("meeting_new"), form).content.decode()
    assert message in page
    assert not Meeting.objects.exists()
