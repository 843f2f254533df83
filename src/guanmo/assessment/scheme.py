"""An assessment scheme (考核办法) as plain data, and the one pass that turns a cycle's values
into published results: indicator scores, composite, 加分/扣分, ranks and classes; and the
what-if of one changed value.

The scheme names each indicator's form and parameters rather than holding functions, so that
a later session can store it frozen with the cycle's results and recompute them exactly.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment import scoring
from guanmo.assessment.aggregation import (
    DEFAULT_GEOMETRIC_FLOOR,
    AdjustmentRule,
    Adjustments,
    adjust,
    contributions,
    topsis,
    weighted_geometric,
)
from guanmo.assessment.results import (
    Classes,
    ThresholdClasses,
    UnitResult,
    VetoEffect,
    rank_and_classify,
    scored_units,
)
from guanmo.assessment.scoring import Direction

UnitValues = Mapping[str, Mapping[str, Decimal | None]]  # {unit: {indicator: value}}


class Form(StrEnum):
    """Scoring forms by the name a scheme stores (see `guanmo.assessment.scoring`)."""

    MIN_MAX = "min_max"
    EFFICACY_COEFFICIENT = "efficacy_coefficient"
    BENCHMARK_RATIO = "benchmark_ratio"
    TARGET_MET = "target_met"
    RANK_STEPS = "rank_steps"
    GOALPOSTS = "goalposts"
    Z_SCORE = "z_score"


COLUMN_FORMS = {
    Form.MIN_MAX: scoring.min_max,
    Form.EFFICACY_COEFFICIENT: scoring.efficacy_coefficient,
    Form.BENCHMARK_RATIO: scoring.benchmark_ratio,
    Form.RANK_STEPS: scoring.rank_steps,
    Form.GOALPOSTS: scoring.goalposts,
    Form.Z_SCORE: scoring.z_score,
}


class Aggregation(StrEnum):
    ARITHMETIC = "weighted_arithmetic"
    GEOMETRIC = "weighted_geometric"
    TOPSIS = "topsis"


@dataclass(frozen=True)
class Indicator:
    """One indicator of a scheme: its weight (a fraction on 0–100 scores, 1 for a form that
    scores in points), direction, scoring form and the form's keyword parameters."""

    name: str
    weight: Decimal
    direction: Direction = Direction.POSITIVE
    form: Form = Form.MIN_MAX
    parameters: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Scheme:
    """A scheme's rules: indicators, aggregation (with the geometric floor), 加分/扣分 items and
    caps, what 一票否决 does, and how classes are given."""

    indicators: tuple[Indicator, ...]
    classes: Classes = field(default_factory=ThresholdClasses)
    aggregation: Aggregation = Aggregation.ARITHMETIC
    geometric_floor: Decimal = DEFAULT_GEOMETRIC_FLOOR
    adjustment_rules: tuple[AdjustmentRule, ...] = ()
    bonus_cap: Decimal | None = None
    deduction_cap: Decimal | None = None
    veto_effect: VetoEffect = VetoEffect.LAST


@dataclass(frozen=True)
class Cycle:
    """A cycle's inputs: every unit's values, targets (for TARGET_MET), counts of 加分/扣分
    items, the units vetoed (一票否决) and those the scheme exempts (unrated)."""

    values: UnitValues
    targets: UnitValues = field(default_factory=dict)
    counts: Mapping[str, Mapping[str, Decimal | int]] = field(default_factory=dict)
    vetoed: frozenset[str] = frozenset()
    exempt: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Assessment:
    """Every intermediate of one pass, by unit: indicator scores, each indicator's points
    (empty under TOPSIS, which is not additive), the composite before and the adjustments
    after it, and the published results in the order the units were given."""

    scores: dict[str, dict[str, Decimal | None]]
    contributions: dict[str, dict[str, Decimal]]
    composite: dict[str, Decimal | None]
    adjustments: dict[str, Adjustments]
    results: list[UnitResult]

    def result_of(self, unit: str) -> UnitResult:
        return next(result for result in self.results if result.unit == unit)


def _indicator_scores(indicator: Indicator, cycle: Cycle, rated: list[str]) -> list:
    column = [cycle.values[unit].get(indicator.name) for unit in rated]
    if indicator.form is Form.TARGET_MET:
        targets = [cycle.targets.get(unit, {}).get(indicator.name) for unit in rated]
        return scoring.target_met(column, targets, indicator.direction, **indicator.parameters)
    form = COLUMN_FORMS[indicator.form]
    return form(column, indicator.direction, **indicator.parameters)  # type: ignore[operator]


def assess(scheme: Scheme, cycle: Cycle) -> Assessment:
    """The cycle's results under the scheme, with every intermediate.

    Exempt units are left out of the scoring (their values set no minimum, maximum or rank)
    and come out unrated; vetoed units are placed as the scheme's veto effect says: placed
    last (LAST) they are scored like the rest, unclassed (UNCLASSED) they are left out of the
    scoring as exempt units are and have no score (`results.scored_units`). Published score =
    composite + adjustments, two decimals half-up.
    Raises ValueError (in Chinese) for a rated unit missing a value its scheme needs.
    """
    rated = scored_units(
        cycle.values, vetoed=cycle.vetoed, exempt=cycle.exempt, veto_effect=scheme.veto_effect
    )
    weights = {indicator.name: indicator.weight for indicator in scheme.indicators}
    scores: dict[str, dict[str, Decimal | None]] = {unit: {} for unit in cycle.values}
    for indicator in scheme.indicators:
        for unit, score in zip(rated, _indicator_scores(indicator, cycle, rated), strict=True):
            scores[unit][indicator.name] = score
    composite: dict[str, Decimal | None] = dict.fromkeys(cycle.values)
    points: dict[str, dict[str, Decimal]] = {unit: {} for unit in cycle.values}
    if scheme.aggregation is Aggregation.TOPSIS:
        rows = [cycle.values[unit] for unit in rated]
        directions = {indicator.name: indicator.direction for indicator in scheme.indicators}
        for unit, closeness in zip(
            rated, topsis(rows, weights, directions, units=rated), strict=True
        ):
            composite[unit] = closeness * 100
    for unit in rated:
        if scheme.aggregation is Aggregation.ARITHMETIC:
            points[unit] = contributions(scores[unit], weights, unit=unit)
            composite[unit] = sum(points[unit].values(), Decimal(0))
        elif scheme.aggregation is Aggregation.GEOMETRIC:
            composite[unit] = weighted_geometric(
                scores[unit], weights, floor=scheme.geometric_floor, unit=unit
            )
    adjustments = {
        unit: adjust(
            cycle.counts.get(unit, {}),
            scheme.adjustment_rules,
            bonus_cap=scheme.bonus_cap,
            deduction_cap=scheme.deduction_cap,
        )
        for unit in rated
    }
    final: dict[str, Decimal | None] = {}
    for unit, score in composite.items():
        final[unit] = None if score is None else score + adjustments[unit].total
    results = rank_and_classify(
        final,
        scheme.classes,
        vetoed=cycle.vetoed,
        exempt=cycle.exempt,
        veto_effect=scheme.veto_effect,
    )
    return Assessment(scores, points, composite, adjustments, results)


@dataclass(frozen=True)
class WhatIf:
    """One unit's result as issued and as it would be with one value changed."""

    before: UnitResult
    after: UnitResult


def what_if(scheme: Scheme, cycle: Cycle, unit: str, indicator: str, value: Decimal) -> WhatIf:
    """Change `unit`'s value of `indicator` (or its count of a 加分/扣分 item) to `value` and
    recompute everything (min-max and ranks depend on every unit); the cycle itself is not
    changed. Raises ValueError for a unit or indicator the cycle or scheme does not have,
    listing the scheme's indicators and items."""
    if unit not in cycle.values:
        raise ValueError(f"本期考核没有单位“{unit}”")
    names = [item.name for item in scheme.indicators]
    items = [rule.item for rule in scheme.adjustment_rules]
    if indicator in names:
        changed = replace(
            cycle, values={**cycle.values, unit: {**cycle.values[unit], indicator: value}}
        )
    elif (
        indicator in items
    ):  # a 加分/扣分 item: its count of occurrences, capped as the scheme says
        counts = {**cycle.counts, unit: {**cycle.counts.get(unit, {}), indicator: value}}
        changed = replace(cycle, counts=counts)
    else:
        known = "、".join(names + items)
        raise ValueError(f"考核办法中没有指标或加减分事项“{indicator}”；可用：{known}")
    before = assess(scheme, cycle).result_of(unit)
    after = assess(scheme, changed).result_of(unit)
    return WhatIf(before, after)
