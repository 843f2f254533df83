"""The measures a source gives, one per domain's rule, as plain functions over the facts
`source_selectors` fetches (see `sources` for what each means and where its rule lives). Each
returns {unit: Sourced}: the value, or None with the reason, and where it came from."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import TypeVar

from guanmo.assessment.sources import (
    PARK_FIGURE_MEASURES,
    Measure,
    SourceCycle,
    Sourced,
    SourceSpec,
    Values,
)
from guanmo.attraction.land import ParkLand, base_note
from guanmo.attraction.parks import PARK_FIGURES, ParkFacts
from guanmo.commissioners.timeliness import Timeliness, note_timeliness
from guanmo.documents.official import chinese_date
from guanmo.figures.arithmetic import percent
from guanmo.figures.formatting import money_wan_text, number, rate
from guanmo.indicators.arithmetic import Reading, growth
from guanmo.indicators.choices import Kind
from guanmo.indicators.targets import Standing
from guanmo.ledger.milestones import MilestoneDates, not_started_by
from guanmo.ledger.models import MilestoneKind
from guanmo.observation.results import METHOD_LABELS, Method, ScoreCard, Trim, tour_results
from guanmo.progress.report import UnitTotals, figures_of
from guanmo.supervision.figures import ProblemFigures

Row = TypeVar("Row")


def _each_unit(
    units: Sequence[str],
    rows: Mapping[str, Row | None],
    value: Callable[[Row], Decimal | None],
    origin: Callable[[Row], str],
    missing: str,
    *,
    nothing_to_count: bool = False,
) -> Values:
    """Each unit's value read from its row (`rows` by unit), said by `origin`; None, said by
    `missing` (and marked `nothing_to_count` when asked: a rate with nothing to count), for a
    unit without a row or whose row has no value."""
    found = {}
    for unit in units:
        row = rows.get(unit)
        figure = value(row) if row is not None else None
        found[unit] = (
            Sourced(None, missing, nothing_to_count=nothing_to_count)
            if figure is None
            else Sourced(figure, origin(row))
        )
    return found


# 台账 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectStart:
    """A key project of the cycle's year as the start measures need it: its unit, stage
    (新开工/续建/竣工/前期), planned start, 1—M月 completed investment (万元), actual start
    (the 开工 milestone's dates) and its id."""

    unit: str
    stage: str
    planned_start: date | None
    completed: Decimal
    started_on: date | None = None
    project: int | None = None

    @property
    def start(self) -> MilestoneDates:
        return MilestoneDates(MilestoneKind.STARTED, self.planned_start, self.started_on)


@dataclass(frozen=True)
class LedgerFacts:
    cycle: SourceCycle
    totals: Sequence[UnitTotals] = ()  # the progress report's per-unit totals
    starts: Sequence[ProjectStart] = ()


def completion_rates(facts: LedgerFacts, units: Sequence[str]) -> Values:
    """Each unit's 完成率 exactly as the progress bulletin computes it (`figures_of`)."""
    return _each_unit(
        units,
        {totals.region: figures_of(totals, facts.cycle.month) for totals in facts.totals},
        lambda figures: figures.completion_rate,
        lambda figures: (
            f"{facts.cycle.label}重点项目{figures.projects}个，累计完成投资"
            f"{money_wan_text(figures.completed)}，年度计划投资{money_wan_text(figures.annual_plan)}"
        ),
        f"{facts.cycle.year}年没有下达年度计划投资的重点项目",
    )


def _started(project: ProjectStart) -> bool:
    return project.stage == "新开工" and project.completed > 0


def new_starts(facts: LedgerFacts, units: Sequence[str]) -> Values:
    """Each unit's 新开工 key projects that have reported investment in 1—M月 (a count; 0 is
    a real figure: the ledger lists every key project)."""
    found = {}
    for unit in units:
        listed = [p for p in facts.starts if p.unit == unit and p.stage == "新开工"]
        started = sum(_started(p) for p in listed)
        found[unit] = Sourced(
            Decimal(started),
            f"{facts.cycle.label}新开工重点项目{len(listed)}个，其中已完成投资（已开工）{started}个",
        )
    return found


def not_started(project: ProjectStart, cycle: SourceCycle) -> bool:
    """逾期未开工 at the cycle's end, by the ledger's one rule (`not_started_by`, as the
    missed-start warning)."""
    return not_started_by(project.stage, project.start, cycle.year, cycle.month)


def _due(project: ProjectStart, cycle: SourceCycle) -> bool:
    """Due to start by the cycle's end: its 开工 planned within the cycle, or earlier and still
    not started."""
    planned = project.planned_start
    in_cycle = planned is not None and cycle.first_day <= planned <= cycle.last_day
    return in_cycle or not_started(project, cycle)


def started_on_time(facts: LedgerFacts, units: Sequence[str]) -> Values:
    """Each unit's share of the projects due to start by the cycle's end that are not
    逾期未开工 (%, one decimal half-up); None, with nothing to count, when none was due. A
    新开工 project without a planned 开工 date has no time to be on, so it is not due; the
    origin says how many such projects were left out ("另有1个新开工项目未填计划开工日期…"),
    never silently (a unit cannot better its rate unseen by leaving dates blank)."""
    found = {}
    for unit in units:
        due = [p for p in facts.starts if p.unit == unit and _due(p, facts.cycle)]
        started = sum(not not_started(p, facts.cycle) for p in due)
        share = percent(started, len(due))
        planless = sum(
            1
            for p in facts.starts
            if p.unit == unit and p.stage == "新开工" and p.planned_start is None
        )
        left_out = (
            f"；另有{planless}个新开工项目未填计划开工日期，无从判断是否按期开工，未计入"
            if planless
            else ""
        )
        if share is None:
            found[unit] = Sourced(
                None,
                f"截至{facts.cycle.label}没有应开工的重点项目{left_out}",
                nothing_to_count=True,
            )
            continue
        found[unit] = Sourced(
            share,
            f"截至{facts.cycle.label}应开工重点项目{len(due)}个，已开工{started}个{left_out}",
        )
    return found


# 观摩 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TourScores:
    """The cycle's observation tour as its results need it (None name: no tour in the cycle)."""

    cycle: SourceCycle
    name: str | None = None
    cards: Sequence[ScoreCard] = ()
    method: Method = Method.TRIMMED
    trim: Trim = field(default_factory=Trim)
    recusal: bool = True
    first_day: date | None = None  # the tour's first day, said with its name


def tour_scores(facts: TourScores, units: Sequence[str], method: Method | None = None) -> Values:
    """Each unit's county score in the tour (two decimals, the tour's results), by `method`
    or the tour's own; None for a unit the tour did not score, or every unit without a tour.
    Its origin says where the score came from (tryout 19): 观摩评比得分：「2025年第二次重点项目
    观摩」（2025年6月10日），2个观摩点，去掉一个最高分和一个最低分，第1位."""
    if facts.name is None or not facts.cards:
        return dict.fromkeys(units, Sourced(None, f"{facts.cycle.label}没有已评分的观摩活动"))
    chosen = method or facts.method
    held = "" if facts.first_day is None else f"（{chinese_date(facts.first_day)}）"
    results = tour_results(facts.cards, method=chosen, trim=facts.trim, recusal=facts.recusal)
    return _each_unit(
        units,
        {region.region: region for region in results.regions},
        lambda region: region.score,
        lambda region: (
            f"观摩评比得分：「{facts.name}」{held}，{region.sites}个观摩点，"
            f"{METHOD_LABELS[chosen]}，第{region.rank}位{'（并列）' if region.tied else ''}"
        ),
        f"「{facts.name}」没有本单位的观摩点得分",
    )


# 督办 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupervisionFacts:
    """The supervision bulletin's per-county figures of the problems raised 1—M月."""

    cycle: SourceCycle
    counties: Sequence[ProblemFigures] = ()


def solved_on_time_counts(facts: SupervisionFacts, units: Sequence[str]) -> Values:
    """Problems solved on time (a count; a unit with none raised has 0)."""
    by_unit = {figures.name: figures for figures in facts.counties}
    found = {}
    for unit in units:
        figures = by_unit.get(unit)
        raised, on_time = (figures.raised, figures.solved_on_time) if figures else (0, 0)
        found[unit] = Sourced(
            Decimal(on_time), f"{facts.cycle.label}交办问题{raised}个，按期办结{on_time}个"
        )
    return found


def on_time_rates(facts: SupervisionFacts, units: Sequence[str]) -> Values:
    """The bulletin's 按期解决率 (%); None where no problem's outcome is known yet."""
    return _each_unit(
        units,
        {figures.name: figures for figures in facts.counties},
        lambda figures: figures.on_time_rate,
        lambda figures: (
            f"{facts.cycle.label}按期办结{figures.solved_on_time}个，已办结{figures.solved}个，"
            f"逾期未办结{figures.overdue}个"
        ),
        f"{facts.cycle.label}没有已办结或逾期的督办问题",
        nothing_to_count=True,
    )


# 月报 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthReport:
    """A unit's monthly report in the cycle: the period's deadline, the day it was first
    submitted (None: not submitted), whether it went through review with no submission on
    record (so its timeliness is unknown), and how many times it was returned."""

    unit: str
    month: int
    deadline: date
    first_submitted: date | None
    returned: int = 0
    unrecorded: bool = False


@dataclass(frozen=True)
class ReportingFacts:
    cycle: SourceCycle
    today: date
    reports: Sequence[MonthReport] = ()


def _unit_reports(facts: ReportingFacts, unit: str) -> tuple[list[MonthReport], Sourced | None]:
    reports = sorted((r for r in facts.reports if r.unit == unit), key=lambda r: r.month)
    if not reports:
        return [], Sourced(None, f"{facts.cycle.label}没有本单位的月报")
    unknown = [f"{r.month}月" for r in reports if r.unrecorded]
    if unknown:
        return [], Sourced(None, f"{'、'.join(unknown)}月报没有提交记录，无法判断")
    return reports, None


def _each_units_reports(
    facts: ReportingFacts, units: Sequence[str], said: Callable[[list[MonthReport]], Sourced]
) -> Values:
    """Each unit's value from its reports of the cycle (`said`), or why it has none."""
    found = {}
    for unit in units:
        reports, missing = _unit_reports(facts, unit)
        found[unit] = missing if missing is not None else said(reports)
    return found


def reports_on_time(facts: ReportingFacts, units: Sequence[str]) -> Values:
    """Months whose report was first submitted on or before the deadline."""

    def said(reports: list[MonthReport]) -> Sourced:
        kinds = [note_timeliness(r.deadline, r.first_submitted, facts.today) for r in reports]
        on_time, late = kinds.count(Timeliness.ON_TIME), kinds.count(Timeliness.LATE)
        return Sourced(
            Decimal(on_time),
            f"{facts.cycle.label}应报{len(reports)}期，按时报送{on_time}期，逾期报送{late}期",
        )

    return _each_units_reports(facts, units, said)


def reports_returned(facts: ReportingFacts, units: Sequence[str]) -> Values:
    """Times the unit's reports of the cycle were returned for correction."""

    def said(reports: list[MonthReport]) -> Sourced:
        returned = sum(r.returned for r in reports)
        return Sourced(
            Decimal(returned), f"{facts.cycle.label}{len(reports)}期月报共被退回{returned}次"
        )

    return _each_units_reports(facts, units, said)


# 指标 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorFacts:
    """One indicator's 1—M月 readings of the units and their standings against their annual
    targets (a unit absent has none)."""

    cycle: SourceCycle
    indicator: str
    kind: Kind = Kind.AMOUNT
    readings: Mapping[str, Reading] = field(default_factory=dict)
    standings: Mapping[str, Standing] = field(default_factory=dict)


def growths(facts: IndicatorFacts, units: Sequence[str]) -> Values:
    """Each unit's growth (%; a ratio's in 个百分点) as the indicator report gives it."""
    return _each_unit(
        units,
        facts.readings,
        lambda reading: growth(reading, facts.kind),
        lambda reading: (
            f"{facts.cycle.label}“{facts.indicator}”"
            f"{'报送增速' if reading.reported_growth is not None else '同比计算'}"
        ),
        f"{facts.cycle.label}“{facts.indicator}”没有可计算的增速",
    )


def target_completions(facts: IndicatorFacts, units: Sequence[str]) -> Values:
    """Each unit's completion of its annual target (%), as its standing gives it."""
    return _each_unit(
        units,
        facts.standings,
        lambda standing: standing.completion_rate,
        lambda standing: (
            f"{facts.cycle.label}“{facts.indicator}”完成{number(standing.done, 2)}，"
            f"年度目标{number(standing.target, 2)}，完成{rate(standing.completion_rate)}"
        ),
        f"{facts.cycle.year}年“{facts.indicator}”没有数额目标或完成数",
    )


# 园区 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParkSourceFacts:
    """The city's parks (by name), their own figures of 1—M月 and their land on the cycle's
    last day (attraction.land.ParkLand, by park)."""

    cycle: SourceCycle
    parks: Sequence[str] = ()
    figures: Sequence[ParkFacts] = ()
    land: Mapping[str, ParkLand] = field(default_factory=dict)


def park_figures(facts: ParkSourceFacts, units: Sequence[str], measure: Measure) -> Values:
    """Each park's figure `measure` names, as its own figures of 1—M月 give it
    (attraction.parks.PARK_FIGURES); None for a park without them or without that figure,
    and for a unit that is not a park."""
    figure = PARK_FIGURES[measure.value]
    by_park = {park.name: park for park in facts.figures}
    found = {}
    for unit in units:
        park = by_park.get(unit)
        value = figure.read(park) if park else None
        if unit not in facts.parks:
            found[unit] = Sourced(None, f"{unit}不是园区")
        elif park is None:
            found[unit] = Sourced(None, f"没有{facts.cycle.label}的园区主要指标")
        elif value is None:
            found[unit] = Sourced(None, f"{facts.cycle.label}园区主要指标未填报{figure.name}")
        else:
            found[unit] = Sourced(
                Decimal(value), f"{facts.cycle.label}{_park_figure_said(measure, park, value)}"
            )
    return found


def _park_figure_said(measure: Measure, park: ParkFacts, value: Decimal | int) -> str:
    if measure is Measure.LEADING_SHARE:
        return (
            f"主营业务收入{money_wan_text(park.revenue)}，其中主导产业"
            f"{money_wan_text(park.leading_revenue)}，占{rate(value)}"
        )
    if measure is Measure.PARK_REVENUE:
        return f"主营业务收入{money_wan_text(value)}"
    return f"{measure.value}{value}{PARK_FIGURES[measure.value].unit}"


def park_land_per_mu(facts: ParkSourceFacts, units: Sequence[str], measure: Measure) -> Values:
    """Each park's tax (亩均税收) or investment (投资强度) per 亩 of the land supplied by the
    cycle's last day of its parcels carrying the figure, the base said when it is not all of it
    (万元/亩, two decimals half-up: attraction.land.park_land); None without land supplied or
    without a figure for it, and for a unit that is not a park."""
    as_of = f"截至{facts.cycle.year}年{facts.cycle.month}月底"
    taxed = measure is Measure.TAX_PER_MU
    found = {}
    for unit in units:
        land = facts.land.get(unit)
        if land is None:
            found[unit] = Sourced(None, f"{unit}不是园区")
            continue
        per_mu = land.tax_per_mu if taxed else land.investment_per_mu
        supplied = f"{as_of}已供地{land.supplied.normalize():f}亩"
        if per_mu is None:
            what = "税收" if taxed else "固定资产投资"
            found[unit] = Sourced(None, f"{supplied}，没有填报{what}的已供地地块")
            continue
        said = f"{supplied}，{measure.value}{number(per_mu, 2)}万元/亩"
        base = land.tax_base if taxed else land.investment_base
        if note := base_note("税收" if taxed else "投资", base, land):
            said += f"（{note}）"
        found[unit] = Sourced(per_mu, said)
    return found


# The registry --------------------------------------------------------------------------------

Compute = Callable[..., Values]
COMPUTE: dict[Measure, Compute] = {
    Measure.COMPLETION_RATE: completion_rates,
    Measure.NEW_STARTS: new_starts,
    Measure.STARTED_ON_TIME: started_on_time,
    Measure.TOUR_SCORE: tour_scores,
    Measure.SOLVED_ON_TIME: solved_on_time_counts,
    Measure.ON_TIME_RATE: on_time_rates,
    Measure.REPORTS_ON_TIME: reports_on_time,
    Measure.REPORTS_RETURNED: reports_returned,
    Measure.GROWTH: growths,
    Measure.TARGET_COMPLETION: target_completions,
    **{measure: partial(park_figures, measure=measure) for measure in PARK_FIGURE_MEASURES},
    Measure.TAX_PER_MU: partial(park_land_per_mu, measure=Measure.TAX_PER_MU),
    Measure.INVESTMENT_PER_MU: partial(park_land_per_mu, measure=Measure.INVESTMENT_PER_MU),
}


def sourced_values(spec: SourceSpec, facts: object, units: Sequence[str]) -> Values:
    """The units' values of one source from its domain's facts."""
    if spec.measure is Measure.TOUR_SCORE:
        return tour_scores(facts, units, spec.method)  # type: ignore[arg-type]
    return COMPUTE[spec.measure](facts, units)
