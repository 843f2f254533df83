"""Issue 13 leftover: the bulletin's 二、公示及异议处理情况 gave the counts of objections but not
which value was corrected. Each accepted objection is now named under it: the unit, the
indicator, the value before → after (with its unit) and what recomputing did to the unit's
score and rank, from the stored objections."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import VETO
from guanmo.assessment.objections import accept_objection, raise_objection, reject_objection
from tests.assessment.letters import letter
from tests.assessment.test_bulletin import INPUTS, issued, paragraphs, publish

pytestmark = pytest.mark.django_db


def objected(result, unit: str, indicator: str, value: D | None):
    return raise_objection(
        result, attachment=letter(), unit=unit, indicator=indicator, value=value, reason="漏报"
    )


def test_each_accepted_objection_is_named_with_its_value_and_effect(settings):
    """test_bulletin's five counties. 丁县's 问题办结天数 20 → 6 (负向): the range becomes 6…12,
    丁县 100 × 0.4 = 40.00 (its 投资完成率 and 新开工项目数 the lowest, 0); 甲县 25 + 21.43 +
    13.33 − 1 = 58.76; 乙县 and 戊县 10 + 12.86 + 0 = 22.86: 丁县 moves from 5th (0.00) to 3rd.
    Then 甲县's 投资完成率 95 → 100, 丙县's, leaves 甲县 2nd (63.76)."""
    result = publish(settings)
    accept_objection(objected(result, "丁县", "问题办结天数", D(6)), reason="经核实")
    reject_objection(objected(result, "乙县", "新开工项目数", D(9)), reason="口径一致")
    said = paragraphs(issued(settings, result)[1])
    heading = said.index("二、公示及异议处理情况")
    assert said[heading + 2] == (
        "丁县对“问题办结天数”的异议予以采纳，数值由20更正为6，重新计算后丁县综合得分由"
        "0.00分变为40.00分，位次由第5位变为第3位。"
    )
    # tryout 30: the rejected one is named too, with its reason (it was only counted)
    assert said[heading + 3] == "乙县对“新开工项目数”的异议经复核维持原结果（口径一致）。"
    assert said[heading + 4] == "三、稳健性检验"


def test_a_rates_correction_is_said_in_percent_and_each_is_named_in_order(settings):
    result = publish(settings)
    accept_objection(objected(result, "丁县", "问题办结天数", D(6)))
    accept_objection(objected(result, "甲县", "投资完成率", D(100)))
    said = paragraphs(issued(settings, result)[1])
    named = [text for text in said if "予以采纳，数值由" in text]
    assert [text.split("，重新计算后")[0] for text in named] == [
        "丁县对“问题办结天数”的异议予以采纳，数值由20更正为6",
        "甲县对“投资完成率”的异议予以采纳，数值由95%更正为100%",
    ]
    assert named[1].endswith("位次仍为第2位。")


def test_a_lifted_veto_is_named_as_lifted(settings):
    """乙县 vetoed and placed last with 45.71 (10 + 12.86 + 22.86, as 戊县's); lifted, it shares
    3rd place with 戊县."""
    result = publish(settings, inputs=replace(INPUTS, vetoed=frozenset({"乙县"})))
    accept_objection(objected(result, "乙县", VETO, None))
    said = paragraphs(issued(settings, result)[1])
    assert (
        "乙县对“重大安全事故”一票否决的异议予以采纳，撤销一票否决，重新计算后乙县综合得分仍为"
        "45.71分，位次由第5位变为第3位（并列）。"
    ) in said
