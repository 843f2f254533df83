"""Reading indicator figures out of the database as the plain values the arithmetic takes."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache, reduce
from operator import or_

from django.db.models import Q, QuerySet

from guanmo.accounts.models import Department
from guanmo.accounts.scope import Scope
from guanmo.figures.breakdown import (
    Breakdown,
    break_down,
    break_down_by_hand,
    equal_weights,
    seasonal_weights,
)
from guanmo.indicators.arithmetic import Reading, check_period, exact_growth
from guanmo.indicators.choices import Direction, Frequency, Kind, Profile
from guanmo.indicators.models import (
    Indicator,
    IndicatorValue,
    PeerGroup,
    Submission,
    SubmittedValue,
    Target,
)
from guanmo.indicators.targets import Node, Standing, standing, target_nodes
from guanmo.regions.models import Region
from guanmo.regions.services import units_of


def group_members(group: PeerGroup) -> list[Region]:
    """A peer group's regions in the tree's order."""
    return list(group.members.select_related("parent").order_by("sort_order", "code"))


def reading_of(
    region: Region,
    stored: IndicatorValue | None,
    label: str = "",
    a_year_ago: IndicatorValue | None = None,
) -> Reading:
    """The stored figures as a `Reading` named `label` (by default the region's name); value
    None when none is stored. Last year's figure is the 上年同期 stored with it, else the value
    stored for the same period of last year (`a_year_ago`): a figure entered or imported
    without its 上年同期 still has its growth where last year is known (tryout 12)."""
    label = label or region.name
    if stored is None:
        return Reading(label, None)
    last_year = stored.last_year_value
    if last_year is None and a_year_ago is not None:
        last_year = a_year_ago.value
    return Reading(
        label,
        stored.value,
        last_year=last_year,
        reported_growth=stored.reported_growth,
        reported_rank=stored.reported_rank,
    )


# Stored figures by (indicator id, region id, year, month), as `values_of` reads them.
StoredValues = dict[tuple[int, int, int, int], IndicatorValue]


def values_of(
    indicators: Iterable[Indicator], regions: Iterable[Region], periods: Iterable[tuple[int, int]]
) -> StoredValues:
    """The stored figures of the indicators and regions in the (year, month) periods, read in
    one query, by (indicator id, region id, year, month)."""
    periods = set(periods)
    if not periods:
        return {}
    which = reduce(or_, (Q(year=year, month=month) for year, month in periods))
    found = IndicatorValue.objects.filter(
        which,
        indicator__in=list(indicators),
        region__in=list(regions),
    ).order_by()
    return {
        (value.indicator_id, value.region_id, value.year, value.month): value for value in found
    }


def readings(
    indicator: Indicator,
    regions: Sequence[Region],
    year: int,
    month: int,
    stored: StoredValues | None = None,
    entered: Mapping[int, IndicatorValue] | None = None,
) -> list[Reading]:
    """One `Reading` per region, in the order given, named by the region's name (with its
    parent's before it where two regions of the set share a name: 沈阳市和平区, 天津市和平区); a
    region without a stored value reads as value None (unranked, and making a group total
    undefined); last year's figure as `reading_of` completes it from the same period of last
    year. `stored`: the figures already read by `values_of` for the period and a year before
    (read here when None); `entered`: figures by region id standing in for the stored ones (a
    form's, as its approval would store them: `entered_over`)."""
    if stored is None:
        stored = values_of([indicator], regions, [(year, month), (year - 1, month)])
    entered = entered or {}
    return [
        reading_of(
            region,
            entered.get(region.pk) or stored.get((indicator.pk, region.pk, year, month)),
            label,
            stored.get((indicator.pk, region.pk, year - 1, month)),
        )
        for region, label in zip(regions, distinct_labels(regions), strict=True)
    ]


def distinct_labels(regions: Sequence[Region]) -> list[str]:
    """Each region's name, preceded by its parent's where the name is not unique in the set."""
    names = Counter(region.name for region in regions)
    return [
        f"{region.parent.name}{region.name}"
        if names[region.name] > 1 and region.parent is not None
        else region.name
        for region in regions
    ]


def last_year_cumulative(target: Target) -> dict[int, Decimal]:
    """Last year's cumulative (1—M月) figures of the target's region and indicator by month:
    last year's stored values, completed by this year's "上年同期" figures."""
    return last_year_cumulatives([target]).get(_target_key(target), {})


def _target_key(target: Target) -> tuple[int, int, int]:
    return (target.indicator_id, target.region_id, target.year)


def last_year_cumulatives(targets: Sequence[Target]) -> dict[tuple[int, int, int], dict]:
    """`last_year_cumulative` of each target, by (indicator id, region id, year), read in two
    queries however many targets (none without targets)."""
    if not targets:
        return {}
    keys = {_target_key(target) for target in targets}
    indicators = {indicator for indicator, _, _ in keys}
    regions = {region for _, region, _ in keys}
    years = {year for _, _, year in keys}
    shapes: dict[tuple[int, int, int], dict[int, Decimal]] = {key: {} for key in keys}
    this_years = IndicatorValue.objects.filter(
        indicator_id__in=indicators,
        region_id__in=regions,
        year__in=years,
        last_year_value__isnull=False,
    ).values_list("indicator_id", "region_id", "year", "month", "last_year_value")
    last_years = IndicatorValue.objects.filter(
        indicator_id__in=indicators,
        region_id__in=regions,
        year__in={year - 1 for year in years},
        value__isnull=False,
    ).values_list("indicator_id", "region_id", "year", "month", "value")
    # Last year's own figures are read after this year's "上年同期" and win over them.
    for stored, year_after in ((this_years, 0), (last_years, 1)):
        for indicator, region, year, month, amount in stored.order_by():
            if (key := (indicator, region, year + year_after)) in shapes:
                shapes[key][month] = amount
    return shapes


def breakdown_of(target: Target, last_year: dict[int, Decimal] | None = None) -> Breakdown | None:
    """The target's breakdown by its profile, to its indicator's decimals or the target's own
    when finer (`Rule.target_step`); None for a growth target and a ratio's level (which does
    not accumulate). `last_year`: the seasonal profile's `last_year_cumulative`, when read
    already. Raises ValueError (in Chinese) when the profile
    cannot be followed (no whole year last year, hand nodes that do not add up)."""
    if target.amount is None or target.indicator.kind == Kind.RATIO:
        return None
    step = target.indicator.rule.target_step(target.amount)
    # a ceiling (赴京访批次控制在2批以内) is never allowed ahead of its share (`break_down`)
    ceiling = target.indicator.direction == Direction.LOWER
    if target.profile == Profile.BY_HAND:
        nodes = {node.month: node.amount for node in target.nodes.all()}  # prefetched or not
        missing = [month for month in range(1, 13) if month not in nodes]
        if missing:
            raise ValueError(f"手工分解缺少{'、'.join(f'{m}月' for m in missing)}的数额")
        return break_down_by_hand(
            target.amount, [nodes[m] for m in range(1, 13)], step, ceiling=ceiling
        )
    if target.profile == Profile.SEASONAL:
        shape = last_year_cumulative(target) if last_year is None else last_year
        monthly = target.indicator.frequency == Frequency.MONTHLY  # gaps not filled
        weights = seasonal_weights(shape, every_month=monthly)
        return break_down(target.amount, weights, step, ceiling=ceiling)
    return _equal_breakdown(target.amount, step, ceiling)


@lru_cache(maxsize=4096)
def _equal_breakdown(amount: Decimal, step: Decimal, ceiling: bool) -> Breakdown:
    """An equal breakdown depends on the amount and step alone (and a Breakdown is immutable):
    a province's counties often share their targets' amounts."""
    return break_down(amount, equal_weights(), step, ceiling=ceiling)


def target_standing(target: Target, month: int) -> Standing:
    """The region's standing against its target after `month`: what its stored value of that
    month gives (done, growth), judged against the target and its breakdown. Raises ValueError
    when the target's profile cannot be followed."""
    stored = IndicatorValue.objects.filter(
        indicator=target.indicator, region=target.region, year=target.year, month=month
    ).first()
    return _standing_of(target, month, stored, breakdown_of(target))


def standings(
    targets: Sequence[Target],
    month: int,
    totals: Mapping[tuple[int, int], tuple[Decimal | None, Decimal | Fraction | None]]
    | None = None,
) -> list[Standing]:
    """Each target's standing after `month`, as `target_standing` gives it, the month's stored
    values read in one query and the seasonal profiles' last years in two (prefetch the
    targets' `nodes` for those set by hand); where a
    profile cannot be followed (no whole year last year for the seasonal profile), the figures
    that need no breakdown. `totals` (value, exact growth) by (indicator id, region id) stand in
    where nothing is stored for a whole's own target: its members' total as its report states
    it (全县：212.4亿元, tryout 29 item 1: the county's 9月 was entered town by town)."""
    stored = {
        (value.indicator_id, value.region_id, value.year): value
        for value in IndicatorValue.objects.filter(
            indicator_id__in={t.indicator_id for t in targets},
            region_id__in={t.region_id for t in targets},
            year__in={t.year for t in targets},
            month=month,
        ).order_by()
    }
    shapes = last_year_cumulatives([t for t in targets if t.profile == Profile.SEASONAL])
    found = []
    for target in targets:
        why = ""
        try:
            plan = breakdown_of(target, shapes.get(_target_key(target)))
        except ValueError as error:
            plan = None
            why = (
                f"{Profile(target.profile).label}无法分解（{error}），"
                "序时目标、较序时进度和预计全年完成无从计算"
            )
        value = stored.get((target.indicator_id, target.region_id, target.year))
        total = (totals or {}).get((target.indicator_id, target.region_id))
        if value is None and total is not None:
            seen = _standing_of(target, month, None, plan, total)
        else:
            seen = _standing_of(target, month, value, plan)
        found.append(replace(seen, unbroken=why) if why else seen)
    return found


def _standing_of(
    target: Target,
    month: int,
    stored: IndicatorValue | None,
    plan: Breakdown | None,
    total: tuple[Decimal | None, Decimal | Fraction | None] | None = None,
) -> Standing:
    reading = reading_of(target.region, stored)
    kind = Kind(target.indicator.kind)
    done, growth = total if total is not None else (reading.value, exact_growth(reading, kind))
    return standing(
        month=month,
        target=target.amount,
        target_growth=target.growth,
        done=done,
        growth=growth,
        breakdown=plan,
        kind=Kind(target.indicator.kind),
        direction=Direction(target.indicator.direction),
    )


@dataclass(frozen=True)
class TargetNodes:
    """A target's breakdown as the targets page shows it: its month `nodes` (`targets.Node`),
    each reached one with what was done by it."""

    target: Target
    nodes: list[Node]


def target_nodes_of(
    city: Region, year: int, month: int, regions: list[Region]
) -> list[TargetNodes]:
    """The breakdown nodes of the regions' amount targets of `year` after `month`, in the
    order `report.target_lines` lists the targets; a target whose profile cannot be followed
    (no whole year last year) is left out. Three queries and the seasonal shapes' two."""
    targets = list(
        Target.objects.filter(
            indicator__city=city, year=year, region__in=regions, amount__isnull=False
        )
        .exclude(indicator__kind=Kind.RATIO)
        .select_related("indicator", "region")
        .prefetch_related("nodes")
    )
    shapes = last_year_cumulatives([t for t in targets if t.profile == Profile.SEASONAL])
    done: dict[tuple[int, int], dict[int, Decimal]] = {}
    for value in IndicatorValue.objects.filter(
        indicator_id__in={t.indicator_id for t in targets},
        region__in=regions,
        year=year,
        month__lte=month,
        value__isnull=False,
    ).order_by():
        done.setdefault((value.indicator_id, value.region_id), {})[value.month] = value.value
    found = []
    for target in targets:
        try:
            plan = breakdown_of(target, shapes.get(_target_key(target)))
        except ValueError:
            continue
        if plan is not None:
            figures = done.get((target.indicator_id, target.region_id), {})
            quarterly = target.indicator.frequency == Frequency.QUARTERLY
            shape = shapes.get(_target_key(target)) or {}
            nodes = target_nodes(
                plan,
                figures,
                month,
                quarterly=quarterly,
                first_two_months=target.profile == Profile.SEASONAL
                and not quarterly
                and 1 not in shape,
            )
            found.append(TargetNodes(target, nodes))
    return found


# Web entry -----------------------------------------------------------------------------------


def submissions_for(scope: Scope) -> QuerySet[Submission]:
    """The indicator forms a user may open: all of the city's for the city office, his own
    department's or county's for their users, none for anyone else."""
    forms = Submission.objects.filter(period__city=scope.city).select_related(
        "period", "department", "county"
    )
    if scope.is_city_office:
        return forms
    if scope.department is not None:
        return forms.filter(department=scope.department)
    if scope.county is not None:
        return forms.filter(county=scope.county)
    return forms.none()


def indicators_entered_by(
    city: Region, month: int, *, department: Department | None
) -> list[Indicator]:
    """The indicators a form covers in `month`: a department's own (`Indicator.department`),
    or for a county those no department supplies; only those with a figure in that month
    (a quarterly indicator in 3, 6, 9 and 12)."""
    indicators = Indicator.objects.filter(city=city, department=department)
    return [
        indicator for indicator in indicators if has_period(month, Frequency(indicator.frequency))
    ]


def has_period(month: int, frequency: Frequency) -> bool:
    """Whether an indicator of `frequency` has a figure in `month` (a quarterly one in 3, 6, 9
    and 12 only)."""
    try:
        check_period(month, frequency)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class SubmissionLine:
    """One region's line for one indicator on a form, with what is entered and approved."""

    indicator: Indicator
    region: Region
    entered: SubmittedValue | None
    stored: IndicatorValue | None

    @property
    def places(self) -> int:
        return self.indicator.places

    @property
    def place(self) -> str:
        """How messages name the line: 武陟县·固定资产投资."""
        return f"{self.region.name}·{self.indicator.name}"


def submission_lines(submission: Submission) -> list[SubmissionLine]:
    """The form's lines, indicator by indicator, region by region in the tree's order: for a
    department every unit of the city, for a county itself (3 queries)."""
    period = submission.period
    indicators = indicators_entered_by(period.city, period.month, department=submission.department)
    regions = units_of(period.city) if submission.department_id else [submission.county]
    entered = {(value.indicator_id, value.region_id): value for value in submission.values.all()}
    stored = {
        (value.indicator_id, value.region_id): value
        for value in IndicatorValue.objects.filter(
            indicator__in=indicators,
            region__in=regions,
            year=period.year,
            month=period.month,
        )
    }
    return [
        SubmissionLine(
            indicator,
            region,
            entered.get((indicator.pk, region.pk)),
            stored.get((indicator.pk, region.pk)),
        )
        for indicator in indicators
        for region in regions
    ]


def latest_month(city: Region) -> tuple[int, int] | None:
    """The latest (year, month) the city has any indicator figure of; None before the first."""
    latest = (
        IndicatorValue.objects.filter(indicator__city=city)
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )
    return tuple(latest) if latest else None


@dataclass(frozen=True)
class ShownMonth:
    """The (year, month) an indicator is shown at on the dashboard (`latest_months`), and the
    newer month held back because fewer of the group had reported it: `newer`, with how many
    `reporting` it of the `members` who reported the month shown. None when none is."""

    year: int
    month: int
    newer: tuple[int, int] | None = None
    reporting: int = 0
    members: int = 0


def latest_months(city: Region, regions: Sequence[Region]) -> dict[int, ShownMonth]:
    """Each indicator's newest (year, month) at which as many of `regions` (a peer group's
    members) have its figure (a value or a reported growth) as at any month — the whole group
    where it ever reported in full — by indicator id. A newer month only some have reported
    (one county in, eleven to come) is held back (`ShownMonth.newer`), never ranked as if it
    were the whole group; a month only partly in for other indicators (two imported for
    December) leaves each at its own."""
    counts: dict[int, dict[tuple[int, int], int]] = {}
    given = (
        IndicatorValue.objects.filter(indicator__city=city, region__in=regions)
        .filter(Q(value__isnull=False) | Q(reported_growth__isnull=False))
        .values_list("indicator_id", "year", "month", "region_id")
        .distinct()
    )
    for indicator, year, month, _ in given:
        months = counts.setdefault(indicator, {})
        months[(year, month)] = months.get((year, month), 0) + 1
    shown: dict[int, ShownMonth] = {}
    for indicator, months in counts.items():
        most = max(months.values())
        when = max(period for period, count in months.items() if count == most)
        newest = max(months)
        if newest == when:
            shown[indicator] = ShownMonth(*when)
        else:
            shown[indicator] = ShownMonth(*when, newest, months[newest], most)
    return shown


def entered_over(stored: IndicatorValue | None, entered: SubmittedValue) -> IndicatorValue:
    """The figures a form's line would leave stored once approved (`services.store_values`:
    a figure given replaces, a blank keeps the stored one), unsaved."""
    merged = IndicatorValue(
        indicator_id=entered.indicator_id, region_id=entered.region_id, value=None
    )
    for field in ("value", "last_year_value", "reported_growth", "reported_rank"):
        given = getattr(entered, field, None)
        setattr(merged, field, given if given is not None else getattr(stored, field, None))
    return merged


# What a region's new cumulative is judged by for a unit slip (`unit_slips.figure_slip`): per
# region id, (month, value) of its latest earlier month of the year, and its value a year ago.
SlipReferences = tuple[dict[int, tuple[int, Decimal]], dict[int, Decimal]]


def slip_references(indicator: Indicator, year: int, month: int) -> SlipReferences:
    """Per region id, its stored cumulative of the latest earlier month of `year` (month,
    value) and its stored value of `month` last year: what `unit_slips.figure_slip` judges by,
    for the import and the web entry alike (2 queries)."""
    earlier: dict[int, tuple[int, Decimal]] = {}
    stored = IndicatorValue.objects.filter(
        indicator=indicator, year=year, month__lt=month, value__isnull=False
    )
    for region_id, other, value in stored.order_by("month").values_list(
        "region_id", "month", "value"
    ):
        earlier[region_id] = other, value
    return earlier, stored_a_year_ago(indicator, year, month)


def stored_a_year_ago(indicator: Indicator, year: int, month: int) -> dict[int, Decimal]:
    """Per region id, the value stored for `month` of last year."""
    return dict(
        IndicatorValue.objects.filter(
            indicator=indicator, year=year - 1, month=month, value__isnull=False
        ).values_list("region_id", "value")
    )
