"""The demo city read as an official who knows the trade would read it: names, scopes and
形象进度 that fit each project's industry and stage, and nothing recorded after the demo's own
today (a plan or a deadline may lie ahead; a submission, an issue or a visit may not).

Each test looks for one kind of fault over the whole demo, built once (the `demo` command, as
`make demo` runs it) by the package's `demo` fixture."""

import re
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from guanmo.demo.city import TODAY, YEAR
from guanmo.figures.arithmetic import growth_rate
from guanmo.indicators.catalogue import COMPARABLE_PRICES
from guanmo.indicators.choices import Kind, Profile
from guanmo.indicators.models import IndicatorValue, Target
from guanmo.indicators.selectors import breakdown_of
from guanmo.ledger.models import Project, Stage
from guanmo.reporting.models import ReportEntry

pytestmark = pytest.mark.django_db

# Dates that look ahead by their nature: a deadline, a planned day, a scheduler's next run.
AHEAD = {
    ("ledger", "Milestone", "planned"),
    ("reporting", "Period", "deadline"),
    ("observation", "Tour", "first_day"),
    ("supervision", "Problem", "deadline"),
    ("supervision", "SupervisionOrder", "deadline"),
    # A lead's next stage is planned, and a parcel's contract sets its start ahead.
    ("attraction", "StageDate", "planned"),
    ("attraction", "Parcel", "agreed_start_on"),
    # A result in 公示 is published until a day ahead, as a deadline.
    ("assessment", "Result", "published_until"),
}

# A scope's unit by what the project builds: roads and pipes in 公里, farmland in 亩, a plant
# named for its yearly output in 万吨.
UNITS = (
    (re.compile(r"道路|管网|绿道|廊道"), "公里"),
    (re.compile(r"农田|种植"), "亩"),
    (re.compile(r"年产\d+万吨"), "万吨"),
)
# Works that are not buildings never report building steps.
NOT_BUILDINGS = re.compile(r"道路|管网|绿道|廊道|农田")
BUILDING_STEPS = re.compile(r"厂房|封顶|车间|主体")

# Construction in its order, by the words a 形象进度 line uses: preparation, ground and
# foundations, the structure, fitting out, done. A line ranks by its earliest word
# ("主体基础施工" is foundations).
PHASES = (
    ("手续", "环评", "规划", "设计", "招标", "谋划", "征地", "拆迁", "测量"),
    ("平整", "基础", "桩基", "路基", "清表", "土方", "开挖"),
    ("主体", "吊装", "封顶", "结构", "铺设", "摊铺", "焊接", "铺装", "渠道", "机井", "池体"),
    ("安装", "调试", "配套", "附属", "绿化", "栽植", "装修", "试压", "恢复", "景观", "防护林"),
    ("竣工", "投产", "试生产", "通车", "投入使用", "运行", "交付", "开放"),
)
DONE = len(PHASES) - 1


def phase(visible_progress: str) -> int:
    """The phase a 形象进度 line reports (its earliest); a line with no known word fails."""
    found = [rank for rank, words in enumerate(PHASES) if any(w in visible_progress for w in words)]
    assert found, f"形象进度「{visible_progress}」说不出施工到了哪一步"
    return min(found)


@pytest.fixture
def projects(demo) -> list[Project]:
    return list(Project.objects.order_by("pk"))


def test_no_road_runs_from_a_place_to_the_same_place(projects):
    road = re.compile(r"^(?P<start>.+?)至(?P<end>.+?)(?:道路|公路|快速通道)")
    both_ends = [p.name for p in projects if road.match(p.name)]

    assert both_ends, "演示城市没有道路项目，无从检查"
    assert [n for n in both_ends if (m := road.match(n))["start"].endswith(m["end"])] == []


def test_agriculture_builds_no_ten_thousand_square_metres(projects):
    farming = [p for p in projects if p.industry == "现代农业"]

    assert farming
    assert [(p.name, p.scope) for p in farming if "万平方米" in p.scope] == []


def test_every_scope_is_in_the_unit_of_what_it_builds(projects):
    wrong = [
        (p.name, p.scope)
        for p in projects
        for pattern, unit in UNITS
        if pattern.search(p.name) and unit not in p.scope
    ]

    assert wrong == []


def test_visible_progress_never_goes_back_and_fits_the_works(projects):
    lines: dict[int, list[tuple[int, str]]] = {}
    entries = ReportEntry.objects.exclude(visible_progress="").order_by("report__period__month")
    for project_id, month, text in entries.values_list(
        "project_id", "report__period__month", "visible_progress"
    ):
        lines.setdefault(project_id, []).append((month, text))
    names = {p.pk: p for p in projects}
    assert len(lines) > len(projects) / 2

    back = []
    unfit = []
    for project_id, months in lines.items():
        ranks = [phase(text) for _, text in months]
        back += [
            (names[project_id].name, months[i], months[i + 1])
            for i in range(len(months) - 1)
            if ranks[i + 1] < ranks[i]
        ]
        if NOT_BUILDINGS.search(names[project_id].name):
            unfit += [(names[project_id].name, t) for _, t in months if BUILDING_STEPS.search(t)]

    assert back == []
    assert unfit == []


def test_a_completed_project_ends_its_year_completed_and_a_preparatory_one_unbuilt(projects):
    entries = ReportEntry.objects.exclude(visible_progress="").order_by("report__period__month")
    last = dict(entries.values_list("project_id", "visible_progress"))  # each project's latest
    stages = {p.pk: p.stage for p in projects}

    completed = [pid for pid, stage in stages.items() if stage == Stage.COMPLETED and pid in last]
    preparatory = [pid for pid, s in stages.items() if s == Stage.PREPARATORY and pid in last]
    assert completed and preparatory
    assert [last[pid] for pid in completed if phase(last[pid]) != DONE] == []
    assert [last[pid] for pid in preparatory if phase(last[pid]) != 0] == []


def test_nothing_is_recorded_after_the_demos_today(demo):
    later = []
    for model in apps.get_models():
        if not model.__module__.startswith("guanmo."):
            continue
        for field in model._meta.concrete_fields:
            meta = model._meta
            if not isinstance(field, models.DateField):  # DateTimeField is one too
                continue
            if (meta.app_label, meta.object_name, field.name) in AHEAD:
                continue
            for value in model.objects.exclude(**{field.name: None}).values_list(
                field.name, flat=True
            ):
                day = timezone.localdate(value) if isinstance(value, datetime) else value
                if day > TODAY:
                    later.append(f"{meta.label}.{field.name} {value}")
                    break

    assert isinstance(TODAY, date)
    assert later == []


def test_construction_years_fit_each_stage(projects):
    fits = {
        Stage.NEW_START: lambda p: p.start_year == YEAR and p.end_year >= YEAR,
        Stage.CONTINUING: lambda p: p.start_year < YEAR <= p.end_year,
        Stage.COMPLETED: lambda p: p.start_year <= YEAR == p.end_year,
        Stage.PREPARATORY: lambda p: YEAR <= p.start_year <= p.end_year,
    }

    assert [
        (p.name, p.stage, p.start_year, p.end_year) for p in projects if not fits[p.stage](p)
    ] == []


def test_a_preparatory_project_has_its_planned_start_and_some_are_late(projects):
    preparatory = [p for p in projects if p.stage == Stage.PREPARATORY]

    assert all(p.planned_start and p.planned_start.year == p.start_year for p in preparatory)
    assert any(p.planned_start <= TODAY for p in preparatory)
    assert any(p.planned_start > TODAY for p in preparatory)


# Indicators (issue 12): read as a statistics bureau's tables are read.
MAIN_INDICATORS = ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额")
# How far a region's growth at 1—11月 may lie from the province's, in points.
AROUND_THE_PROVINCE = Decimal(12)
# How far a rate at comparable prices may lie from the nominal growth of the amounts (the
# price change of a year), in points.
DEFLATOR = Decimal(3)


@pytest.fixture
def indicator_values(demo) -> list[IndicatorValue]:
    return list(IndicatorValue.objects.select_related("indicator", "region"))


def test_an_amount_accumulated_through_the_year_never_falls(indicator_values):
    runs = defaultdict(list)
    for v in sorted(indicator_values, key=lambda v: v.month):
        if v.indicator.kind == Kind.AMOUNT and v.value is not None:
            runs[(v.indicator.name, v.region.name, v.year)].append((v.month, v.value))
            if v.last_year_value is not None:
                runs[(v.indicator.name, v.region.name, v.year - 1)].append(
                    (v.month, v.last_year_value)
                )
    assert len(runs) > 100

    falls = [
        (key, months[i], months[i + 1])
        for key, months in runs.items()
        for i in range(len(months) - 1)
        if months[i + 1][1] < months[i][1]
    ]
    assert falls == []


def test_last_years_figure_of_a_month_is_the_one_stored_for_it(indicator_values):
    stored = {(v.indicator_id, v.region_id, v.year, v.month): v for v in indicator_values}
    pairs = [
        (v, stored[(v.indicator_id, v.region_id, v.year - 1, v.month)])
        for v in indicator_values
        if (v.indicator_id, v.region_id, v.year - 1, v.month) in stored
    ]
    assert len(pairs) > 1000

    assert [
        (v.indicator.name, v.region.name, v.month, v.last_year_value, before.value)
        for v, before in pairs
        if v.last_year_value != before.value
    ] == []


def test_growth_agrees_with_the_amounts_unless_reported_at_comparable_prices(indicator_values):
    unexplained, off = [], []
    for v in indicator_values:
        where = (v.indicator.name, v.region.name, v.year, v.month)
        if v.reported_growth is None and v.last_year_value is None:
            unexplained.append(where)  # a figure with nothing to compare it with
            continue
        if v.reported_growth is None or v.value is None or v.last_year_value is None:
            continue
        derived = growth_rate(v.value, v.last_year_value)
        allowed = DEFLATOR if COMPARABLE_PRICES in v.indicator.note else Decimal(0)
        if derived is None or abs(v.reported_growth - derived) > allowed:
            off.append((*where, v.reported_growth, derived))

    assert unexplained == []
    assert off == []


def test_growth_lies_around_the_provinces(indicator_values):
    province = {
        v.indicator.name: v
        for v in indicator_values
        if v.region.kind == "province" and (v.year, v.month) == (YEAR, 9)
    }
    assert set(province) == set(MAIN_INDICATORS)

    far = []
    for v in indicator_values:
        if v.indicator.name in province and (v.year, v.month) == (YEAR, 9):
            growth = v.reported_growth or growth_rate(v.value, v.last_year_value)
            mark = province[v.indicator.name]
            mark_growth = mark.reported_growth or growth_rate(mark.value, mark.last_year_value)
            if abs(growth - mark_growth) > AROUND_THE_PROVINCE:
                far.append((v.indicator.name, v.region.name, growth, mark_growth))
    assert far == []


def test_a_targets_nodes_sum_to_the_target(demo):
    targets = list(Target.objects.select_related("indicator", "region"))
    by_hand = [t for t in targets if t.profile == Profile.BY_HAND]
    assert by_hand and any(t.profile == Profile.SEASONAL for t in targets)

    wrong = [
        (t.region.name, t.indicator.name)
        for t in by_hand
        if sum(t.nodes.values_list("amount", flat=True)) != t.amount or t.nodes.count() != 12
    ]
    for target in targets:
        plan = breakdown_of(target)
        if plan is not None and not (
            sum(plan.months) == sum(plan.quarters) == sum(plan.ten_days) == target.amount
        ):
            wrong.append((target.region.name, target.indicator.name))
    assert wrong == []


def test_no_indicator_figure_is_for_a_month_after_the_demos_today(indicator_values):
    assert [
        (v.indicator.name, v.region.name, v.year, v.month)
        for v in indicator_values
        if (v.year, v.month) >= (TODAY.year, TODAY.month)
    ] == []
    assert max((v.year, v.month) for v in indicator_values) == (YEAR, TODAY.month - 1)
