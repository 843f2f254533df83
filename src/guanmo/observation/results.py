"""Fair results of an observation tour: per-site scores, county scores, ranks, and the checks
that explain them. Plain data in, plain data out; the web tour and `observation-results` both
call `tour_results`."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Method(StrEnum):
    """How a site's score is made from its judges' totals."""

    TRIMMED = "trimmed"  # 去掉最高分和最低分后的平均分
    MEAN = "mean"
    MEDIAN = "median"
    ZSCORE = "zscore"  # each judge's totals standardised, mapped back to the panel's scale
    SEVERITY = "severity"  # site effect + judge offset, fitted on the scores present

    @property
    def label(self) -> str:
        return METHOD_LABELS[self]


METHOD_LABELS = {
    Method.TRIMMED: "去掉最高分和最低分后平均",
    Method.MEAN: "算术平均",
    Method.MEDIAN: "中位数",
    Method.ZSCORE: "评委标准化（Z分数）",
    Method.SEVERITY: "宽严校正（加性模型）",
}


@dataclass(frozen=True)
class ScoreCard:
    """One judge's scores for one site."""

    judge: str
    judge_region: str  # "" when the judge belongs to no county
    site: str
    site_region: str
    scores: Mapping[str, Decimal]  # criterion name → points
    remark: str = ""

    @property
    def total(self) -> Decimal:
        return sum(self.scores.values(), Decimal(0))

    @property
    def own_county(self) -> bool:
        return bool(self.judge_region) and self.judge_region == self.site_region


@dataclass(frozen=True)
class Trim:
    """How many totals to drop at each end; None means the default rule."""

    drop_high: int | None = None
    drop_low: int | None = None
