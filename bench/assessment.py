"""The assessment's robustness check at province scale: 180 units × 40 indicators, 1,000 Monte
Carlo runs (and the Sobol indices), as a ratio to one deterministic scoring pass (issue 13:
aim under 100×). Plain functions only: no database."""

import random
import time
from decimal import Decimal

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs, scheme_of, weights_of
from guanmo.assessment.robustness import assess_robustness
from guanmo.assessment.scheme import Aggregation, Form, assess
from guanmo.assessment.scoring import Direction

ROBUSTNESS_TARGET = 100.0


def province(units: int = 180, indicators: int = 40, seed: int = 1) -> tuple[Definition, Inputs]:
    """A scheme of `indicators` min-max and 功效系数 indicators under eight 一级指标, every third
    one 负向, and `units` units with random values to one decimal."""
    rng = random.Random(seed)
    rows = tuple(
        IndicatorRow(
            f"一级指标{j % 8 + 1}",
            Decimal(10 + j % 8),
            f"指标{j + 1:02d}",
            Decimal(rng.randint(1, 10)),
            Direction.NEGATIVE if j % 3 == 2 else Direction.POSITIVE,
            Form.EFFICACY_COEFFICIENT if j % 2 else Form.MIN_MAX,
        )
        for j in range(indicators)
    )
    values = {
        f"样本{i:03d}县": {row.name: Decimal(rng.randint(1, 10000)) / 10 for row in rows}
        for i in range(1, units + 1)
    }
    definition = Definition(
        rows,
        alternatives=((Form.Z_SCORE, {"centre": Decimal(50), "spread": Decimal(10)}),),
        aggregations=(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC, Aggregation.TOPSIS),
    )
    return definition, Inputs(values)


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(
    runs: int = 1000, repeat: int = 3, *, units: int = 180, indicators: int = 40
) -> tuple[float, float]:
    """(seconds of the robustness check, seconds of one deterministic pass)."""
    definition, inputs = province(units, indicators)
    scheme = scheme_of(definition, weights_of(definition, inputs).weights)
    cycle = inputs.cycle()
    single = best_of(repeat, lambda: assess(scheme, cycle))
    robust = best_of(
        1,
        lambda: assess_robustness(
            scheme,
            cycle,
            alternatives=definition.alternatives,
            aggregations=definition.aggregations,
            group_weights=True,
            runs=runs,
            seed=1,
        ),
    )
    return robust, single


if __name__ == "__main__":
    robust, single = measure()
    print(f"robustness {robust:.3f}s, one pass {single:.3f}s, {robust / single:.1f}×")
