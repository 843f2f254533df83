"""Judges scoring at the same moment, from real threads against the real database file (or
PostgreSQL): every score is stored, none twice, and every phone gets its answer, never a 500."""

import json
import uuid

import pytest
from django.db import OperationalError, connection, transaction
from django.test import Client
from django.urls import reverse

from guanmo.observation import services
from guanmo.observation.models import Score, ScoreForm, Site, Tour
from tests.concurrency import all_at_once, left_open, waiting_at_most
from tests.observation.tours import build_tour

FULL = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
JUDGES = 40


@pytest.fixture
def scoring(transactional_db, world):
    """The test tour, open for scoring, with 40 judges from the city (none recused)."""
    tour = build_tour(world)
    for number in range(JUDGES - tour.judges.count()):
        services.add_judge(tour, name=f"评委{number:02d}", unit="市直单位")
    services.open_scoring(tour)
    return tour


def signed_in(judge) -> Client:
    phone = Client()
    phone.get(reverse("judge_sign_in", args=[judge.token]))
    return phone


def send(phone: Client, site, submission: uuid.UUID):
    body = {"site": site.pk, "submission": str(submission), "points": FULL, "remark": "进度快"}
    return lambda: phone.post(
        reverse("judge_submit"), json.dumps(body), content_type="application/json"
    )


def test_forty_judges_scoring_one_site_at_once_are_all_stored(scoring):
    site = scoring.sites.get(project__name="温县太极文化产业园")
    judges = list(scoring.judges.all())
    answers = all_at_once([send(signed_in(judge), site, uuid.uuid4()) for judge in judges])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [200] * JUDGES
    assert all(answer.json()["stored"] for answer in answers)
    assert ScoreForm.objects.filter(site=site).count() == JUDGES
    assert Score.objects.filter(form__site=site).count() == JUDGES * len(FULL)


def test_a_score_sent_twice_at_once_is_stored_once(scoring):
    site = scoring.sites.get(project__name="温县太极文化产业园")
    judge = scoring.judges.get(name="张评委")
    phone, submission = signed_in(judge), uuid.uuid4()
    answers = all_at_once([send(phone, site, submission), send(phone, site, submission)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [200, 200]
    assert sorted(answer.json()["written"] for answer in answers) == [False, True]
    form = ScoreForm.objects.get(judge=judge, site=site)
    assert form.times_changed == 0 and form.scores.count() == len(FULL)


on_postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes one writer at a time; row locks are PostgreSQL's",
)


def score(judge, site):
    return lambda: services.submit_scores(
        judge, Site.objects.select_related("project").get(pk=site.pk), points=FULL,
        submission=uuid.uuid4(),
    )  # fmt: skip


@on_postgres_only
def test_a_judge_scoring_does_not_wait_for_another_judge_still_writing(scoring):
    site = scoring.sites.get(project__name="温县太极文化产业园")
    first, second = scoring.judges.exclude(name="李评委")[:2]
    with left_open(score(first, site)), transaction.atomic():
        waiting_at_most(2)  # the tour locked by the first judge would make this raise
        score(second, site)()
    assert ScoreForm.objects.filter(site=site).count() == 2


@on_postgres_only
@pytest.mark.parametrize(
    "close",
    [
        lambda site: services.close_tour(Tour.objects.get(pk=site.tour_id)),
        lambda site: services.close_site(Site.objects.get(pk=site.pk)),
    ],
    ids=["tour", "site"],
)
def test_closing_waits_for_a_score_being_written(scoring, close):
    site = scoring.sites.get(project__name="温县太极文化产业园")
    judge = scoring.judges.get(name="张评委")
    with left_open(score(judge, site)), pytest.raises(OperationalError), transaction.atomic():
        waiting_at_most(1)
        close(site)
    assert not Site.objects.get(pk=site.pk).is_closed
    close(site)
    assert ScoreForm.objects.get(site=site, judge=judge).scores.count() == len(FULL)
