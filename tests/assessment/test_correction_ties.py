"""A correction's effect says 并列 where a unit was or is tied (tryout 27, item 5: 武陟县 was
并列第4 and the history said 位次由第4位变为第3位), in the what-if's words (`place_text`)."""

from dataclasses import replace
from decimal import Decimal as D

from guanmo.assessment.history import correction_effect
from guanmo.assessment.outcome import compute
from tests.assessment.test_objections import DEFINITION, INPUTS


def test_a_tied_rank_keeps_its_并列_in_the_correction_effect():
    values = {**INPUTS.values, "乙县": dict(INPUTS.values["甲县"])}  # 甲县 and 乙县 并列第2
    before = compute(DEFINITION, replace(INPUTS, values=values), runs=0).as_json()
    corrected = {**values, "乙县": {**values["乙县"], "投资完成率": D(90)}}
    after = compute(DEFINITION, replace(INPUTS, values=corrected), runs=0).as_json()
    assert [u["rank"] for u in before["units"]] == [1, 2, 2, 4]
    said = correction_effect("乙县", before, after)
    assert said.startswith("乙县综合得分由78.57分变为68.57分，位次由第2位（并列）变为第3位；")
    assert "甲县综合得分仍为78.57分，位次仍为第2位，不再并列" in said  # tryout 30: 由…变为第2位
    assert "丙县" not in said and "丁县" not in said


def test_a_unit_a_correction_ties_keeps_its_place_and_is_said_now_tied():
    """Tryout 30: 中站区综合得分仍为62.50分，位次由第6位变为第6位（并列）."""
    values = {**INPUTS.values, "乙县": dict(INPUTS.values["甲县"])}
    tied = compute(DEFINITION, replace(INPUTS, values=values), runs=0).as_json()
    apart = compute(DEFINITION, INPUTS, runs=0).as_json()
    said = correction_effect("乙县", apart, tied)
    assert said.startswith("乙县综合得分由42.86分变为78.57分，位次由第3位变为第2位（并列）；")
    assert "甲县综合得分仍为78.57分，位次仍为第2位，变为并列" in said
