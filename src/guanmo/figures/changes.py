"""Change since the previous period, as bulletins say it: a unit's rank moved up or down
(较上月前移2位, 后移1位, 持平) and its completion rate's change in 个百分点.

Ranks are competition ranks (1 is first), so moving up means a smaller number. Rates are
compared as shown (one decimal, half-up), so the change agrees with the two printed rates.
"""

from decimal import Decimal

from guanmo.figures.arithmetic import shown
from guanmo.figures.formatting import number


def places_moved(previous: int | None, current: int | None) -> int | None:
    """Places moved up (+) or down (−) from `previous` to `current`; None if either is unranked."""
    if previous is None or current is None:
        return None
    return previous - current


def rank_change_text(previous: int | None, current: int | None) -> str:
    """较上月前移N位 / 较上月后移N位 / 与上月持平; "" when either month has no rank."""
    return _said(places_moved(previous, current), "较上月前移{}位", "较上月后移{}位", "与上月持平")


def points_change(previous: Decimal | None, current: Decimal | None) -> Decimal | None:
    """The change of a rate between two periods in percentage points, on the shown rates."""
    if previous is None or current is None:
        return None
    return shown(current) - shown(previous)


def rate_change_text(previous: Decimal | None, current: Decimal | None) -> str:
    """提高X个百分点 / 下降X个百分点 / 持平; "" when either rate is undefined."""
    return _said(points_change(previous, current), "提高{}个百分点", "下降{}个百分点", "持平")


def _said(change: Decimal | int | None, up: str, down: str, level: str) -> str:
    """A signed change in words: `up` or `down` with its size, `level` for none, "" unknown."""
    if change is None:
        return ""
    size = abs(change)
    shown_size = str(size) if isinstance(size, int) else number(size)
    if change > 0:
        return up.format(shown_size)
    if change < 0:
        return down.format(shown_size)
    return level
