"""The demo city's attraction register and land: about 120 leads of 2025 with believable
investors, sources and industries and a realistic fall-off between stages, a dozen projects
signed in 2024 still on their way, funds in place month by month, and the parks' land with
standards, a few parcels idle.

Every lead goes through `attraction.services.save_lead`, so the ones that started are ledger
projects as in real use. Everything comes from one seeded random generator.

A started lead's new ledger project gets what the demo's other projects have (its stage, years
and scope), and the history's moments are put on the days they happened (as demo.moments does
for the rest), so the demo's checks hold for them too.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from guanmo.attraction.models import Lead, LeadChange, Parcel, ParkFigures, ParkStandard
from guanmo.attraction.services import LeadInput, save_lead
from guanmo.attraction.stages import Stage as LeadStage
from guanmo.demo.city import CENTRES, SEASON, TODAY, YEAR
from guanmo.demo.moments import at
from guanmo.demo.works import IN_PRODUCTION, PLANT, Works, visible_progress
from guanmo.figures.formatting import half_up
from guanmo.ledger.models import AnnualPlan, KeyListEntry, Level, MonthlyProgress, Project, Stage
from guanmo.regions.models import Region
from guanmo.regions.services import divisions_named, region_of_division, units_of
from guanmo.reporting.history import Source
from guanmo.reporting.models import CountyReport, FigureChange, Period, ReportEntry

STARTED = (LeadStage.STARTED, LeadStage.PRODUCING, LeadStage.AT_CAPACITY)
LEADS = 120
EARLIER_SIGNED = 12
# Where investors come from, with weights: 长三角 and 京津冀 first, as central Henan's offices
# report them, then the province itself, 珠三角, other provinces and abroad.
SOURCES = [
    ("上海市", 8),
    ("苏州市", 7),
    ("杭州市", 6),
    ("宁波市", 4),
    ("无锡市", 3),
    ("合肥市", 3),
    ("北京市", 8),
    ("天津市", 4),
    ("石家庄市", 2),
    ("雄县", 1),
    ("深圳市", 6),
    ("广州市", 3),
    ("东莞市", 3),
    ("佛山市", 2),
    ("郑州市", 8),
    ("洛阳市", 3),
    ("新乡市", 2),
    ("西安市", 2),
    ("武汉市", 2),
    ("成都市", 2),
    ("香港特别行政区", 2),
    ("境外：日本", 2),
    ("境外：韩国", 2),
    ("境外：新加坡", 1),
    ("境外：德国", 1),
]
# (GB/T 4754 division, chain, what the project makes or does), for 焦作's leading industries.
LINES = [
    ("32", "新材料", ["高端铝板带", "铝合金精深加工", "再生铝"]),
    ("26", "新材料", ["钛白粉", "氟化工新材料", "电子化学品"]),
    ("38", "新能源汽车及零部件", ["动力电池正极材料", "储能电池", "电机电控"]),
    ("36", "新能源汽车及零部件", ["汽车零部件", "新能源汽车底盘", "汽车轮毂"]),
    ("35", "装备制造", ["智能矿山装备", "工程机械", "环保装备"]),
    ("34", "装备制造", ["精密轴承", "液压件", "智能装备"]),
    ("27", "生物医药", ["生物制药", "中药饮片", "医疗器械"]),
    ("14", "绿色食品", ["休闲食品", "速冻食品", "乳制品"]),
    ("13", "绿色食品", ["粮油精深加工", "肉制品加工"]),
    ("39", "电子信息", ["智能传感器", "光电显示器件"]),
    ("59", "现代物流", ["冷链物流园", "智慧仓储"]),
    ("65", "数字经济", ["数据中心", "工业互联网平台"]),
    ("90", "文化旅游", ["太极文化旅游区", "山水康养小镇"]),
]
KINDS = ["项目", "产业园项目", "生产基地项目", "建设项目"]
COMPANY_WORDS = ["华创", "恒瑞", "金泰", "中科", "远航", "新锐", "汇通", "博远", "天成", "卓越"]
COMPANY_TAILS = ["科技有限公司", "集团有限公司", "新材料股份有限公司", "实业有限公司"]
LEADERS = ["王建国", "李海涛", "张志强", "刘卫东", "陈晓峰", "杨振华"]
# Of the leads, the share that reach each next stage (as a share of those at the stage before),
# and the days each step takes (a range).
GOES_ON = {
    LeadStage.SIGNED: 0.6,
    LeadStage.LANDED: 0.8,
    LeadStage.STARTED: 0.75,
    LeadStage.PRODUCING: 0.45,
    LeadStage.AT_CAPACITY: 0.3,
}
DAYS = {
    LeadStage.SIGNED: (20, 120),
    LeadStage.LANDED: (25, 110),
    LeadStage.STARTED: (20, 120),
    LeadStage.PRODUCING: (90, 240),
    LeadStage.AT_CAPACITY: (90, 200),
}
# The first leads of the year are the quick ones a new user should see go the whole way: signed
# early in 2025, built in a leased or ready-made plant, producing by the autumn, two at full
# output by November (the dates of 洽谈, 签约, 落地, 开工, 投产, 达产; None: not yet reached).
QUICK_LIVES = (
    ("2025-01-06", "2025-01-20", "2025-02-24", "2025-03-18", "2025-08-26", "2025-10-28"),
    ("2025-01-13", "2025-02-10", "2025-03-20", "2025-04-15", "2025-09-12", "2025-11-20"),
    ("2025-02-08", "2025-02-28", "2025-04-10", "2025-05-08", "2025-10-20", None),
)
# Days a stage's plan lay before its actual date (a quick project still slips a little).
QUICK_SLIP = 10
# One lead of the year dropped after talks, with the reason the office records.
DROPPED_LIFE = ("2025-03-12", "2025-07-18")
DROPPED_REASON = "投资方调整投资布局，项目选址改至外省，经双方协商终止洽谈"
# 税收 (万元 per 亩 in the year) of a parcel whose project is producing.
TAX_PER_MU = (4, 18)
PARK_STANDARDS = {"城乡一体化示范区": (Decimal(300), Decimal("1.0"))}
PARK_STANDARD = (Decimal(260), Decimal("0.8"))
# Each park's year: 主营业务收入 (万元) and its leading industries' share, counts at the year's
# end, planned and built area (平方公里), as 焦作's two parks are of a size.
PARK_YEARS = {
    "城乡一体化示范区": {
        "revenue": 9_200_000, "leading_share": Decimal("0.596"), "leading": "装备制造、新材料",
        "target": Decimal(70), "above_size": 186, "high_tech": 78, "platforms": 9,
        "employees": 52_000, "planned": Decimal("33.5"), "built": Decimal("21.4"),
    },
    "焦作高新技术产业开发区": {
        "revenue": 6_100_000, "leading_share": Decimal("0.662"), "leading": "新能源汽车、电子信息",
        "target": Decimal(75), "above_size": 142, "high_tech": 95, "platforms": 12,
        "employees": 38_000, "planned": Decimal("26.8"), "built": Decimal("17.2"),
    },
}  # fmt: skip
# How far from its park's (or county's) centre a parcel lies, in degrees (about 3 km).
PARCEL_SPREAD = 0.03


@dataclass(frozen=True)
class DemoAttraction:
    leads: int
    signed: int
    started: int
    parcels: int


def _origin(text: str) -> dict:
    if text.startswith("境外："):
        return {"abroad": True, "origin_abroad": text.removeprefix("境外："), "origin": None}
    (division,) = divisions_named(text)
    return {"abroad": False, "origin_abroad": "", "origin": region_of_division(division)}


def _investor(rng: random.Random, source: str) -> str:
    place = source.removeprefix("境外：").removesuffix("市").removesuffix("特别行政区")
    return f"{place}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TAILS)}"


def _stages(rng: random.Random, opened: date) -> dict[LeadStage, tuple[date | None, date | None]]:
    """Each stage reached by the demo's today, with its plan; the first not reached is planned."""
    dates: dict[LeadStage, tuple[date | None, date | None]] = {
        LeadStage.NEGOTIATING: (None, opened)
    }
    day = opened
    for stage, share in GOES_ON.items():
        low, high = DAYS[stage]
        planned = day + timedelta(days=low + (high - low) // 3)
        reached = day + timedelta(days=rng.randint(low, high))
        if rng.random() > share or reached > TODAY:
            dates[stage] = (planned, None)
            break
        dates[stage] = (planned, reached)
        day = reached
    return dates


def _quick_life(dates: tuple[str | None, ...]) -> dict[LeadStage, tuple[date | None, date | None]]:
    """A quick lead's stages from QUICK_LIVES: each reached one planned QUICK_SLIP days before,
    the first not reached planned three months after the stage before."""
    stages: dict[LeadStage, tuple[date | None, date | None]] = {}
    for stage, text in zip(LeadStage, dates, strict=True):
        if text is None:
            before = max(reached for _, reached in stages.values() if reached)
            stages[stage] = (before + timedelta(days=90), None)
            break
        reached = date.fromisoformat(text)
        planned = None if stage == LeadStage.NEGOTIATING else reached - timedelta(days=QUICK_SLIP)
        stages[stage] = (planned, reached)
    return stages


def _drop(city: Region, lead: Lead) -> None:
    """The dropped lead's 终止洽谈 with its reason, in its history on the day it was dropped."""
    dropped = date.fromisoformat(DROPPED_LIFE[1])
    given = LeadInput(name=lead.name, county=lead.county, values={"dropped_on": dropped})
    save_lead(city, YEAR, given, source=Source.ATTRACTION, user=None, reason=DROPPED_REASON)
    LeadChange.objects.filter(lead=lead).update(at=at(dropped, 15))


def _funds(rng: random.Random, stages: dict, investment: Decimal) -> list[tuple[int, int, Decimal]]:
    """Cumulative funds in place at each month's end from landing to November."""
    landed = stages.get(LeadStage.LANDED, (None, None))[1]
    if landed is None:
        return []
    share, reports = Decimal(0), []
    for year, month in ((y, m) for y in (YEAR - 1, YEAR) for m in range(1, 13)):
        if (year, month) < (landed.year, landed.month) or (year, month) > (YEAR, 11):
            continue
        share = min(Decimal("0.95"), share + Decimal(rng.randint(2, 9)) / 100)
        reports.append((year, month, (investment * share).quantize(Decimal(1))))
    return reports


@transaction.atomic
def create_demo_attraction(city: Region, seed: int) -> DemoAttraction:
    """Create (or rebuild) the demo city's attraction register and land."""
    Parcel.objects.filter(city=city).delete()
    Lead.objects.filter(city=city).delete()
    rng = random.Random(seed * 7 + 14)
    units = units_of(city)
    sources = [text for text, weight in SOURCES for _ in range(weight)]
    names: set[str] = set()
    leads = []
    for number in range(LEADS + EARLIER_SIGNED):
        earlier = number >= LEADS
        division, chain, products = rng.choice(LINES)
        name = f"{rng.choice(products)}{rng.choice(KINDS)}"
        while name in names:
            name = f"{rng.choice(COMPANY_WORDS)}{rng.choice(products)}{rng.choice(KINDS)}"
        names.add(name)
        source = rng.choice(sources)
        county = rng.choice(units)
        parks = [u for u in units if u.kind == Region.Kind.ZONE]
        opened = date(YEAR - 1 if earlier else YEAR, 1, 1) + timedelta(days=rng.randint(0, 320))
        stages = _stages(rng, opened)
        if number < len(QUICK_LIVES):
            stages = _quick_life(QUICK_LIVES[number])
        elif number == len(QUICK_LIVES):
            stages = {LeadStage.NEGOTIATING: (None, date.fromisoformat(DROPPED_LIFE[0]))}
        if earlier and not stages.get(LeadStage.SIGNED, (None, None))[1]:
            stages[LeadStage.SIGNED] = (None, opened + timedelta(days=rng.randint(20, 60)))
        investment = Decimal(rng.choice([3, 5, 8, 10, 15, 20, 30, 50, 80, 120, 200])) * 1000
        values = {
            "investor": _investor(rng, source),
            "industry_code": division,
            "chain": chain,
            "contract_investment": investment,
            "leader_in_charge": rng.choice(LEADERS),
            "park": rng.choice(parks)
            if county.kind == Region.Kind.COUNTY and rng.random() < 0.3
            else None,
            **_origin(source),
        }
        given = LeadInput(name=name, county=county, values=values, stages=stages)
        saved = save_lead(city, YEAR - 1 if earlier else YEAR, given, source=Source.ATTRACTION,
                          user=None, reason="演示数据")  # fmt: skip
        for year, month, cumulative in _funds(rng, stages, investment):
            saved.lead.funds.create(year=year, month=month, cumulative=cumulative)
        if number == len(QUICK_LIVES):
            _drop(city, saved.lead)
        leads.append((saved.lead, stages))
        if saved.linked is not None:
            _as_demo_project(saved.linked, stages, rng.choice(products))
    parcels = _land(rng, city, units, leads)
    _park_figures(rng, units)
    signed = sum(1 for _, stages in leads if stages.get(LeadStage.SIGNED, (None, None))[1])
    started = Lead.objects.filter(city=city, project__isnull=False).count()
    return DemoAttraction(len(leads), signed, started, parcels)


def _as_demo_project(project: Project, stages: dict, product: str) -> None:
    """A started lead's ledger project as the demo's others are: 新开工 in the year it started
    (续建 after), two years to build, a scope, and its history dated on its day of starting."""
    started = min(reached for stage, (_, reached) in stages.items() if reached and stage in STARTED)
    project.stage = Stage.NEW_START if started.year == YEAR else Stage.CONTINUING
    project.start_year, project.end_year = started.year, max(started.year + 2, YEAR)
    project.scope = f"建设{product}生产线、厂房及配套设施"
    # The demo replays the year as it happened: the project entered the ledger on its start,
    # not in the open month a project made from a lead today enters (entered_on_for).
    project.entered_on = started
    project.save(update_fields=["stage", "start_year", "end_year", "scope", "entered_on"])
    moment = at(started, 10)
    FigureChange.objects.filter(project=project).update(at=moment)
    LeadChange.objects.filter(lead__project=project).update(at=moment)
    _reported_as_key_project(project, started)


# The share of its contract investment a started lead's project plans for the demo year.
PLAN_SHARE = Decimal("0.3")


def _reported_as_key_project(project: Project, started: date) -> None:
    """A started lead's project is a key project of the demo year (one started last year is
    on this year's list as 续建): a year's plan, and each closed month from its start reported
    and approved like the others' (the month's figures in its unit's report), on course to do
    the plan by December. The open month is left to the county, as the others' drafts are."""
    KeyListEntry.objects.get_or_create(project=project, year=YEAR, level=Level.CITY)
    plan = half_up(project.total_investment * PLAN_SHARE, 0)
    AnnualPlan.objects.update_or_create(
        project=project, year=YEAR, defaults={"planned_investment": plan}
    )
    first = started.month if started.year == YEAR else 1
    closed = Period.objects.filter(
        city=project.city, year=YEAR, month__gte=first, closed_at__isnull=False
    ).order_by("month")
    ahead = sum(Decimal(str(share)) for share in SEASON[first - 1 :])
    works = Works("", "", PLANT, IN_PRODUCTION)
    cumulative = Decimal(0)
    for period in closed:
        amount = half_up(plan * Decimal(str(SEASON[period.month - 1])) / ahead, 0)
        cumulative += amount
        figures = {
            "completed_this_month": amount,
            "cumulative_completed": cumulative,
            "visible_progress": visible_progress(
                works, project.stage, float(cumulative / plan) if plan else 0.0
            ),
            "problems": "",
        }
        MonthlyProgress.objects.update_or_create(
            project=project, year=YEAR, month=period.month, defaults=figures
        )
        report = CountyReport.objects.get(period=period, county=project.county)
        ReportEntry.objects.update_or_create(report=report, project=project, defaults=figures)


def _land(rng: random.Random, city: Region, units: list[Region], leads: list) -> int:
    """A parcel for each lead that landed, and a few older parcels, some left idle."""
    for park in (u for u in units if u.kind == Region.Kind.ZONE):
        intensity, ratio = PARK_STANDARDS.get(park.name, PARK_STANDARD)
        ParkStandard.objects.update_or_create(
            park=park, defaults={"investment_intensity": intensity, "min_plot_ratio": ratio}
        )
    count = 0
    taxes = random.Random(len(leads))  # its own, so the rest of the demo stays as it was
    for lead, stages in leads:
        landed = stages.get(LeadStage.LANDED, (None, None))[1]
        if landed is None:
            continue
        started = stages.get(LeadStage.STARTED, (None, None))[1]
        area = Decimal(rng.randint(20, 300))
        producing = stages.get(LeadStage.PRODUCING, (None, None))[1]
        Parcel.objects.create(
            **_near(rng, lead.park or lead.county),
            city=city, name=_parcel_number(lead.county, landed.year, count + 1),
            holder=lead.investor, county=lead.county, park=lead.park, lead=lead,
            project=lead.project, area=area, supplied_on=landed,
            agreed_start_on=landed + timedelta(days=180), started_on=started,
            plot_ratio=Decimal(rng.randint(6, 20)) / 10,
            building_density=Decimal(rng.randint(30, 60)),
            investment=lead.contract_investment if started else None,
            tax=area * taxes.randint(*TAX_PER_MU) if producing else None,
        )  # fmt: skip
        count += 1
    for year in (2021, 2022, 2023):  # land supplied years ago, never started
        county = rng.choice(units)
        Parcel.objects.create(
            # the oldest not yet surveyed: listed beside the map, not on it
            **(_near(rng, county) if year > 2021 else {}),
            city=city, name=_parcel_number(county, year, count + 1),
            holder=f"{rng.choice(COMPANY_WORDS)}置业有限公司", county=county,
            area=Decimal(rng.randint(30, 120)),
            supplied_on=date(year, rng.randint(1, 12), rng.randint(1, 28)),
            # the youngest was due to start in mid-2024: idle one year (a fee), not yet two
            agreed_start_on=date(2024, 6, 1) if year == 2023 else None,
        )  # fmt: skip
        count += 1
    return count + _phased(taxes, city, units, count)


# A firm in the first park that built its first phase and never began the second, whose land
# was supplied with the first (一期建成后不上后续项目): (phase, area in 亩, started, built).
PHASED_HOLDER = "焦作恒瑞重型机械有限公司"
PHASED = (
    (1, Decimal(90), date(2021, 9, 20), date(2023, 8, 30)),
    (2, Decimal(140), None, None),
)


def _phased(rng: random.Random, city: Region, units: list[Region], count: int) -> int:
    """The two phases' parcels of PHASED_HOLDER, supplied together in April 2021; the second
    phase was due to start in March 2024 and has not (idle a year, and a first phase alone)."""
    park = next(unit for unit in units if unit.kind == Region.Kind.ZONE)
    for phase, area, started, built in PHASED:
        count += 1
        Parcel.objects.create(
            **_near(rng, park),
            city=city, name=_parcel_number(park, 2021, count), holder=PHASED_HOLDER,
            county=park, area=area, supplied_on=date(2021, 4, 12),
            agreed_start_on=date(2021, 10, 1) if phase == 1 else date(2024, 3, 1),
            started_on=started, phase=phase, completed_on=built,
            investment=Decimal(36000) if started else None,
            tax=area * 12 if started else None,
        )  # fmt: skip
    return len(PHASED)


def _parcel_number(unit: Region, year: int, number: int) -> str:
    """A parcel's number (宗地编号): its unit as tables print it (a park's whole name, never cut
    short), the year supplied and a serial; never its state, which changes (闲置 is figured)."""
    prefix = unit.name if unit.kind == Region.Kind.ZONE else unit.short_name
    return f"{prefix}{year}-{number:03d}"


def _near(rng: random.Random, unit: Region) -> dict:
    """A place near the unit's centre (demo.city.CENTRES), to six decimals."""
    latitude, longitude = CENTRES[unit.name]
    return {
        "latitude": Decimal(str(round(latitude + rng.uniform(-PARCEL_SPREAD, PARCEL_SPREAD), 6))),
        "longitude": Decimal(str(round(longitude + rng.uniform(-PARCEL_SPREAD, PARCEL_SPREAD), 6))),
    }


def _park_figures(rng: random.Random, units: list[Region]) -> None:
    """Each park's figures for every month of the year before today's: revenue cumulative by
    the city's seasonal shape, the leading share moving a little, counts growing to the year's
    end, areas as planned and built."""
    for park in (unit for unit in units if unit.kind == Region.Kind.ZONE):
        year = PARK_YEARS.get(park.name)
        if year is None:
            continue
        ParkFigures.objects.filter(park=park, year=YEAR).delete()
        share_of_year = Decimal(0)
        for month in range(1, TODAY.month):
            share_of_year += Decimal(str(SEASON[month - 1]))
            revenue = (year["revenue"] * share_of_year).quantize(Decimal(1))
            share = year["leading_share"] + Decimal(rng.randint(-8, 8)) / 1000
            grown = Decimal(month) / 12
            ParkFigures.objects.create(
                park=park,
                year=YEAR,
                month=month,
                revenue=revenue,
                leading_industries=year["leading"],
                leading_revenue=(revenue * share).quantize(Decimal(1)),
                leading_share_target=year["target"],
                enterprises_above_size=int(year["above_size"] * (Decimal("0.9") + grown / 10)),
                high_tech_enterprises=int(year["high_tech"] * (Decimal("0.85") + grown * 15 / 100)),
                service_platforms=year["platforms"] - (1 if month < 7 else 0),
                employees=int(year["employees"] * (Decimal("0.95") + grown / 20)),
                planned_area=year["planned"],
                built_area=year["built"] - (Decimal("0.6") if month < 9 else 0),
            )
