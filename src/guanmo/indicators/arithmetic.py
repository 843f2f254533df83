"""An indicator's figures among its peers, as the statistics bureau's tables and the speeches
use them (issue 12, "Arithmetic"): growth, a group's figure, ranks, rank changes and the
difference from the group.

Plain functions over `Reading`s (one region's figures for one indicator and period), exact
Decimals, percentages to one decimal half-up through `guanmo.figures`. Units: a value is in its
indicator's unit (亿元, 万人, 批, % for a ratio); an amount's growth is in %; a ratio's change,
and any difference of two rates, is in 个百分点.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from guanmo.figures.arithmetic import (
    competition_ranks,
    exact_growth_rate,
    placed_ranks,
    points_apart,
    shown,
)
from guanmo.indicators.choices import Direction, Frequency, Kind, RankBy, is_summed

QUARTER_ENDS = (3, 6, 9, 12)
# What every refusal of a quarterly indicator's off-quarter month says of it.
QUARTER_ONLY = "只在3、6、9、12月有数"


@dataclass(frozen=True)
class Rule:
    """How an indicator's figures are compared: its kind, whether higher or lower is better,
    whether it is ranked on growth or value, and the decimals its value is shown to."""

    kind: Kind = Kind.AMOUNT
    direction: Direction = Direction.HIGHER
    rank_by: RankBy = RankBy.GROWTH
    places: int = 2
    unit: str = ""  # the indicator's unit (万人, 批, 亿元): a counted unit's real step

    @property
    def step(self) -> Decimal:
        """The smallest amount shown (0.01 at two places): the grain of a target's breakdown."""
        return Decimal(1).scaleb(-self.places)

    def target_step(self, amount: Decimal) -> Decimal:
        """The grain a target of `amount` is broken down to: the unit's real step — one of what
        a counted unit counts (1人 for 万人 is 0.0001万人, 1批; `whole_step`), else the decimals
        shown (`step`) — or the target's own when it is typed finer (112345万元 of an indicator in
        亿元 is 11.2345亿元, broken down to 0.0001亿元 = 1万元), so that the breakdown sums
        exactly to the target as given (issue 12: "sums exactly to the annual target"; tryout 11
        E refused it; tryout 21 (3): 万人's two decimals made 100人 steps). A target is kept to
        six decimals (`models.MAX_PLACES`), which the importer checks."""
        exponent = amount.normalize().as_tuple().exponent
        own = Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else 1
        return min(whole_step(self.unit) or self.step, Decimal(own))


# Units counting whole things (people, 批, villages): a target of them is never broken down
# into fractions of one.
COUNTED = frozenset({"人", "人次", "户", "个", "批", "座", "家", "项", "村", "件"})


def whole_step(unit: str) -> Decimal | None:
    """One of what a counted `unit` counts, in the unit: 1 for 人 or 批, 0.0001 for 万人; None
    for a unit of measure (亿元, 亩, %), whose step is its decimals."""
    text = unit.strip()
    for prefix, size in (("", 1), ("万", 10**4), ("亿", 10**8)):
        if text.startswith(prefix) and text.removeprefix(prefix) in COUNTED:
            return Decimal(1) / Decimal(size)
    return None


@dataclass(frozen=True)
class Reading:
    """One region's figures for an indicator and period: the cumulative value (1—M月), the
    same period of last year, and the growth and rank the source reported, where it did."""

    region: str
    value: Decimal | None
    last_year: Decimal | None = None
    reported_growth: Decimal | None = None
    reported_rank: int | None = None


def growth(reading: Reading, kind: Kind) -> Decimal | None:
    """The reading's growth, to one decimal half-up: as reported when it was (GDP growth is at
    comparable prices and cannot be derived from the amounts), otherwise derived from this and
    last year's figures (`exact_growth`, shown).

    An amount's or an average's growth is in % (`growth_rate`: None without a positive last
    year); a ratio's is its change in 个百分点 (56.04% against 55.25% is 0.8, the exact gap
    rounded once: `points_apart`).
    """
    exact = exact_growth(reading, kind)
    return None if exact is None else shown(exact)


def exact_growth(reading: Reading, kind: Kind) -> Decimal | Fraction | None:
    """The reading's growth exactly, as compared with a target or the group's (`points_apart`):
    a reported growth as reported (given to one decimal, it is exact as given), a derived one
    unrounded (`exact_growth_rate`), a ratio's change its value less last year's. None as
    `growth`."""
    if reading.reported_growth is not None:
        return reading.reported_growth
    if kind == Kind.RATIO:
        if reading.value is None or reading.last_year is None:
            return None
        return reading.value - reading.last_year
    return exact_growth_rate(reading.value, reading.last_year)


def group_total(readings: Sequence[Reading], kind: Kind = Kind.AMOUNT) -> Decimal | None:
    """A group's value: the sum of its members' amounts, None when any is missing (a partial
    sum would be a wrong figure) and for a ratio or an average (their sum means nothing)."""
    if not is_summed(kind) or not readings or any(r.value is None for r in readings):
        return None
    return sum((r.value for r in readings if r.value is not None), Decimal(0))


def group_growth(
    readings: Sequence[Reading], kind: Kind, reported: Decimal | None = None
) -> Decimal | None:
    """A group's (the city's, the province's) growth: as reported for the total when it was,
    otherwise from the summed amounts of this and last year — never the mean of the members'
    rates. None when a member lacks either figure, and for a ratio or an average not reported
    (their group figure needs the numerators and denominators behind them)."""
    exact = exact_group_growth(readings, kind, reported)
    return None if exact is None else shown(exact)


def exact_group_growth(
    readings: Sequence[Reading], kind: Kind, reported: Decimal | None = None
) -> Decimal | Fraction | None:
    """`group_growth` exactly (a reported one as reported, a derived one unrounded), as a
    member's growth is compared with it (`vs_group`)."""
    if reported is not None:
        return reported
    if not is_summed(kind) or not readings:
        return None
    if any(r.value is None or r.last_year is None for r in readings):
        return None
    value = sum((r.value for r in readings if r.value is not None), Decimal(0))
    last_year = sum((r.last_year for r in readings if r.last_year is not None), Decimal(0))
    return exact_growth_rate(value, last_year)


def comparable_rate(reading: Reading, rule: Rule) -> Decimal | Fraction | None:
    """The rate compared with the group's in 个百分点, exactly: an amount's growth (%,
    `exact_growth`), a ratio's value as stored."""
    if rule.kind == Kind.RATIO:
        return reading.value
    return exact_growth(reading, rule.kind)


def rank_basis(reading: Reading, rule: Rule) -> Decimal | None:
    """What the reading is ranked on: its growth (the rate to one decimal, as published and
    derived), or its stored value exactly, not as shown: 0.0512 and 0.0487万人 both show as
    0.05 but are 512 and 487 people, so they do not share a place (并列 only for equal stored
    values). A 0 is a figure and ranked; a missing value (None) is not."""
    if rule.rank_by == RankBy.GROWTH:
        return growth(reading, rule.kind)
    return reading.value


def peer_ranks(readings: Sequence[Reading], rule: Rule) -> list[int | None]:
    """Competition ranks within a peer group (1 is best; ties share a place, 并列) by the
    rule's basis and direction, one per reading in order; a reading without its basis (no value,
    no growth) is unranked (None), and so is every reading when only one has its basis or all
    share first place (`figures.arithmetic.placed_ranks`: such a place is no place)."""
    basis = [rank_basis(reading, rule) for reading in readings]
    ranks = competition_ranks(basis, higher_is_better=rule.direction == Direction.HIGHER)
    return placed_ranks(ranks)


# Said instead of a move when the regions ranked differ between the two periods (tryout 26
# item 2: 温县 2nd of 2 in May and 4th of 5 in June was "后移2位", though still behind 修武县).
MOVES_NOT_COMPARABLE = "上期参与排名的单位不同，位次变化不可比"
YEAR_MOVES_NOT_COMPARABLE = "上年同期参与排名的单位不同，位次变化不可比"
# Said instead for the unit itself not ranked in the earlier period, having no figure then
# (tryout 29 item 11: 西村乡 without 4月 was told 上期参与排名的单位不同), by the period's word.
NO_FIGURE_BEFORE = "上月无数据"
NO_QUARTER_FIGURE_BEFORE = "上季度无数据"
NO_FIGURE_A_YEAR_AGO = "上年同期无数据"


def moves_comparable(current: Sequence[Reading], earlier: Sequence[Reading], rule: Rule) -> bool:
    """Whether rank moves from the `earlier` period to the `current` one compare like with
    like: the same regions are ranked in both (`peer_ranks`; matched by region name). A place
    taken among 2 regions and one among 5 are not comparable, so no move is stated between
    them (the one rule of every face: text, page, .xlsx, .docx, dashboard warnings). True when
    either period ranks nobody: then there is no move to state anyway."""
    before = {r.region for r, rank in zip(earlier, peer_ranks(earlier, rule), strict=True) if rank}
    now = {r.region for r, rank in zip(current, peer_ranks(current, rule), strict=True) if rank}
    return not before or not now or before == now


def rank_disagreements(
    readings: Sequence[Reading], ranks: Sequence[int | None]
) -> list[tuple[str, int, int | None]]:
    """Readings whose reported 位次 differs from the computed rank: (region, reported, computed).

    Only meaningful when the readings are the whole group the source ranked."""
    return [
        (reading.region, reading.reported_rank, rank)
        for reading, rank in zip(readings, ranks, strict=True)
        if reading.reported_rank is not None and reading.reported_rank != rank
    ]


def vs_group(reading: Reading, group_rate: Decimal | Fraction | None, rule: Rule) -> Decimal | None:
    """The reading's rate minus its group's, in 个百分点, the exact gap rounded once
    (`points_apart`: 高于/低于全市平均水平); `group_rate` is the group's growth (amounts,
    `GroupFigure.rate`: exact where derived) or value (ratios). None if either is
    undefined."""
    return points_apart(comparable_rate(reading, rule), group_rate)


def check_period(month: int, frequency: Frequency) -> None:
    """Raise ValueError (in Chinese) unless `month` ends a period of the frequency: any month
    for a monthly indicator, 3, 6, 9 or 12 for a quarterly one."""
    if not 1 <= month <= 12:
        raise ValueError(f"月份应为1至12，而不是{month}")
    if frequency == Frequency.QUARTERLY and month not in QUARTER_ENDS:
        raise ValueError(f"季度指标{QUARTER_ONLY}，而不是{month}月")


def previous_period(month: int, frequency: Frequency) -> int | None:
    """The month of the previous period of the same year (May before June, March before June
    for a quarterly indicator); None for the year's first period. Raises ValueError for a
    month that is not a period of the frequency."""
    check_period(month, frequency)
    step = 3 if frequency == Frequency.QUARTERLY else 1
    return month - step or None
