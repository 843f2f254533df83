"""Robustness of a ranking to the choices a scheme cannot defend to the decimal: a seeded
Monte Carlo over the weights (each varied, default ±25%), the normalisation among the scheme's
alternatives and arithmetic against geometric aggregation, giving each unit its median rank,
90% rank interval, P(first) and P(last).

Floats (numpy) are used only here, inside the simulation; what it returns are ranks and
probabilities. Composites are rounded to the published two decimals before ranking, so units
that would be published 并列 are tied in a run as they are in the result (competition ranks).
Source: OECD/JRC Handbook on Constructing Composite Indicators (2008) §7 (uncertainty
analysis); COINr's get_sensitivity.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from guanmo.assessment.aggregation import DEFAULT_GEOMETRIC_FLOOR
from guanmo.assessment.scheme import Aggregation

DEFAULT_WEIGHT_VARIATION = Decimal("0.25")
DEFAULT_RUNS = 1000
INTERVAL = (5, 95)  # percentiles of the 90% rank interval


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
    highest composite first: 1 + the number of units strictly above."""
    above = composites[:, None, :] > composites[:, :, None]
    return above.sum(axis=2) + 1


def _probability(count: int, runs: int) -> Decimal:
    return Decimal(count) / Decimal(runs)


def rank_spread(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal] | Sequence[Decimal],
    *,
    adjustments: Sequence[Decimal] | None = None,
    weight_variation: Decimal = DEFAULT_WEIGHT_VARIATION,
    aggregations: Sequence[Aggregation] = (Aggregation.ARITHMETIC,),
    geometric_floor: Decimal = DEFAULT_GEOMETRIC_FLOOR,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
) -> list[RankSpread]:
    """Each unit's rank spread over `runs` seeded draws.

    `normalised_scores` holds one units × indicators table of scores (0–100) per alternative
    normalisation the scheme allows; each run picks one uniformly, picks one of `aggregations`
    uniformly, and multiplies each weight by a uniform draw in 1 ± `weight_variation`
    (rescaled to the weights' own total). `adjustments` (加分/扣分 per unit) are added after.
    Units vetoed or exempt are left out by the caller. Same seed, same result.
    Raises ValueError for tables of another shape, fewer than one run, or TOPSIS (not here).
    """
    names_weights = list(weights.values()) if isinstance(weights, Mapping) else list(weights)
    base = np.array([float(weight) for weight in names_weights])
    tables = np.array([[[float(s) for s in row] for row in table] for table in normalised_scores])
    if tables.ndim != 3 or tables.shape[1:] != (len(units), len(base)):
        raise ValueError("各标准化方案的得分表应为“单位×指标”，与单位和权重数目一致")
    if runs < 1:
        raise ValueError("模拟次数应至少为1")
    if Aggregation.TOPSIS in aggregations:
        raise ValueError("稳健性模拟暂不包括TOPSIS")
    shift = np.array([float(a) for a in adjustments]) if adjustments else np.zeros(len(units))
    rng = np.random.default_rng(seed)
    spread = float(weight_variation)
    factors = rng.uniform(1 - spread, 1 + spread, size=(runs, len(base)))
    drawn = base * factors
    drawn *= base.sum() / drawn.sum(axis=1, keepdims=True)
    table_choice = rng.integers(len(tables), size=runs)
    aggregation_choice = rng.integers(len(aggregations), size=runs)
    composites = np.empty((runs, len(units)))
    for run in range(runs):
        scores = tables[table_choice[run]]
        w = drawn[run]
        if aggregations[aggregation_choice[run]] is Aggregation.GEOMETRIC:
            floored = np.maximum(scores, float(geometric_floor))
            composites[run] = np.exp(np.log(floored) @ (w / w.sum()))
        else:
            composites[run] = scores @ w
    composites = np.round(composites + shift, 2)
    ranks = competition_ranks_per_run(composites)
    is_last = composites == composites.min(axis=1, keepdims=True)
    low, high = np.percentile(ranks, INTERVAL, axis=0, method="inverted_cdf")
    results = []
    for position, unit in enumerate(units):
        column = ranks[:, position]
        median = Decimal(str(float(np.median(column))))
        results.append(
            RankSpread(
                unit,
                median,
                (int(low[position]), int(high[position])),
                _probability(int((column == 1).sum()), runs),
                _probability(int(is_last[:, position].sum()), runs),
            )
        )
    return results
