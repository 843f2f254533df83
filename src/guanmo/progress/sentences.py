"""The sentences of the bulletin, in the words officials use at review meetings.

The headline keeps exactly this pattern:
1—4月，492个市重点项目完成投资232.9亿元，占年度计划的37.8%，超时间进度4.5个百分点。
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from guanmo.figures.arithmetic import (
    completion_rate,
    period_label,
    points_vs_time_progress,
)
from guanmo.figures.formatting import money_said, money_wan_text, money_yi, rate, vs_time_progress

# Said where a unit's rank would be, and in the sentences, for a month in which it has no
# project on the list: its projects all enter later (`ledger.due`) or left before
# (`ledger.key_lists`), so it is not ranked (issue 14, tryout 22).
NOT_LISTED = "本月无在列重点项目"
# what the projects without an annual plan for the year are said to be (tryout 22)
WITHOUT_PLAN = "项目无年度计划，未计入完成率"

if TYPE_CHECKING:
    from guanmo.progress.report import Figures, ProgressReport

PODIUM = 3


def own_projects_sentence(
    whose: str,
    count: int,
    completed: Decimal,
    annual_plan: Decimal,
    month: int,
    *,
    unplanned: int = 0,
    unplanned_completed: Decimal = Decimal(0),
) -> str:
    """A user's own projects as of a month, money in 万元 (a few projects, not the city's
    亿元): 本人包抓的2个重点项目1—3月累计完成投资800.00万元，占年度计划的36.4%，
    超时间进度11.4个百分点。 `unplanned` of them have no annual plan: what they completed
    (`unplanned_completed`, in `completed`) is in no rate, and said so, as the bulletin does
    (`without_plan_sentence`)."""
    opening = (
        f"{whose}{count}个重点项目{period_label(month)}累计完成投资{money_wan_text(completed)}"
    )
    rated = completed - unplanned_completed
    own_rate = completion_rate(rated, annual_plan)
    if own_rate is None:
        return f"{opening}（未下达年度计划投资）。"
    points = points_vs_time_progress(rated, annual_plan, month)
    said = f"{opening}，占年度计划的{rate(own_rate)}，{vs_time_progress(points)}"
    if unplanned:
        said += f"；{unplanned}个{WITHOUT_PLAN}"
    return f"{said}。"


def headline(report: "ProgressReport") -> str:
    total = report.total
    opening = (
        f"{report.period.label}，{total.projects}个{report.subject}"
        f"完成投资{money_yi(total.completed, places=1)}"
    )
    if total.completion_rate is None or total.vs_time_progress is None:
        return f"{opening}（未下达年度计划投资）。"
    return (
        f"{opening}，占年度计划的{rate(total.completion_rate)}，"
        f"{vs_time_progress(total.vs_time_progress)}。"
    )


def _names(figures: Sequence["Figures"]) -> str:
    return "、".join(f.region for f in figures)


def _with_rate(f: "Figures") -> str:
    note = rate(f.completion_rate)
    if f.tied:
        note += f"，并列第{f.rank}位"
    return f"{f.region}（{note}）"


def comparison_sentence(report: "ProgressReport") -> str | None:
    """Which units are ahead of, level with and behind time progress (of those ranked: not a
    unit with no project on the list in the month)."""
    ranked = [f for f in report.regions if f.ranked and f.listed and f.vs_time_progress is not None]
    if not ranked:
        return None
    ahead = [f for f in ranked if f.vs_time_progress > 0]
    level = [f for f in ranked if f.vs_time_progress == 0]
    behind = [f for f in ranked if f.vs_time_progress < 0]
    parts = []
    if ahead:
        parts.append(f"超时间进度的有{len(ahead)}个：{_names(ahead)}")
    if level:
        parts.append(f"与时间进度持平的有{len(level)}个：{_names(level)}")
    if behind:
        parts.append(f"低于时间进度的有{len(behind)}个：{_names(behind)}")
    return f"从各县区看，{'；'.join(parts)}。"


def podium_sentence(report: "ProgressReport") -> str | None:
    """The first three and the last three by completion rate, ties marked 并列."""
    ranked = [f for f in report.regions if f.rank is not None]
    if not ranked:
        return None
    first = [f for f in ranked if f.rank <= PODIUM]
    sentence = f"完成率居前三位的是：{'、'.join(_with_rate(f) for f in first)}"
    if len(ranked) > PODIUM * 2:
        # The last three places: every unit ranked at or below the third-from-last place.
        threshold = ranked[-PODIUM].rank
        last = [f for f in ranked if f.rank >= threshold and f not in first]
        sentence += f"；居后三位的是：{'、'.join(_with_rate(f) for f in last)}"
    return sentence + "。"


def unplanned_sentence(report: "ProgressReport") -> str | None:
    """The units not ranked, and why: 孟州市本月无在列重点项目，不参与排名 (none of its projects
    on the list in the month: `Figures.rank_note`); 示范区未下达年度计划投资，不参与排名."""
    not_listed = [f for f in report.regions if f.rank_note]
    unplanned = [f for f in report.regions if f.ranked and f.listed and f.rank is None]
    said = [
        f"{_names(units)}{why}，不参与排名。"
        for units, why in ((not_listed, NOT_LISTED), (unplanned, "未下达年度计划投资"))
        if units
    ]
    return "".join(said) or None


def without_plan_sentence(report: "ProgressReport") -> str | None:
    """The projects without an annual plan for the year, which no completion rate counts
    (`report.Figures.rated_completed`; tryout 22): 2个项目无年度计划，未计入完成率（武陟县1个、
    温县1个）。 None when there are none."""
    if not report.total.unplanned:
        return None
    units = "、".join(f"{f.region}{f.unplanned}个" for f in report.regions if f.unplanned)
    return f"{report.total.unplanned}个{WITHOUT_PLAN}（{units}）。"


def unreported_sentence(report: "ProgressReport") -> str:
    if not report.unreported:
        return f"{report.period.month}月，全部{report.subject}均按时报送进度。"
    listed = "、".join(p.named for p in report.unreported)
    return f"{report.period.month}月未报送进度的项目有{len(report.unreported)}个：{listed}。"


def removal_sentences(report: "ProgressReport") -> list[str]:
    """How projects taken off a key list count (the rule: `ledger.key_lists`): 本月调出重点项目
    名录项目1个，调出前完成投资和年度计划投资仍计入本年累计，自下月起不计入项目个数，不参加排名。
    1—3月累计含此前调出重点项目名录的项目1个调出前完成投资150万元、年度计划投资800万元，
    不计入项目个数，不参加排名。"""
    said = []
    if report.leaving:
        said.append(
            f"本月调出{report.subject}名录项目{report.leaving}个，"
            "调出前完成投资和年度计划投资仍计入本年累计，自下月起不计入项目个数，不参加排名。"
        )
    if report.left:
        completed = sum((project.completed for project in report.left), Decimal(0))
        plan = sum((project.annual_plan or Decimal(0) for project in report.left), Decimal(0))
        said.append(
            f"{report.period.label}累计含此前调出{report.subject}名录的项目"
            f"{len(report.left)}个调出前完成投资{money_said(completed)}、"
            f"年度计划投资{money_said(plan)}，不计入项目个数，不参加排名。"
        )
    return said


def sentences(report: "ProgressReport") -> list[str]:
    """The sentences that follow the headline, in the order a bulletin reads them."""
    candidates = [
        comparison_sentence(report),
        podium_sentence(report),
        unplanned_sentence(report),
        without_plan_sentence(report),
        unreported_sentence(report),
        *removal_sentences(report),
    ]
    return [sentence for sentence in candidates if sentence]
