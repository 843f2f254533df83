"""The indicator report of a month (`guanmo indicator-report`, issue 12 "Outputs"): each
indicator's table in a peer group (value, growth, rank, change of rank, distance from the
group), each region's standing against its targets, and the sentences the speeches say.

Built from stored figures through `selectors` and the plain arithmetic (`table.peer_table`,
`targets.standing`), so the text, JSON, .xlsx and .docx of `report_output` show one set of
figures. Units as in `arithmetic`: values in the indicator's unit, growth in % (个百分点 for a
ratio), differences in 个百分点.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from django.db.models import prefetch_related_objects

from guanmo.figures.arithmetic import among_ranked, period_label, time_progress
from guanmo.figures.formatting import Display, display_for
from guanmo.indicators.arithmetic import (
    NO_FIGURE_BEFORE,
    NO_QUARTER_FIGURE_BEFORE,
    previous_period,
)
from guanmo.indicators.choices import Direction, Frequency, Kind, Profile, RankBy
from guanmo.indicators.models import Indicator, IndicatorValue, PeerGroup, Target
from guanmo.indicators.selectors import (
    ShownMonth,
    StoredValues,
    SubmissionLine,
    distinct_labels,
    entered_over,
    group_members,
    latest_month,
    latest_months,
    readings,
    standings,
    values_of,
)
from guanmo.indicators.sentences import (
    Count,
    IndicatorLine,
    counts_sentence,
    forecast_sentence,
    growth_target_sentence,
    not_both_over_half_sentence,
    performance_sentence,
    places_sentence,
    previous_period_word,
    rank_change_sentence,
    target_sentence,
)
from guanmo.indicators.services import install_city_peer_group
from guanmo.indicators.table import GroupFigure, PeerFigures, group_figure, peer_table
from guanmo.indicators.targets import Standing, not_over_half
from guanmo.indicators.totals import lists_every_unit
from guanmo.regions.models import Region
from guanmo.regions.names import region_named
from guanmo.regions.services import level_character, units_word, whole_word


class ReportError(ValueError):
    """A report that cannot be made as asked; the message says why, in Chinese."""


@dataclass(frozen=True)
class IndicatorTable:
    indicator: Indicator
    total: GroupFigure
    lines: list[PeerFigures]  # the regions asked for (all, or the one named)
    ranked: int = 0  # members of the group with a rank (a figure), whichever are asked for
    among: int | None = None  # `ranked` when fewer than the whole group: places are said so
    display: Display | None = None  # how its values are shown (`value_display`)

    @property
    def shown(self) -> Display:
        """The unit, scale and decimals the table's values are shown in."""
        return self.display or Display(self.indicator.unit, 0, self.indicator.places)


@dataclass(frozen=True)
class TargetLine:
    region: str
    indicator: Indicator
    standing: Standing


@dataclass
class IndicatorReport:
    city: Region
    year: int
    month: int
    group: PeerGroup
    regions: list[str]
    region: Region | None = None
    whole: Region | None = None  # the region the group makes up (its members' common parent)
    indicators: list[IndicatorTable] = field(default_factory=list)
    targets: list[TargetLine] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    # Why an indicator is shown at this month and not a newer one only some of the group have
    # reported (`latest_reports`): 社会消费品零售总额2025年1—6月仅1个单位报送（1—5月为11个），…
    held_back: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.year}年{period_label(self.month)}"

    @property
    def time_progress(self) -> Decimal:
        return time_progress(self.month)


def find_group(city: Region, name: str | None) -> PeerGroup:
    """The peer group named, or the top's own (said 全市, for a county 全县), made when the top
    has none yet (`services.install_city_peer_group`). Raises ReportError for a name unknown."""
    groups = PeerGroup.objects.filter(city=city)
    if not name:
        # a city installed before init-city made its own group gets it on first use (tryout 21)
        return groups.filter(short_name=whole_word(city)).first() or install_city_peer_group(city)
    group = groups.filter(name=name).first()
    if group is None:
        known = "、".join(groups.values_list("name", flat=True)) or "无"
        wanted = f"“{name}”" if name else f"本{level_character(city)}{units_word(city)}的"
        raise ReportError(f"没有{wanted}比较组；已有：{known}")
    return group


def whole_of(group: PeerGroup, members: list[Region], top: Region) -> Region | None:
    """The region a group makes up, whose stored figure is the group's total as reported: the
    members' common parent when the group is its administrative whole, said so (全市, 全省 as
    `short_name`) or holding every one of its units (`totals.lists_every_unit`). None for a peer
    group, chosen counties whether in one city or across cities (同类县): its total is its
    members' own (`table.group_figure`), never the city's figure (issue 12)."""
    parents = {member.parent_id for member in members}
    if len(parents) != 1 or None in parents:
        return None
    parent = members[0].parent
    said = "全省" if parent.kind == Region.Kind.PROVINCE else whole_word(parent)
    if group.short_name == said or lists_every_unit(parent, top, members):
        return parent
    return None


def build_report(
    city: Region,
    year: int,
    month: int,
    *,
    group: str | None = None,
    region: str | None = None,
    only: Collection[int] | None = None,
) -> IndicatorReport:
    """The month's report for a peer group (the city's own by default), all its regions or the
    one named; `only` (indicator ids) keeps those indicators and their targets. Raises
    ReportError for an unknown group or region, or a month out of range."""
    if not 1 <= month <= 12:
        raise ReportError(f"月份应在1到12之间，而不是{month}")
    peer_group = find_group(city, group)
    members = group_members(peer_group)
    if not members:
        raise ReportError(f"比较组“{peer_group.name}”还没有成员")
    chosen = None
    if region:
        chosen = region_named(region, members)
        if chosen is None:
            raise ReportError(f"比较组“{peer_group.name}”中没有“{region}”")
    labels = [
        label
        for member, label in zip(members, distinct_labels(members), strict=True)
        if chosen in (None, member)
    ]
    whole = whole_of(peer_group, members, city)
    report = IndicatorReport(city, year, month, peer_group, labels, chosen, whole)
    given = IndicatorValue.objects.filter(
        indicator__city=city, year=year, month=month, region__in=members
    ).values_list("indicator_id", flat=True)
    indicators = list(Indicator.objects.filter(city=city, pk__in=given))
    if only is not None:
        indicators = [indicator for indicator in indicators if indicator.pk in only]
    periods = {(year, month), (year - 1, month)} | {
        period
        for indicator in indicators
        if (before := previous_period(month, Frequency(indicator.frequency)))
        for period in ((year, before), (year - 1, before))
    }
    regions = [*members, whole] if whole is not None else members
    stored = values_of(indicators, regions, periods) if indicators else {}
    for indicator in indicators:
        report.indicators.append(
            _table(indicator, members, whole, year, month, chosen, stored, group=peer_group)
        )
    # The whole's own targets (全市 row of import-targets) first, then its members' (tryout 26
    # item 6: the city's targets showed only where the city was a member of a group).
    owners = [chosen] if chosen else [*([whole] if whole is not None else []), *members]
    # The whole's own target without its own figure stored is judged on the total the report
    # states (全县：212.4亿元: a county's month entered town by town, tryout 29 item 1).
    totals = (
        {(table.indicator.pk, whole.pk): _judged_total(table.total) for table in report.indicators}
        if whole is not None and chosen is None
        else None
    )
    report.targets = target_lines(city, year, month, owners, totals)
    if only is not None:
        report.targets = [line for line in report.targets if line.indicator.pk in only]
    report.sentences = _sentences(report)
    return report


def _judged_total(total: GroupFigure) -> tuple[Decimal | None, Decimal | Fraction | None]:
    """A group's total as its whole's own target is judged on: (value, growth exactly)."""
    return total.value, total.exact_growth if total.exact_growth is not None else total.growth


def target_lines(
    city: Region,
    year: int,
    month: int,
    regions: list[Region],
    totals: Mapping[tuple[int, int], tuple[Decimal | None, Decimal | Fraction | None]]
    | None = None,
) -> list[TargetLine]:
    """The year's targets of the regions with their standing after `month` (`standings`, with
    the `totals` standing in for a whole's figure not stored), whether or not the regions are in
    any peer group (a county's page follows its targets without one)."""
    targets = list(
        Target.objects.filter(indicator__city=city, year=year, region__in=regions).select_related(
            "indicator", "region"
        )
    )
    # Only a target broken down by hand has nodes to read (none: no query).
    prefetch_related_objects([t for t in targets if t.profile == Profile.BY_HAND], "nodes")
    return [
        TargetLine(target.region.name, target.indicator, seen)
        for target, seen in zip(targets, standings(targets, month, totals), strict=True)
    ]


def _table(
    indicator: Indicator,
    members: list[Region],
    whole: Region | None,
    year: int,
    month: int,
    chosen: Region | None,
    stored: StoredValues,
    entered: Mapping[int, IndicatorValue] | None = None,
    group: PeerGroup | None = None,
) -> IndicatorTable:
    """The indicator's table from the figures `stored` (read by `values_of` for its month,
    previous period and a year ago, members and whole); `entered` (by region id) stands in for
    the month's stored figures, as a form's approval would leave them; with the `group`, a
    reported 位次 only where it is a place in it (`_reported_here`)."""
    rule = indicator.rule
    current = readings(indicator, members, year, month, stored, entered)
    before = previous_period(month, Frequency(indicator.frequency))
    previous = readings(indicator, members, year, before, stored) if before else []
    a_year_ago = readings(indicator, members, year - 1, month, stored)
    reported = stored.get((indicator.pk, whole.pk, year, month)) if whole is not None else None
    total = group_figure(
        current,
        Kind(indicator.kind),
        reported_value=reported.value if reported else None,
        reported_growth=reported.reported_growth if reported else None,
        reported_last_year=reported.last_year_value if reported else None,
    )
    quarterly = Frequency(indicator.frequency) == Frequency.QUARTERLY
    lines = peer_table(
        current,
        rule,
        total,
        previous=previous,
        same_period_last_year=a_year_ago,
        no_figure_before=NO_QUARTER_FIGURE_BEFORE if quarterly else NO_FIGURE_BEFORE,
    )
    if group is not None:
        lines = [
            line
            if _reported_here(stored.get((indicator.pk, member.pk, year, month)), group)
            else replace(line, reported_rank=None)
            for line, member in zip(lines, members, strict=True)
        ]
    ranks = [line.rank for line in lines]
    ranked = sum(rank is not None for rank in ranks)
    display = value_display(indicator, lines, total)
    if chosen is not None:
        lines = [line for line, member in zip(lines, members, strict=True) if member == chosen]
    return IndicatorTable(
        indicator, total, lines, ranked, among_ranked(ranks, len(members)), display
    )


def _reported_here(stored: IndicatorValue | None, group: PeerGroup) -> bool:
    """Whether a stored 位次 is a place in `group`: the group its import checked it in
    (`IndicatorValue.rank_group`), else, not known, the top's own group only (tryout 21 (7): the
    同类县 table showed 修武县's 全市 place 8 beside its 4th among six)."""
    if stored is None or stored.reported_rank is None:
        return True
    if stored.rank_group_id is not None:
        return stored.rank_group_id == group.pk
    return group.short_name == whole_word(group.city)


def value_display(indicator: Indicator, lines: list[PeerFigures], total: GroupFigure) -> Display:
    """How the whole group's values (this period's, last year's, the total) are shown
    (`formatting.display_for`): in a unit fit to them (towns' 脱贫人口 in 人, not 0.13万人 each)
    and, ranked on the value, with the decimals that keep figures of different ranks apart —
    the same for one region's page as for the group's table."""
    by_value = indicator.rank_by == RankBy.VALUE
    values = [line.value for line in lines]
    return display_for(
        indicator.unit,
        indicator.places,
        [*values, *(line.last_year for line in lines), total.value],
        ranks=[*(line.rank for line in lines), *[None] * (len(lines) + 1)] if by_value else None,
    )


def _line(table: IndicatorTable, value, growth, rank=None, tied=False, group="") -> IndicatorLine:
    indicator = table.indicator
    return IndicatorLine(
        name=indicator.name,
        unit=indicator.unit,
        places=indicator.places,
        value=value,
        growth=growth,
        rank=rank,
        tied=tied,
        group=group,
        among=table.among,
        rank_by=RankBy(indicator.rank_by),
        kind=Kind(indicator.kind),
        lower_is_better=indicator.direction == Direction.LOWER,
    )


def _sentences(report: IndicatorReport) -> list[str]:
    """The group's performance per indicator; for a region its own with rank and change; the
    share of each amount target; at the half year, who has not reached 双过半
    (`targets.not_over_half`, in the group's order)."""
    said = performance_sentences(report)
    said += target_sentences(report.targets, named=True)  # a county's own too (tryout 21 (10))
    # 未实现“双过半”的有 names the members: the whole's own target is said in its sentence
    members = [t for t in report.targets if report.whole is None or t.region != report.whole.name]
    missed = not_over_half([(t.region, t.standing) for t in members], report.regions)
    if missed is not None:
        which: dict[str, list[str]] = {}
        for target in members:
            seen = target.standing
            if seen.judged_by_half and seen.both_over_half is False:
                which.setdefault(target.region, []).append(target.indicator.name)
        units = units_word(report.whole or report.city)
        said.append(not_both_over_half_sentence(missed, units, missed=which))
    return [sentence for sentence in said if sentence]


def performance_sentences(report: IndicatorReport) -> list[str]:
    """Per indicator, the group's performance, or for the region asked for its own with its
    place and move (1—6月，全市地区生产总值完成988.3亿元，同比增长9.0%，增速居全省第3位。 for
    the city among the province's cities); a sentence without a figure is ""."""
    short = report.group.short_name
    said = []
    counted = (
        _counted_together(report.indicators, report.month, short) if report.region is None else {}
    )
    for table in report.indicators:
        if report.region is None and table.indicator.name in counted:
            said.append(counted[table.indicator.name])
            continue
        if report.region is None:
            said.append(
                performance_sentence(
                    report.month, short, _line(table, table.total.value, table.total.growth)
                )
            )
            continue
        for line in table.lines:
            placed = _line(table, line.value, line.growth, line.rank, line.tied, short)
            if line.rank is not None and line.rank_change is not None:
                # the place and its move in one sentence: the place is said once
                since = previous_period_word(Frequency(table.indicator.frequency))
                placed = replace(placed, previous_rank=line.rank + line.rank_change, since=since)
            elif line.rank is not None:
                placed = replace(placed, move_note=line.move_note)
            said.append(
                performance_sentence(
                    report.month,
                    whole_word(report.city) if report.region == report.city else line.region,
                    placed,
                )
            )
    return said


# The parts of one subject counted in two indicators (赴京访批次 in 批, 赴京访人次 in 人次), said
# in one sentence as the seed does: 赴京访18批31人次，同比批次下降33.3%、人次下降66.7%。
COUNTED_PARTS = ("批次", "人次")


def _counted_together(tables: list[IndicatorTable], month: int, short: str) -> dict[str, str]:
    """By indicator name, the group's one sentence for a subject counted in 批次 and 人次 where
    both indicators have the group's value (`counts_sentence`): the first part's name gets the
    sentence, the second "" (said with it); the others are said alone (tryout 17)."""
    by_name = {table.indicator.name: table for table in tables}
    said: dict[str, str] = {}
    for name, table in by_name.items():
        subject = name.removesuffix(COUNTED_PARTS[0])
        other = by_name.get(f"{subject}{COUNTED_PARTS[1]}")
        if subject == name or other is None:
            continue
        parts = [table, other]
        if any(part.total.value is None for part in parts):
            continue
        counts = [
            Count(
                label,
                part.total.value,
                part.indicator.unit,
                part.indicator.places,
                part.total.growth,
            )
            for label, part in zip(COUNTED_PARTS, parts, strict=True)
        ]
        said[name] = f"{period_label(month)}，{counts_sentence(f'{short}{subject}', counts)}"
        said[other.indicator.name] = ""
    return said


def target_sentences(targets: list[TargetLine], *, named: bool) -> list[str]:
    """脱贫人口完成4.98万人，占全年目标任务的67.5%。 for each target with a figure, its year-end
    forecast (`forecast_sentence`) and a growth target's sentence (`growth_target_sentence`;
    tryout 21 (8): said only on the dashboard and in the table); `named`
    puts the region before the indicator (温县脱贫人口…), as every report and a county's page
    say it (tryout 21 (10): a line copied into a speech must say whose it is)."""
    said = []
    for target in targets:
        if target.standing.target is not None and target.standing.done is not None:
            indicator = target.indicator
            said.append(
                target_sentence(
                    f"{target.region}{indicator.name}" if named else indicator.name,
                    target.standing.done,
                    indicator.unit,
                    indicator.places,
                    target.standing.completion_rate,
                    kind=Kind(indicator.kind),
                    lower_is_better=indicator.direction == Direction.LOWER,
                    vs_target=target.standing.vs_target,
                    vs_pace=target.standing.vs_pace,
                    node_target=target.standing.node_target,
                    node_exact=target.standing.node_exact,
                )
            )
        subject = f"{target.region}{target.indicator.name}" if named else target.indicator.name
        said += [
            sentence
            for sentence in (
                forecast_sentence(subject, target.standing),
                growth_target_sentence(subject, target.standing),
            )
            if sentence
        ]
    return said


def region_places(report: IndicatorReport) -> list[str]:
    """One sentence per region of the report (`places_sentence`): its place among the group on
    each indicator and its move since the previous period, in the group's order; a region
    without any place is left out."""
    said = []
    for at, region in enumerate(report.regions):
        places = []
        for table in report.indicators:
            line, indicator = table.lines[at], table.indicator
            places.append(
                rank_change_sentence(
                    indicator.name,
                    RankBy(indicator.rank_by),
                    report.group.short_name,
                    line.rank,
                    None if line.rank_change is None else line.rank + line.rank_change,
                    tied=line.tied,
                    kind=Kind(indicator.kind),
                    since=previous_period_word(Frequency(indicator.frequency)),
                    among=table.among,
                    lower_is_better=indicator.direction == Direction.LOWER,
                    move_note=line.move_note,
                )
            )
        said.append(places_sentence(region, places))
    return [sentence for sentence in said if sentence]


def latest_report(city: Region) -> IndicatorReport | None:
    """The report of the city's own group for the latest month with figures; None before the
    first figure or without the city's group (the dashboard's warnings come from it)."""
    latest = latest_month(city)
    if latest is None:
        return None
    try:
        return build_report(city, *latest)
    except ReportError:
        return None


def latest_reports(city: Region, region: Region | None = None) -> list[IndicatorReport]:
    """The city's own group's reports at each indicator's latest month the group has reported
    (`selectors.latest_months`: as many of its members as ever have), latest month first, each
    of the indicators (and their targets) whose month it is: a month only partly in does not
    hide the others' (tryout 12), and a newer month only some members have reported is not
    ranked as if it were the whole group but said (`IndicatorReport.held_back`). `region`
    keeps one unit's lines and targets (a county office's own); none when it is not in the
    group."""
    try:
        group = find_group(city, None)
    except ReportError:
        return []
    latest = latest_months(city, group_members(group))
    reports = []
    periods = {indicator: (when.year, when.month) for indicator, when in latest.items()}
    for year, month in sorted(set(periods.values()), reverse=True):
        only = {indicator for indicator, when in periods.items() if when == (year, month)}
        try:
            report = build_report(
                city, year, month, region=region.name if region else None, only=only
            )
        except ReportError:
            return []
        names = {table.indicator.pk: table.indicator.name for table in report.indicators}
        names |= {target.indicator.pk: target.indicator.name for target in report.targets}
        report.held_back = [
            held_back_note(names[indicator], when, report.label)
            for indicator, when in latest.items()
            if indicator in only and indicator in names and when.newer is not None
        ]
        reports.append(report)
    return reports


def held_back_note(name: str, when: ShownMonth, label: str) -> str:
    """Why an indicator is shown at `label` (2025年1—5月) and not at its newer month only some
    have reported (`ShownMonth.newer`):
    固定资产投资2025年1—6月仅2个单位报送（2025年1—5月为10个），显示2025年1—5月."""
    year, month = when.newer  # type: ignore[misc]
    return (
        f"{name}{year}年{period_label(month)}仅{when.reporting}个单位报送"
        f"（{label}为{when.members}个），显示{label}"
    )


@dataclass(frozen=True)
class EntryFigures:
    """What an entered figure comes to before approval: `figures` (上年同期, growth: the same
    in every group) and its place in each peer group of its region, as (group's short name,
    the region's line of that group's table), in the groups' order; none outside every group."""

    figures: PeerFigures
    places: list[tuple[str, PeerFigures]] = field(default_factory=list)


def entry_figures(
    city: Region, year: int, month: int, lines: list[SubmissionLine]
) -> dict[tuple[int, int], EntryFigures]:
    """What a form's entered figures come to, by (indicator id, region id), before approval:
    上年同期 as given or the stored same period of last year, growth as reported or derived,
    and the place in every peer group the region belongs to (全市, 全省, 同类县…) with the
    others' stored figures — each the report's own table (`_table`, as `build_report` builds
    it for that group), so the form shows what the 指标调度 page and the county's page will
    once it is approved (tryout 12). A region in no group gets its figures without a place."""
    entered = [line for line in lines if line.entered is not None]
    if not entered:
        return {}
    regions = {line.region.pk: line.region for line in entered}
    groups = [
        (group, members := group_members(group), whole_of(group, members, city))
        for group in PeerGroup.objects.filter(city=city, members__in=list(regions)).distinct()
    ]
    indicators = list({line.indicator.pk: line.indicator for line in entered}.values())
    read = dict(regions)
    for _, members, whole in groups:
        read |= {region.pk: region for region in [*members, *([whole] if whole else [])]}
    stored = values_of(indicators, list(read.values()), {(year, month), (year - 1, month)})
    found: dict[tuple[int, int], EntryFigures] = {}
    for indicator in indicators:
        over = {
            line.region.pk: entered_over(
                stored.get((indicator.pk, line.region.pk, year, month)), line.entered
            )
            for line in entered
            if line.indicator == indicator
        }
        for group, members, whole in groups:
            table = _table(indicator, members, whole, year, month, None, stored, over, group)
            for region, line in zip(members, table.lines, strict=True):
                if region.pk in over:
                    key = (indicator.pk, region.pk)
                    found.setdefault(key, EntryFigures(line)).places.append(
                        (group.short_name, line)
                    )
        for pk in over.keys() - {key[1] for key in found if key[0] == indicator.pk}:
            table = _table(indicator, [regions[pk]], None, year, month, None, stored, over)
            found[(indicator.pk, pk)] = EntryFigures(replace(table.lines[0], rank=None))
    return found
