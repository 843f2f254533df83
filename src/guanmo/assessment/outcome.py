"""A cycle's result as issued: one pass of the scheme, its robustness, the change against the
previous cycle and the bulletin's sentences; what `guanmo assess` prints and what a Result
keeps. `compute` is a plain function of a Definition and Inputs, so that a result frozen with
both is recomputed exactly (`as_json` gives the same object).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from guanmo.assessment.aggregation import Adjustments
from guanmo.assessment.definition import (
    DATA_DRIVEN_WEIGHTING,
    Definition,
    Inputs,
    Weighting,
    scheme_of,
    veto_items,
    weights_of,
)
from guanmo.assessment.results import VetoEffect
from guanmo.assessment.robustness import (
    DEFAULT_NAMING_THRESHOLD,
    DEFAULT_RUNS,
    RankSpread,
    Robustness,
    Verdict,
    assess_robustness,
    beside_threshold,
    verdict_first,
    verdict_last,
)
from guanmo.assessment.scheme import Assessment, Scheme, assess
from guanmo.assessment.scheme_description import SOBOL_OUTPUT, robustness_notes, varied_text
from guanmo.figures.changes import places_moved
from guanmo.figures.formatting import half_up
from guanmo.figures.rounding import parts_adding_up

POINTS_PLACES = 2
WEIGHT_PLACES = 4
PROBABILITY_PLACES = 4


@dataclass(frozen=True)
class UnitLine:
    """One unit's line of the result: published score, rank (并列 `tied`), class, change of
    rank (places moved up, + up), its rank spread (None for a unit placed by rule) and its
    points by indicator."""

    unit: str
    score: Decimal | None
    rank: int | None
    tied: bool
    grade: str | None
    vetoed: bool
    rated: bool
    previous_rank: int | None
    rank_change: int | None
    spread: RankSpread | None
    contributions: dict[str, Decimal]
    adjustments: Adjustments | None
    # the 一票否决 items that vetoed the unit (`definition.veto_items`); () when not kept
    vetoed_by: tuple[str, ...] = ()


class AdjustmentItem(NamedTuple):
    """One 加分/扣分 item of a unit as every output explains it: the item, 加分 or 扣分, its
    count, its points as applied to the score (after the item's cap and the scheme's cap of
    all bonuses or deductions; two decimals, signed) and the reason, saying the points counted
    and the cap that took part of them
    (安全事故3次，每次扣1分，计3.00分，单项最多扣2分，实扣2.00分)."""

    item: str
    kind: str
    count: str
    points: str
    reason: str


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _points(value: Decimal) -> str:
    return f"{half_up(value, POINTS_PLACES):f}"


def adjustment_items(line: "UnitLine", definition: Definition, inputs: Inputs) -> list:
    """The unit's 加分/扣分 items that gave it points, in the scheme's order, as
    `AdjustmentItem`s: the one source of what the text, JSON, .docx and page say of them. Their
    points are those applied (`Adjustments.applied`), so that they add up to the 加分 and 扣分
    beside them and, with the points by indicator, to the score."""
    if line.adjustments is None:
        return []
    counts = inputs.counts.get(line.unit, {})
    applied = line.adjustments.applied
    items = []
    for rule in definition.adjustment_rules:
        if not line.adjustments.items.get(rule.item):
            continue
        bonus = rule.points_each > 0
        verb = "加" if bonus else "扣"
        counted = counts[rule.item] * rule.points_each
        reason = (
            f"{rule.item}{_plain(counts[rule.item])}次，每次{verb}{_plain(abs(rule.points_each))}分"
        )
        group_cap = definition.bonus_cap if bonus else definition.deduction_cap
        capped = applied[rule.item] != counted
        if capped:
            reason += f"，计{_points(abs(counted))}分"
        if rule.cap is not None:
            reason += f"，单项最多{verb}{_plain(rule.cap)}分"
        if group_cap is not None and applied[rule.item] != line.adjustments.items[rule.item]:
            reason += f"，{verb}分合计最多{_plain(group_cap)}分"
        if capped:
            reason += f"，实{verb}{_points(abs(applied[rule.item]))}分"
        items.append(
            AdjustmentItem(
                rule.item,
                f"{verb}分",
                _plain(counts[rule.item]),
                _points(applied[rule.item]),
                reason,
            )
        )
    return items


def overall_caps(definition: Definition) -> str | None:
    """The scheme's caps of all bonuses and of all deductions as outputs say them
    (加分合计最多3分，扣分合计最多2分), or None for a scheme without either."""
    caps = [
        f"{kind}合计最多{_plain(cap)}分"
        for kind, cap in (("加分", definition.bonus_cap), ("扣分", definition.deduction_cap))
        if cap is not None
    ]
    return "，".join(caps) or None


class ShownBreakdown(NamedTuple):
    """A unit's score as every output shows it broken down, to two decimals: points by
    indicator ({indicator: points}), 加分 and 扣分 (None for a unit without adjustments)."""

    points: dict[str, Decimal]
    bonus: Decimal | None
    deduction: Decimal | None


def shown_breakdown(line: UnitLine) -> ShownBreakdown:
    """The line's points, 加分 and 扣分 rounded so that they add up exactly to its shown score
    (`guanmo.figures.rounding.parts_adding_up`, largest remainder): each within 0.01 of its
    exact value, 加分/扣分 (already on the hundredth) as they are. Points of a non-additive
    composite (geometric, TOPSIS) are empty."""
    adjustments = line.adjustments
    extra = [] if adjustments is None else [adjustments.bonus, adjustments.deduction]
    names = list(line.contributions)
    shown = parts_adding_up([*line.contributions.values(), *extra], POINTS_PLACES)
    points = dict(zip(names, shown, strict=False))
    if adjustments is None:
        return ShownBreakdown(points, None, None)
    return ShownBreakdown(points, shown[-2], shown[-1])


@dataclass(frozen=True)
class Outcome:
    """Everything a result shows: the definition and inputs it was computed from, the weights,
    the pass with every intermediate, the robustness, the lines in rank order, whom the
    bulletin names first and last, and its sentences."""

    definition: Definition
    inputs: Inputs
    weights: dict[str, Decimal]
    scheme: Scheme
    assessment: Assessment
    robustness: Robustness | None
    lines: list[UnitLine]
    first: Verdict
    last: Verdict
    threshold: Decimal
    sentences: list[str]

    def as_json(self) -> dict:
        """The object `guanmo assess --format json` prints (issue 13's keys; decimals as
        strings, ranks as integers, null where a unit has none)."""
        return {
            "units": [_unit_json(line, self) for line in self.lines],
            "weights": {
                name: str(half_up(weight, WEIGHT_PLACES)) for name, weight in self.weights.items()
            },
            "method": {
                # each scoring form the scheme uses, once, in its order (tryout 15: a joined string)
                "normalisation": list(
                    dict.fromkeys(row.form.value for row in self.definition.indicators)
                ),
                "aggregation": self.definition.aggregation.value,
                "weighting": self.definition.weighting.value,
                "entropy_variant": self.definition.entropy_variant.as_dict()
                if self.definition.weighting is Weighting.ENTROPY
                else None,
            },
            "sensitivity": {
                choice: {"first_order": str(i.first_order), "total_order": str(i.total_order)}
                for choice, i in (self.robustness.sensitivity if self.robustness else {}).items()
            },
            "robustness": None
            if self.robustness is None
            else {
                "runs": self.robustness.runs,
                "varied": varied_text(self.definition),
                "sensitivity_output": SOBOL_OUTPUT,
                "notes": robustness_notes(self.definition, self.inputs.vetoed),
            },
            "sentences": list(self.sentences),
        }


def _kept(probability: Decimal, threshold: Decimal) -> str:
    """A probability as the issued JSON keeps it: four decimals half-up, more where four would
    carry it across the threshold (`beside_threshold`), so the list compares as the result."""
    return str(beside_threshold(probability, threshold, PROBABILITY_PLACES))


def _unit_json(line: UnitLine, outcome: "Outcome") -> dict:
    spread = line.spread
    return {
        "unit": line.unit,
        "score": None if line.score is None else str(line.score),
        "rank": line.rank,
        "class": line.grade,
        "rank_change": line.rank_change,
        "median_rank": None if spread is None else f"{spread.median_rank.normalize():f}",
        "rank_interval": None if spread is None else list(spread.rank_interval),
        "p_first": None if spread is None else _kept(spread.p_first, outcome.threshold),
        "p_last": None if spread is None else _kept(spread.p_last, outcome.threshold),
        "contributions": {
            name: str(points) for name, points in shown_breakdown(line).points.items()
        },
        "adjustments": [
            item._asdict() for item in adjustment_items(line, outcome.definition, outcome.inputs)
        ],
    }


def compute(
    definition: Definition,
    inputs: Inputs,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    threshold: Decimal = DEFAULT_NAMING_THRESHOLD,
) -> Outcome:
    """The result of a cycle under a scheme, with its robustness over `runs` seeded runs (0:
    none, and nobody is named first or last on robustness). Raises ValueError (in Chinese)
    for weights or values the scheme cannot use."""
    from guanmo.assessment.sentences import bulletin_sentences  # sentences read an Outcome

    weights = weights_of(definition, inputs)
    scheme = scheme_of(definition, weights.weights)
    cycle = inputs.cycle()
    assessment = assess(scheme, cycle)
    robustness = None
    if runs > 0:
        robustness = assess_robustness(
            scheme,
            cycle,
            alternatives=definition.alternatives,
            aggregations=definition.aggregations,
            weight_variation=definition.weight_variation,
            weight_sets=weights.sets if definition.weighting in DATA_DRIVEN_WEIGHTING else (),
            group_weights=True,
            runs=runs,
            seed=seed,
        )
    spreads = {s.unit: s for s in robustness.spreads} if robustness else {}
    lines = [
        UnitLine(
            result.unit,
            result.score,
            result.rank,
            result.tied,
            result.grade,
            result.vetoed,
            result.rated,
            inputs.previous.get(result.unit),
            places_moved(inputs.previous.get(result.unit), result.rank),
            spreads.get(result.unit),
            assessment.contributions.get(result.unit, {}),
            assessment.adjustments.get(result.unit),
            veto_items(inputs, result.unit) if result.vetoed else (),
        )
        for result in assessment.results
    ]
    lines.sort(key=lambda line: (line.rank is None, line.rank or 0))
    first = verdict_first(list(spreads.values()), threshold)
    last = verdict_last(list(spreads.values()), threshold)
    outcome = Outcome(
        definition,
        inputs,
        weights.weights,
        scheme,
        assessment,
        robustness,
        lines,
        first,
        last,
        threshold,
        [],
    )
    outcome.sentences.extend(bulletin_sentences(outcome))
    return outcome


def placed_last_by_veto(outcome: Outcome) -> list[str]:
    """The units 一票否决 places last (the scheme's veto effect LAST), in rank order."""
    if outcome.definition.veto_effect is not VetoEffect.LAST:
        return []
    return [line.unit for line in outcome.lines if line.vetoed and line.rank is not None]


def lines_by_unit(outcome: Outcome) -> Mapping[str, UnitLine]:
    return {line.unit: line for line in outcome.lines}
