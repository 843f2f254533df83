"""A believable demo city: 焦作市 with ten counties, two zones, ~500 key projects and a year of
monthly progress shaped like real construction (slow over Spring Festival, strong in the second
and third quarters, a push in December). Everything comes from one seeded random generator."""

import random
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from guanmo.commissioners.models import Visit
from guanmo.commissioners.services import delete_visits
from guanmo.demo.works import INDUSTRIES, PLACES, RURAL_PLACES, Works, scope_of, visible_progress
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project, Stage
from guanmo.observation.models import Tour
from guanmo.regions.models import RankingGroup, Region
from guanmo.regions.services import init_city, units_of

CITY_CODE = "410800"
ZONES = ("城乡一体化示范区", "焦作高新技术产业开发区")
YEAR = 2025
# The demo's today: December's reports are being filled in, the December tour is two days off.
TODAY = date(YEAR, 12, 15)
DEFAULT_SEED = 2025
PROJECTS_PER_UNIT = 42  # 12 units × 42 ≈ 500

# Share of the year's construction done in each month: little in January–February, most in
# the second and third quarters, a year-end push in December. Sums to 1.
SEASON = [0.030, 0.035, 0.075, 0.090, 0.100, 0.100, 0.095, 0.095, 0.100, 0.095, 0.080, 0.100]

# Rough centres (latitude, longitude) of each unit, for the map.
CENTRES = {
    "解放区": (35.24, 113.23),
    "中站区": (35.24, 113.17),
    "马村区": (35.27, 113.32),
    "山阳区": (35.21, 113.27),
    "修武县": (35.22, 113.45),
    "博爱县": (35.17, 113.06),
    "武陟县": (35.10, 113.40),
    "温县": (34.94, 113.08),
    "沁阳市": (35.09, 112.94),
    "孟州市": (34.91, 112.79),
    "城乡一体化示范区": (35.18, 113.30),
    "焦作高新技术产业开发区": (35.25, 113.20),
}

# 项目类型 as city lists group their projects, by the demo's industries.
CATEGORIES = {
    "先进制造业": "产业项目",
    "现代服务业": "产业项目",
    "基础设施": "基础设施",
    "社会民生": "社会民生",
    "现代农业": "产业项目",
    "生态环保": "生态环保",
}
PRODUCTS = [
    "铝板带",
    "新能源电池材料",
    "汽车零部件",
    "钛白粉",
    "生物制药",
    "高端轮胎",
    "装配式建材",
    "碳纤维",
    "智能装备",
    "光伏组件",
]
COMPANY_WORDS = ["中原", "怀川", "太行", "丰源", "鑫达", "隆丰", "瑞祥", "华润", "宏大", "万方"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = [
    "建国",
    "海涛",
    "志强",
    "红梅",
    "卫东",
    "晓峰",
    "国庆",
    "丽华",
    "永胜",
    "学军",
    "振华",
    "春生",
    "文斌",
    "秀英",
    "利民",
]
STAGE_WEIGHTS = [
    (Stage.NEW_START, 35),
    (Stage.CONTINUING, 45),
    (Stage.COMPLETED, 10),
    (Stage.PREPARATORY, 10),
]
PROBLEMS = [
    "土地报批手续尚未完成",
    "配套资金未完全到位",
    "环评批复待下达",
    "电力外线接入需协调",
    "征迁工作进展缓慢",
]
MONEY = Decimal("0.01")


@dataclass(frozen=True)
class DemoSummary:
    city: Region
    projects: int
    units: int
    months: int


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(MONEY, rounding=ROUND_HALF_UP)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@transaction.atomic
def build_demo_city(seed: int = DEFAULT_SEED) -> DemoSummary:
    """Create (or rebuild) the demo city's ledger and its 2025 progress."""
    city = init_city(CITY_CODE, ZONES)
    # A tour's sites keep their projects from being deleted; `create_demo_tours` remakes them.
    Tour.objects.filter(city=city).delete()
    # Not through the projects' cascade, which would leave the photos' files behind.
    delete_visits(Visit.objects.filter(project__city=city))
    Project.objects.filter(city=city).delete()
    rng = random.Random(seed)
    # Planned start dates from a stream of their own, so the figures stay those of the seed.
    leaders = sorted({_person(rng) for _ in range(40)})[:30]
    units = units_of(city)

    projects: list[Project] = []
    plans: list[tuple[Project, Works, Decimal, float]] = []
    levels: list[tuple[Project, tuple[str, ...]]] = []
    for unit in units:
        # Each unit has its own pace, so some run ahead of time progress and some behind.
        pace = rng.uniform(0.85, 1.25)
        taken: set[str] = set()  # a county's projects have distinct names, as imports require
        for _ in range(PROJECTS_PER_UNIT):
            industry = rng.choice(list(INDUSTRIES))
            owner = f"焦作{rng.choice(COMPANY_WORDS)}{rng.choice(['实业', '科技', '集团'])}有限公司"
            works = rng.choice(INDUSTRIES[industry])
            n, product = rng.choice([5, 10, 20, 30]), rng.choice(PRODUCTS)
            places = RURAL_PLACES if industry == "现代农业" else PLACES
            place, place2 = rng.choice(places), rng.choice(PLACES)
            if place2 == place:  # a road runs between two places, never from one to itself
                place2 = PLACES[(PLACES.index(place) + 1) % len(PLACES)]
            name = works.name.format(
                owner=owner.removesuffix("有限公司"),
                n=n,
                product=product,
                place=f"{unit.name}{place}",
                place2=place2,
                county=unit.name,
                quarter=place,
                k=rng.randint(2, 12),
            )
            name = _unique(name, taken)
            stage = rng.choices([s for s, _ in STAGE_WEIGHTS], [w for _, w in STAGE_WEIGHTS])[0]
            total = _money(
                rng.choice([5000, 8000, 12000, 20000, 35000, 60000, 120000]) * rng.uniform(0.8, 1.6)
            )
            share = 0.08 if stage == Stage.PREPARATORY else rng.uniform(0.25, 0.6)
            plan = _money(float(total) * share)
            lat, lng = CENTRES[unit.name]
            code = (
                ""
                if rng.random() < 0.15
                else (
                    f"{rng.choice([2023, 2024, 2025])}-{unit.code[:6]}-"
                    f"{rng.choice(['30', '36', '44', '48', '78'])}-{rng.choice(['01', '03'])}-"
                    f"{rng.randint(100000, 999999)}"
                )
            )
            project = Project(
                city=city,
                county=unit,
                name=name,
                code=code,
                owner=owner,
                industry=industry,
                category=CATEGORIES[industry],
                stage=stage,
                construction_nature="改建" if "改" in name else "新建",
                scope=scope_of(works, rng.randint(2, 30), product, n),
                **_years(stage, rng.choice([2023, 2024, 2025]), rng.choice([2025, 2026, 2027])),
                total_investment=total,
                responsible_unit=f"{unit.name}发展和改革委员会",
                leader_in_charge=rng.choice(leaders),
                site_commissioner=_person(rng),
                location=unit.name,
                latitude=Decimal(str(round(lat + rng.uniform(-0.05, 0.05), 6))),
                longitude=Decimal(str(round(lng + rng.uniform(-0.05, 0.05), 6))),
            )
            projects.append(project)
            plans.append((project, works, plan, pace))
            roll = rng.random()
            levels.append(
                (project, ("省", "市") if roll < 0.12 else ("县",) if roll > 0.92 else ("市",))
            )
    Project.objects.bulk_create(projects, batch_size=500)
    KeyListEntry.objects.bulk_create(
        [KeyListEntry(project=p, year=YEAR, level=level) for p, lv in levels for level in lv]
    )
    AnnualPlan.objects.bulk_create(
        [AnnualPlan(project=p, year=YEAR, planned_investment=plan) for p, _, plan, _ in plans]
    )
    MonthlyProgress.objects.bulk_create(
        [
            row
            for project, works, plan, pace in plans
            for row in _year_of_progress(rng, project, works, plan, pace)
        ],
        batch_size=1000,
    )
    _ranking_groups(city, units)
    return DemoSummary(city=city, projects=len(projects), units=len(units), months=12)


# The demo city's bulletins rank its units in three groups as well as overall.
RANKING_GROUPS = {
    "县（市）组": ("修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市"),
    "城区组": ("解放区", "中站区", "马村区", "山阳区"),
    "功能区组": ZONES,
}


def _ranking_groups(city: Region, units: list[Region]) -> None:
    RankingGroup.objects.filter(city=city).delete()
    for order, (name, members) in enumerate(RANKING_GROUPS.items(), start=1):
        group = RankingGroup.objects.create(city=city, name=name, sort_order=order)
        Region.objects.filter(pk__in=[u.pk for u in units if u.name in members]).update(
            ranking_group=group
        )


def _years(stage: str, start: int, end: int) -> dict[str, int]:
    """开工年份 and 竣工年份 that fit the stage, from the years drawn: a new start begins this
    year, a continuing project began before it, a completed one ends in it, a preparatory one
    has yet to begin (this year or the next)."""
    if stage == Stage.NEW_START:
        start, end = YEAR, max(end, YEAR + 1)
    elif stage == Stage.CONTINUING:
        start, end = min(start, YEAR - 1), end
    elif stage == Stage.COMPLETED:
        end = YEAR
    else:
        start = YEAR if start == YEAR else YEAR + 1
        end = max(end, start + 1)
    return {"start_year": start, "end_year": end}


PHASES = "二三四五六七八九十"


def _unique(name: str, taken: set[str]) -> str:
    """The name, or its next phase (二期, 三期…) where the county already has it."""
    candidate = name
    for phase in PHASES:
        if candidate not in taken:
            break
        candidate = f"{name}（{phase}期）"
    taken.add(candidate)
    return candidate


def _year_of_progress(
    rng: random.Random, project: Project, works: Works, plan: Decimal, pace: float
) -> list[MonthlyProgress]:
    """Twelve monthly reports; a few projects stall for a while or skip a month. The 形象进度
    follows the share of the year's investment done, so it never steps back."""
    reach = pace * rng.uniform(0.8, 1.2) * (0.5 if project.stage == Stage.PREPARATORY else 1)
    stalled_from = rng.randint(5, 10) if rng.random() < 0.05 else 13
    skipped = rng.randint(2, 11) if rng.random() < 0.06 else 0
    cumulative = Decimal(0)
    months = []  # (month, cumulative, problems)
    for month, season in enumerate(SEASON, start=1):
        amount = (
            Decimal(0)
            if month >= stalled_from
            else _money(float(plan) * season * reach * rng.uniform(0.7, 1.3))
        )
        amount = min(amount, project.total_investment - cumulative)
        cumulative += amount
        problems = rng.choice(PROBLEMS) if rng.random() < 0.08 else ""
        if month != skipped:
            months.append((month, cumulative, problems))
    year = cumulative or Decimal(1)
    rows = []
    reported = Decimal(0)
    for month, cumulative, problems in months:
        rows.append(
            MonthlyProgress(
                project=project,
                year=YEAR,
                month=month,
                completed_this_month=cumulative - reported,  # a skipped month's work included
                cumulative_completed=cumulative,
                visible_progress=visible_progress(works, project.stage, float(cumulative / year)),
                problems=problems,
            )
        )
        reported = cumulative
    return rows
