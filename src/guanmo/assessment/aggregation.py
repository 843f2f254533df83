"""Combining one unit's indicator scores into its composite score, and its 加分/扣分.

Weighted arithmetic is the default (Σ w × s, fully compensatory: a strong indicator makes up
for a weak one); weighted geometric is partly compensatory (Π s^w, weights normalised to sum
1), with a stated floor because one zero would zero the product whatever else the unit did;
TOPSIS ranks units by their closeness to the ideal unit, on vector-normalised raw values.

Source: OECD/JRC Handbook on Constructing Composite Indicators (2008) §6 (aggregation);
Hwang & Yoon, Multiple Attribute Decision Making (1981) for TOPSIS.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import by_hand

IndicatorScores = Mapping[str, Decimal | None]
DEFAULT_GEOMETRIC_FLOOR = Decimal(1)  # on the 0–100 scale: a score below 1 counts as 1


def _checked(scores: IndicatorScores, weights: Mapping[str, Decimal], unit: str) -> dict:
    checked = {}
    for name in weights:
        score = scores.get(name)
        if score is None:
            raise ValueError(f"{unit}缺少指标“{name}”的得分，无法汇总")
        checked[name] = score
    return checked


def contributions(
    scores: IndicatorScores, weights: Mapping[str, Decimal], *, unit: str = "该单位"
) -> dict[str, Decimal]:
    """Each indicator's points in the composite: weight × score ({indicator: points}).

    Weights are used as given: fractions (0.2) on 0–100 scores give points out of 100, a
    weight of 1 keeps a form that already scores in points (ratio to a benchmark). Raises
    ValueError naming the unit and indicator when a weighted indicator has no score.
    """
    checked = _checked(scores, weights, unit)
    return {name: weight * checked[name] for name, weight in weights.items()}


def weighted_arithmetic(
    scores: IndicatorScores, weights: Mapping[str, Decimal], *, unit: str = "该单位"
) -> Decimal:
    """Weighted arithmetic mean as a sum of points: Σ weight × score (see `contributions`)."""
    return sum(contributions(scores, weights, unit=unit).values(), Decimal(0))


def weighted_geometric(
    scores: IndicatorScores,
    weights: Mapping[str, Decimal],
    *,
    floor: Decimal = DEFAULT_GEOMETRIC_FLOOR,
    unit: str = "该单位",
) -> Decimal:
    """Weighted geometric mean: Π max(score, floor)^w with the weights normalised to sum 1,
    computed as exp(Σ w ln s); on the scores' own scale (0–100 in, 0–100 out).

    `floor` (default 1 on a 0–100 scale) replaces any lower score, including 0, so that one
    indicator cannot zero the composite; it is part of the method and must be stated with it.
    Raises ValueError for a floor of zero or below, or a missing score.
    """
    if floor <= 0:
        raise ValueError(f"几何加权的下限应大于零，而不是{floor}")
    checked = _checked(scores, weights, unit)
    normalised = by_hand(weights)
    logs = sum(
        (weight * max(checked[name], floor).ln() for name, weight in normalised.items()),
        Decimal(0),
    )
    return logs.exp()


def topsis(
    rows: Sequence[IndicatorScores],
    weights: Mapping[str, Decimal],
    directions: Mapping[str, Direction],
    *,
    units: Sequence[str] | None = None,
) -> list[Decimal]:
    """TOPSIS closeness of each unit (one row of raw values per unit) to the ideal, 0…1.

    Vector normalisation r_ij = x_ij ÷ √(Σ_i x_ij²), weighted v_ij = w_j r_ij (weights
    normalised to sum 1); the ideal takes each indicator's best v (max for 正向, min for 负向),
    the anti-ideal its worst; closeness C_i = D⁻ ÷ (D⁺ + D⁻) with Euclidean distances.
    A column of zeros normalises to zeros. A unit at the ideal (D⁺ = 0, so also when all
    units are equal) has closeness 1. Raises ValueError for a missing value.
    """
    names = list(weights)
    normalised_weights = by_hand(weights)
    table = [
        _checked(row, weights, units[i] if units else f"第{i + 1}个单位")
        for i, row in enumerate(rows)
    ]
    weighted: list[dict[str, Decimal]] = [{} for _ in table]
    for name in names:
        norm = sum((row[name] ** 2 for row in table), Decimal(0)).sqrt()
        for position, row in enumerate(table):
            share = row[name] / norm if norm else Decimal(0)
            weighted[position][name] = normalised_weights[name] * share
    best, worst = {}, {}
    for name in names:
        column = [row[name] for row in weighted]
        high, low = max(column), min(column)
        positive = directions[name] is Direction.POSITIVE
        best[name], worst[name] = (high, low) if positive else (low, high)
    closeness = []
    for row in weighted:
        to_best = sum(((row[n] - best[n]) ** 2 for n in names), Decimal(0)).sqrt()
        to_worst = sum(((row[n] - worst[n]) ** 2 for n in names), Decimal(0)).sqrt()
        closeness.append(Decimal(1) if to_best == 0 else to_worst / (to_best + to_worst))
    return closeness


@dataclass(frozen=True)
class AdjustmentRule:
    """One 加分/扣分 item of a scheme: points per occurrence (−1 per serious accident, −0.3 per
    inspection problem, +0.5 per national honour) and the most it may add or take (`cap`, a
    size without sign; None for no cap)."""

    item: str
    points_each: Decimal
    cap: Decimal | None = None


@dataclass(frozen=True)
class Adjustments:
    """A unit's 加分/扣分: each item's points after its own cap, the bonus and deduction totals
    after the scheme's overall caps, and their sum `total` added to the composite."""

    items: dict[str, Decimal]
    bonus: Decimal
    deduction: Decimal

    @property
    def total(self) -> Decimal:
        return self.bonus + self.deduction

    @property
    def applied(self) -> dict[str, Decimal]:
        """Each item's points as counted in the score ({item: points}, signed): after its own
        cap and, where the scheme's cap of all bonuses or all deductions binds, what is left
        of that cap, taken item by item in the scheme's order; they add up to `total`."""
        left = {True: self.bonus, False: self.deduction}
        applied = {}
        for item, points in self.items.items():
            bonus = points > 0
            taken = min(points, left[bonus]) if bonus else max(points, left[bonus])
            applied[item] = taken
            left[bonus] -= taken
        return applied


def adjust(
    counts: Mapping[str, Decimal | int],
    rules: Sequence[AdjustmentRule],
    *,
    bonus_cap: Decimal | None = None,
    deduction_cap: Decimal | None = None,
) -> Adjustments:
    """A unit's 加分/扣分 from its counts of each item ({item: occurrences}).

    Each item gives count × points_each, its size capped at the item's cap; then the bonuses
    together are capped at `bonus_cap` and the deductions at `deduction_cap` (sizes, as a scheme
    writes "加分最多不超过3分"). `items` are after their own cap, totals after the overall
    one, `applied` each item as the totals count it. Raises ValueError for an item the scheme
    does not have or a negative count.
    """
    by_item = {rule.item: rule for rule in rules}
    for item, count in counts.items():
        if item not in by_item:
            raise ValueError(f"考核办法中没有加减分事项“{item}”")
        if count < 0:
            raise ValueError(f"加减分事项“{item}”的次数不能为负数：{count}")
    items: dict[str, Decimal] = {}
    for rule in rules:  # in the scheme's order, which an overall cap is taken in
        if rule.item not in counts:
            continue
        points = Decimal(counts[rule.item]) * rule.points_each
        if rule.cap is not None and abs(points) > rule.cap:
            points = rule.cap if points > 0 else -rule.cap
        items[rule.item] = points
    bonus = sum((points for points in items.values() if points > 0), Decimal(0))
    deduction = sum((points for points in items.values() if points < 0), Decimal(0))
    if bonus_cap is not None:
        bonus = min(bonus, bonus_cap)
    if deduction_cap is not None:
        deduction = max(deduction, -deduction_cap)
    return Adjustments(items, bonus, deduction)
