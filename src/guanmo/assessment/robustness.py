"""Robustness of a ranking to the choices a scheme cannot defend to the decimal: a seeded
Monte Carlo over the weights (each varied, default ±25%), the normalisation among the scheme's
alternatives and arithmetic against geometric aggregation, giving each unit its median rank,
90% rank interval, P(first) and P(last), and Sobol sensitivity indices of the choices.

Floats (numpy) are used only here, inside the simulation; what it returns are ranks and
probabilities. Composites are rounded to the published two decimals before ranking, so units
that would be published 并列 are tied in a run as they are in the result (competition ranks).
Source: OECD/JRC Handbook on Constructing Composite Indicators (2008) §7 (uncertainty
analysis); COINr's get_sensitivity; Sobol indices by SALib (Herman & Usher, JOSS 2017).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
from scipy.stats import rankdata

from guanmo.assessment.aggregation import DEFAULT_GEOMETRIC_FLOOR
from guanmo.assessment.scheme import Aggregation, Cycle, Form, Scheme, assess
from guanmo.figures.formatting import half_up

DEFAULT_WEIGHT_VARIATION = Decimal("0.25")
DEFAULT_RUNS = 1000
INTERVAL = (5, 95)  # percentiles of the 90% rank interval


@dataclass(frozen=True)
class Choices:
    """What a simulation varies: each weight by a uniform factor in 1 ± `weight_variation`,
    the aggregation among `aggregations` (the first is the scheme's own), with the geometric
    `floor`; `adjustments` (加分/扣分 per unit, in the units' order) are held and added."""

    weight_variation: Decimal = DEFAULT_WEIGHT_VARIATION
    aggregations: tuple[Aggregation, ...] = (Aggregation.ARITHMETIC,)
    geometric_floor: Decimal = DEFAULT_GEOMETRIC_FLOOR
    adjustments: tuple[Decimal, ...] | None = None


DEFAULT_CHOICES = Choices()


@dataclass(frozen=True)
class RankSpread:
    """One unit's ranks over the runs: median, 90% interval [lo, hi] (5th and 95th percentile,
    ranks that occurred), and the share of runs it was first and last (tied counts as both)."""

    unit: str
    median_rank: Decimal
    rank_interval: tuple[int, int]
    p_first: Decimal
    p_last: Decimal


def competition_ranks_per_run(composites: np.ndarray) -> np.ndarray:
    """Competition ranks (1 first, ties shared) of every row of a runs × units array, the
    highest composite first (scipy's rankdata, method "min", on the negated composites)."""
    return rankdata(-composites, method="min", axis=1).astype(int)


def _probability(count: int, runs: int) -> Decimal:
    return Decimal(count) / Decimal(runs)


def _tables(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal],
    aggregations: Sequence[Aggregation],
) -> np.ndarray:
    tables = np.array([[[float(s) for s in row] for row in table] for table in normalised_scores])
    if tables.ndim != 3 or tables.shape[1:] != (len(units), len(weights)):
        raise ValueError("各标准化方案的得分表应为“单位×指标”，与单位和权重数目一致")
    if Aggregation.TOPSIS in aggregations:
        raise ValueError("稳健性模拟暂不包括TOPSIS")
    return tables


def _composites(
    tables: np.ndarray,
    factors: np.ndarray,
    base: np.ndarray,
    table_choice: np.ndarray,
    aggregation_choice: np.ndarray,
    aggregations: Sequence[Aggregation],
    floor: float,
    shift: np.ndarray,
) -> np.ndarray:
    """Published composites (two decimals) of every run: runs × units."""
    drawn = base * factors
    drawn *= base.sum() / drawn.sum(axis=1, keepdims=True)
    composites = np.empty((len(factors), tables.shape[1]))
    for run, w in enumerate(drawn):
        scores = tables[table_choice[run]]
        if aggregations[aggregation_choice[run]] is Aggregation.GEOMETRIC:
            composites[run] = np.exp(np.log(np.maximum(scores, floor)) @ (w / w.sum()))
        else:
            composites[run] = scores @ w
    return np.round(composites + shift, 2)


def _shift(units: Sequence[str], adjustments: Sequence[Decimal] | None) -> np.ndarray:
    if adjustments is None:
        return np.zeros(len(units))
    return np.array([float(adjustment) for adjustment in adjustments])


def rank_spread(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal],
    choices: Choices = DEFAULT_CHOICES,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
) -> list[RankSpread]:
    """Each unit's rank spread over `runs` seeded draws.

    `normalised_scores` holds one units × indicators table of scores (0–100) per alternative
    normalisation the scheme allows; each run picks one uniformly, picks one of the choices'
    aggregations uniformly and multiplies each weight by a uniform draw in 1 ± the weight
    variation (rescaled to the weights' own total), then adds the adjustments.
    Units vetoed or exempt are left out by the caller. Same seed, same result.
    Raises ValueError for tables of another shape, fewer than one run, or TOPSIS (not here).
    """
    aggregations = choices.aggregations
    tables = _tables(units, normalised_scores, weights, aggregations)
    if runs < 1:
        raise ValueError("模拟次数应至少为1")
    base = np.array([float(weight) for weight in weights.values()])
    rng = np.random.default_rng(seed)
    spread = float(choices.weight_variation)
    factors = rng.uniform(1 - spread, 1 + spread, size=(runs, len(base)))
    table_choice = rng.integers(len(tables), size=runs)
    aggregation_choice = rng.integers(len(aggregations), size=runs)
    composites = _composites(
        tables,
        factors,
        base,
        table_choice,
        aggregation_choice,
        aggregations,
        float(choices.geometric_floor),
        _shift(units, choices.adjustments),
    )
    ranks = competition_ranks_per_run(composites)
    is_last = composites == composites.min(axis=1, keepdims=True)
    low, high = np.percentile(ranks, INTERVAL, axis=0, method="inverted_cdf")
    results = []
    for position, unit in enumerate(units):
        column = ranks[:, position]
        results.append(
            RankSpread(
                unit,
                Decimal(str(float(np.median(column)))),
                (int(low[position]), int(high[position])),
                _probability(int((column == 1).sum()), runs),
                _probability(int(is_last[:, position].sum()), runs),
            )
        )
    return results


@dataclass(frozen=True)
class SobolIndices:
    """A choice's share of the variance of the mean rank shift: first order (alone) and total
    order (with its interactions), rounded half-up to four decimals."""

    first_order: Decimal
    total_order: Decimal


def sensitivity(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal],
    choices: Choices = DEFAULT_CHOICES,
    *,
    base_samples: int = 256,
    seed: int = 0,
) -> dict[str, SobolIndices]:
    """Sobol first- and total-order indices of each choice, keyed "weight:<indicator>",
    "normalisation" and "aggregation", for the output "mean absolute rank shift of the units
    from the scheme's own ranking" (the first table, the first aggregation, the weights as set).

    Sampling and indices by SALib (Saltelli/Sobol' sequence, `base_samples` a power of two,
    base_samples × (choices + 2) runs); a discrete choice is a uniform variable cut into equal
    parts. A choice with nothing to vary (no weight variation, one alternative) is left out of
    the sampling and given 0. Seeded: the same seed gives the same indices.
    """
    from SALib.analyze import sobol as sobol_analysis  # imported here: only this needs it
    from SALib.sample import sobol as sobol_sample

    aggregations = choices.aggregations
    tables = _tables(units, normalised_scores, weights, aggregations)
    base = np.array([float(weight) for weight in weights.values()])
    spread = float(choices.weight_variation)
    names: list[str] = []
    bounds: list[list[float]] = []
    if spread > 0:
        names += [f"weight:{name}" for name in weights]
        bounds += [[1 - spread, 1 + spread]] * len(base)
    if len(tables) > 1:
        names.append("normalisation")
        bounds.append([0.0, float(len(tables))])
    if len(aggregations) > 1:
        names.append("aggregation")
        bounds.append([0.0, float(len(aggregations))])
    every = [f"weight:{name}" for name in weights] + ["normalisation", "aggregation"]
    indices = {name: SobolIndices(Decimal(0), Decimal(0)) for name in every}
    if not names:
        return indices
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    sample = sobol_sample.sample(problem, base_samples, calc_second_order=False, seed=seed)
    runs = len(sample)
    columns = dict(zip(names, sample.T, strict=True))
    factors = np.ones((runs, len(base)))
    if spread > 0:
        factors = np.column_stack([columns[f"weight:{name}"] for name in weights])

    def choice(name: str, count: int) -> np.ndarray:
        if name not in columns:
            return np.zeros(runs, dtype=int)
        return np.minimum(columns[name].astype(int), count - 1)

    shift = _shift(units, choices.adjustments)
    floor = float(choices.geometric_floor)
    composites = _composites(
        tables,
        factors,
        base,
        choice("normalisation", len(tables)),
        choice("aggregation", len(aggregations)),
        aggregations,
        floor,
        shift,
    )
    nominal = _composites(
        tables,
        np.ones((1, len(base))),
        base,
        np.zeros(1, int),
        np.zeros(1, int),
        aggregations,
        floor,
        shift,
    )
    shifts = np.abs(competition_ranks_per_run(composites) - competition_ranks_per_run(nominal))
    output = shifts.mean(axis=1)
    if np.all(output == output[0]):
        return indices  # nothing the choices do moves a rank: every index is 0
    analysis = sobol_analysis.analyze(
        problem, output, calc_second_order=False, seed=seed, print_to_console=False
    )
    for position, name in enumerate(names):
        indices[name] = SobolIndices(
            half_up(Decimal(str(float(analysis["S1"][position]))), 4),
            half_up(Decimal(str(float(analysis["ST"][position]))), 4),
        )
    return indices


Alternative = tuple[Form, Mapping[str, Decimal]]  # a form with its parameters
DATA_DRIVEN = frozenset({Form.MIN_MAX, Form.EFFICACY_COEFFICIENT, Form.Z_SCORE})


@dataclass(frozen=True)
class Robustness:
    """A scheme's robustness for one cycle: each ranked unit's rank spread and the Sobol
    indices of the choices (see `rank_spread` and `sensitivity`)."""

    spreads: list[RankSpread]
    sensitivity: dict[str, SobolIndices]


def score_tables(
    scheme: Scheme, cycle: Cycle, units: Sequence[str], alternatives: Sequence[Alternative]
) -> list[list[list[Decimal]]]:
    """Units × indicators score tables: the scheme's own first, then one per alternative, in
    which every indicator the scheme scores by a data-driven form (min-max, 功效系数, z-score)
    is scored by the alternative instead; rule-based forms (benchmark, target, rank steps,
    goalposts) are the scheme's rule and stay. Rows are `units` (the ones ranked on score)."""
    tables = []
    for alternative in [None, *alternatives]:
        indicators = []
        for indicator in scheme.indicators:
            if alternative is not None and indicator.form in DATA_DRIVEN:
                form, parameters = alternative
                indicator = replace(indicator, form=form, parameters=parameters)
            indicators.append(indicator)
        # Every rated unit, vetoed ones too, sets the data-driven ranges, as in the result.
        shown = assess(
            replace(scheme, indicators=tuple(indicators), aggregation=Aggregation.ARITHMETIC),
            cycle,
        )
        tables.append([[shown.scores[unit][i.name] for i in indicators] for unit in units])
    return tables  # type: ignore[return-value]


def assess_robustness(
    scheme: Scheme,
    cycle: Cycle,
    *,
    alternatives: Sequence[Alternative] = (),
    aggregations: Sequence[Aggregation] = (Aggregation.ARITHMETIC, Aggregation.GEOMETRIC),
    weight_variation: Decimal = DEFAULT_WEIGHT_VARIATION,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
) -> Robustness:
    """The robustness of a scheme's result for a cycle, over the units it ranks on their
    scores (exempt and vetoed units are placed by rule, not by score, and are left out).

    The scheme's own aggregation comes first among `aggregations` (it is the nominal ranking
    the Sobol output measures shifts from); 加分/扣分 are added in every run as assessed.
    """
    assessment = assess(scheme, cycle)
    units = [u for u in cycle.values if u not in cycle.exempt and u not in cycle.vetoed]
    tables = score_tables(scheme, cycle, units, alternatives)
    weights = {indicator.name: indicator.weight for indicator in scheme.indicators}
    ordered = [scheme.aggregation, *(a for a in aggregations if a is not scheme.aggregation)]
    choices = Choices(
        weight_variation,
        tuple(ordered),
        scheme.geometric_floor,
        tuple(assessment.adjustments[unit].total for unit in units),
    )
    return Robustness(
        rank_spread(units, tables, weights, choices, runs=runs, seed=seed),
        sensitivity(units, tables, weights, choices, seed=seed),
    )


DEFAULT_NAMING_THRESHOLD = Decimal("0.8")


@dataclass(frozen=True)
class Verdict:
    """Whom a bulletin may name first (or last): `named`, the units whose probability reaches
    the city's threshold (two when they are 并列 in most runs), else empty; `could_be`, every
    unit with a probability above zero, the most probable first."""

    named: list[str]
    could_be: list[str]


def _verdict(spreads: Sequence[RankSpread], probability, threshold: Decimal) -> Verdict:
    possible = sorted((s for s in spreads if probability(s) > 0), key=probability, reverse=True)
    return Verdict(
        [s.unit for s in possible if probability(s) >= threshold], [s.unit for s in possible]
    )


def verdict_last(
    spreads: Sequence[RankSpread], threshold: Decimal = DEFAULT_NAMING_THRESHOLD
) -> Verdict:
    """Name a unit last only when P(last) reaches `threshold` (default 0.8, set by the city);
    otherwise the bulletin names the units that could be last (issue 13)."""
    return _verdict(spreads, lambda spread: spread.p_last, threshold)


def verdict_first(
    spreads: Sequence[RankSpread], threshold: Decimal = DEFAULT_NAMING_THRESHOLD
) -> Verdict:
    """The same check for first place, on P(first)."""
    return _verdict(spreads, lambda spread: spread.p_first, threshold)
