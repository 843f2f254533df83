"""An annual amount broken down into quarter, month and ten-day (旬) amounts, 以旬保月、以月保季、
以季保年: the year is shared among its quarters, each quarter among its months, each month among
its three 旬, every time by the largest remainder (`guanmo.figures.apportion`) to the unit's
step, so every level sums exactly to the level above and to the whole. Indicator targets
(indicators.targets) and a project's planned investment curve (ledger.curve) are both broken
down so; the weights are equal, a seasonal shape (last year's), or set by hand.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from guanmo.figures.apportion import Weight, apportion

MONTHS = 12
MONTHS_IN_QUARTER = 3
TEN_DAYS_IN_MONTH = 3


@dataclass(frozen=True)
class Breakdown:
    """An annual amount target shared out: 4 quarters, 12 months and 36 旬, each the amount due
    in that period (not cumulative), each level summing exactly to `target`, each a multiple of
    `step`. A `ceiling`'s 旬 fall due late in their month (`ceiling_nodes`), a target's early.
    """

    target: Decimal
    quarters: tuple[Decimal, ...]
    months: tuple[Decimal, ...]
    step: Decimal
    ceiling: bool = False
    # The exact share of the year due by the end of each month (cumulative, unrounded: the
    # weights' own), which a forecast extrapolates by (`due_share`); () for the months' own.
    shares: tuple[Fraction, ...] = ()
    coarse: bool = False  # the step is coarse for the target (`is_coarse`): nodes rounded so

    def due_share(self, month: int) -> Fraction:
        """The exact share of the target due by the end of `month` (0—1) by the profile, before
        any rounding of the nodes to the step: a forecast extrapolates the year by it, so that a
        node rounded to a whole 批 (1 of 2 by November, rounded down) does not double it. Without
        `shares`, the months' own amounts (set by hand) give it. Raises ValueError out of
        range."""
        if not 1 <= month <= MONTHS:
            raise ValueError(f"月份应为1至12，而不是{month}")
        if self.shares:
            return self.shares[month - 1]
        if not self.target:
            return Fraction(0)
        return Fraction(self.node(month)) / Fraction(self.target)

    def due_percent(self, month: int) -> Fraction | None:
        """序时进度 exactly: the share of the target due by the end of `month` in % (`due_share`
        × 100), never the node rounded to the step (tryout 29: 平均分解's 9月 is 75%, not
        18.8亿 of 25 = 75.2%; 2批's May is 41.67%, not its 0批 node). Every pace, gap, warning
        and 双过半 judgement compares with it, rounded once at the end. None for a zero target.
        Raises ValueError out of range."""
        share = self.due_share(month)
        return share * 100 if self.target else None

    @cached_property
    def ten_days(self) -> tuple[Decimal, ...]:
        """The 36 旬 (made when first asked: a month's node does not need them). With the
        profile's `shares`: each 旬's node is its month's exact share at a third, two thirds and
        the whole, rounded as the months' (`rounded_node`), each 旬 the step between two nodes.
        Set by hand: each month's amount shared equally among its three by the largest
        remainder, a ceiling's rounded down, the leftovers in the later 旬."""
        if self.shares:
            units = Fraction(self.target) / Fraction(self.step)
            nodes, before = [], Fraction(0)
            for share in self.shares:
                for third in range(1, TEN_DAYS_IN_MONTH + 1):
                    exact = units * (before + (share - before) * third / TEN_DAYS_IN_MONTH)
                    nodes.append(rounded_node(exact, coarse=self.coarse, ceiling=self.ceiling))
                before = share
            return tuple(
                (node - previous) * self.step
                for previous, node in zip([0, *nodes[:-1]], nodes, strict=True)
            )
        if self.ceiling:
            return tuple(
                share
                for amount in self.months
                for share in ceiling_shares(amount, [1] * TEN_DAYS_IN_MONTH, self.step)
            )
        return tuple(
            share
            for amount in self.months
            for share in apportion(amount, [1] * TEN_DAYS_IN_MONTH, self.step)
        )

    def exact_node(self, month: int) -> Fraction:
        """The amount due by the end of `month` exactly by the profile (target × `due_share`),
        before rounding to the step: said beside a node rounded away from it
        (2批（按序时应为2.5批）)."""
        return Fraction(self.target) * self.due_share(month)

    def node(self, month: int, ten_day: int | None = None) -> Decimal:
        """The node target: the cumulative amount due by the end of `month` (1—12), or by the
        end of its `ten_day`-th 旬 (1 上旬, 2 中旬, 3 下旬). Raises ValueError out of range."""
        if not 1 <= month <= MONTHS:
            raise ValueError(f"月份应为1至12，而不是{month}")
        if ten_day is None:
            return sum(self.months[:month], Decimal(0))
        if not 1 <= ten_day <= TEN_DAYS_IN_MONTH:
            raise ValueError(f"旬应为1（上旬）至3（下旬），而不是{ten_day}")
        return sum(self.ten_days[: (month - 1) * TEN_DAYS_IN_MONTH + ten_day], Decimal(0))

    def quarter_node(self, quarter: int) -> Decimal:
        """The cumulative amount due by the end of `quarter` (1—4)."""
        if not 1 <= quarter <= MONTHS // MONTHS_IN_QUARTER:
            raise ValueError(f"季度应为1至4，而不是{quarter}")
        return sum(self.quarters[:quarter], Decimal(0))


def equal_weights() -> list[Weight]:
    """The equal profile: every month the same share (its node is time progress)."""
    return [1] * MONTHS


def seasonal_weights(
    last_year_cumulative: Mapping[int, Decimal], *, every_month: bool = False
) -> list[Fraction]:
    """The seasonal profile (以年终目标倒推 by last year's shape): twelve monthly weights from
    last year's cumulative (1—M月) figures keyed by month. A month between two known ones (a
    quarterly indicator's) shares its stretch's increase equally with the others in it.
    `every_month`: the figures are monthly, so a month missing is a gap in last year's data,
    not a stretch to share out — refused, naming the months (tryout 26 item 3: a monthly
    indicator's 1—3月 and 7—11月 were filled with a straight line without a word) — except
    January where February's 1—2月 is had: statistics publish 固定资产投资 from 1—2月, which
    covers both months, shared equally (tryout 29 item 3; the 1月 node is said to be so,
    `indicators.targets.FIRST_TWO_MONTHS`).

    Raises ValueError when December is missing (the year's shape needs the whole year), with
    `every_month` when any month is missing, or when a cumulative figure falls (a revision the
    office must resolve first)."""
    if MONTHS not in last_year_cumulative:
        raise ValueError("按上年进度分解需要上年12月（全年）的累计数")
    if every_month:
        missing = [month for month in range(1, MONTHS + 1) if month not in last_year_cumulative]
        if 1 in missing and 2 in last_year_cumulative:
            missing.remove(1)  # 1—2月 covers January (固定资产投资 is published from 1—2月)
        if missing:
            named = "、".join(f"{month}月" for month in missing)
            raise ValueError(
                f"上年缺{len(missing)}个月的数据（{named}），按月统计的指标按上年进度分解"
                "需要上年每个月的累计数"
            )
    weights: list[Fraction] = []
    previous_month, previous = 0, Decimal(0)
    for month in sorted(last_year_cumulative):
        if not 1 <= month <= MONTHS:
            raise ValueError(f"月份应为1至12，而不是{month}")
        cumulative = last_year_cumulative[month]
        if cumulative < previous:
            raise ValueError(
                f"上年{month}月累计数{cumulative}小于{previous_month}月的{previous}，无法按上年进度分解"
            )
        months = month - previous_month
        weights += [Fraction(cumulative - previous) / months] * months
        previous_month, previous = month, cumulative
    return weights


def ceiling_shares(amount: Decimal, weights: Sequence[Weight], step: Decimal) -> list[Decimal]:
    """`amount` shared by `weights` so that no cumulative share exceeds its exact one: each
    cumulative node is amount × (weights so far ÷ all weights) rounded down to `step`, each
    share the step between two nodes; the shares sum to `amount` exactly, the steps left over
    falling to the latest shares. Raises ValueError (in Chinese) as `apportion` does."""
    # apportion checks the amount, step and weights and gives nothing wrong to share out
    apportion(amount, weights, step)
    units = Fraction(amount) / Fraction(step)
    total = sum((Fraction(weight) for weight in weights), Fraction(0))
    shares, so_far, node = [], Fraction(0), 0
    for weight in weights:
        so_far += Fraction(weight)
        reached = math.floor(units * so_far / total)
        shares.append((reached - node) * step)
        node = reached
    return shares


# A step is coarse when it is 1% of the target or more (fewer than 100 steps in the year: 5批,
# 10个村): rounding a node half-up would move its share by half a point or more (5批's June
# node 2.5 → 3 is 60%), so a ceiling's node is rounded down and a target's up instead.
COARSE_STEPS = 100


def is_coarse(target: Decimal, step: Decimal) -> bool:
    """Whether `step` is coarse for `target` (`COARSE_STEPS`); a zero target is not."""
    return 0 < Fraction(target) / Fraction(step) < COARSE_STEPS


def rounded_node(exact: Fraction, *, coarse: bool, ceiling: bool) -> int:
    """A node in whole steps from its exact cumulative amount in steps (tryout 21 (3): equal
    nodes front-loaded, 5000人's June node 2600, 52%): half-up, so that an equal breakdown's
    node is time progress as closely as the step allows (5000人 → 2500 by June); where the step
    is coarse (`is_coarse`) a ceiling's rounded down (never allowed ahead of its share: 5批 →
    2 by June) and a target's up (never judged on less than its share)."""
    if coarse and ceiling:
        return math.floor(exact)
    if coarse:
        return math.ceil(exact)
    return math.floor(exact + Fraction(1, 2))


def break_down(
    target: Decimal, weights: Sequence[Weight], step: Decimal, *, ceiling: bool = False
) -> Breakdown:
    """An amount target broken down by twelve monthly `weights` (equal or seasonal) to `step`
    (the unit's real step: `indicators.arithmetic.Rule.target_step`).

    The rule (issue 12: "sums exactly to the annual target"; tryout 21 (3)): each month's
    cumulative node is the exact share of the target due by then (target × weights so far ÷
    all weights) rounded to the step by `rounded_node`, half-up except where the step is
    coarse; a month's amount is the difference of two nodes, a quarter's the sum of its months,
    a 旬's node its month's exact share at a third and two thirds rounded alike
    (`Breakdown.ten_days`). December's node is the target itself, so every level sums to it
    exactly, and the nodes only grow. Raises ValueError (in Chinese) for a target off the
    step, negative weights, or weights that are all zero."""
    if len(weights) != MONTHS:
        raise ValueError(f"分解权重应为12个月，而不是{len(weights)}个")
    # apportion checks the target, step and weights (its shares are not used)
    apportion(target, weights, step)
    shares = _cumulative_shares(weights)
    coarse = is_coarse(target, step)
    units = Fraction(target) / Fraction(step)
    nodes = [rounded_node(units * share, coarse=coarse, ceiling=ceiling) for share in shares]
    monthly = tuple(
        (node - before) * step for before, node in zip([0, *nodes[:-1]], nodes, strict=True)
    )
    quarterly = tuple(
        sum(monthly[q : q + MONTHS_IN_QUARTER], Decimal(0))
        for q in range(0, MONTHS, MONTHS_IN_QUARTER)
    )
    return Breakdown(target, quarterly, monthly, step, ceiling, shares, coarse)


def _cumulative_shares(weights: Sequence[Weight]) -> tuple[Fraction, ...]:
    """Each month's exact cumulative share of the year by `weights` (checked non-negative and
    not all zero by `apportion` before)."""
    total = sum((Fraction(weight) for weight in weights), Fraction(0))
    shares, so_far = [], Fraction(0)
    for weight in weights:
        so_far += Fraction(weight)
        shares.append(so_far / total)
    return tuple(shares)


def break_down_by_hand(
    target: Decimal, months: Sequence[Decimal], step: Decimal, *, ceiling: bool = False
) -> Breakdown:
    """An amount target whose twelve monthly amounts the office set by hand; quarters are their
    sums, 旬 the equal thirds (a `ceiling`'s late in the month, `Breakdown.ten_days`). Raises
    ValueError unless there are twelve non-negative amounts on the step summing exactly to the
    target."""
    if len(months) != MONTHS:
        raise ValueError(f"手工分解应填写12个月的数额，而不是{len(months)}个")
    for month, amount in enumerate(months, start=1):
        if amount < 0:
            raise ValueError(f"{month}月的分解数额不能为负数：{amount}")
        if amount % step:
            raise ValueError(f"{month}月的分解数额{amount}不是最小单位{step}的整数倍")
    total = sum(months, Decimal(0))
    if total != target:
        raise ValueError(f"12个月的分解数额合计{total}，与全年目标{target}不一致")
    quarters = tuple(
        sum(months[q : q + MONTHS_IN_QUARTER], Decimal(0))
        for q in range(0, MONTHS, MONTHS_IN_QUARTER)
    )
    return Breakdown(target, quarters, tuple(months), step, ceiling=ceiling)
