"""The demo city's observation tours: a closed autumn tour with a route, scores and results,
and a December tour open for scoring, whose judges' links the demo prints."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Max, Min

from guanmo.demo.city import build_demo_city
from guanmo.demo.tour import LENIENT_JUDGE, DemoTours, create_demo_tours
from guanmo.ledger.models import Project
from guanmo.observation.agreement import LENIENT
from guanmo.observation.models import ScoreForm, Tour
from guanmo.observation.route import route_problem, route_sites, stored_order
from guanmo.observation.schedule import arrange, county_blocks, split_counties, validate_schedule
from guanmo.observation.selectors import results_of
from guanmo.observation.services import recused
from guanmo.regions.services import units_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def tours(demo) -> DemoTours:
    """The demo's tours (the package's one build; tests change them only in their savepoint)."""
    return demo.tours


def _route_fingerprint(tour: Tour) -> list[tuple]:
    return list(tour.sites.values_list("project__name", "day", "position"))


def test_autumn_tour_visits_two_or_three_sites_in_every_county_and_zone(tours):
    closed = tours.closed
    units = units_of(closed.city)

    assert (closed.name, closed.days, closed.status) == ("2025年第二次重点项目观摩", 2, "closed")
    assert set(closed.counties.all()) == set(units)
    for unit in units:
        assert 2 <= closed.sites.filter(project__county=unit).count() <= 3, unit.name


def test_tours_set_out_from_the_city_government_among_the_demo_projects(tours):
    bounds = Project.objects.aggregate(
        Min("latitude"), Max("latitude"), Min("longitude"), Max("longitude")
    )

    for tour in (tours.closed, tours.scoring):
        assert tour.start_name == "焦作市人民政府"
        assert bounds["latitude__min"] < tour.start_latitude < bounds["latitude__max"]
        assert bounds["longitude__min"] < tour.start_longitude < bounds["longitude__max"]


@pytest.mark.parametrize("which", ["closed", "scoring"])
def test_stored_route_places_every_site_and_keeps_every_rule(tours, which):
    tour = getattr(tours, which)
    sites = route_sites(tour)
    problem, reasons = route_problem(tour, sites)

    schedule = arrange(problem, stored_order(tour, sites))

    assert reasons == []
    assert schedule.unplaced == ()
    assert validate_schedule(problem, schedule) == []
    assert len(schedule.days) == tour.days


def test_county_judges_stay_out_of_their_own_county_and_the_rest_score_every_site(tours):
    closed = tours.closed
    judges, sites = list(closed.judges.all()), list(route_sites(closed))
    expected = {
        (judge.pk, site.pk) for judge in judges for site in sites if not recused(judge, site)
    }

    scored = set(ScoreForm.objects.filter(site__tour=closed).values_list("judge", "site"))

    assert scored == expected
    assert sum(judge.county is not None for judge in judges) == 3
    assert len(expected) < len(judges) * len(sites)


def test_results_rank_every_county_and_zone(tours):
    results = results_of(tours.closed)

    assert {region.region for region in results.regions} == {
        unit.name for unit in units_of(tours.closed.city)
    }
    assert [region.rank for region in results.regions] == list(range(1, 13))
    assert len(results.sites) == tours.closed.sites.count()


def test_the_lenient_judge_is_the_one_the_panel_checks_flag(tours):
    results = results_of(tours.closed)

    flagged = [(review.judge, review.reasons) for review in results.judges if review.flagged]

    assert flagged == [(LENIENT_JUDGE, (LENIENT,))]


def test_december_tour_is_open_for_scoring_with_no_scores(tours):
    scoring = tours.scoring

    assert scoring.status == Tour.Status.SCORING
    assert scoring.judges.count() == 7
    assert not ScoreForm.objects.filter(site__tour=scoring).exists()
    assert not scoring.sites.filter(project__in=tours.closed.sites.values("project")).exists()


def test_rebuilding_gives_the_same_tours_in_place_of_the_old(tours):
    routes = [_route_fingerprint(tours.closed), _route_fingerprint(tours.scoring)]
    totals = results_of(tours.closed).regions

    summary = build_demo_city()  # the tours' sites must not stop the ledger's reset
    again = create_demo_tours(summary.city, seed=2025)

    assert Tour.objects.count() == 2
    assert [_route_fingerprint(again.closed), _route_fingerprint(again.scoring)] == routes
    assert results_of(again.closed).regions == totals


def test_demo_command_prints_each_judges_link_to_the_open_tour(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()

    call_command("demo", stdout=out)

    printed = out.getvalue()
    scoring = Tour.objects.get(status=Tour.Status.SCORING)
    for judge in scoring.judges.all():
        assert f"{judge.name}" in printed
        assert f"/observation/j/{judge.token}/" in printed
    closed = Tour.objects.get(status=Tour.Status.CLOSED)
    assert f"/observation/{closed.pk}/results/" in printed


@pytest.mark.parametrize("which", ["closed", "scoring"])
def test_no_county_is_split_across_days_or_visited_twice_in_a_day(tours, which):
    tour = getattr(tours, which)
    sites = route_sites(tour)
    problem, _ = route_problem(tour, sites)
    schedule = arrange(problem, stored_order(tour, sites))

    blocks = county_blocks(problem, schedule)
    assert set(blocks) == {site.project.county.name for site in sites}
    assert {county: days for county, days in blocks.items() if len(days) > 1} == {}
    assert split_counties(problem, schedule) == []
