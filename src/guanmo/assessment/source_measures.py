"""The measures a source gives, one per domain's rule, as plain functions over the facts
`source_selectors` fetches (see `sources` for what each means and where its rule lives). Each
returns {unit: Sourced}: the value, or None with the reason, and where it came from."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from guanmo.assessment.sources import Measure, SourceCycle, Sourced, SourceSpec, Values
from guanmo.commissioners.timeliness import Timeliness, note_timeliness
from guanmo.figures.arithmetic import percent, time_progress
from guanmo.figures.formatting import money_wan_text, number, rate
from guanmo.indicators.arithmetic import Reading, growth
from guanmo.indicators.choices import Kind
from guanmo.indicators.targets import Standing
from guanmo.ledger.milestones import MilestoneDates, not_started_by
from guanmo.ledger.models import MilestoneKind
from guanmo.observation.results import METHOD_LABELS, Method, ScoreCard, Trim, tour_results
from guanmo.progress.report import UnitTotals, figures_of
from guanmo.supervision.figures import ProblemFigures

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
    found = {}
    time = time_progress(facts.cycle.month)
    by_unit = {totals.region: totals for totals in facts.totals}
    for unit in units:
        totals = by_unit.get(unit)
        figures = figures_of(totals, time) if totals else None
        if figures is None or figures.completion_rate is None:
            found[unit] = Sourced(None, f"{facts.cycle.year}年没有下达年度计划投资的重点项目")
            continue
        found[unit] = Sourced(
            figures.completion_rate,
            f"{facts.cycle.label}重点项目{figures.projects}个，累计完成投资"
            f"{money_wan_text(figures.completed)}，年度计划投资{money_wan_text(figures.annual_plan)}",
        )
    return found


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
    逾期未开工 (%, one decimal half-up); None, with nothing to count, when none was due."""
    found = {}
    for unit in units:
        due = [p for p in facts.starts if p.unit == unit and _due(p, facts.cycle)]
        started = sum(not not_started(p, facts.cycle) for p in due)
        share = percent(started, len(due))
        if share is None:
            found[unit] = Sourced(
                None, f"截至{facts.cycle.label}没有应开工的重点项目", nothing_to_count=True
            )
            continue
        found[unit] = Sourced(
            share, f"截至{facts.cycle.label}应开工重点项目{len(due)}个，已开工{started}个"
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


def tour_scores(facts: TourScores, units: Sequence[str], method: Method | None = None) -> Values:
    """Each unit's county score in the tour (two decimals, the tour's results), by `method`
    or the tour's own; None for a unit the tour did not score, or every unit without a tour."""
    if facts.name is None or not facts.cards:
        return dict.fromkeys(units, Sourced(None, f"{facts.cycle.label}没有已评分的观摩活动"))
    chosen = method or facts.method
    results = tour_results(facts.cards, method=chosen, trim=facts.trim, recusal=facts.recusal)
    by_region = {region.region: region for region in results.regions}
    found = {}
    for unit in units:
        region = by_region.get(unit)
        if region is None:
            found[unit] = Sourced(None, f"「{facts.name}」没有本单位的观摩点得分")
            continue
        found[unit] = Sourced(
            region.score,
            f"「{facts.name}」{region.sites}个观摩点，{METHOD_LABELS[chosen]}，"
            f"第{region.rank}位{'（并列）' if region.tied else ''}",
        )
    return found


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
    by_unit = {figures.name: figures for figures in facts.counties}
    found = {}
    for unit in units:
        figures = by_unit.get(unit)
        if figures is None or figures.on_time_rate is None:
            found[unit] = Sourced(
                None, f"{facts.cycle.label}没有已办结或逾期的督办问题", nothing_to_count=True
            )
            continue
        found[unit] = Sourced(
            figures.on_time_rate,
            f"{facts.cycle.label}按期办结{figures.solved_on_time}个，已办结{figures.solved}个，"
            f"逾期未办结{figures.overdue}个",
        )
    return found


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


def reports_on_time(facts: ReportingFacts, units: Sequence[str]) -> Values:
    """Months whose report was first submitted on or before the deadline."""
    found = {}
    for unit in units:
        reports, missing = _unit_reports(facts, unit)
        if missing is not None:
            found[unit] = missing
            continue
        kinds = [note_timeliness(r.deadline, r.first_submitted, facts.today) for r in reports]
        on_time = kinds.count(Timeliness.ON_TIME)
        late = kinds.count(Timeliness.LATE)
        found[unit] = Sourced(
            Decimal(on_time),
            f"{facts.cycle.label}应报{len(reports)}期，按时报送{on_time}期，逾期报送{late}期",
        )
    return found


def reports_returned(facts: ReportingFacts, units: Sequence[str]) -> Values:
    """Times the unit's reports of the cycle were returned for correction."""
    found = {}
    for unit in units:
        reports, missing = _unit_reports(facts, unit)
        if missing is not None:
            found[unit] = missing
            continue
        returned = sum(r.returned for r in reports)
        found[unit] = Sourced(
            Decimal(returned), f"{facts.cycle.label}{len(reports)}期月报共被退回{returned}次"
        )
    return found


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
    found = {}
    for unit in units:
        reading = facts.readings.get(unit)
        value = growth(reading, facts.kind) if reading else None
        if value is None:
            found[unit] = Sourced(None, f"{facts.cycle.label}“{facts.indicator}”没有可计算的增速")
            continue
        how = "报送增速" if reading.reported_growth is not None else "同比计算"  # type: ignore[union-attr]
        found[unit] = Sourced(value, f"{facts.cycle.label}“{facts.indicator}”{how}")
    return found


def target_completions(facts: IndicatorFacts, units: Sequence[str]) -> Values:
    """Each unit's completion of its annual target (%), as its standing gives it."""
    found = {}
    for unit in units:
        standing = facts.standings.get(unit)
        if standing is None or standing.completion_rate is None:
            found[unit] = Sourced(
                None, f"{facts.cycle.year}年“{facts.indicator}”没有数额目标或完成数"
            )
            continue
        found[unit] = Sourced(
            standing.completion_rate,
            f"{facts.cycle.label}“{facts.indicator}”完成{number(standing.done, 2)}，"
            f"年度目标{number(standing.target, 2)}，完成{rate(standing.completion_rate)}",
        )
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
}


def sourced_values(spec: SourceSpec, facts: object, units: Sequence[str]) -> Values:
    """The units' values of one source from its domain's facts."""
    if spec.measure is Measure.TOUR_SCORE:
        return tour_scores(facts, units, spec.method)  # type: ignore[arg-type]
    return COMPUTE[spec.measure](facts, units)
