"""Tryout 15: `--what-if '高新区：…'` was refused while the values sheets take 高新区 for
焦作高新技术产业开发区: a what-if names its unit by the one region-naming rule
(`guanmo.regions.names`), and says the unit by its full name."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.what_if import parse_change, suppose

DEFINITION = Definition((IndicatorRow("综合", None, "营商环境评价", D(1)),))
INPUTS = Inputs(
    {
        "焦作高新技术产业开发区": {"营商环境评价": D(79)},
        "武陟县": {"营商环境评价": D(69)},
        "温县": {"营商环境评价": D(83)},
    }
)


@pytest.mark.parametrize("typed", ["高新区", "开发区", "焦作高新技术产业开发区"])
def test_a_what_if_names_its_unit_as_the_values_sheets_do(typed):
    line = suppose(DEFINITION, INPUTS, parse_change(f"{typed}：营商环境评价=90"))
    assert line.text.startswith("焦作高新技术产业开发区“营商环境评价”改为90：")
    assert line.after.rank == 1


def test_a_short_county_name_is_taken_and_an_unknown_one_refused():
    assert suppose(DEFINITION, INPUTS, parse_change("武陟:营商环境评价=70")).after.rank == 3
    with pytest.raises(ValueError, match="本期考核没有单位“修武”"):
        suppose(DEFINITION, INPUTS, parse_change("修武:营商环境评价=70"))
