"""What a judge's phone costs the server: two hundred judges score at once on a 2-core machine,
so signing in, the list of sites and each score sent are held to a fixed number of queries,
whatever the number of sites (the list once read each site's county one by one)."""

import json
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from guanmo.observation import services
from guanmo.observation.models import ScoreForm

FULL = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
SITE = "温县太极文化产业园"
# PostgreSQL holds the judge's row with a query; SQLite's immediate transaction holds it already.
HOLDING_THE_JUDGE = 1 if connection.vendor == "postgresql" else 0


@pytest.fixture
def phone(tour) -> Client:
    services.open_scoring(tour)
    phone = Client()
    phone.get(reverse("judge_sign_in", args=[tour.judges.get(name="张评委").token]))
    return phone


def _send(phone: Client, site) -> dict:
    body = {"site": site.pk, "submission": str(uuid.uuid4()), "points": FULL, "remark": "好"}
    answer = phone.post(reverse("judge_submit"), json.dumps(body), content_type="application/json")
    assert answer.status_code == 200
    return answer.json()


def test_signing_in_writes_the_new_session_once(tour, django_assert_max_num_queries):
    judge = tour.judges.get(name="张评委")
    # The judge, the session key's check, then one transaction writing the session.
    with django_assert_max_num_queries(5):
        answer = Client().get(reverse("judge_sign_in", args=[judge.token]))
    assert answer.status_code == 302


def test_the_list_of_sites_reads_each_table_once(tour, phone, django_assert_max_num_queries):
    # Session, judge with tour, his forms and their scores, the sites with project and county.
    with django_assert_max_num_queries(5):
        page = phone.get(reverse("judge_home"))
    assert page.status_code == 200
    assert SITE in page.content.decode()


def test_a_first_score_takes_a_fixed_number_of_queries(tour, phone, django_assert_num_queries):
    site = tour.sites.get(project__name=SITE)
    # Session, judge with his tour; then in one transaction (begin, commit): the judge held,
    # tour and site read and held unchanged, his form if any, the criteria, the form and its
    # scores written. The site is not read before, nor the total after (it is the points
    # written): every query is CPU on a 2-core machine that two hundred judges share.
    with django_assert_num_queries(10 + HOLDING_THE_JUDGE):
        answer = _send(phone, site)
    assert answer == {"stored": True, "written": True, "total": "86.5"}


def test_a_changed_score_takes_a_fixed_number_of_queries(tour, phone, django_assert_num_queries):
    site = tour.sites.get(project__name=SITE)
    _send(phone, site)
    # As a first score, the form updated and its old scores deleted instead of it created.
    with django_assert_num_queries(11 + HOLDING_THE_JUDGE):
        answer = _send(phone, site)
    assert answer["written"] is True
    assert ScoreForm.objects.get(site=site, judge__name="张评委").times_changed == 1
