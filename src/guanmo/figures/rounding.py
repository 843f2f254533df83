"""Parts shown so that they add up to the total shown: a score's breakdown by indicator.

A score is published as the exact sum of its parts rounded half-up to two decimals; rounding
each part on its own can leave the shown parts 0.01 off the shown score (38.08 + 25.00 + 2.82 +
15.00 = 80.90 beside a score of 80.89), and officials add the columns by hand at the meeting.
So the parts are rounded by the largest-remainder method (Hamilton's method; Balinski & Young,
Fair Representation, 1982, ch. 2; the "controlled rounding" statistical offices use so that a
table's rounded cells add up to its rounded total): each part rounded down to the step, the
steps the shown total still needs going one each to the parts with the largest remainders.
Each shown part is within one step (0.01) of its exact value, and a part already on the step
(a 加分 of 0.5) is shown as it is. A difference between two shown figures (与第一名差距) is
the difference of the shown figures, never a separately rounded exact difference.
"""

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from guanmo.figures.apportion import largest_remainder
from guanmo.figures.formatting import half_up


def parts_adding_up(parts: Sequence[Decimal], places: int = 2) -> list[Decimal]:
    """`parts` (exact, any sign) rounded to `places` decimals so that they sum exactly to the
    total half_up(Σ parts, places), the total the score shows.

    Shape: one shown part per part, in order, each a multiple of 10^−places and within one
    such step of its exact value (below it or above it).
    """
    step = Fraction(1, 10**places)
    total = half_up(sum(parts, Decimal(0)), places)
    quotas = [Fraction(part) / step for part in parts]
    counts = largest_remainder(quotas, int(Fraction(total) / step))
    return [Decimal(count).scaleb(-places) for count in counts]
