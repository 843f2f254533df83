"""What an indicator is: its kind, direction, ranking basis, frequency, and a target's profile.

Plain enumerations (Django's TextChoices, so models and forms use them as they are), shared by
the models and by the arithmetic, which needs no database.
"""

from django.db import models


class Kind(models.TextChoices):
    AMOUNT = "amount", "总量（累计值）"  # 固定资产投资, 脱贫人口: accumulated through the year
    RATIO = "ratio", "比率（百分比）"  # 城镇化率: itself a percentage; changes in 个百分点
    # 人均可支配收入: grows in % like an amount, but a group's figure is not the sum of its
    # members' (it needs the population behind each), so it is only ever taken as reported;
    # a level reached (达到), like a ratio (`is_level`).
    AVERAGE = "average", "人均（平均）值"
    # 贫困村退出, 项目开工个数: a count of the members of a finite set (the villages, the
    # projects of the year's plan), summed and grown like an amount, but never forecast past
    # its whole (`targets.forecast_rate`).
    COUNT = "count", "个数（村、项目等）"


def is_summed(kind: Kind) -> bool:
    """Whether a group's value of an indicator of `kind` is its members' sum (an amount, a
    count), as opposed to a ratio or an average (their sum means nothing)."""
    return kind in (Kind.AMOUNT, Kind.COUNT)


def is_level(kind: Kind) -> bool:
    """Whether an indicator of `kind` is a level reached (a ratio, 城镇化率; an average, 人均可支配
    收入 in 元, 单位GDP能耗 in 吨标准煤/万元), said with 达到, rather than an amount done through
    the year (固定资产投资, 脱贫人口, 新植面积), said with 完成. The one place this is decided: from
    the kind stored on the indicator, never from its name or unit."""
    return kind in (Kind.RATIO, Kind.AVERAGE)


class Direction(models.TextChoices):
    HIGHER = "higher", "越高越好"
    LOWER = "lower", "越低越好"  # 赴京访批次, 单位GDP能耗


class RankBy(models.TextChoices):
    GROWTH = "growth", "按增速"  # 追赶超越 rankings usually rank growth
    VALUE = "value", "按总量"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "月度"
    QUARTERLY = "quarterly", "季度"


# What every profile breaks a target down to, said where 分解方式 is chosen or its nodes shown:
# quarters, months and 旬, no finer (issue 12 asks 季/月/旬; 周 appears only in a speech).
BREAKDOWN_GRAINS = "分解到季、月、旬（最细到旬，不设周节点）"


class Profile(models.TextChoices):
    """How an annual amount target is broken down into its quarter, month and 旬 nodes
    (`BREAKDOWN_GRAINS`: never weeks)."""

    EQUAL = "equal", "平均分解"
    SEASONAL = "seasonal", "按上年进度分解"  # 以年终目标倒推, by last year's monthly shape
    BY_HAND = "by_hand", "手工设定"
