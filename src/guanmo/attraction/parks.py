"""A park's own figures (产业集聚区, issue 14 "Parks"): 主营业务收入 and the share of its leading
industries in it ("主导产业…占集聚区的59.6%", against a target such as 70%), 规上企业,
高新技术企业, 公共服务平台, 从业人员, 规划面积 and 建成面积, ranked among the city's parks.

Plain functions over `ParkFacts`; shares are percentages to one decimal, half-up, and None
where the base is zero or missing (figures.arithmetic.percent); the gap to a target share is
in 个百分点, the leading revenue against the target's part of 主营业务收入, exact and rounded once
(figures.arithmetic.points_between, not the shown share less the target); ranks are
competition ranks (figures.arithmetic.ranks_and_ties).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.figures.arithmetic import percent, points_between, ranks_and_ties

LEADING_SHARE_TARGET = Decimal(70)  # the usual target for leading industries' share


@dataclass(frozen=True)
class ParkFacts:
    """One park's figures of a period, as entered or imported; None where not given."""

    name: str
    revenue: Decimal | None = None  # 主营业务收入, 万元
    leading_revenue: Decimal | None = None  # of which the leading industries', 万元
    enterprises_above_size: int | None = None  # 规上企业
    high_tech_enterprises: int | None = None  # 高新技术企业
    service_platforms: int | None = None  # 公共服务平台
    employees: int | None = None  # 从业人员
    planned_area: Decimal | None = None  # 规划面积, 平方公里
    built_area: Decimal | None = None  # 建成面积, 平方公里
    leading_industries: str = ""  # the leading industries' names, as the park gives them
    target: Decimal | None = None  # the park's own target share of its leading industries, %


@dataclass(frozen=True)
class ParkStanding:
    name: str
    leading_share: Decimal | None  # %
    vs_target: Decimal | None  # 个百分点
    built_share: Decimal | None  # 建成面积 ÷ 规划面积, %
    revenue_rank: int | None
    revenue_tied: bool
    share_rank: int | None
    share_tied: bool


def leading_share(park: ParkFacts) -> Decimal | None:
    """The leading industries' share of 主营业务收入, %."""
    if park.revenue is None or park.leading_revenue is None:
        return None
    return percent(park.leading_revenue, park.revenue)


def standings(
    parks: Sequence[ParkFacts], target: Decimal = LEADING_SHARE_TARGET
) -> list[ParkStanding]:
    """Each park's shares, its gap to its target share (its own, else `target`) and its ranks
    among `parks` by 主营业务收入 and by the leading share, in the order given."""
    shares = [leading_share(park) for park in parks]
    by_revenue = ranks_and_ties([park.revenue for park in parks])
    by_share = ranks_and_ties(shares)
    found = []
    for park, share, (revenue_rank, revenue_tied), (share_rank, share_tied) in zip(
        parks, shares, by_revenue, by_share, strict=True
    ):
        built = None
        if park.built_area is not None and park.planned_area:
            built = percent(park.built_area, park.planned_area)
        gap = None
        if share is not None and park.revenue and park.leading_revenue is not None:
            aimed = park.revenue * (park.target or target) / 100
            gap = points_between(park.leading_revenue, aimed, park.revenue)
        found.append(
            ParkStanding(
                park.name,
                share,
                gap,
                built,
                revenue_rank,
                revenue_tied,
                share_rank,
                share_tied,
            )
        )
    return found


@dataclass(frozen=True)
class ParkFigure:
    """A figure a park's own figures give, by the name schemes and catalogues call it, in the
    unit it is kept in; `read` gives it from a park's facts (None where not given)."""

    name: str
    unit: str
    read: Callable[[ParkFacts], Decimal | int | None]


# The figures of a park's own that the assessment (来源 园区:…) and the indicators take: one
# rule each, read here and nowhere else.
PARK_FIGURES = {
    figure.name: figure
    for figure in (
        ParkFigure("主营业务收入", "万元", lambda park: park.revenue),
        ParkFigure("主导产业收入", "万元", lambda park: park.leading_revenue),
        ParkFigure("主导产业占比", "%", leading_share),
        ParkFigure("规上企业数", "家", lambda park: park.enterprises_above_size),
        ParkFigure("高新技术企业数", "家", lambda park: park.high_tech_enterprises),
        ParkFigure("公共服务平台数", "个", lambda park: park.service_platforms),
        ParkFigure("从业人员", "人", lambda park: park.employees),
        ParkFigure("规划面积", "平方公里", lambda park: park.planned_area),
        ParkFigure("建成面积", "平方公里", lambda park: park.built_area),
    )
}
