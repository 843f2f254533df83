"""A new tour's form sent twice (a double click, or two at once from real threads) makes one
tour, and the second answer shows the first one's tour."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.observation.models import Tour
from guanmo.regions.models import Region
from tests.concurrency import sent_twice


@pytest.fixture
def organiser(transactional_db, world, settings) -> Client:
    settings.GUANMO_TODAY = date(2025, 6, 1)
    client = Client()
    client.force_login(world.users["city"])
    return client


def tour_form(submission: str) -> dict:
    counties = Region.objects.filter(name__in=["武陟县", "温县"])
    return {
        "name": "2025年第二次重点项目观摩",
        "first_day": "2025-06-18",
        "days": "2",
        "counties": [county.pk for county in counties],
        "submission": submission,
    }


def test_a_new_tour_sent_twice_at_once_is_made_once(organiser):
    answers = sent_twice(organiser, reverse("tour_list"), tour_form, at_once=True)
    tour = Tour.objects.get()
    detail = reverse("tour_detail", args=[tour.pk])
    assert [(answer.status_code, answer.url) for answer in answers] == [(302, detail)] * 2
    assert tour.criteria.count() == 4


def test_a_double_click_on_a_new_tour_shows_the_first_and_a_new_form_makes_another(organiser):
    first, second = sent_twice(organiser, reverse("tour_list"), tour_form, at_once=False)
    assert Tour.objects.count() == 1
    assert "已新建观摩活动「2025年第二次重点项目观摩」" in first.content.decode()
    said = "该表单已提交过，观摩活动「2025年第二次重点项目观摩」已新建，未重复新建"
    assert said in second.content.decode()
    sent_twice(organiser, reverse("tour_list"), tour_form, at_once=False)
    assert Tour.objects.count() == 2
