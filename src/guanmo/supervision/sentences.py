"""The bulletin's sentences on supervised problems:

本月共交办问题12个，已解决8个（其中按期解决6个），按期解决率60.0%，平均解决用时9.5天；逾期未解决2个。
"""

from collections.abc import Sequence

from guanmo.figures.formatting import number, rate
from guanmo.supervision.figures import ProblemFigures


def headline(total: ProblemFigures, label: str = "本月") -> str:
    """How many problems were raised in the span and what became of them."""
    if not total.raised:
        return f"{label}未交办问题。"
    sentence = f"{label}共交办问题{total.raised}个，已解决{total.solved}个"
    if total.solved:
        sentence += f"（其中按期解决{total.solved_on_time}个）"
    if total.on_time_rate is not None:
        sentence += f"，按期解决率{rate(total.on_time_rate)}"
    if total.mean_days_to_solve is not None:
        sentence += f"，平均解决用时{number(total.mean_days_to_solve)}天"
    tail = []
    if total.awaiting_confirmation:
        tail.append(f"待确认{total.awaiting_confirmation}个")
    tail.append(f"逾期未解决{total.overdue}个" if total.overdue else "无逾期未解决问题")
    return f"{sentence}；{'，'.join(tail)}。"


def overdue_sentence(groups: Sequence[ProblemFigures], subject: str) -> str | None:
    """Which departments (or counties) have overdue problems, most first."""
    if not any(group.raised for group in groups):
        return None
    overdue = sorted((g for g in groups if g.overdue), key=lambda g: -g.overdue)
    if not overdue:
        return f"各{subject}均无逾期未解决问题。"
    listed = "、".join(f"{g.name}{g.overdue}个" for g in overdue)
    return f"逾期未解决问题涉及{len(overdue)}个{subject}：{listed}。"


def rate_sentence(groups: Sequence[ProblemFigures], subject: str) -> str | None:
    """The highest and lowest on-time rates among the groups that have one (ties named
    together)."""
    rated = [g for g in groups if g.on_time_rate is not None]
    if len(rated) < 2:
        return None
    highest = max(g.on_time_rate for g in rated)
    lowest = min(g.on_time_rate for g in rated)
    if highest == lowest:
        return f"各{subject}按期解决率均为{rate(highest)}。"

    def names(rate) -> str:
        return "、".join(g.name for g in rated if g.on_time_rate == rate)

    return (
        f"按期解决率最高的{subject}是{names(highest)}（{rate(highest)}），"
        f"最低的是{names(lowest)}（{rate(lowest)}）。"
    )


def sentences(
    total: ProblemFigures,
    departments: Sequence[ProblemFigures],
    counties: Sequence[ProblemFigures],
    label: str = "本月",
) -> list[str]:
    """The headline, then departments, then counties, in the order a bulletin reads them."""
    candidates = [
        headline(total, label),
        overdue_sentence(departments, "责任部门"),
        rate_sentence(departments, "责任部门"),
        overdue_sentence(counties, "县区"),
        rate_sentence(counties, "县区"),
    ]
    return [sentence for sentence in candidates if sentence]
