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
