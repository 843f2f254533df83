"""A scheme as an office writes it (考核办法: indicator tree, weights or points, 加分/扣分,
一票否决, settings) and a cycle's inputs, as plain data that freezes to JSON and thaws back.

`Definition` is what the scheme sheet says; `scheme_of` turns it, with the cycle's values, into
the `guanmo.assessment.scheme.Scheme` one pass computes (weights set by hand, equal, entropy or
CRITIC). Every indicator is scored on 0–100 and weighted by its share of the scheme's total, so
an indicator's points in the composite are share × score and the composite is out of 100:
a scheme written in points (亩均税收 45 of 100) gives the same points as offices compute them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment import scoring
from guanmo.assessment import weights as weighting
from guanmo.assessment.aggregation import DEFAULT_GEOMETRIC_FLOOR, AdjustmentRule
from guanmo.assessment.results import (
    Classes,
    ShareClasses,
    ThresholdClasses,
    VetoEffect,
    scored_units,
)
from guanmo.assessment.scheme import Aggregation, Cycle, Form, Indicator, Scheme
from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import (
    EntropyDirection,
    EntropyNormalisation,
    EntropyVariant,
    ZeroRule,
)
from guanmo.sheets.cells import decimal_places

HUNDRED = Decimal(100)
# Forms that score in points (x ÷ benchmark × points …): scored out of 100 here.
POINTS_FORMS = frozenset({Form.BENCHMARK_RATIO, Form.TARGET_MET, Form.RANK_STEPS})
# 基准比值's benchmark as a multiple of last year's mean (参数 上年均值倍数=2), resolved into a
# 基准值 by `resolve_benchmarks` before scoring.
MEAN_FACTOR = "mean_factor"


class Weighting(StrEnum):
    """How the indicators' weights are set (赋权方法)."""

    BY_HAND = "by_hand"  # the scheme's 权重/分值 column
    EQUAL = "equal"
    ENTROPY = "entropy"
    CRITIC = "critic"


DATA_DRIVEN_WEIGHTING = frozenset({Weighting.ENTROPY, Weighting.CRITIC})


class Missing(StrEnum):
    """What a scheme does with a rated unit its sources have no value for (设置 缺失数据)."""

    STOP = "停止计算"  # the default: the run stops naming the unit and the source
    EXEMPT = "不参评"  # the unit is left unrated
    ZERO = "计为0"  # the missing value counts as 0


class NothingToCount(StrEnum):
    """What a scheme does with a rate a unit has nothing to count for, 0 ÷ 0 (设置 无考核事项):
    no problem to solve by then (督办:按期办结率), no project due to start (台账:按期开工率)."""

    MISSING = "按缺失数据处理"  # the default: no value, handled as the scheme's 缺失数据 says
    FULL = "按100%计"  # nothing was left undone: the rate is 100%


@dataclass(frozen=True)
class IndicatorRow:
    """One 二级指标 as the scheme sheet writes it: its 一级指标 and that one's weight (None when
    the scheme has one level), its own weight or points (None under equal or data-driven
    weighting), direction, form and the form's parameters."""

    top: str
    top_weight: Decimal | None
    name: str
    weight: Decimal | None
    direction: Direction = Direction.POSITIVE
    form: Form = Form.MIN_MAX
    parameters: Mapping[str, Decimal] = field(default_factory=dict)
    source: str = ""  # where the value comes from (来源: 台账:年度计划完成率); "" given or typed


Alternative = tuple[Form, Mapping[str, Decimal]]


@dataclass(frozen=True)
class Definition:
    """A scheme as written, with the choices its robustness check varies: `alternatives` (the
    normalisations offered instead of the data-driven forms), `aggregations` (the scheme's own
    first) and `weight_variation` (±, as a fraction)."""

    indicators: tuple[IndicatorRow, ...]
    adjustment_rules: tuple[AdjustmentRule, ...] = ()
    bonus_cap: Decimal | None = None
    deduction_cap: Decimal | None = None
    vetoes: tuple[str, ...] = ()
    veto_effect: VetoEffect = VetoEffect.LAST
    aggregation: Aggregation = Aggregation.ARITHMETIC
    geometric_floor: Decimal = DEFAULT_GEOMETRIC_FLOOR
    weighting: Weighting = Weighting.BY_HAND
    entropy_variant: EntropyVariant = field(default_factory=EntropyVariant)
    classes: Classes = field(default_factory=ThresholdClasses)
    alternatives: tuple[Alternative, ...] = ()
    aggregations: tuple[Aggregation, ...] = (Aggregation.ARITHMETIC, Aggregation.GEOMETRIC)
    weight_variation: Decimal = Decimal("0.25")
    missing: Missing = Missing.STOP
    nothing_to_count: NothingToCount = NothingToCount.MISSING

    @property
    def names(self) -> list[str]:
        return [row.name for row in self.indicators]

    def as_dict(self) -> dict:
        """The definition as JSON-ready data (Decimals as strings), for freezing with a result."""
        data = {
            "indicators": [
                {
                    "top": row.top,
                    "top_weight": _text(row.top_weight),
                    "name": row.name,
                    "weight": _text(row.weight),
                    "direction": row.direction.value,
                    "form": row.form.value,
                    "parameters": {key: str(value) for key, value in row.parameters.items()},
                    **({"source": row.source} if row.source else {}),
                }
                for row in self.indicators
            ],
            "adjustment_rules": [
                [rule.item, str(rule.points_each), _text(rule.cap)]
                for rule in self.adjustment_rules
            ],
            "bonus_cap": _text(self.bonus_cap),
            "deduction_cap": _text(self.deduction_cap),
            "vetoes": list(self.vetoes),
            "veto_effect": self.veto_effect.value,
            "aggregation": self.aggregation.value,
            "geometric_floor": str(self.geometric_floor),
            "weighting": self.weighting.value,
            "entropy_variant": self.entropy_variant.as_dict(),
            "classes": _classes_dict(self.classes),
            "alternatives": [
                [form.value, {key: str(value) for key, value in parameters.items()}]
                for form, parameters in self.alternatives
            ],
            "aggregations": [aggregation.value for aggregation in self.aggregations],
            "weight_variation": str(self.weight_variation),
        }
        if self.missing is not Missing.STOP:  # a scheme frozen before sources reads the same
            data["missing"] = self.missing.value
        if self.nothing_to_count is not NothingToCount.MISSING:  # likewise
            data["nothing_to_count"] = self.nothing_to_count.value
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Definition":
        """The definition `as_dict` froze, exactly."""
        variant = data["entropy_variant"]
        return cls(
            indicators=tuple(
                IndicatorRow(
                    row["top"],
                    _decimal(row["top_weight"]),
                    row["name"],
                    _decimal(row["weight"]),
                    Direction(row["direction"]),
                    Form(row["form"]),
                    {key: Decimal(value) for key, value in row["parameters"].items()},
                    row.get("source", ""),
                )
                for row in data["indicators"]
            ),
            adjustment_rules=tuple(
                AdjustmentRule(item, Decimal(points), _decimal(cap))
                for item, points, cap in data["adjustment_rules"]
            ),
            bonus_cap=_decimal(data["bonus_cap"]),
            deduction_cap=_decimal(data["deduction_cap"]),
            vetoes=tuple(data["vetoes"]),
            veto_effect=VetoEffect(data["veto_effect"]),
            aggregation=Aggregation(data["aggregation"]),
            geometric_floor=Decimal(data["geometric_floor"]),
            weighting=Weighting(data["weighting"]),
            entropy_variant=EntropyVariant(
                EntropyNormalisation(variant["normalisation"]),
                Decimal(variant["shift"]),
                ZeroRule(variant["zero_rule"]),
                EntropyDirection(variant["direction"]),
            ),
            classes=_classes_from(data["classes"]),
            alternatives=tuple(
                (Form(form), {key: Decimal(value) for key, value in parameters.items()})
                for form, parameters in data["alternatives"]
            ),
            aggregations=tuple(Aggregation(each) for each in data["aggregations"]),
            weight_variation=Decimal(data["weight_variation"]),
            missing=Missing(data.get("missing", Missing.STOP.value)),
            nothing_to_count=NothingToCount(
                data.get("nothing_to_count", NothingToCount.MISSING.value)
            ),
        )


# What a unit objects to when it objects to the 一票否决 set on it (its claim: lifted)
VETO = "一票否决"


def veto_items(inputs: "Inputs", unit: str) -> tuple[str, ...]:
    """The 一票否决 items that vetoed `unit` (scheme order), () for a unit not vetoed or
    inputs frozen before the items were kept: what the faces name after 一票否决
    (武陟县（一票否决：重大安全事故）; issue 13, tryout 30)."""
    return tuple(inputs.vetoed_by.get(unit, ())) if unit in inputs.vetoed else ()


# A 目标完成 indicator's target, named as the values sheet's column: 新开工项目数目标
TARGET_SUFFIX = "目标"


@dataclass(frozen=True)
class Inputs:
    """A cycle's inputs as read: units in order, each one's values {indicator: value or None},
    targets (目标完成), counts of 加分/扣分 items, the units vetoed (一票否决) and exempt, the
    previous cycle's ranks (None for a unit without one), and where each sourced or overridden
    value came from ({unit: {indicator: origin}}, `sources.merge_sourced`)."""

    values: Mapping[str, Mapping[str, Decimal | None]]
    targets: Mapping[str, Mapping[str, Decimal | None]] = field(default_factory=dict)
    counts: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    vetoed: frozenset[str] = frozenset()
    exempt: frozenset[str] = frozenset()
    previous: Mapping[str, int] = field(default_factory=dict)
    origins: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # why an exempt unit is not rated, where the inputs know it ({unit: reason}: a firm on less
    # land than the threshold, `firm_register.firm_inputs`)
    exempt_reasons: Mapping[str, str] = field(default_factory=dict)
    # the figures each unit's values are computed from, where they are ({unit: {name: value}}:
    # a firm's 用地面积, 税收…, `firms.FirmFigures.named`), so that an objection to one is
    # corrected and every value computed from it recomputed (issue 13), and the land a firm
    # must have to be rated (亩; None for a cycle of units)
    figures: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    land_threshold: Decimal | None = None
    # the 一票否决 items that vetoed each vetoed unit, in the scheme's order ({unit: items}),
    # so that every face says why (issue 13, tryout 30); empty for inputs frozen before
    vetoed_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def cycle(self) -> Cycle:
        return Cycle(self.values, self.targets, self.counts, self.vetoed, self.exempt)

    def places(self, indicator: str) -> int:
        """The indicator's precision: the most decimal places a unit's value of it is given
        to, trailing zeros not counted (16.3 and 36.7: 1; 95 and 100: 0). What a value
        claimed in an objection is held and kept to. For a 加分/扣分 item, its counts'."""
        if (target := self.target_of(indicator)) is not None:  # a target's: the targets'
            named = [own.get(target) for own in self.targets.values()]
            return max((decimal_places(v.normalize()) for v in named if v), default=0)
        given = [own.get(indicator) for own in self.values.values()]
        given += [own.get(indicator) for own in self.counts.values()]  # a 加分/扣分 item's
        return max((decimal_places(value.normalize()) for value in given if value), default=0)

    def target_of(self, name: str) -> str | None:
        """The indicator whose target `name` names, as the values sheet's column does
        (新开工项目数目标 → 新开工项目数), when these inputs hold targets of it; else None."""
        indicator = name.removesuffix(TARGET_SUFFIX)
        if indicator != name and any(indicator in own for own in self.targets.values()):
            return indicator
        return None

    def as_dict(self) -> dict:
        """JSON-ready (Decimals as strings, units in order), for freezing with a result."""
        data = {
            "units": list(self.values),  # the order, which a JSON object may not keep
            "values": {u: _texts(v) for u, v in self.values.items()},
            "targets": {u: _texts(v) for u, v in self.targets.items()},
            "counts": {u: _texts(v) for u, v in self.counts.items()},
            "vetoed": sorted(self.vetoed),
            "exempt": sorted(self.exempt),
            "previous": dict(self.previous),
        }
        if self.origins:  # inputs frozen before sources read the same
            data["origins"] = {unit: dict(own) for unit, own in self.origins.items()}
        if self.exempt_reasons:  # likewise, inputs frozen before reasons were kept
            data["exempt_reasons"] = dict(self.exempt_reasons)
        if self.figures:  # likewise, before a firm's figures were kept
            data["figures"] = {u: _texts(v) for u, v in self.figures.items()}
        if self.land_threshold is not None:
            data["land_threshold"] = str(self.land_threshold)
        if self.vetoed_by:  # likewise, before the items vetoing a unit were kept
            data["vetoed_by"] = {unit: list(items) for unit, items in self.vetoed_by.items()}
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Inputs":
        return cls(
            {u: _decimals(data["values"][u]) for u in data["units"]},
            {u: _decimals(v) for u, v in data["targets"].items()},
            {u: _decimals(v) for u, v in data["counts"].items()},  # type: ignore[misc]
            frozenset(data["vetoed"]),
            frozenset(data["exempt"]),
            {u: int(rank) for u, rank in data["previous"].items()},
            {u: dict(own) for u, own in data.get("origins", {}).items()},
            dict(data.get("exempt_reasons", {})),
            {u: _decimals(v) for u, v in data.get("figures", {}).items()},  # type: ignore[misc]
            None if data.get("land_threshold") is None else Decimal(data["land_threshold"]),
            {u: tuple(items) for u, items in data.get("vetoed_by", {}).items()},
        )


def shares(definition: Definition) -> dict[str, Decimal]:
    """Each indicator's share of the scheme (summing to 1) from the 权重/分值 written: a
    two-level scheme's 一级 weight (normalised) × the 二级 weight within it (normalised); a
    one-level scheme's weights normalised. Raises ValueError (in Chinese)."""
    rows = definition.indicators
    if all(row.top_weight is None for row in rows):
        return weighting.by_hand({row.name: _weight(row) for row in rows})
    tree: dict[str, tuple[Decimal, dict[str, Decimal]]] = {}
    for row in rows:
        if row.top_weight is None:
            raise ValueError(f"一级指标“{row.top}”没有权重")
        children = tree.setdefault(row.top, (row.top_weight, {}))[1]
        children[row.name] = _weight(row)
    return weighting.tree_weights(tree)


def _weight(row: IndicatorRow) -> Decimal:
    if row.weight is None:
        raise ValueError(f"二级指标“{row.name}”没有权重或分值")
    return row.weight


@dataclass(frozen=True)
class Weights:
    """The weights a result uses ({indicator: share, summing to 1}), by the definition's
    method; `sets` the weights under each variant of a data-driven method (the own first)."""

    weights: dict[str, Decimal]
    sets: tuple[dict[str, Decimal], ...] = ()


# Entropy variants the robustness check draws among (the scheme's own is put first): the
# directional min-max most papers use, the same with a 0.01 shift, raw shares ignoring direction.
ENTROPY_VARIANTS = (
    EntropyVariant(),
    EntropyVariant(shift=Decimal("0.01")),
    EntropyVariant(EntropyNormalisation.SHARE, direction=EntropyDirection.IGNORED),
)


def weights_of(definition: Definition, inputs: Inputs) -> Weights:
    """The weights of a cycle under its definition (entropy and CRITIC on the raw values of
    the units scored, `results.scored_units`: not the exempt, nor the vetoed when the scheme
    leaves them unclassed). Raises ValueError (in Chinese) for weights that cannot be set."""
    names = definition.names
    if definition.weighting is Weighting.BY_HAND:
        return Weights(shares(definition))
    if definition.weighting is Weighting.EQUAL:
        return Weights(weighting.equal(names))
    rated = scored_units(
        inputs.values,
        vetoed=inputs.vetoed,
        exempt=inputs.exempt,
        veto_effect=definition.veto_effect,
    )
    columns = {name: [inputs.values[unit].get(name) for unit in rated] for name in names}
    directions = {row.name: row.direction for row in definition.indicators}
    if definition.weighting is Weighting.CRITIC:
        own = weighting.critic(columns, directions, units=rated)
        absolute = weighting.critic(columns, directions, units=rated, absolute=True)
        return Weights(own, (own, absolute))
    own = weighting.entropy(columns, directions, definition.entropy_variant, units=rated).weights
    sets = [own]
    for variant in ENTROPY_VARIANTS:
        if variant == definition.entropy_variant:
            continue
        try:
            sets.append(weighting.entropy(columns, directions, variant, units=rated).weights)
        except ValueError:
            continue  # a variant the data do not admit (negative values under raw shares)
    return Weights(own, tuple(sets))


def resolve_benchmarks(
    definition: Definition, previous: Mapping[str, Mapping[str, Decimal | None]]
) -> Definition:
    """The definition with each benchmark written as a multiple of last year's mean
    (上年均值倍数=k) made a 基准值: k × the mean of last year's values of that indicator
    (`scoring.mean_benchmark`; `previous` is {unit: {indicator: value}}). Other rows are kept.
    Raises ValueError (in Chinese) when last year has no value of such an indicator."""
    rows = []
    for row in definition.indicators:
        if MEAN_FACTOR in row.parameters:
            column = [values.get(row.name) for values in previous.values()]
            try:
                benchmark = scoring.mean_benchmark(column, factor=row.parameters[MEAN_FACTOR])
            except ValueError as error:
                raise ValueError(f"“{row.name}”：{error}") from None
            parameters = {k: v for k, v in row.parameters.items() if k != MEAN_FACTOR}
            row = replace(row, parameters={**parameters, "benchmark": benchmark})
        rows.append(row)
    return replace(definition, indicators=tuple(rows))


def scheme_of(definition: Definition, weights: Mapping[str, Decimal]) -> Scheme:
    """The Scheme one pass computes: every indicator on 0–100 weighted by its share. Raises
    ValueError (in Chinese) for a benchmark still written as a multiple of last year's mean."""
    indicators = []
    for row in definition.indicators:
        if MEAN_FACTOR in row.parameters:
            raise ValueError(
                f"“{row.name}”的基准值为上年均值的倍数，须有上年数值才能计算（guanmo assess-firms）"
            )
        parameters = dict(row.parameters)
        if row.form in POINTS_FORMS:
            parameters["points"] = HUNDRED
        indicators.append(
            Indicator(row.name, weights[row.name], row.direction, row.form, parameters)
        )
    return Scheme(
        tuple(indicators),
        definition.classes,
        definition.aggregation,
        definition.geometric_floor,
        definition.adjustment_rules,
        definition.bonus_cap,
        definition.deduction_cap,
        definition.veto_effect,
    )


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _texts(values: Mapping[str, Decimal | int | None]) -> dict[str, str | None]:
    return {key: None if value is None else str(value) for key, value in values.items()}


def _decimals(values: Mapping[str, str | None]) -> dict[str, Decimal | None]:
    return {key: _decimal(value) for key, value in values.items()}


def _classes_dict(classes: Classes) -> dict:
    if isinstance(classes, ShareClasses):
        return {"shares": [[name, str(share)] for name, share in classes.shares]}
    return {
        "bounds": [[name, str(bound)] for name, bound in classes.bounds],
        "below": classes.below,
    }


def _classes_from(data: Mapping) -> Classes:
    if "shares" in data:
        return ShareClasses(tuple((name, Decimal(share)) for name, share in data["shares"]))
    return ThresholdClasses(
        tuple((name, Decimal(bound)) for name, bound in data["bounds"]), data["below"]
    )
