"""Indicator weights: set by hand, equal, entropy (熵权法) or CRITIC.

Every function returns {indicator: weight} with weights summing to 1 (exact Decimals, up to the
last place of the 28-digit context), in the order the indicators were given. The data-driven
methods take `columns`, {indicator: one value per unit}, every unit present in every column:
a missing value is refused (ValueError naming unit and indicator), never read as 0.

Sources: entropy weights, Shannon entropy of each indicator's shares (Zeleny 1982; the form
common in Chinese assessment papers, 熵权法); CRITIC, Diakoulaki, Mavrotas & Papayannakis,
"Determining objective weights in multiple criteria problems: the CRITIC method", Computers &
Operations Research 22(7), 1995.
"""

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.scoring import Direction, min_max

Columns = Mapping[str, Sequence[Decimal | None]]
Weights = dict[str, Decimal]
ONE = Decimal(1)


def by_hand(weights: Mapping[str, Decimal | int]) -> Weights:
    """Weights (or points) set by the scheme, normalised to sum 1: 20, 30, 50 → 0.2, 0.3, 0.5.

    Raises ValueError (in Chinese) for a negative weight or weights summing to zero.
    """
    negative = [name for name, weight in weights.items() if weight < 0]
    if negative:
        raise ValueError(f"指标“{negative[0]}”的权重为负数")
    total = sum((Decimal(weight) for weight in weights.values()), Decimal(0))
    if total == 0:
        raise ValueError("权重合计为零，无法归一")
    return {name: Decimal(weight) / total for name, weight in weights.items()}


def equal(indicators: Sequence[str]) -> Weights:
    """Every indicator the same weight, 1 ÷ n. Raises ValueError without indicators."""
    if not indicators:
        raise ValueError("没有指标，无法等权")
    return {name: ONE / len(indicators) for name in indicators}


def tree_weights(tree: Mapping[str, tuple[Decimal | int, Mapping[str, Decimal | int]]]) -> Weights:
    """The weight of each 二级指标 in a two-level scheme: its weight within its 一级指标
    (normalised there) × the 一级指标's weight (normalised over the 一级指标).

    Shape: {一级指标: (weight, {二级指标: weight})} → {二级指标: weight}, summing to 1. Raises
    ValueError as `by_hand` does, or when two 一级指标 hold a 二级指标 of the same name.
    """
    top = by_hand({name: weight for name, (weight, _) in tree.items()})
    weights: Weights = {}
    for name, (_, children) in tree.items():
        for child, weight in by_hand(children).items():
            if child in weights:
                raise ValueError(f"二级指标“{child}”在多个一级指标下重复出现")
            weights[child] = top[name] * weight
    return weights


def _complete(columns: Columns, units: Sequence[str] | None = None) -> dict[str, list[Decimal]]:
    complete: dict[str, list[Decimal]] = {}
    for name, values in columns.items():
        for position, value in enumerate(values):
            if value is None:
                unit = units[position] if units else f"第{position + 1}个单位"
                raise ValueError(f"{unit}缺少指标“{name}”的数值，无法计算客观权重")
        complete[name] = list(values)  # type: ignore[arg-type]
    return complete


def _shares_of_information(information: Mapping[str, Decimal]) -> Weights:
    """Weights proportional to each indicator's information; equal when none carries any."""
    total = sum(information.values(), Decimal(0))
    if total == 0:
        return equal(list(information))
    return {name: amount / total for name, amount in information.items()}


class EntropyNormalisation(StrEnum):
    MIN_MAX = "min_max"  # directional min-max to 0…1, then shares
    SHARE = "share"  # shares of the raw values, x ÷ Σx (values must not be negative)


class EntropyDirection(StrEnum):
    REVERSED = "reversed"  # 负向 indicators reversed in the min-max
    IGNORED = "ignored"  # entropy measures dispersion only; direction plays no part


class ZeroRule(StrEnum):
    ZERO_TERM = "0·ln0=0"  # a zero share adds nothing to the entropy (its limit)
    REFUSE = "refuse"  # a zero share is an error (use a shift instead)


@dataclass(frozen=True)
class EntropyVariant:
    """Which entropy method, named because implementations disagree; stored with the result.

    The default is the form most Chinese assessment papers use: directional min-max, no shift,
    0·ln0 = 0. `shift` is added to every normalised value before the shares are taken (0.0001
    or 0.01 in many papers, to avoid zero shares).
    """

    normalisation: EntropyNormalisation = EntropyNormalisation.MIN_MAX
    shift: Decimal = Decimal(0)
    zero_rule: ZeroRule = ZeroRule.ZERO_TERM
    direction: EntropyDirection = EntropyDirection.REVERSED

    def as_dict(self) -> dict[str, str]:
        """The variant as plain strings, to store with a result or print in its JSON."""
        return {key: str(value) for key, value in asdict(self).items()}


@dataclass(frozen=True)
class EntropyWeights:
    """Entropy weights with how they were reached: the variant, each indicator's entropy e
    (0…1) and divergence d = 1 − e."""

    weights: Weights
    variant: EntropyVariant
    entropy: dict[str, Decimal] = field(default_factory=dict)
    divergence: dict[str, Decimal] = field(default_factory=dict)


def _entropy_shares(
    name: str, values: list[Decimal], direction: Direction, variant: EntropyVariant
) -> list[Decimal] | None:
    """An indicator's shares p_i, or None when its column carries no information (sum zero)."""
    if variant.normalisation is EntropyNormalisation.MIN_MAX:
        used = direction if variant.direction is EntropyDirection.REVERSED else Direction.POSITIVE
        if min(values) == max(values):
            normalised = [Decimal(0)] * len(values)  # no spread: no information
        else:
            normalised = [score / 100 for score in min_max(values, used)]  # type: ignore[operator]
    else:
        if any(value < 0 for value in values):
            raise ValueError(f"指标“{name}”有负值，不能按原始数值占比计算熵权")
        normalised = list(values)
    shifted = [value + variant.shift for value in normalised]
    total = sum(shifted, Decimal(0))
    if total == 0:
        return None
    return [value / total for value in shifted]


def entropy(
    columns: Columns,
    directions: Mapping[str, Direction],
    variant: EntropyVariant = EntropyVariant(),
    *,
    units: Sequence[str] | None = None,
) -> EntropyWeights:
    """Entropy weights (熵权法): shares p_ij of each indicator j over the n units (after the
    variant's normalisation and shift), entropy e_j = −Σ p_ij ln p_ij ÷ ln n, divergence
    d_j = 1 − e_j, weight w_j = d_j ÷ Σ d.

    An indicator whose column sums to zero after normalisation (every value equal under
    min-max) carries no information: e = 1, d = 0. When no indicator carries any, the weights
    are equal. Raises ValueError for fewer than two units, a missing value, a negative value
    under SHARE, or a zero share under ZeroRule.REFUSE.
    """
    complete = _complete(columns, units)
    counts = {len(values) for values in complete.values()}
    if len(counts) > 1:
        raise ValueError("各指标的单位数目不一致")
    n = counts.pop() if counts else 0
    if n < 2:
        raise ValueError("参评单位少于2个，无法计算熵权")
    log_n = Decimal(n).ln()
    entropies: dict[str, Decimal] = {}
    for name, values in complete.items():
        shares = _entropy_shares(name, values, directions[name], variant)
        if shares is None:
            entropies[name] = ONE
            continue
        if variant.zero_rule is ZeroRule.REFUSE and any(share == 0 for share in shares):
            raise ValueError(f"指标“{name}”标准化后有零值，所选熵权法口径不允许")
        total = sum((share * share.ln() for share in shares if share > 0), Decimal(0))
        entropies[name] = -total / log_n
    divergence = {name: ONE - value for name, value in entropies.items()}
    return EntropyWeights(_shares_of_information(divergence), variant, entropies, divergence)


def _sample_sd(values: list[Decimal]) -> Decimal:
    mean = sum(values, Decimal(0)) / len(values)
    return (sum(((value - mean) ** 2 for value in values), Decimal(0)) / (len(values) - 1)).sqrt()


def _correlation(a: list[Decimal], b: list[Decimal]) -> Decimal:
    """Pearson's r; 0 when either column is constant (it shares nothing with the other)."""
    mean_a, mean_b = sum(a, Decimal(0)) / len(a), sum(b, Decimal(0)) / len(b)
    da, db = [x - mean_a for x in a], [y - mean_b for y in b]
    sa = sum((x * x for x in da), Decimal(0))
    sb = sum((y * y for y in db), Decimal(0))
    if sa == 0 or sb == 0:
        return Decimal(0)
    return sum((x * y for x, y in zip(da, db, strict=True)), Decimal(0)) / (sa * sb).sqrt()


def _conflict(correlation: Decimal, absolute: bool) -> Decimal:
    return abs(correlation) if absolute else correlation


def critic(
    columns: Columns,
    directions: Mapping[str, Direction],
    *,
    units: Sequence[str] | None = None,
    absolute: bool = False,
) -> Weights:
    """CRITIC weights: each indicator min-max normalised in its direction (0…1), information
    C_j = σ_j × Σ_k (1 − r_jk), weight w_j = C_j ÷ Σ C. With `absolute`, the variant that
    counts a strong negative correlation as redundancy too: C_j = σ_j × Σ_k (1 − |r_jk|).

    σ is the sample standard deviation (n − 1; the choice of n or n − 1 scales every C alike
    and leaves the weights unchanged); r is Pearson's correlation, taken as 0 against a
    constant indicator. A constant indicator has σ = 0 and weight 0; when every indicator is
    constant the weights are equal. Raises ValueError for fewer than two units or a missing
    value.
    """
    complete = _complete(columns, units)
    normalised: dict[str, list[Decimal]] = {}
    for name, values in complete.items():
        if len(values) < 2:
            raise ValueError("参评单位少于2个，无法计算CRITIC权重")
        scores = min_max(values, directions[name], top=ONE)
        normalised[name] = scores  # type: ignore[assignment]
    information = {
        name: _sample_sd(column)
        * sum(
            (
                ONE - _conflict(_correlation(column, other), absolute)
                for other in normalised.values()
            ),
            Decimal(0),
        )
        for name, column in normalised.items()
    }
    return _shares_of_information(information)
