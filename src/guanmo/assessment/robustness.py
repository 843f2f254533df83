"""Robustness of a ranking to the choices a scheme cannot defend to the decimal: a seeded
Monte Carlo over the weights (each varied, default ±25%; a data-driven scheme's weights also
recomputed by each named variant of its method), the normalisation among the scheme's
alternatives and the aggregation (weighted arithmetic, weighted geometric, TOPSIS), giving
each unit its median rank, 90% rank interval, P(first) and P(last), and Sobol sensitivity
indices of the choices.

Floats (numpy, `guanmo.assessment.simulation`) are used only here, inside the simulation;
what it returns are ranks and probabilities. Each run ranks on the exact composites (not the
published two decimals: `simulation.RANKING_PLACES`), so units tie in a run only where their
exact scores tie, and a tie then counts as first (or last) for each of them (competition
ranks); P(first) of the units thus adds up to 100% unless exact scores tie. The issued ranks
stay those of the published two-decimal scores (`results`); a unit published 并列 first may
so be first in fewer runs than the other. The rule is said under the figures
(`scheme_description.RANKING_NOTE`).
Source: OECD/JRC Handbook on Constructing Composite Indicators (2008) §7 (uncertainty
analysis); COINr's get_sensitivity; Sobol indices by SALib (Herman & Usher, JOSS 2017).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
from scipy.stats import rankdata

from guanmo.assessment.aggregation import DEFAULT_GEOMETRIC_FLOOR
from guanmo.assessment.scheme import Aggregation, Cycle, Form, Scheme, assess
from guanmo.assessment.scoring import Direction
from guanmo.assessment.simulation import Draws, Model, composites, model_of, nominal_draws
from guanmo.figures.formatting import half_up, number, rate

DEFAULT_WEIGHT_VARIATION = Decimal("0.25")
DEFAULT_RUNS = 1000
INTERVAL = (5, 95)  # percentiles of the 90% rank interval
WEIGHTS_GROUP = "weights"  # the Sobol key of every weight taken together


@dataclass(frozen=True)
class Choices:
    """What a simulation varies: each weight by a uniform factor in 1 ± `weight_variation`,
    the aggregation among `aggregations` (the first is the scheme's own), with the geometric
    `floor`; `adjustments` (加分/扣分 per unit, in the units' order) are held and added.

    `weight_sets`: the weights as each variant of a data-driven method computes them
    (entropy's named variants), the scheme's own first; each run draws one, then varies it.
    `raw_values` (units × indicators) and `directions` (per indicator) are what TOPSIS
    ranks on. `group_weights`: the Sobol indices treat every weight as one choice, keyed
    "weights", rather than one choice per indicator ("weight:<indicator>").
    """

    weight_variation: Decimal = DEFAULT_WEIGHT_VARIATION
    aggregations: tuple[Aggregation, ...] = (Aggregation.ARITHMETIC,)
    geometric_floor: Decimal = DEFAULT_GEOMETRIC_FLOOR
    adjustments: tuple[Decimal, ...] | None = None
    weight_sets: tuple[Mapping[str, Decimal], ...] = ()
    raw_values: Sequence[Sequence[Decimal]] | None = None
    directions: tuple[Direction, ...] | None = None
    group_weights: bool = False


DEFAULT_CHOICES = Choices()


@dataclass(frozen=True)
class RankSpread:
    """One unit's ranks over the runs: median, 90% interval [lo, hi] (5th and 95th percentile,
    ranks that occurred), and the share of runs it was first and last, on the runs' exact
    composites (a tie of exact scores counts for each unit tied)."""

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


def _floats(rows: Sequence[Sequence[Decimal]]) -> np.ndarray:
    return np.array([[float(value) for value in row] for row in rows], dtype=float)


def _model(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal],
    choices: Choices,
) -> Model:
    tables = np.array([_floats(table) for table in normalised_scores], dtype=float)
    sets = choices.weight_sets or (weights,)
    if any(list(each) != list(weights) for each in sets):
        raise ValueError("各赋权口径的指标应与权重的指标一致")
    weight_sets = np.array([[float(each[name]) for name in weights] for each in sets])
    shift = (
        np.zeros(len(units))
        if choices.adjustments is None
        else np.array([float(adjustment) for adjustment in choices.adjustments])
    )
    raw = None if choices.raw_values is None else _floats(choices.raw_values)
    positive = (
        None
        if choices.directions is None
        else np.array([direction is Direction.POSITIVE for direction in choices.directions])
    )
    return model_of(
        units,
        tables,
        weight_sets,
        choices.aggregations,
        float(choices.geometric_floor),
        shift,
        raw,
        positive,
    )


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
    normalisation the scheme allows; each run picks one uniformly, one of the weighting
    variants (`choices.weight_sets`, else `weights` alone) and one of the aggregations
    uniformly, multiplies each weight by a uniform draw in 1 ± the weight variation
    (rescaled to the weights' own total), then adds the adjustments. A TOPSIS run ranks the
    raw values (the normalisation drawn plays no part in it).
    Units vetoed or exempt are left out by the caller. Same seed, same result.
    Raises ValueError for tables of another shape, fewer than one run, or TOPSIS without the
    raw values.
    """
    model = _model(units, normalised_scores, weights, choices)
    if runs < 1:
        raise ValueError("模拟次数应至少为1")
    rng = np.random.default_rng(seed)
    spread = float(choices.weight_variation)
    factors = rng.uniform(1 - spread, 1 + spread, size=(runs, len(weights)))
    table_choice = rng.integers(len(model.tables), size=runs)
    aggregation_choice = rng.integers(len(model.aggregations), size=runs)
    weighting_choice = rng.integers(len(model.weight_sets), size=runs)
    drawn = composites(model, Draws(factors, weighting_choice, table_choice, aggregation_choice))
    ranks = competition_ranks_per_run(drawn)
    is_last = drawn == drawn.min(axis=1, keepdims=True)
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


NO_EFFECT = SobolIndices(Decimal("0.0000"), Decimal("0.0000"))


def _sobol_problem(
    names: Sequence[str], model: Model, spread: float, group_weights: bool
) -> tuple[dict, list[str]]:
    """SALib's problem over the choices that vary, and the keys of every choice reported."""
    variables: list[str] = []
    bounds: list[list[float]] = []
    groups: list[str] = []
    weight_keys = [WEIGHTS_GROUP] if group_weights else [f"weight:{name}" for name in names]
    if spread > 0:
        variables += [f"weight:{name}" for name in names]
        bounds += [[1 - spread, 1 + spread]] * len(names)
        groups += [WEIGHTS_GROUP] * len(names) if group_weights else variables[:]
    for key, count in (
        ("weighting", len(model.weight_sets)),
        ("normalisation", len(model.tables)),
        ("aggregation", len(model.aggregations)),
    ):
        if count > 1:
            variables.append(key)
            bounds.append([0.0, float(count)])
            groups.append(key)
    problem = {"num_vars": len(variables), "names": variables, "bounds": bounds}
    if group_weights:
        problem["groups"] = groups
    every = [*weight_keys, "normalisation", "aggregation"]
    if len(model.weight_sets) > 1:
        every.append("weighting")
    return problem, every


def sensitivity(
    units: Sequence[str],
    normalised_scores: Sequence[Sequence[Sequence[Decimal]]],
    weights: Mapping[str, Decimal],
    choices: Choices = DEFAULT_CHOICES,
    *,
    base_samples: int = 256,
    seed: int = 0,
) -> dict[str, SobolIndices]:
    """Sobol first- and total-order indices of each choice, for the output "mean absolute rank
    shift of the units from the scheme's own ranking" (the first table, weighting variant and
    aggregation, the weights as set).

    Keys: "weight:<indicator>" for each weight, or "weights" for all of them as one group
    (`choices.group_weights`: SALib's groups, base_samples × (groups + 2) runs instead of
    base_samples × (indicators + …)); "normalisation", "aggregation", and "weighting" when a
    data-driven method has several variants. Sampling and indices by SALib (Sobol' sequence,
    `base_samples` a power of two); a discrete choice is a uniform variable cut into equal
    parts. A choice with nothing to vary is left out of the sampling and given 0. Seeded.
    """
    from SALib.analyze import sobol as sobol_analysis  # imported here: only this needs it
    from SALib.sample import sobol as sobol_sample

    model = _model(units, normalised_scores, weights, choices)
    spread = float(choices.weight_variation)
    names = list(weights)
    problem, every = _sobol_problem(names, model, spread, choices.group_weights)
    indices = dict.fromkeys(every, NO_EFFECT)
    if not problem["names"]:
        return indices
    sample = sobol_sample.sample(problem, base_samples, calc_second_order=False, seed=seed)
    runs = len(sample)
    columns = dict(zip(problem["names"], sample.T, strict=True))
    factors = np.ones((runs, len(names)))
    if spread > 0:
        factors = np.column_stack([columns[f"weight:{name}"] for name in names])

    def choice(key: str, count: int) -> np.ndarray:
        if key not in columns:
            return np.zeros(runs, dtype=int)
        return np.minimum(columns[key].astype(int), count - 1)

    draws = Draws(
        factors,
        choice("weighting", len(model.weight_sets)),
        choice("normalisation", len(model.tables)),
        choice("aggregation", len(model.aggregations)),
    )
    nominal = competition_ranks_per_run(composites(model, nominal_draws(model)))
    output = np.abs(competition_ranks_per_run(composites(model, draws)) - nominal).mean(axis=1)
    if np.all(output == output[0]):
        return indices  # nothing the choices do moves a rank: every index is 0
    analysis = sobol_analysis.analyze(
        problem, output, calc_second_order=False, seed=seed, print_to_console=False
    )
    keys = list(dict.fromkeys(problem.get("groups", problem["names"])))
    for position, key in enumerate(keys):
        indices[key] = SobolIndices(
            half_up(Decimal(str(float(analysis["S1"][position]))), 4),
            half_up(Decimal(str(float(analysis["ST"][position]))), 4),
        )
    return indices


Alternative = tuple[Form, Mapping[str, Decimal]]  # a form with its parameters
DATA_DRIVEN = frozenset({Form.MIN_MAX, Form.EFFICACY_COEFFICIENT, Form.Z_SCORE})


@dataclass(frozen=True)
class Robustness:
    """A scheme's robustness for one cycle: each ranked unit's rank spread and the Sobol
    indices of the choices (see `rank_spread` and `sensitivity`), with the runs made."""

    spreads: list[RankSpread]
    sensitivity: dict[str, SobolIndices]
    runs: int = DEFAULT_RUNS


Z_SCALE = frozenset({"centre", "spread"})  # a Z分数's 中心 and 离散


def scaled_alternatives(
    alternatives: Sequence[Alternative], own: Sequence[Alternative]
) -> list[Alternative]:
    """The alternatives as the simulation scores them: a Z分数 alternative stating no 中心 and
    离散 takes those of the scheme's own Z分数 indicator (the first of `own`, the scheme's
    forms with their parameters), so that it scores on the scale the scheme set, as the
    scheme's own Z分数 must state it beside 0–100 forms. Raises ValueError (in Chinese) for
    a Z分数 alternative with no scale of its own and none to take: at 0 ± 1 beside 0–100
    scores and 加分/扣分 its weight would be nominal."""
    scale = next((parameters for form, parameters in own if form is Form.Z_SCORE), None)
    scaled = []
    for form, parameters in alternatives:
        if form is Form.Z_SCORE and not set(parameters) >= Z_SCALE:
            if scale is None:
                raise ValueError(
                    "标准化备选中的Z分数须写明中心和离散（如“Z分数（中心=60；离散=10）”）；"
                    "否则其得分约在−2至＋2之间，与0—100分的得分及加减分同用时权重形同虚设"
                )
            parameters = {**scale, **parameters}
        scaled.append((form, parameters))
    return scaled


def score_tables(
    scheme: Scheme, cycle: Cycle, units: Sequence[str], alternatives: Sequence[Alternative]
) -> list[list[list[Decimal]]]:
    """Units × indicators score tables: the scheme's own first, then one per alternative, in
    which every indicator the scheme scores by a data-driven form (min-max, 功效系数, z-score)
    is scored by the alternative instead (a Z分数 on its stated scale, `scaled_alternatives`);
    rule-based forms (benchmark, target, rank steps, goalposts) are the scheme's rule and
    stay. Rows are `units` (the ones ranked on score). Raises ValueError as
    `scaled_alternatives`."""
    own = [(indicator.form, indicator.parameters) for indicator in scheme.indicators]
    tables = []
    for alternative in [None, *scaled_alternatives(alternatives, own)]:
        indicators = []
        for indicator in scheme.indicators:
            if alternative is not None and indicator.form in DATA_DRIVEN:
                form, parameters = alternative
                indicator = replace(indicator, form=form, parameters=parameters)
            indicators.append(indicator)
        # The units the result scores set the data-driven ranges, as in the result (vetoed
        # ones placed last do, unclassed ones do not: `results.scored_units`).
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
    weight_sets: Sequence[Mapping[str, Decimal]] = (),
    group_weights: bool = False,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
) -> Robustness:
    """The robustness of a scheme's result for a cycle, over the units it ranks on their
    scores (exempt and vetoed units are placed by rule, not by score, and are left out).

    The scheme's own aggregation comes first among `aggregations` (it is the nominal ranking
    the Sobol output measures shifts from); 加分/扣分 are added in every run as assessed.
    `weight_sets`: a data-driven scheme's weights under each variant of its method (the
    scheme's own weights are put first), drawn run by run. TOPSIS runs rank the raw values.
    """
    assessment = assess(scheme, cycle)
    units = [u for u in cycle.values if u not in cycle.exempt and u not in cycle.vetoed]
    tables = score_tables(scheme, cycle, units, alternatives)
    weights = {indicator.name: indicator.weight for indicator in scheme.indicators}
    ordered = [scheme.aggregation, *(a for a in aggregations if a is not scheme.aggregation)]
    variants = [weights, *(each for each in weight_sets if dict(each) != weights)]
    uses_topsis = Aggregation.TOPSIS in ordered
    choices = Choices(
        weight_variation,
        tuple(ordered),
        scheme.geometric_floor,
        tuple(assessment.adjustments[unit].total for unit in units),
        tuple(variants) if len(variants) > 1 else (),
        [[cycle.values[unit][i.name] for i in scheme.indicators] for unit in units]
        if uses_topsis
        else None,
        tuple(i.direction for i in scheme.indicators) if uses_topsis else None,
        group_weights,
    )
    return Robustness(
        rank_spread(units, tables, weights, choices, runs=runs, seed=seed),
        sensitivity(units, tables, weights, choices, seed=seed),
        runs,
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


def recognised(placed: Iterable[str], named: Iterable[str], checked: bool) -> bool:
    """Whether a bulletin may name the units ranked at a place (first or last) as holding it:
    always when no robustness check was run, else only when the check names someone and every
    unit it names (probability at or above the threshold, `Verdict.named`) is ranked there.
    The one rule of the result page, the bulletin and the results list (issue 13)."""
    named = set(named)
    return not checked or (bool(named) and named <= set(placed))


def beside_threshold(probability: Decimal, threshold: Decimal, places: int) -> Decimal:
    """`probability` half-up to `places` decimals, or to as many more as it takes to stay on
    its own side of `threshold` (0.79995 against 0.8 at four places: 0.79995, not 0.8000), so
    that a probability kept or shown compares with the threshold as the exact one does: the
    one rule of the issued JSON, the pages, the list and the sentences (issue 13: P(末位)
    0.7996 was shown 80.0% against 80% beside a sentence saying it did not reach it)."""
    reaches = probability >= threshold
    kept = half_up(probability, places)
    while (kept >= threshold) != reaches:
        places += 1
        kept = half_up(probability, places)
    return kept


def probability_shown(probability: Decimal | None, threshold: Decimal) -> str:
    """A probability (fraction 0–1) as a percentage, half-up to one decimal, or more where one
    would carry it across `threshold` (`beside_threshold`): 62.0%, 79.96% against 80%; — for
    none."""
    if probability is None:
        return rate(None)
    kept = beside_threshold(probability, threshold, 3)
    return f"{number(kept * 100, max(1, -kept.as_tuple().exponent - 2))}%"


def threshold_text(threshold: Decimal) -> str:
    """The naming threshold as a percentage, its trailing zeros dropped: 0.8 → 80%, 0.855 →
    85.5%."""
    return f"{(threshold * 100).normalize():f}%"


def stated_place(units: Sequence[Mapping], place: str, threshold: Decimal, checked: bool) -> str:
    """What the results list says of first (`place` "first") or last ("last") from a result's
    stored units (dicts with unit, rank, p_first, p_last as strings or None): the units ranked
    there when `recognised`, else 未认定（X 62.0%、Y 38.0%）with the units that could be there,
    the most probable first; "" when fewer than two units are ranked. A unit with no
    probability (vetoed to last place) is named by its rank."""
    ranked = [u for u in units if u["rank"] is not None]
    if len(ranked) < 2:
        return ""
    key = f"p_{place}"
    rank = 1 if place == "first" else max(u["rank"] for u in ranked)
    placed = [u for u in ranked if u["rank"] == rank]
    names = "、".join(u["unit"] for u in placed)
    if any(u[key] is None for u in placed):
        return names
    possible = sorted(
        (u for u in ranked if u[key] is not None and Decimal(u[key]) > 0),
        key=lambda u: Decimal(u[key]),
        reverse=True,
    )
    named = [u["unit"] for u in possible if Decimal(u[key]) >= threshold]
    if recognised((u["unit"] for u in placed), named, checked):
        return names
    shares = "、".join(
        f"{u['unit']} {probability_shown(Decimal(u[key]), threshold)}" for u in possible
    )
    return f"未认定（{shares}）"
