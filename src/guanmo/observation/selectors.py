"""Reads for observation tours: the tours a user may see, score cards for the results, and the
organiser's live board."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db.models import QuerySet

from guanmo.accounts.scope import Scope
from guanmo.documents.services import office_for
from guanmo.observation import route
from guanmo.observation.bulletin import TourFacts, TourReport
from guanmo.observation.models import Judge, Score, ScoreForm, Site, Tour
from guanmo.observation.results import Method, ScoreCard, TourResults, Trim, tour_results
from guanmo.observation.schedule import arrange
from guanmo.observation.services import recused
from guanmo.regions.models import RankingGroup, Region


def tours_for(scope: Scope) -> QuerySet[Tour]:
    """The city office sees its city's tours; a county office the tours its county takes part
    in; nobody else any."""
    tours = Tour.objects.filter(city=scope.city)
    if scope.is_city_office:
        return tours
    if scope.county is not None:
        return tours.filter(counties=scope.county)
    return tours.none()


def tour_schedule(tour: Tour):
    """The tour's sites, its routing problem, the schedule of the stored order and the reasons
    it cannot be routed: (sites, problem, schedule, reasons); problem None with reasons,
    schedule None while no site has a place."""
    sites = route.route_sites(tour)
    problem, reasons = route.route_problem(tour, sites)
    if problem is None:
        return sites, None, None, reasons
    order = route.stored_order(tour, sites)
    if not any(order):
        return sites, problem, None, []
    return sites, problem, arrange(problem, order), []


def approved_sites(tour: Tour) -> QuerySet[Site]:
    return tour.sites.filter(status=Site.Status.APPROVED).select_related("project__county")


def site_names(sites: list[Site]) -> dict[int, str]:
    """What results call each site: its project's name, with the county added where two
    counties' projects share a name (results are keyed by name)."""
    counties_by_name: dict[str, set[int]] = defaultdict(set)
    for site in sites:
        counties_by_name[site.project.name].add(site.project.county_id)
    return {
        site.pk: site.project.name
        if len(counties_by_name[site.project.name]) == 1
        else f"{site.project.name}（{site.project.county.name}）"
        for site in sites
    }


def score_cards(tour: Tour) -> list[ScoreCard]:
    """Every stored score form of the tour as a plain score card (three queries)."""
    names = site_names(list(approved_sites(tour)))
    forms = ScoreForm.objects.filter(site__tour=tour, site__status=Site.Status.APPROVED)
    forms = forms.select_related("judge__county", "site__project__county")
    points: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for score in Score.objects.filter(form__in=forms).select_related("criterion"):
        points[score.form_id][score.criterion.name] = score.points
    return [
        ScoreCard(
            judge=form.judge.name,
            judge_region=form.judge.county.name if form.judge.county else "",
            site=names[form.site_id],
            site_region=form.site.project.county.name,
            scores=points[form.pk],
            remark=form.remark,
        )
        for form in forms.order_by("site__day", "site__position", "site__pk", "judge__pk")
    ]


@dataclass(frozen=True)
class BoardCell:
    state: str  # "scored", "waiting", "recused"
    total: Decimal | None = None


@dataclass(frozen=True)
class BoardRow:
    site: Site
    cells: list[BoardCell]
    scored: int
    expected: int


def board(tour: Tour) -> tuple[list[Judge], list[BoardRow]]:
    """Which judge has scored which site; the totals are for the organiser's eyes only."""
    judges = list(tour.judges.select_related("county").select_related("tour"))
    sites = list(approved_sites(tour))
    totals: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for score in Score.objects.filter(form__site__tour=tour).values(
        "form__judge_id", "form__site_id", "points"
    ):
        totals[score["form__judge_id"], score["form__site_id"]] += score["points"]
    rows = []
    for site in sites:
        cells = []
        for judge in judges:
            if recused(judge, site):
                cells.append(BoardCell("recused"))
            elif (judge.pk, site.pk) in totals:
                cells.append(BoardCell("scored", totals[judge.pk, site.pk]))
            else:
                cells.append(BoardCell("waiting"))
        expected = sum(cell.state != "recused" for cell in cells)
        scored = sum(cell.state == "scored" for cell in cells)
        rows.append(BoardRow(site, cells, scored, expected))
    return judges, rows


def _trim(tour: Tour) -> Trim:
    return Trim(drop_high=tour.drop_high, drop_low=tour.drop_low)


def _results(tour: Tour, cards: list[ScoreCard], method: Method | None) -> TourResults:
    groups = RankingGroup.objects.filter(city=tour.city)
    return tour_results(
        cards,
        method=method or Method(tour.method),
        trim=_trim(tour),
        recusal=tour.recusal,
        groups=dict(
            Region.objects.filter(ranking_group__in=groups).values_list(
                "name", "ranking_group__name"
            )
        ),
        group_order=[group.name for group in groups],
    )


def results_of(tour: Tour, method: Method | None = None) -> TourResults | None:
    """The tour's results from the scores stored so far (None before any score), by the
    tour's method unless another is asked for."""
    cards = score_cards(tour)
    return _results(tour, cards, method) if cards else None


def tour_report(tour: Tour, method: Method | None = None) -> TourReport | None:
    """Everything the results bulletin and the organiser's export show (None before any
    score): the same outputs `observation-results` writes for a paper tour."""
    cards = score_cards(tour)
    if not cards:
        return None
    return TourReport(
        facts=tour_facts(tour),
        rubric=tuple(criterion.as_rubric() for criterion in tour.criteria.all()),
        cards=cards,
        results=_results(tour, cards, method),
        trim=_trim(tour),
        recusal=tour.recusal,
    )


def tour_dates(tour: Tour) -> str:
    """ "6月18日", or "6月18日至19日" over two days (the month repeated when it changes)."""
    first = tour.first_day
    last = first + timedelta(days=tour.days - 1)
    if last == first:
        return f"{first.month}月{first.day}日"
    end = f"{last.day}日" if last.month == first.month else f"{last.month}月{last.day}日"
    return f"{first.month}月{first.day}日至{end}"


def tour_facts(tour: Tour) -> TourFacts:
    """What the results bulletin says of the tour: its dates, sites, judges and counties."""
    sites = approved_sites(tour)
    return TourFacts(
        name=tour.name,
        dates=tour_dates(tour),
        sites=sites.count(),
        judges=tour.judges.count(),
        counties=len({site.project.county_id for site in sites}),
        city=tour.city.name,
        office=office_for(tour.city).full_name,
    )
