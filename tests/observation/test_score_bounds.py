"""What a judge's phone sends is checked before it is stored: points that are no finite number
and overlong remarks are answered with a message (400), never a 500."""

import json
import uuid
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.observation import services
from guanmo.observation.models import ScoreForm
from tests.observation.tours import build_tour

FULL = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}


@pytest.fixture
def phone(tour) -> tuple[Client, object]:
    services.open_scoring(tour)
    client = Client()
    client.get(reverse("judge_sign_in", args=[tour.judges.get(name="张评委").token]))
    return client, tour.sites.get(project__name="温县太极文化产业园")


def send(phone, points, remark=""):
    client, site = phone
    body = {"site": site.pk, "submission": str(uuid.uuid4()), "points": points, "remark": remark}
    return client.post(reverse("judge_submit"), json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("typed", ["NaN", "sNaN", "-NaN", "Infinity", "-inf"])
def test_points_that_are_not_a_finite_number_are_a_message(phone, typed):
    answer = send(phone, {**FULL, "比规模": typed})
    assert answer.status_code == 400
    assert "「比规模」" in answer.json()["error"]
    assert not ScoreForm.objects.exists()


def test_absurd_magnitudes_are_out_of_range(phone):
    answer = send(phone, {**FULL, "比进度": "1E+5000"})
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("「比进度」应在0至25分之间")


def test_an_overlong_remark_is_refused_with_its_length(phone, settings):
    answer = send(phone, FULL, remark="好" * (settings.GUANMO_TEXT_MAX_CHARS + 1))
    assert answer.status_code == 400
    assert answer.json()["error"] == "「评语」不能超过2000字，现为2001字"
    assert not ScoreForm.objects.exists()


def test_a_site_number_beyond_any_integer_is_a_message(phone):
    client, _ = phone
    body = {"site": "9" * 30, "submission": str(uuid.uuid4()), "points": FULL}
    answer = client.post(reverse("judge_submit"), json.dumps(body), content_type="application/json")
    assert answer.status_code == 400


@pytest.mark.parametrize("which", ["another tour's", "no"])
def test_a_site_not_of_the_judges_tour_is_a_message(phone, world, which):
    client, _ = phone
    other = build_tour(world)
    site = other.sites.first().pk if which == "another tour's" else 10**9
    body = {"site": site, "submission": str(uuid.uuid4()), "points": FULL}
    answer = client.post(reverse("judge_submit"), json.dumps(body), content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["error"] == "没有这个观摩点"
    assert not ScoreForm.objects.exists()


def test_a_tour_starting_beyond_the_horizon_is_refused(client, world):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("tour_list"),
        {"name": "观摩", "first_day": "9999-12-31", "days": 1, "counties": [world.wuzhi.pk]},
    )
    assert "「开始日期」不能晚于" in response.content.decode()
    assert not world.city.tours.exists()


def test_a_tour_starting_before_the_window_is_refused(client, world, settings):
    settings.GUANMO_TODAY = date(2025, 6, 1)
    client.force_login(world.users["city"])
    response = client.post(
        reverse("tour_list"),
        {"name": "观摩", "first_day": "1900-01-01", "days": 1, "counties": [world.wuzhi.pk]},
    )
    assert (
        "「开始日期」不能早于2024年5月31日（2025年6月1日前366天以内）" in response.content.decode()
    )
    assert not world.city.tours.exists()
