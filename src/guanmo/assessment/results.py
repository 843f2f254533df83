"""Publishing composite scores: two decimals half-up, competition ranks with 并列, classes by
thresholds or by shares, 一票否决 and unrated units, change against the previous cycle, and
where each unit lost its points.

Ranks and classes are taken on the published (shown) scores, so that two units printed with
the same score are 并列 and the table, the bulletin's sentence and the class always agree.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.arithmetic import competition_ranks, tied
from guanmo.figures.changes import places_moved
from guanmo.figures.formatting import half_up, in_words

SCORE_PLACES = 2
UNRATED = "不参评"  # the class shown for a unit the scheme exempts


def published_score(score: Decimal) -> Decimal:
    """A composite score as published: two decimals, half-up (92.345 → 92.35)."""
    return half_up(score, SCORE_PLACES)


class VetoEffect(StrEnum):
    """What 一票否决 does to a unit, as the scheme says: placed after every other unit (and in
    the lowest class), or left out of ranks and classes."""

    LAST = "排在末位"
    UNCLASSED = "不定等次"


def scored_units(
    units: Iterable[str],
    *,
    vetoed: Iterable[str] = (),
    exempt: Iterable[str] = (),
    veto_effect: VetoEffect = VetoEffect.LAST,
) -> list[str]:
    """The units whose values are scored and so shape one another's scores (the minimum and
    maximum of normalisation, means, entropy and CRITIC weights, TOPSIS ideals, ranks), in
    the order given: every unit but the exempt, and but the vetoed when the scheme leaves
    them unclassed (不定等次: left out as an exempt unit is). A unit vetoed and placed last
    (排在末位) is scored with the rest. The one rule of who counts (issue 13)."""
    left_out = set(exempt) | (set(vetoed) if veto_effect is VetoEffect.UNCLASSED else set())
    return [unit for unit in units if unit not in left_out]


@dataclass(frozen=True)
class ThresholdClasses:
    """Classes by score: the first bound the published score reaches (≥), else `below`.
    Bounds are (class, lowest score) from the highest down: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60."""

    bounds: tuple[tuple[str, Decimal], ...] = (
        ("优秀", Decimal(90)),
        ("良好", Decimal(80)),
        ("合格", Decimal(60)),
    )
    below: str = "不合格"

    @property
    def lowest(self) -> str:
        return self.below

    def of(self, score: Decimal, rank: int, count: int) -> str:
        """The class of a published score (rank and count unused: the same call as shares)."""
        for name, bound in self.bounds:
            if score >= bound:
                return name
        return self.below


SHARE_ROUNDING = (
    "（各等次累计比例×参评数向下取整定界，余数归入较低等次；名次并列跨越界限的，同入较高等次）"
)


@dataclass(frozen=True)
class ShareClasses:
    """Classes by shares of the ranked units, in percent from the top: A 20, B 40, C 35, D 5.

    A unit of rank r among n takes the first class whose cumulative share reaches r ÷ n (A
    when r ÷ n ≤ 20%, B when ≤ 60%, C when ≤ 95%, else D). Units tied at a boundary share
    the better competition rank and so all take the higher class; the next class has that
    many fewer places. The last-placed unit is in the last class whenever its share is above
    zero, however few units there are (1 of 7 in D at 5%).
    """

    shares: tuple[tuple[str, Decimal], ...] = (
        ("A", Decimal(20)),
        ("B", Decimal(40)),
        ("C", Decimal(35)),
        ("D", Decimal(5)),
    )

    def __post_init__(self) -> None:
        total = sum((share for _, share in self.shares), Decimal(0))
        if total != 100 or any(share < 0 for _, share in self.shares):
            raise ValueError(f"各等次比例应为非负数且合计100%，现合计{total}%")

    @property
    def lowest(self) -> str:
        return self.shares[-1][0]

    def bounds(self, count: int) -> list[tuple[str, int]]:
        """The last place of each class among `count` ranked units: the class's cumulative
        share × count, rounded down (34 units: A 20% → 6.8 → 6, B to 60% → 20.4 → 20, C to 95%
        → 32.3 → 32, D the rest to 34). The one rounding rule of classes by shares: a place
        is in a class only when it lies wholly within the class's cumulative share, so the
        last class takes what the shares above leave (34 × 5% = 1.7 → 2 firms). Source: the
        issue's "A top 20%, B next 40%, C next 35%, D last 5%" read as cumulative shares of
        places; the exact count of a share is rarely whole, and the lower class keeps the
        fraction so that no unit is put in a better class than its place."""
        cumulative, bounds = Decimal(0), []
        for name, share in self.shares:
            cumulative += share
            bounds.append((name, int(cumulative * count // 100)))
        return bounds

    def class_counts(self, count: int) -> dict[str, int]:
        """How many of `count` ranked units each class holds without ties (`bounds`):
        {A: 6, B: 14, C: 12, D: 2} of 34."""
        counts, above = {}, 0
        for name, bound in self.bounds(count):
            counts[name] = bound - above
            above = bound
        return counts

    def rule_text(self, count: int) -> str:
        """The rule as applied to `count` units (`bounds`): each class's cumulative share ×
        count floored to its last place, the places and how many that gives (B类其后40%：累计
        60%，12×60%=7.2，向下取整为7，即第3至7名，共5家), the last class the rest, and what ties
        at a boundary do."""
        said, cumulative, above = [], Decimal(0), 0
        for position, ((name, share), (_, bound)) in enumerate(
            zip(self.shares, self.bounds(count), strict=True)
        ):
            cumulative += share
            places = ""
            if bound > above:
                places = (
                    f"第{above + 1}名，" if bound == above + 1 else f"第{above + 1}至{bound}名，"
                )
            if position == len(self.shares) - 1:
                said.append(f"{name}类后{share.normalize():f}%：其余{places}共{bound - above}家")
            else:
                exact = f"{(cumulative * count / 100).normalize():f}"
                where = "前" if position == 0 else "其后"
                running = "" if position == 0 else f"累计{cumulative.normalize():f}%，"
                said.append(
                    f"{name}类{where}{share.normalize():f}%：{running}{count}×"
                    f"{cumulative.normalize():f}%={exact}，向下取整为{bound}，"
                    f"{'即' + places if places else ''}共{bound - above}家"
                )
            above = bound
        return "；".join(said) + SHARE_ROUNDING

    def of(self, score: Decimal, rank: int, count: int) -> str:
        """The class of rank `rank` among `count` ranked units (score unused), by `bounds`."""
        for name, bound in self.bounds(count):
            if rank <= bound:
                return name
        return self.lowest


Classes = ThresholdClasses | ShareClasses


@dataclass(frozen=True)
class UnitResult:
    """One unit's published result. `score` is two decimals half-up (None for an exempt unit
    without one); `rank` None when unranked (exempt, or vetoed with UNCLASSED); `grade` is
    the class, UNRATED for an exempt unit, None for one vetoed with UNCLASSED."""

    unit: str
    score: Decimal | None
    rank: int | None
    tied: bool
    grade: str | None
    vetoed: bool = False
    rated: bool = True


def rank_and_classify(
    scores: Mapping[str, Decimal | None],
    classes: Classes,
    *,
    vetoed: frozenset[str] = frozenset(),
    exempt: frozenset[str] = frozenset(),
    veto_effect: VetoEffect = VetoEffect.LAST,
) -> list[UnitResult]:
    """Published scores, ranks and classes for every unit, in the order of `scores`.

    Rated units not vetoed are ranked by published score (competition ranks, 并列 shared) and
    classed. Vetoed units (一票否决) with LAST are ranked after all of them, among themselves
    by score, in the lowest class, and count among the units the shares are taken of (they
    fill the last class first); with UNCLASSED they have no rank and no class (and no score
    when scored as `scored_units` says: None). Exempt units are neither ranked nor classed
    (UNRATED). Raises ValueError when a unit to be rated has no score.
    """
    published: dict[str, Decimal | None] = {}
    counted = scored_units(scores, vetoed=vetoed, exempt=exempt, veto_effect=veto_effect)
    for unit, score in scores.items():
        if score is None and unit in counted:
            raise ValueError(f"{unit}没有综合得分，无法排名")
        published[unit] = None if score is None else published_score(score)
    regular = [u for u in published if u not in exempt and u not in vetoed]
    last = [u for u in published if u not in exempt and u in vetoed]
    if veto_effect is VetoEffect.UNCLASSED:
        last = []
    ranks: dict[str, int | None] = dict.fromkeys(published)
    ties: dict[str, bool] = dict.fromkeys(published, False)
    for group, offset in ((regular, 0), (last, len(regular))):
        group_ranks = competition_ranks([published[u] for u in group])
        for unit, rank, is_tied in zip(group, group_ranks, tied(group_ranks), strict=True):
            ranks[unit] = None if rank is None else rank + offset
            ties[unit] = is_tied
    results = []
    for unit, score in published.items():
        rank = ranks[unit]
        if unit in exempt:
            grade: str | None = UNRATED
        elif unit in vetoed:
            grade = classes.lowest if veto_effect is VetoEffect.LAST else None
        else:
            grade = classes.of(score, rank, len(regular) + len(last))  # type: ignore[arg-type]
        results.append(
            UnitResult(unit, score, rank, ties[unit], grade, unit in vetoed, unit not in exempt)
        )
    return results


def rank_change_words(previous: int | None, current: int | None) -> str:
    """A rank's change against the previous cycle as assessment bulletins say it: 进位N位,
    退位N位, 位次不变; "" when either cycle has no rank (ranks 1 first: 54 → 97 is 退位43位)."""
    return places_moved_words(places_moved(previous, current))


def places_moved_words(moved: int | None) -> str:
    """Places moved (+ up) in words: 进位N位, 退位N位, 位次不变; "" when unknown."""
    return in_words(moved, "进位{}位", "退位{}位", "位次不变")


Contributions = Mapping[str, Mapping[str, Decimal]]


def points_lost_to(contributions: Contributions, first: str) -> dict[str, dict[str, Decimal]]:
    """For each unit and indicator, the points unit `first` (usually the first-placed) scored
    more than it ("大分小分都是分": where its place was lost); negative where the unit scored more.

    Shape: {unit: {indicator: points}} from {unit: {indicator: points in the composite}}.
    """
    leader = contributions[first]
    return {
        unit: {name: leader[name] - points for name, points in own.items()}
        for unit, own in contributions.items()
    }


def points_behind_best(contributions: Contributions) -> dict[str, dict[str, Decimal]]:
    """For each unit and indicator, the points it is behind the best unit on that indicator
    (0 for the best). Shape as `points_lost_to`."""
    names = {name for own in contributions.values() for name in own}
    best = {name: max(own[name] for own in contributions.values()) for name in names}
    return {
        unit: {name: best[name] - points for name, points in own.items()}
        for unit, own in contributions.items()
    }


def first_placed(results: Sequence[UnitResult]) -> str | None:
    """The unit ranked first (the earliest given when several are 并列 first), None if none."""
    return next((result.unit for result in results if result.rank == 1), None)
