"""A judge's scores on the web tour: checked against the rubric, recusal kept, a resend stored
once, changes allowed until the site closes, nothing after the tour ends."""

import uuid
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import Project
from guanmo.observation import services
from guanmo.observation.models import Score, ScoreForm, Site
from guanmo.observation.selectors import board, results_of, score_cards

FULL = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}


def site_of(tour, name: str) -> Site:
    return tour.sites.get(project__name=name)


def submit(tour, judge_name: str, site_name: str, points=FULL, submission=None, remark=""):
    judge = tour.judges.get(name=judge_name)
    return services.submit_scores(
        judge,
        site_of(tour, site_name),
        points=points,
        remark=remark,
        submission=submission or uuid.uuid4(),
    )


@pytest.fixture
def scoring(tour):
    services.open_scoring(tour)
    return tour


def test_scores_are_refused_before_scoring_opens(tour):
    with pytest.raises(services.TourError, match="观摩活动不在评分阶段"):
        submit(tour, "张评委", "温县太极文化产业园")


def test_a_score_form_is_stored_with_its_total(scoring):
    form, written, total = submit(scoring, "张评委", "温县太极文化产业园", remark="进度快")
    assert written
    assert sum(score.points for score in form.scores.all()) == total == Decimal("86.5")
    assert form.remark == "进度快"


def test_a_resent_submission_is_stored_once(scoring):
    submission = uuid.uuid4()
    submit(scoring, "张评委", "温县太极文化产业园", submission=submission)
    form, written, total = submit(scoring, "张评委", "温县太极文化产业园", submission=submission)
    assert not written and total == Decimal("86.5")
    assert ScoreForm.objects.count() == 1 and Score.objects.count() == 4
    assert form.times_changed == 0


def test_a_new_submission_replaces_the_judges_earlier_scores(scoring):
    submit(scoring, "张评委", "温县太极文化产业园")
    form, written, total = submit(
        scoring, "张评委", "温县太极文化产业园", points={**FULL, "比规模": "25"}
    )
    assert written and form.times_changed == 1 and total == Decimal("89.5")
    assert Score.objects.count() == 4
    assert form.scores.get(criterion__name="比规模").points == Decimal(25)


def test_a_judge_may_not_score_his_own_countys_site(scoring):
    with pytest.raises(services.TourError, match="属本人所在县区，按回避规定不参加评分"):
        submit(scoring, "李评委", "武陟县冷链物流园")
    assert not ScoreForm.objects.exists()


def test_without_recusal_he_may(scoring):
    scoring.recusal = False
    scoring.save()
    assert submit(scoring, "李评委", "武陟县冷链物流园").written


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({**FULL, "比规模": "26"}, "「比规模」应在0至25分之间，而填的是26"),
        ({**FULL, "比进度": "20.3"}, "「比进度」应以0.5分为单位，而填的是20.3"),
        ({**FULL, "比质量": "好"}, "「比质量」应填数字，而填的是「好」"),
        ({k: v for k, v in FULL.items() if k != "比效益"}, "「比效益」未打分"),
    ],
)
def test_bad_points_are_refused_with_the_criterion_named(scoring, points, message):
    with pytest.raises(services.TourError, match=message):
        submit(scoring, "张评委", "温县太极文化产业园", points=points)
    assert not ScoreForm.objects.exists()


def test_a_tour_scored_in_tenths_takes_a_tenth_and_refuses_a_twentieth(scoring):
    scoring.score_step = Decimal("0.1")
    scoring.save()

    form = submit(scoring, "张评委", "温县太极文化产业园", points={**FULL, "比进度": "20.3"}).form
    with pytest.raises(services.TourError, match=r"「比进度」应以0\.1分为单位，而填的是20\.35"):
        submit(scoring, "王评委", "温县太极文化产业园", points={**FULL, "比进度": "20.35"})
    assert sum(score.points for score in form.scores.all()) == Decimal("86.3")


def test_a_closed_site_keeps_its_scores(scoring):
    submit(scoring, "张评委", "温县太极文化产业园")
    services.close_site(site_of(scoring, "温县太极文化产业园"))
    with pytest.raises(services.TourError, match="已截止评分"):
        submit(scoring, "张评委", "温县太极文化产业园", points={**FULL, "比规模": "10"})
    assert Score.objects.get(criterion__name="比规模").points == Decimal(22)


def test_closing_the_tour_closes_every_site(scoring):
    services.close_tour(scoring)
    assert not scoring.sites.filter(closed_at__isnull=True).exists()
    with pytest.raises(services.TourError, match="不在评分阶段"):
        submit(scoring, "张评委", "温县太极文化产业园")


def test_a_county_proposal_waits_for_approval_and_only_approved_sites_are_scored(scoring, world):
    scoring.sites.all().delete()
    proposed = services.add_site(
        scoring, world.projects["武陟物流"], user=world.users["wuzhi"], approved=False
    )
    assert proposed.status == Site.Status.PROPOSED
    with pytest.raises(services.TourError, match="没有这个观摩点"):
        submit(scoring, "张评委", "武陟县冷链物流园")
    services.decide_site(proposed, approve=True)
    assert submit(scoring, "张评委", "武陟县冷链物流园").written


def test_a_project_of_a_county_not_taking_part_cannot_be_a_site(tour, world):
    tour.counties.set([world.wenxian])
    tour.sites.all().delete()
    with pytest.raises(services.TourError, match="所在的武陟县未参加本次观摩"):
        services.add_site(tour, world.projects["武陟物流"], user=world.users["city"], approved=True)


def test_the_board_shows_who_has_scored_what_and_who_is_recused(scoring):
    submit(scoring, "张评委", "武陟县冷链物流园")
    judges, rows = board(scoring)
    row = next(row for row in rows if row.site.project.name == "武陟县冷链物流园")
    assert [judge.name for judge in judges] == ["张评委", "李评委", "王评委"]
    assert [cell.state for cell in row.cells] == ["scored", "recused", "waiting"]
    assert row.cells[0].total == Decimal("86.5")
    assert (row.scored, row.expected) == (1, 2)


def test_score_cards_carry_the_judges_and_sites_counties(scoring):
    submit(scoring, "李评委", "温县太极文化产业园", remark="亮点突出")
    [card] = score_cards(scoring)
    assert (card.judge, card.judge_region, card.site, card.site_region) == (
        "李评委",
        "武陟县",
        "温县太极文化产业园",
        "温县",
    )
    assert card.total == Decimal("86.5") and card.remark == "亮点突出"


def test_results_rank_the_counties_from_the_stored_scores(scoring):
    assert results_of(scoring) is None
    low = {"比规模": "15", "比进度": "15", "比质量": "15", "比效益": "15"}
    for judge in ("张评委", "王评委"):
        submit(scoring, judge, "武陟县冷链物流园", points=low)
        submit(scoring, judge, "武陟县智能装备产业园", points=low)
    for judge in ("张评委", "李评委", "王评委"):
        submit(scoring, judge, "温县太极文化产业园")
        submit(scoring, judge, "温县健康食品产业园")
    results = results_of(scoring)
    assert [(region.region, region.score, region.rank) for region in results.regions] == [
        ("温县", Decimal("86.50"), 1),
        ("武陟县", Decimal("60.00"), 2),
    ]


def test_two_counties_projects_of_one_name_stay_apart_in_the_results(scoring, world):
    twin = Project.objects.create(city=world.city, county=world.wuzhi, name="温县太极文化产业园")
    services.add_site(scoring, twin, user=world.users["city"], approved=True)
    judge = scoring.judges.get(name="张评委")
    for project, points in ((world.projects["温县文旅"], FULL), (twin, {**FULL, "比规模": "10"})):
        site = scoring.sites.get(project=project)
        services.submit_scores(judge, site, points=points, submission=uuid.uuid4())
    sites = {card.site: card.total for card in score_cards(scoring)}
    assert sites == {
        "温县太极文化产业园（温县）": Decimal("86.5"),
        "温县太极文化产业园（武陟县）": Decimal("74.5"),
    }


# What one score costs on either database, however many judges and sites the tour has: the
# session, the judge with his tour; inside the transaction (a savepoint within the test's own)
# the judge locked (PostgreSQL), the tour and the site held, his earlier form, the criteria,
# the writes (two for a first form, three for a changed one).
QUERIES_PER_SCORE = 12


def test_a_judges_score_takes_the_same_few_queries_however_busy_the_tour(
    scoring, client, django_assert_max_num_queries
):
    for number in range(20):
        services.add_judge(scoring, name=f"评委{number:02d}", unit="市直单位")
    for judge in scoring.judges.exclude(name="李评委"):
        for site in scoring.sites.exclude(project__county__name="武陟县"):
            services.submit_scores(judge, site, points=FULL, submission=uuid.uuid4())
    judge = scoring.judges.get(name="张评委")
    client.get(reverse("judge_sign_in", args=[judge.token]))
    site = site_of(scoring, "温县太极文化产业园")
    for points in (FULL, {**FULL, "比规模": "25"}):
        body = {"site": site.pk, "submission": str(uuid.uuid4()), "points": points}
        with django_assert_max_num_queries(QUERIES_PER_SCORE):
            answer = client.post(reverse("judge_submit"), body, content_type="application/json")
        assert answer.json()["stored"] is True
