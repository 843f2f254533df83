"""An indicator's table for one peer group and period, as the 指标调度 page, the report and
its sentences use it: the group's total and each region's line with its growth, rank (并列),
rank changes against the previous period and the same period of last year, and difference from
the group in 个百分点. Plain functions over `Reading`s; the rules are in `arithmetic`."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from guanmo.figures.arithmetic import shown, tied
from guanmo.figures.changes import places_moved
from guanmo.indicators.arithmetic import (
    MOVES_NOT_COMPARABLE,
    NO_FIGURE_A_YEAR_AGO,
    NO_FIGURE_BEFORE,
    YEAR_MOVES_NOT_COMPARABLE,
    Reading,
    Rule,
    exact_group_growth,
    exact_growth,
    group_total,
    growth,
    moves_comparable,
    peer_ranks,
    vs_group,
)
from guanmo.indicators.choices import Kind


@dataclass(frozen=True)
class GroupFigure:
    """The group's own figure: its value (in the unit) and growth (% or 个百分点); the members
    whose missing figure (this period's, last year's) keeps an amount's total (its growth) from
    being computed, said in words (同类县合计：缺修武县数据，不计算)."""

    value: Decimal | None
    growth: Decimal | None
    lacking: tuple[str, ...] = ()
    lacking_last_year: tuple[str, ...] = ()
    growth_reported: bool = False  # the growth is the total's as reported, not computed
    # The members' summed amount where the stored whole's value differs from it (全市 134.60
    # against its counties' 108.39): said beside the table, never mixed into one sentence.
    summed: Decimal | None = None
    # The growth exactly (a derived one unrounded, a reported one as reported), as a member's
    # is compared with it (`arithmetic.vs_group`); `growth` shows it.
    exact_growth: Decimal | Fraction | None = field(default=None, compare=False)
    # Its 上年同期 (in the unit): the whole's stored one, else its members' summed (an amount's,
    # each had); what report.xlsx shows in its row (tryout 29 item 9: blank beside 168.0).
    last_year: Decimal | None = field(default=None, compare=False)

    def rate(self, kind: Kind) -> Decimal | Fraction | None:
        """What a member's rate is compared with, exactly: a ratio's value, otherwise the
        growth (`exact_growth`, else the growth as shown)."""
        if kind == Kind.RATIO:
            return self.value
        return self.exact_growth if self.exact_growth is not None else self.growth


@dataclass(frozen=True)
class PeerFigures:
    """A region's line in its peer group's table: value and last year (in the unit), growth
    (%, or 个百分点 for a ratio), rank (并列 when `tied`), places moved since the previous
    period and since the same period of last year (+ up, − down, None unknown), difference from
    the group (个百分点) and the rank the source reported."""

    region: str
    value: Decimal | None
    last_year: Decimal | None
    growth: Decimal | None
    rank: int | None
    tied: bool
    rank_change: int | None
    rank_change_year: int | None
    vs_group: Decimal | None
    reported_rank: int | None
    growth_reported: bool = False  # the growth is as reported (GDP's at comparable prices)
    # Why a ranked line has no move: the regions ranked differ between the periods
    # (`arithmetic.moves_comparable`); "" otherwise.
    move_note: str = ""
    move_note_year: str = ""


def group_figure(
    readings: Sequence[Reading],
    kind: Kind,
    *,
    reported_value: Decimal | None = None,
    reported_growth: Decimal | None = None,
    reported_last_year: Decimal | None = None,
) -> GroupFigure:
    """The group's figure, its value and growth always from one source (tryout 21: 全市134.60亿元
    from a 全省 sheet said with the counties' summed growth 4.4%, where its own is 11.6%):

    - the whole's stored row (the city's own, `reported_*`) where there is one: its value with its
      reported growth, or the growth derived from its value and last year's; the members' summed
      growth only where the stored value is their sum; a stored value differing from the sum
      keeps the sum in `summed`, to be said;
    - otherwise the members' summed amounts and the growth derived from them (`group_total`,
      `group_growth`), never the mean of their rates.

    An amount's total not computed for a member's missing figure names the members lacking it."""
    summed = group_total(readings, kind)
    if reported_value is None and reported_growth is None:
        value, rate = summed, exact_group_growth(readings, kind)
    else:
        value = reported_value
        whole = Reading("", reported_value, reported_last_year, reported_growth)
        rate = exact_growth(whole, kind)
        if rate is None and value is not None and value == summed:
            rate = exact_group_growth(readings, kind)
    if reported_value is None and reported_growth is None:
        last_year = group_total([Reading(r.region, r.last_year) for r in readings], kind)
    else:
        last_year = reported_last_year
    total = GroupFigure(
        value=value,
        growth=None if rate is None else shown(rate),
        exact_growth=rate,
        last_year=last_year,
        growth_reported=reported_growth is not None,
        summed=summed if value is not None and summed is not None and summed != value else None,
    )
    if kind != Kind.AMOUNT:
        return total
    lacking = tuple(r.region for r in readings if r.value is None)
    return replace(
        total,
        lacking=lacking if value is None else (),
        lacking_last_year=tuple(
            r.region for r in readings if r.value is not None and r.last_year is None
        )
        if total.growth is None and not lacking
        else (),
    )


def _ranks_by_region(readings: Sequence[Reading], rule: Rule) -> dict[str, int | None]:
    regions = [reading.region for reading in readings]
    if len(set(regions)) != len(regions):
        # Matching periods by name would give one region another's rank change.
        raise ValueError(f"同一比较组内地区名称重复：{'、'.join(sorted(regions))}")
    return dict(zip(regions, peer_ranks(readings, rule), strict=True))


def peer_table(
    readings: Sequence[Reading],
    rule: Rule,
    total: GroupFigure | None = None,
    *,
    previous: Sequence[Reading] = (),
    same_period_last_year: Sequence[Reading] = (),
    no_figure_before: str = NO_FIGURE_BEFORE,
) -> list[PeerFigures]:
    """Each reading's line, in the order given. Rank changes compare with the ranks the same
    group's readings of the `previous` period and of the `same_period_last_year` give (matched
    by region; None where a region was not ranked then), and only when the same regions are
    ranked in both periods (`arithmetic.moves_comparable`): otherwise no move, and each ranked
    line says why (`move_note`, `move_note_year`): a line not ranked then itself that it had
    no figure (`no_figure_before`, 上月无数据; 上年同期无数据), the others that the regions ranked
    differ; without `total`, `vs_group` is None. Raises ValueError when two readings of one
    period carry the same region name."""
    ranks = list(_ranks_by_region(readings, rule).values())
    before = _ranks_by_region(previous, rule)
    a_year_ago = _ranks_by_region(same_period_last_year, rule)
    group_rate = total.rate(rule.kind) if total is not None else None
    note = note_year = ""
    ranked_before = {region for region, rank in before.items() if rank is not None}
    ranked_a_year_ago = {region for region, rank in a_year_ago.items() if rank is not None}
    if not moves_comparable(readings, previous, rule):
        before, note = {}, MOVES_NOT_COMPARABLE
    if not moves_comparable(readings, same_period_last_year, rule):
        a_year_ago, note_year = {}, YEAR_MOVES_NOT_COMPARABLE

    def said(note: str, ranked_then: set[str], own: str, region: str) -> str:
        return own if note and region not in ranked_then else note

    return [
        PeerFigures(
            region=reading.region,
            value=reading.value,
            last_year=reading.last_year,
            growth=growth(reading, rule.kind),
            rank=rank,
            tied=shared,
            rank_change=places_moved(before.get(reading.region), rank),
            rank_change_year=places_moved(a_year_ago.get(reading.region), rank),
            vs_group=vs_group(reading, group_rate, rule),
            reported_rank=reading.reported_rank,
            growth_reported=reading.reported_growth is not None,
            move_note=said(note, ranked_before, no_figure_before, reading.region)
            if rank is not None
            else "",
            move_note_year=said(note_year, ranked_a_year_ago, NO_FIGURE_A_YEAR_AGO, reading.region)
            if rank is not None
            else "",
        )
        for reading, rank, shared in zip(readings, ranks, tied(ranks), strict=True)
    ]
