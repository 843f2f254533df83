"""The plain-language line beside each panel statistic: what it measures, and what a value
means for the ranking, band by band."""

from decimal import Decimal

from guanmo.observation.agreement import Agreement
from guanmo.observation.panel_readings import panel_readings


def agreement(w=None, single=None, average=None, alpha=None) -> Agreement:
    return Agreement(
        kendall_w=w and Decimal(w),
        icc_single=single and Decimal(single),
        icc_single_interval=None,
        icc_average=average and Decimal(average),
        icc_average_interval=None,
        krippendorff_alpha=alpha and Decimal(alpha),
    )


def verdicts(**values) -> dict[str, str]:
    return {reading.name: reading.verdict for reading in panel_readings(agreement(**values))}


def test_low_values_warn_that_close_ranks_may_be_chance():
    said = verdicts(w="0.2500", single="0.3000", average="0.6000", alpha="0.4000")

    assert said["肯德尔协和系数W"].startswith("一致性很弱：评委们排出的先后次序分歧较大")
    assert said["组内相关系数ICC(A,1)"].startswith("可靠性差：单个评委的打分因人而异")
    assert said["组内相关系数ICC(A,k)"].startswith("可靠性中等：换一组评委，平均分可能明显不同")
    assert said["克里彭多夫α"].startswith("一致性不足")


def test_high_values_say_the_ranking_stands():
    said = verdicts(w="0.8100", single="0.7600", average="0.9500", alpha="0.8000")

    assert said["肯德尔协和系数W"].startswith("一致性强：")
    assert said["组内相关系数ICC(A,1)"].startswith("可靠性好：")
    assert said["组内相关系数ICC(A,k)"].startswith("可靠性很好：换一组同样人数的评委")
    assert said["克里彭多夫α"] == "一致性足以据此排名。"


def test_the_bands_turn_at_their_published_floors():
    assert verdicts(w="0.5000")["肯德尔协和系数W"].startswith(
        "一致性中等：评委们排出的先后次序大体相同"
    )
    assert verdicts(w="0.4999")["肯德尔协和系数W"].startswith("一致性弱：")
    assert verdicts(alpha="0.6670")["克里彭多夫α"].startswith("一致性尚可")
    assert verdicts(alpha="0.6669")["克里彭多夫α"].startswith("一致性不足")


def test_a_statistic_that_cannot_be_computed_says_why():
    said = verdicts()

    assert said["肯德尔协和系数W"] == "共同评分的评委或观摩点不足2个，无法计算。"
    assert said["克里彭多夫α"].startswith("评分不足")
