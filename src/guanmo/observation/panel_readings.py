"""What each panel statistic says about the ranking, in plain words for the organiser.

The bands are the usual ones in the literature: Kendall's W after Schmidt (1997, "Managing
Delphi surveys using nonparametric statistical techniques": 0.3 weak, 0.5 moderate, 0.7 strong);
the ICCs after Koo & Li (2016, J. Chiropractic Medicine 15(2): below 0.5 poor, 0.5–0.75
moderate, 0.75–0.9 good); Krippendorff's alpha after Krippendorff (2004, Content Analysis,
§11.4: 0.800 to rely on, 0.667 for tentative conclusions).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.observation.agreement import Agreement


@dataclass(frozen=True)
class Reading:
    """One statistic: its name, its value as shown, what it measures and what this value means
    for the ranking."""

    name: str
    value: Decimal | None
    measures: str
    verdict: str


_W_BANDS = ((Decimal("0.7"), "强"), (Decimal("0.5"), "中等"), (Decimal("0.3"), "弱"))
_ICC_BANDS = ((Decimal("0.9"), "很好"), (Decimal("0.75"), "好"), (Decimal("0.5"), "中等"))


def _band(value: Decimal, bands: Sequence[tuple[Decimal, str]], below: str) -> str:
    return next((word for floor, word in bands if value >= floor), below)


def _kendall_w(value: Decimal | None) -> str:
    if value is None:
        return "共同评分的评委或观摩点不足2个，无法计算。"
    band = _band(value, _W_BANDS, "很弱")
    if value >= Decimal("0.5"):
        return f"一致性{band}：评委们排出的先后次序大体相同，排名有共识作基础。"
    return (
        f"一致性{band}：评委们排出的先后次序分歧较大，名次相近的县区谁先谁后，"
        "可能取决于由哪几位评委打分，不宜过度解读。"
    )


def _icc(value: Decimal | None, *, average: bool) -> str:
    if value is None:
        return "共同评分的评委或观摩点不足2个，无法计算。"
    band = _band(value, _ICC_BANDS, "差")
    if value >= Decimal("0.75"):
        if average:
            return f"可靠性{band}：换一组同样人数的评委，平均分和名次大体不变。"
        return f"可靠性{band}：任何一位评委单独打分，结果也与全体相近。"
    if average:
        return (
            f"可靠性{band}：换一组评委，平均分可能明显不同，相邻名次之间的分差"
            "可能只是评委间的偶然差异；可增加评委或统一评分尺度。"
        )
    return f"可靠性{band}：单个评委的打分因人而异，名次应依靠多位评委的平均分，不宜看单人打分。"


def _alpha(value: Decimal | None) -> str:
    if value is None:
        return "评分不足（至少要有两位评委评过同一观摩点，且分数不全相同），无法计算。"
    if value >= Decimal("0.8"):
        return "一致性足以据此排名。"
    if value >= Decimal("0.667"):
        return "一致性尚可：排名可作参考，分差很小的名次宜谨慎对待。"
    return "一致性不足：评委之间分歧较大，排名结论须谨慎，宜结合现场点评和评委意见复核。"


def panel_readings(agreement: Agreement) -> list[Reading]:
    """W, ICC(A,1), ICC(A,k) and alpha, each with what it measures and what its value means."""
    return [
        Reading(
            "肯德尔协和系数W",
            agreement.kendall_w,
            "各评委给观摩点排出的先后次序是否一致（0至1，1为完全一致）。",
            _kendall_w(agreement.kendall_w),
        ),
        Reading(
            "组内相关系数ICC(A,1)",
            agreement.icc_single,
            "单个评委打分的可靠程度，既看次序也看分数高低（1为完全一致）。",
            _icc(agreement.icc_single, average=False),
        ),
        Reading(
            "组内相关系数ICC(A,k)",
            agreement.icc_average,
            "全体评委平均分的可靠程度，排名依据的正是这个平均分（1为完全一致）。",
            _icc(agreement.icc_average, average=True),
        ),
        Reading(
            "克里彭多夫α",
            agreement.krippendorff_alpha,
            "计入全部评分（含回避造成的空缺）的一致程度（1为完全一致，0为与随意打分无异）。",
            _alpha(agreement.krippendorff_alpha),
        ),
    ]
