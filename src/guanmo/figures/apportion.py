"""Sharing an amount out by weights so that the rounded shares add up to exactly the amount.

Offices break an annual target down "以年终目标倒推": quarters, months and ten-day periods
(旬) whose nodes must add up to the target itself, not to a figure one rounding away from it.
The rule is the largest-remainder method (Hamilton's method): each share is its exact quota
rounded down to the unit's step, and the steps left over go one each to the largest
remainders, the earlier share first where remainders are equal.
"""

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

Weight = Decimal | int | Fraction


def apportion(amount: Decimal, weights: Sequence[Weight], step: Decimal) -> list[Decimal]:
    """`amount` shared in proportion to `weights`, each share a multiple of `step` (0.01 for
    hundredths of the unit), the shares summing to `amount` exactly.

    Shape: one share per weight, in the weights' order. Raises ValueError (in Chinese) for a
    negative amount, an amount not on the step, a negative weight or weights summing to zero.
    """
    if amount < 0:
        raise ValueError(f"分解的数额不能为负数：{amount}")
    if step <= 0:
        raise ValueError(f"分解的最小单位应大于零，而不是{step}")
    units = Fraction(amount) / Fraction(step)
    if units.denominator != 1:
        raise ValueError(f"数额{amount}不是最小单位{step}的整数倍，无法精确分解")
    if any(weight < 0 for weight in weights):
        raise ValueError("分解权重不能为负数")
    total = sum((Fraction(weight) for weight in weights), Fraction(0))
    if total == 0:
        raise ValueError("分解权重全部为零（或没有权重），无法分解")
    quotas = [units * Fraction(weight) / total for weight in weights]
    return [count * step for count in largest_remainder(quotas, int(units))]


def largest_remainder(quotas: Sequence[Fraction], units: int) -> list[int]:
    """Whole numbers of steps, one per exact quota (in steps, any sign), summing to `units`:
    each quota rounded down, the steps left over going one each to the largest remainders,
    the earlier quota first where remainders are equal (Hamilton's method). `units` must lie
    between the sum of the floors and that sum plus the number of quotas, else ValueError."""
    floors = [quota.numerator // quota.denominator for quota in quotas]
    left = units - sum(floors)
    if not 0 <= left <= len(quotas):
        raise ValueError(f"无法按最大余数法分配：合计{units}个单位，下取整合计{sum(floors)}")
    # Largest remainder first; equal remainders go to the earlier share (a stable sort).
    order = sorted(range(len(quotas)), key=lambda i: quotas[i] - floors[i], reverse=True)
    for position in order[:left]:
        floors[position] += 1
    return floors
