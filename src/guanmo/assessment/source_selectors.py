"""Fetching the facts a scheme's sources need from Guanmo's domains, through each domain's own
selectors, as the plain data `sources` computes from (issue 13 "its source").

`fetch_sourced` is the one entry: for a city, a cycle, the units assessed (as a values sheet or
the city names them) and the scheme's sources, each source's value per unit with its origin.
Each domain is read once per run (each indicator once), whatever number of indicators use it.
"""

from collections.abc import Mapping, Sequence
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.source_measures import (
    IndicatorFacts,
    LedgerFacts,
    MonthReport,
    ParkSourceFacts,
    ProjectStart,
    ReportingFacts,
    SupervisionFacts,
    TourScores,
    sourced_values,
)
from guanmo.assessment.sources import (
    Domain,
    Filled,
    SourceCycle,
    SourceError,
    SourceSpec,
    Values,
    merge_sourced,
    sources_of,
)
from guanmo.attraction.selectors import park_facts, park_lands, parks_of
from guanmo.indicators.choices import Kind
from guanmo.indicators.models import Indicator, Target
from guanmo.indicators.selectors import readings, standings
from guanmo.ledger.models import Milestone, MilestoneKind
from guanmo.observation.models import Tour
from guanmo.observation.results import Method, Trim
from guanmo.observation.selectors import score_cards
from guanmo.progress.selectors import key_projects, region_totals, with_figures
from guanmo.regions.models import Region
from guanmo.regions.names import region_named
from guanmo.regions.services import units_of
from guanmo.reporting.models import CountyReport, Period, ReviewStep, Status
from guanmo.supervision.report import YEAR_TO_DATE, problem_report


def ledger_facts(city: Region, cycle: SourceCycle) -> LedgerFacts:
    """The progress report's per-unit totals for the cycle's last month and each key project's
    stage, planned and actual start and 1—M月 completed investment: those on the list in the
    month (`ledger.key_lists`) and entered by its end (`ledger.due`), as the totals count them."""
    start = Milestone.objects.filter(project=OuterRef("pk"), kind=MilestoneKind.STARTED)
    rows = (
        with_figures(
            key_projects(city, cycle.year, month=cycle.month).due_to_report(
                cycle.year, cycle.month
            ),
            cycle.year,
            cycle.month,
        )
        .annotate(
            planned_start=Subquery(start.values("planned")[:1]),
            started_on=Subquery(start.values("reached")[:1]),
        )
        .order_by()
        .values_list("county__name", "stage", "planned_start", "completed", "started_on", "pk")
    )
    return LedgerFacts(
        cycle,
        region_totals(city, cycle.year, cycle.month),
        [ProjectStart(*row) for row in rows],
    )


def tour_scores_facts(city: Region, cycle: SourceCycle) -> TourScores:
    """The cycle's last tour with scores (first day within January to the cycle's end)."""
    tours = Tour.objects.filter(
        city=city, first_day__range=(cycle.first_day, cycle.last_day)
    ).order_by("-first_day", "-pk")
    for tour in tours:
        cards = score_cards(tour)
        if cards:
            return TourScores(
                cycle,
                tour.name,
                cards,
                Method(tour.method),
                Trim(drop_high=tour.drop_high, drop_low=tour.drop_low),
                tour.recusal,
                tour.first_day,
            )
    return TourScores(cycle)


def supervision_facts(city: Region, cycle: SourceCycle, today: date) -> SupervisionFacts:
    """The supervision bulletin's county figures for 1—M月, as they stood at the cycle's end."""
    report = problem_report(
        city, year=cycle.year, month=cycle.month, span=YEAR_TO_DATE, today=today
    )
    return SupervisionFacts(cycle, report.counties)


def reporting_facts(city: Region, cycle: SourceCycle, today: date) -> ReportingFacts:
    """Every unit's report for each period the city opened in the cycle (a unit without one
    had nothing submitted), with its first submission day and times returned."""
    periods = list(Period.objects.filter(city=city, year=cycle.year, month__lte=cycle.month))
    reports = {
        (report.period_id, report.county_id): report
        for report in CountyReport.objects.filter(period__in=periods)
    }
    submitted: dict[int, date] = {}
    returned: dict[int, int] = {}
    steps = ReviewStep.objects.filter(report__in=list(reports.values())).order_by("at", "pk")
    for report_id, action, at in steps.values_list("report_id", "action", "at"):
        if action == ReviewStep.Action.SUBMIT:
            submitted.setdefault(report_id, timezone.localdate(at))
        elif action == ReviewStep.Action.RETURN:
            returned[report_id] = returned.get(report_id, 0) + 1
    units = units_of(city)
    found = []
    for period in periods:
        for unit in units:
            report = reports.get((period.pk, unit.pk))
            first = None
            if report is not None:
                first = submitted.get(report.pk) or (
                    timezone.localdate(report.submitted_at) if report.submitted_at else None
                )
            reviewed = report is not None and report.status in (Status.SUBMITTED, Status.APPROVED)
            found.append(
                MonthReport(
                    unit.name,
                    period.month,
                    period.deadline,
                    first,
                    returned.get(report.pk, 0) if report else 0,
                    unrecorded=reviewed and first is None,
                )
            )
    return ReportingFacts(cycle, today, found)


def indicator_facts(
    city: Region, cycle: SourceCycle, name: str, regions: Sequence[Region]
) -> IndicatorFacts:
    """An indicator's 1—M月 readings of the regions and their standings against the year's
    targets. Raises SourceError for an indicator the city does not have."""
    indicator = Indicator.objects.filter(city=city, name=name).first()
    if indicator is None:
        known = "、".join(Indicator.objects.filter(city=city).values_list("name", flat=True))
        raise SourceError(f"本市没有指标“{name}”；已有：{known or '无'}")
    found = readings(indicator, regions, cycle.year, cycle.month)
    targets = list(
        Target.objects.filter(indicator=indicator, year=cycle.year, region__in=regions)
        .select_related("indicator", "region")
        .prefetch_related("nodes")
    )
    return IndicatorFacts(
        cycle,
        name,
        Kind(indicator.kind),
        {region.name: reading for region, reading in zip(regions, found, strict=True)},
        {
            target.region.name: seen
            for target, seen in zip(targets, standings(targets, cycle.month), strict=True)
        },
    )


def park_source_facts(city: Region, cycle: SourceCycle) -> ParkSourceFacts:
    """The city's parks, their own figures of 1—M月 and their land on the cycle's last day."""
    return ParkSourceFacts(
        cycle,
        [park.name for park in parks_of(city)],
        park_facts(city, cycle.year, cycle.month),
        park_lands(city, cycle.last_day),
    )


def _regions(city: Region, units: Sequence[str]) -> dict[str, Region]:
    """{unit as written: the city's unit it names}. Raises SourceError naming units unknown."""
    candidates = units_of(city)
    found = {unit: region_named(unit, candidates) for unit in units}
    unknown = [unit for unit, region in found.items() if region is None]
    if unknown:
        known = "、".join(region.name for region in candidates)
        raise SourceError(f"{'、'.join(unknown)}不是{city.name}的县区；{city.name}有：{known}")
    return found  # type: ignore[return-value]


def fetch_sourced(
    city: Region,
    cycle: SourceCycle,
    units: Sequence[str],
    specs: Mapping[str, SourceSpec],
    *,
    today: date,
) -> dict[str, Values]:
    """{indicator: {unit: Sourced}} for the scheme's sourced indicators (`specs`, from
    `sources.sources_of`), the units keyed as given. Raises SourceError for a unit the city
    does not have or an indicator it does not keep."""
    regions = _regions(city, units)
    names = [region.name for region in regions.values()]
    facts: dict[object, object] = {}
    fetchers = {
        Domain.LEDGER: lambda spec: ledger_facts(city, cycle),
        Domain.OBSERVATION: lambda spec: tour_scores_facts(city, cycle),
        Domain.SUPERVISION: lambda spec: supervision_facts(city, cycle, today),
        Domain.REPORTING: lambda spec: reporting_facts(city, cycle, today),
        Domain.INDICATORS: lambda spec: indicator_facts(
            city, cycle, spec.indicator, list(dict.fromkeys(regions.values()))
        ),
        Domain.PARKS: lambda spec: park_source_facts(city, cycle),
    }
    found = {}
    for indicator, spec in specs.items():
        key = (spec.domain, spec.indicator)
        if key not in facts:
            facts[key] = fetchers[spec.domain](spec)
        values = sourced_values(spec, facts[key], names)
        found[indicator] = {unit: values[region.name] for unit, region in regions.items()}
    return found


def units_assessed(city: Region) -> list[str]:
    """The units a city's assessment ranks when no values sheet lists them: its counties,
    then its parks and zones (`units_of`), towns left out."""
    return [unit.name for unit in units_of(city) if unit.kind != Region.Kind.TOWN]


def fill_from_sources(
    city: Region,
    cycle: SourceCycle,
    definition: Definition,
    inputs: Inputs | None = None,
    *,
    today: date,
    given_by: str = "数值表",
) -> Filled:
    """The cycle's inputs with the scheme's sourced indicators filled in from Guanmo: over
    `inputs` as a values sheet gave them (its values override a source's), or for the city's
    units (`units_assessed`) when there is none. Raises SourceError (in Chinese) for a unit or
    indicator the city does not have, or a rated unit left without a value when the scheme
    says nothing of missing values (`sources.merge_sourced`)."""
    if inputs is None:
        inputs = Inputs({unit: {} for unit in units_assessed(city)})
    specs = sources_of(definition)
    sourced = fetch_sourced(city, cycle, list(inputs.values), specs, today=today)
    return merge_sourced(inputs, definition, sourced, given_by=given_by)
