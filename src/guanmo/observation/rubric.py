"""The scoring rubric: criteria with their maximum points, scored in steps (0.5 unless the
tour or the sheet says otherwise: paper score sheets are often typed to 0.1 or 0.2)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

SCORE_STEP = Decimal("0.5")  # the default step
FINEST_STEP = Decimal("0.1")  # scores are stored to one decimal


@dataclass(frozen=True)
class Criterion:
    name: str
    maximum: Decimal
    description: str = ""


DEFAULT_RUBRIC: tuple[Criterion, ...] = (
    Criterion("比规模", Decimal(25), "投资体量、建设规模与带动作用"),
    Criterion("比进度", Decimal(25), "形象进度与年度计划、时序进度的对照"),
    Criterion("比质量", Decimal(25), "工程质量、安全生产与文明施工"),
    Criterion("比效益", Decimal(25), "经济效益、社会效益与产业带动"),
)


def plain(points: Decimal) -> str:
    """Points as people write them: 25, 20.5 (no trailing zeros, no exponent)."""
    return f"{points.normalize():f}"


def step_fault(step: Decimal) -> str | None:
    """Why `step` cannot be a scoring step, in Chinese; None when it can."""
    if not step.is_finite() or step <= 0 or step % FINEST_STEP or step > 10:
        return f"打分单位应为0.1至10分之间0.1的整数倍，而填的是{plain(step)}"
    return None


def score_fault(criterion: Criterion, points: Decimal, step: Decimal = SCORE_STEP) -> str | None:
    """Why `points` cannot stand for `criterion` when scored in steps of `step`, in Chinese;
    None when it can."""
    if not points.is_finite():  # NaN cannot even be compared
        return f"「{criterion.name}」应填数字，而填的是「{points}」"
    if not 0 <= points <= criterion.maximum:
        return (
            f"「{criterion.name}」应在0至{plain(criterion.maximum)}分之间，而填的是{plain(points)}"
        )
    if points % step:
        return f"「{criterion.name}」应以{plain(step)}分为单位，而填的是{plain(points)}"
    return None


def full_marks(rubric: Sequence[Criterion]) -> Decimal:
    return sum((criterion.maximum for criterion in rubric), Decimal(0))


# A judge's scores may all fit a smaller common scale than the rubric's items: out of 10, out
# of 5, or fractions 0—1 (issue 9 §7, tryout 5).
SMALLER_SCALES = (Decimal(1), Decimal(5), Decimal(10))
SCALE_SHARE = Decimal("0.4")  # no score above this share of its item's maximum
SCALE_ITEMS = 3  # so many scores at least, to see a scale


def smaller_scale(scores: Sequence[tuple[Decimal, Decimal]]) -> Decimal | None:
    """The smaller scale a judge's scores look typed on, or None when they look the rubric's.

    `scores` are (points, the item's maximum) for every item the judge scored. A scale is seen
    when there are at least SCALE_ITEMS scores, not all zero; every score is at most a scale of
    SMALLER_SCALES (the smallest that holds them all: 1, 5 or 10); at least one item is worth
    twice that scale or more; and no score passes SCALE_SHARE (40%) of its item's maximum. A
    harsh judge who gives any item more than 40% of it, or more than 10 points, or who scores
    small items high, shows no scale: 10, 9, 8 on 25-point items is refused, 10, 9, 12 is not.
    """
    if len(scores) < SCALE_ITEMS or not any(points for points, _ in scores):
        return None
    highest = max(points for points, _ in scores)
    scale = next((scale for scale in SMALLER_SCALES if highest <= scale), None)
    if scale is None or max(maximum for _, maximum in scores) < 2 * scale:
        return None
    if any(points > maximum * SCALE_SHARE for points, maximum in scores):
        return None
    return scale
