"""The demo city's observation tours, so that every 观摩 page has something to show: the
autumn tour of every county and zone, routed, scored by a seven-judge panel and closed (its
results and bulletin show, and one lenient judge is flagged); and a December tour open for
scoring with no scores yet, whose judges' personal links the demo prints for trying on a
phone. Everything comes from one seeded random generator and the ledger's own projects."""

import random
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from guanmo.accounts.models import Role, User
from guanmo.demo.city import YEAR
from guanmo.ledger.models import Project, Stage
from guanmo.observation import services
from guanmo.observation.models import Tour
from guanmo.observation.route import route_problem, route_sites, save_order
from guanmo.observation.routing import plan_route
from guanmo.regions.models import Region
from guanmo.regions.services import units_of

START_NAME = "焦作市人民政府"
START_LATITUDE, START_LONGITUDE = Decimal("35.215600"), Decimal("113.241800")

# The panel: four from city bureaus, three from counties, so that recusal shows.
PANEL = (
    ("赵振华", "市发展和改革委员会", None),
    ("钱丽萍", "市住房和城乡建设局", None),
    ("孙卫国", "市自然资源和规划局", None),
    ("周文静", "市统计局", None),
    ("吴建军", "修武县人民政府", "修武县"),
    ("郑海燕", "武陟县人民政府", "武陟县"),
    ("冯志刚", "孟州市人民政府", "孟州市"),
)
LENIENT_JUDGE = "孙卫国"  # the panel checks flag him
LENIENT_BY = 1.25  # points per criterion, about five on a card: far beyond the others' leaning

REMARKS = (
    "现场管理规范，形象进度超过年度计划",
    "建议加快设备安装调试，尽早投产达效",
    "安全文明施工有待加强，围挡和扬尘治理需整改",
    "项目带动作用明显，产业链配套较完整",
    "要素保障到位，建议总结经验在全市推广",
    "年度投资完成偏慢，需倒排工期加快进度",
)
REMARK_SHARE = 0.12

# The route search stops after this many solutions, not after a time: the same order on every
# run, in a fraction of a second (the autumn tour's route is as short after 100 as after a
# five-second search). The time limit only guards a very slow machine.
ROUTE_SOLUTIONS = 200
ROUTE_SECONDS_AT_MOST = 30


# The autumn tour falls within the third quarter, so that a 前三季度 assessment naming
# 观摩:县区得分 (the shipped example scheme, run for 1—9月 as the README shows) has its tour.
AUTUMN_TOUR_DAY = date(YEAR, 9, 17)


@dataclass(frozen=True)
class DemoTours:
    closed: Tour
    scoring: Tour


@transaction.atomic
def create_demo_tours(city: Region, seed: int) -> DemoTours:
    """(Re)create the demo city's two observation tours; the city office organises them."""
    Tour.objects.filter(city=city).delete()
    rng = random.Random(seed)
    office = User.objects.filter(role=Role.CITY_OFFICE, region=city).first()
    units = units_of(city)
    # The districts are close to the city government: short drives leave time for a third site.
    closed = _tour(
        city,
        f"{YEAR}年第二次重点项目观摩",
        AUTUMN_TOUR_DAY,
        days=2,
        sites={unit: 3 if _is_district(unit) else 2 for unit in units},
        office=office,
    )
    _score(closed, rng)
    services.close_tour(closed)

    # A one-day tour of the districts and zones round the city, sites not seen in the autumn.
    nearby = [unit for unit in units if _is_district(unit) or unit.kind == Region.Kind.ZONE]
    scoring = _tour(
        city,
        f"{YEAR}年第三次重点项目观摩",
        date(YEAR, 12, 17),
        days=1,
        sites=dict.fromkeys(nearby, 2),
        office=office,
        passed_over=set(closed.sites.values_list("project_id", flat=True)),
    )
    return DemoTours(closed=closed, scoring=scoring)


def _is_district(unit: Region) -> bool:
    """A district of the city proper (市辖区), as against a county or county-level city."""
    return unit.kind == Region.Kind.COUNTY and unit.name.endswith("区")


def _tour(
    city: Region,
    name: str,
    first_day: date,
    *,
    days: int,
    sites: dict[Region, int],
    office: User | None,
    passed_over: Collection[int] = (),
) -> Tour:
    """A tour of each unit's largest projects under way (`sites[unit]` of them), routed, with
    the panel added and scoring open."""
    tour = services.create_tour(
        city, name=name, first_day=first_day, days=days, counties=list(sites), user=office
    )
    tour.start_name = START_NAME
    tour.start_latitude, tour.start_longitude = START_LATITUDE, START_LONGITUDE
    tour.save(update_fields=["start_name", "start_latitude", "start_longitude"])
    for unit, count in sites.items():
        projects = (
            Project.objects.filter(county=unit, latitude__isnull=False, longitude__isnull=False)
            .exclude(stage=Stage.PREPARATORY)  # nothing to see on site yet
            .exclude(pk__in=passed_over)
            .order_by("-total_investment", "pk")
        )
        for project in projects[:count]:
            services.add_site(tour, project, user=office, approved=True)
    counties = {unit.name: unit for unit in units_of(city)}
    for judge, unit, county in PANEL:
        services.add_judge(tour, name=judge, unit=unit, county=counties.get(county))
    _route(tour)
    services.open_scoring(tour)
    return tour


def _route(tour: Tour) -> None:
    """Plan the tour's route and save it, as the organiser's 自动排线 button does."""
    sites = route_sites(tour)
    problem, reasons = route_problem(tour, sites)
    if problem is None:
        raise ValueError("；".join(reasons))
    schedule = plan_route(
        problem, time_limit_seconds=ROUTE_SECONDS_AT_MOST, solution_limit=ROUTE_SOLUTIONS
    )
    if schedule.unplaced:
        raise ValueError(f"演示观摩「{tour.name}」有{len(schedule.unplaced)}个观摩点排不进行程")
    save_order(tour, [list(day) for day in schedule.order])


def _score(tour: Tour, rng: random.Random) -> None:
    """Every judge's scores for every site he may score, submitted as from his phone.

    A site has a standing on each criterion; a judge his own slight leniency or severity (the
    lenient judge a marked one); each score is the sum plus a little noise, in half points
    within 15 to 25.
    """
    criteria = list(tour.criteria.all())
    judges = list(tour.judges.select_related("tour"))
    leniency = {
        judge.pk: LENIENT_BY if judge.name == LENIENT_JUDGE else rng.uniform(-0.4, 0.4)
        for judge in judges
    }
    for site in route_sites(tour):
        standing = rng.uniform(17.5, 22.5)
        merits = {criterion.pk: standing + rng.uniform(-1.5, 1.5) for criterion in criteria}
        for judge in judges:
            if services.recused(judge, site):
                continue
            points = {
                str(pk): _half_points(merit + leniency[judge.pk] + rng.gauss(0, 0.6))
                for pk, merit in merits.items()
            }
            remark = rng.choice(REMARKS) if rng.random() < REMARK_SHARE else ""
            services.submit_scores(
                judge,
                site,
                points=points,
                remark=remark,
                submission=uuid.UUID(int=rng.getrandbits(128), version=4),
            )


def _half_points(value: float) -> Decimal:
    """The nearest half point from 15 to 25."""
    return Decimal(min(max(round(value * 2), 30), 50)) / 2
