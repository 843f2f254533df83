"""The composite scores of many runs at once, in floats (numpy), for the robustness check.

A run is one draw of the choices a scheme cannot defend to the decimal: a factor on each
weight, the weighting variant (a data-driven scheme's weights as each named variant computes
them), the normalisation (one score table per alternative) and the aggregation (weighted
arithmetic, weighted geometric with its floor, or TOPSIS on the raw values). The arithmetic is
that of `guanmo.assessment.aggregation`, vectorised over runs; composites come out with each
unit's 加分/扣分 added, unrounded (to `RANKING_PLACES`, which only absorbs float noise): a run
ranks on the exact scores, so units tie in a run only where their exact scores tie (tryout 27:
ranking runs on two-decimal scores tied 单位01 and 单位02, 0.0015 apart, first in nearly every
run, and P(first) added up to 198%).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from guanmo.assessment.scheme import Aggregation

# A run's composites are kept to this many decimals: far below any published difference (two
# decimals), far above a float sum's noise (~1e-13), so equal exact scores stay equal.
RANKING_PLACES = 9
CHUNK_RUNS = 256  # runs computed together: bounds the memory of TOPSIS's runs × units × weights


@dataclass(frozen=True)
class Model:
    """What every run shares: `tables` (alternatives × units × indicators, scores 0–100), the
    `raw` values (units × indicators, for TOPSIS) with `positive` (正向 per indicator),
    `weight_sets` (variants × indicators, the first the scheme's own), the `aggregations`
    (the first the scheme's own), the geometric `floor` and each unit's adjustment `shift`."""

    tables: np.ndarray
    raw: np.ndarray | None
    positive: np.ndarray | None
    weight_sets: np.ndarray
    aggregations: tuple[Aggregation, ...]
    floor: float
    shift: np.ndarray

    def __post_init__(self) -> None:
        if Aggregation.TOPSIS in self.aggregations and self.raw is None:
            raise ValueError("TOPSIS须提供各单位的原始数值和指标方向")

    @property
    def vector_normalised(self) -> np.ndarray:
        """TOPSIS's r_ij = x_ij ÷ √Σ_i x_ij² (a column of zeros stays zeros)."""
        norms = np.sqrt((self.raw**2).sum(axis=0))
        return np.divide(self.raw, norms, out=np.zeros_like(self.raw), where=norms > 0)


@dataclass(frozen=True)
class Draws:
    """The choices of each run: weight factors (runs × indicators) and the index of the
    weighting variant, the normalisation and the aggregation (each runs long)."""

    factors: np.ndarray
    weighting: np.ndarray
    table: np.ndarray
    aggregation: np.ndarray


def nominal_draws(model: Model) -> Draws:
    """The scheme's own choices, as one run."""
    zero = np.zeros(1, dtype=int)
    return Draws(np.ones((1, model.weight_sets.shape[1])), zero, zero, zero)


def composites(model: Model, draws: Draws) -> np.ndarray:
    """Composites of every run (runs × units), 加分/扣分 added, to `RANKING_PLACES` decimals:
    exact for ranking, not the published two decimals."""
    runs = len(draws.factors)
    result = np.empty((runs, model.tables.shape[1]))
    for start in range(0, runs, CHUNK_RUNS):
        chunk = slice(start, min(start + CHUNK_RUNS, runs))
        result[chunk] = _chunk(model, draws, chunk)
    return np.round(result + model.shift, RANKING_PLACES)


def _chunk(model: Model, draws: Draws, chunk: slice) -> np.ndarray:
    base = model.weight_sets[draws.weighting[chunk]]
    drawn = base * draws.factors[chunk]
    drawn *= base.sum(axis=1, keepdims=True) / drawn.sum(axis=1, keepdims=True)
    scores = model.tables[draws.table[chunk]]  # runs × units × indicators
    kinds = np.array(model.aggregations, dtype=object)[draws.aggregation[chunk]]
    out = np.empty((len(drawn), model.tables.shape[1]))
    arithmetic = kinds == Aggregation.ARITHMETIC
    if arithmetic.any():
        out[arithmetic] = np.einsum("ruk,rk->ru", scores[arithmetic], drawn[arithmetic])
    geometric = kinds == Aggregation.GEOMETRIC
    if geometric.any():
        shares = drawn[geometric] / drawn[geometric].sum(axis=1, keepdims=True)
        logs = np.log(np.maximum(scores[geometric], model.floor))
        out[geometric] = np.exp(np.einsum("ruk,rk->ru", logs, shares))
    by_topsis = kinds == Aggregation.TOPSIS
    if by_topsis.any():
        out[by_topsis] = 100 * topsis_closeness(model, drawn[by_topsis])
    return out


def topsis_closeness(model: Model, weights: np.ndarray) -> np.ndarray:
    """TOPSIS closeness (0…1) of every unit under each row of `weights` (runs × indicators),
    as `guanmo.assessment.aggregation.topsis`: weights normalised to sum 1, the ideal the best
    weighted value per indicator, closeness D⁻ ÷ (D⁺ + D⁻), 1 at the ideal."""
    shares = weights / weights.sum(axis=1, keepdims=True)
    weighted = model.vector_normalised[None, :, :] * shares[:, None, :]  # runs × units × k
    high, low = weighted.max(axis=1), weighted.min(axis=1)
    best = np.where(model.positive, high, low)[:, None, :]
    worst = np.where(model.positive, low, high)[:, None, :]
    to_best = np.sqrt(((weighted - best) ** 2).sum(axis=2))
    to_worst = np.sqrt(((weighted - worst) ** 2).sum(axis=2))
    total = to_best + to_worst
    return np.where(to_best == 0, 1.0, to_worst / np.where(total == 0, 1.0, total))


def model_of(
    units: Sequence[str],
    tables: np.ndarray,
    weight_sets: np.ndarray,
    aggregations: Sequence[Aggregation],
    floor: float,
    shift: np.ndarray,
    raw: np.ndarray | None = None,
    positive: np.ndarray | None = None,
) -> Model:
    """A Model, its shapes checked (ValueError in Chinese)."""
    indicators = weight_sets.shape[1]
    if tables.ndim != 3 or tables.shape[1:] != (len(units), indicators):
        raise ValueError("各标准化方案的得分表应为“单位×指标”，与单位和权重数目一致")
    if raw is not None and raw.shape != (len(units), indicators):
        raise ValueError("原始数值表应为“单位×指标”，与单位和权重数目一致")
    return Model(tables, raw, positive, weight_sets, tuple(aggregations), floor, shift)
