"""A project's planned investment curve: its annual plan shared out by month, and the 序时进度 it
gives (the share of the annual plan due by a month's end), beside the plain time progress m/12.

The curve is the office's twelve monthly amounts where it set them, else the city's seasonal
shape: last year's cumulative completed investment of the city's key projects by month
(`guanmo.figures.breakdown.seasonal_weights`), or equal months where last year is not whole.
Either way the annual plan is broken down by the largest remainder to 0.01万元 (0.0001万元, as
money is stored, for a plan not on the cent), so the twelve months add up to the plan exactly
(source: issue 14, "Milestones and planned curves").
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.figures.apportion import Weight
from guanmo.figures.arithmetic import (
    completion_rate,
    percent,
    points_between,
    points_vs_time_progress,
    time_progress,
)
from guanmo.figures.breakdown import MONTHS, Breakdown, break_down, equal_weights, seasonal_weights

CENT = Decimal("0.01")  # the step a page shows 万元 to
STEP = Decimal("0.0001")  # as money is stored, for a plan not on the cent


@dataclass(frozen=True)
class Shape:
    """The city's monthly weights for a year and what they are, as pages label them."""

    weights: Sequence[Weight]
    label: str


EQUAL_SHAPE = Shape(tuple(equal_weights()), "按月平均")


def city_shape(last_year_cumulative: Mapping[int, Decimal], whole: str = "全市") -> Shape:
    """The seasonal shape from last year's cumulative figures by month (1—M月, 万元), labelled
    with the top's whole (`names.whole`: 全市, 全县); equal months, said so, when last year has
    no December, falls, or completed nothing."""
    try:
        weights = seasonal_weights(last_year_cumulative)
    except ValueError:
        return EQUAL_SHAPE
    if not any(weights):
        return EQUAL_SHAPE
    return Shape(tuple(weights), f"按{whole}上年投资进度")


def project_curve(annual_plan: Decimal | None, weights: Sequence[Weight]) -> Breakdown | None:
    """The annual plan (万元) by month following `weights` (the office's twelve amounts or the
    city's shape); None without a plan. Twelve amounts summing to the plan are kept as they
    are; any others are read as a shape."""
    if not annual_plan:
        return None
    if len(weights) != MONTHS or not any(weights):
        weights = equal_weights()
    step = CENT if annual_plan % CENT == 0 else STEP
    return break_down(annual_plan.quantize(STEP), weights, step)


def curve_faults(annual_plan: Decimal | None, months: Sequence[Decimal]) -> list[str]:
    """What is wrong with twelve monthly amounts an office sets: a negative month, or a total
    that is not the annual plan (万元). Empty when they may be stored."""
    faults = [
        f"{month}月计划投资不能为负数" for month, amount in enumerate(months, 1) if amount < 0
    ]
    if len(months) != MONTHS:
        faults.append(f"应填写12个月的计划投资，而不是{len(months)}个")
    elif annual_plan is None:
        faults.append("本年度还没有年度计划投资，不能分解到月")
    elif sum(months, Decimal(0)) != annual_plan:
        faults.append(
            f"12个月计划投资合计{sum(months, Decimal(0)):f}万元，"
            f"与年度计划投资{annual_plan.normalize():f}万元不一致"
        )
    return faults


@dataclass(frozen=True)
class CurveStanding:
    """Completion judged two ways after a month: against time progress (m/12) and against the
    curve's 序时进度, each difference in 个百分点 the exact gap rounded once (`figures.
    arithmetic.points_vs_time_progress`, `points_between`); None where undefined."""

    completion_rate: Decimal | None
    time_progress: Decimal
    vs_time_progress: Decimal | None
    curve_progress: Decimal | None
    vs_curve: Decimal | None


def standing_by_curve(
    completed: Decimal, annual_plan: Decimal | None, curve_due: Decimal | None, month: int
) -> CurveStanding:
    """`completed` (万元, 1—M月) against `annual_plan` and the plan due by the month's end by
    the curve (`curve_due`, 万元: one project's node or several projects' nodes summed)."""
    rate = completion_rate(completed, annual_plan)
    time = time_progress(month)
    by_curve = percent(curve_due, annual_plan) if curve_due is not None and annual_plan else None
    return CurveStanding(
        completion_rate=rate,
        time_progress=time,
        vs_time_progress=points_vs_time_progress(completed, annual_plan, month),
        curve_progress=by_curve,
        vs_curve=(
            points_between(completed, curve_due, annual_plan)  # type: ignore[arg-type]
            if by_curve is not None
            else None
        ),
    )
