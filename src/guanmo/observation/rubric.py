"""The scoring rubric: criteria with their maximum points, scored in steps of 0.5."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

SCORE_STEP = Decimal("0.5")


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


def score_fault(criterion: Criterion, points: Decimal) -> str | None:
    """Why `points` cannot stand for `criterion`, in Chinese; None when it can."""
    if not points.is_finite():  # NaN cannot even be compared
        return f"「{criterion.name}」应填数字，而填的是「{points}」"
    if not 0 <= points <= criterion.maximum:
        return (
            f"「{criterion.name}」应在0至{plain(criterion.maximum)}分之间，而填的是{plain(points)}"
        )
    if points % SCORE_STEP:
        return f"「{criterion.name}」应以{SCORE_STEP:f}分为单位，而填的是{plain(points)}"
    return None


def full_marks(rubric: Sequence[Criterion]) -> Decimal:
    return sum((criterion.maximum for criterion in rubric), Decimal(0))
