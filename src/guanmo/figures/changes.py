"""Change since the previous period, as bulletins say it: a unit's rank moved up or down
(较上月前移2位, 后移1位, 持平; 较去年同期…) and its completion rate's change in 个百分点.

Ranks are competition ranks (1 is first), so moving up means a smaller number. A completion
rate's change is worked out from the exact shares and rounded once (`share_points_change`), as
较时间进度 is; `points_change` compares two rates as shown, for figures known only as shown
(an indicator's reading).
"""

from decimal import Decimal

from guanmo.figures.arithmetic import points_between, shown
from guanmo.figures.formatting import UNDEFINED, in_words


def places_moved(previous: int | None, current: int | None) -> int | None:
    """Places moved up (+) or down (−) from `previous` to `current`; None if either is unranked."""
    if previous is None or current is None:
        return None
    return previous - current


def rank_change_text(previous: int | None, current: int | None, since: str = "上月") -> str:
    """较上月前移N位 / 较上月后移N位 / 位次与上月相同 (said of the place: 与上月持平 read as the
    figure unchanged, tryout 26 item 13); "" when either period has no rank.

    `since` names the earlier period: "上月" (the previous period of the same year) or
    "去年同期" (the same period of last year): 较去年同期前移2位.
    """
    return in_words(
        places_moved(previous, current),
        f"较{since}前移{{}}位",
        f"较{since}后移{{}}位",
        f"位次与{since}相同",
    )


def rank_move_cell(places: int | None) -> str:
    """A rank's move as a table cell headed 位次较上月: 前移2位 / 后移1位 / 持平; — unknown."""
    return in_words(places, "前移{}位", "后移{}位", "持平") or UNDEFINED


def points_change(previous: Decimal | None, current: Decimal | None) -> Decimal | None:
    """The change of a rate between two periods in percentage points, on the shown rates.

    Also a ratio indicator's change (城镇化率 from 55.2% to 56.0% is 0.8个百分点, never %).
    """
    if previous is None or current is None:
        return None
    return shown(current) - shown(previous)


def share_points_change(
    previous: tuple[Decimal, Decimal | None], current: tuple[Decimal, Decimal | None]
) -> Decimal | None:
    """The change in percentage points of a share between two periods, each given as (part,
    whole) in one unit (a unit's completed investment and annual plan, 万元): the exact
    part/whole − part/whole, rounded once half-up (`arithmetic.points_between`), as 较时间进度
    is; None when either whole is missing or 0. Tryout 25 [6]: 温县's 45.556% after 31.111% is
    提高14.4个百分点, where the shown 45.6 − 31.1 would say 14.5."""
    (earlier, earlier_whole), (part, whole) = previous, current
    if not earlier_whole or not whole:
        return None
    return points_between(part * earlier_whole, earlier * whole, whole * earlier_whole)


def points_change_text(points: Decimal | None) -> str:
    """A change in percentage points in words: 提高X个百分点 / 下降X个百分点 / 持平; "" unknown."""
    return in_words(points, "提高{}个百分点", "下降{}个百分点", "持平")


def rate_change_text(previous: Decimal | None, current: Decimal | None) -> str:
    """提高X个百分点 / 下降X个百分点 / 持平 between two rates as shown; "" when either rate is
    undefined."""
    return points_change_text(points_change(previous, current))
