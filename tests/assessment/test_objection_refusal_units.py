"""Issue 13 leftover: an objection refused for its value said the numbers without their unit
(“投资完成率”的数值已是95，无需更正). Every value in those refusals now carries the unit its
input is in: a rate's %, a 加分/扣分 item's 次, a register figure's 万元 or 亩."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.objections import ObjectionError, raise_objection
from tests.assessment.letters import letter
from tests.assessment.test_firm_results import issue, register  # noqa: F401
from tests.assessment.test_objections import published, with_deduction  # noqa: F401

pytestmark = pytest.mark.django_db


def refusal(result, unit: str, indicator: str, value: D) -> str:
    with pytest.raises(ObjectionError) as refused:
        raise_objection(
            result, attachment=letter(), unit=unit, indicator=indicator, value=value, reason="x"
        )
    return str(refused.value)


def test_a_rates_refusals_say_its_values_in_percent(published):  # noqa: F811
    assert refusal(published, "甲县", "投资完成率", D("110.5")) == (
        "“投资完成率”的数值为整数，应为数值110.5%与之不符"
    )
    assert refusal(published, "甲县", "投资完成率", D(95)) == (
        "甲县“投资完成率”的数值已是95%，无需更正"
    )


def test_a_deduction_items_refusal_says_its_count_in_times(with_deduction):  # noqa: F811
    result = with_deduction
    assert refusal(result, "丙县", "安全事故", D(1)) == (
        "丙县扣分项“安全事故”的次数已是1次，无需更正"
    )


def test_a_register_figures_refusals_say_its_unit(world, register):  # noqa: F811
    result = issue(world)
    assert refusal(result, "丁", "税收", D(10)) == "丁“税收”的数值已是10万元，无需更正"
    assert refusal(result, "丁", "用地面积", D(-2)) == "“用地面积”不能为负数，应为数值-2亩"
    assert refusal(result, "丁", "税收", D("1.1234567")) == (
        "“税收”的数值保留6位小数，应为数值1.1234567万元与之不符"
    )
