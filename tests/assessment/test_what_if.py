"""Tryout 15: `--what-if '高新区：…'` was refused while the values sheets take 高新区 for
焦作高新技术产业开发区: a what-if names its unit by the one region-naming rule
(`guanmo.regions.names`), and says the unit by its full name."""

from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.what_if import parse_change, suppose
from tests.assessment.test_assess_command import arguments, sheets  # noqa: F401

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


VETOED = Inputs(
    {
        "孟州市": {"营商环境评价": D(95)},
        "武陟县": {"营商环境评价": D(69)},
        "温县": {"营商环境评价": D(83)},
    },
    vetoed=frozenset({"孟州市"}),
)
WITH_VETO = Definition(DEFINITION.indicators, vetoes=("重大安全事故",))


@pytest.mark.parametrize("typed", ["否", "0", "无"])
def test_a_veto_item_supposed_lifted_recomputes_the_unit_unvetoed(typed):
    """Tryout 27 (4): =否 said 数值“否”不是数, =0 said the scheme had no such item."""
    line = suppose(WITH_VETO, VETOED, parse_change(f"孟州市:重大安全事故={typed}"))
    assert line.before.vetoed and line.before.rank == 3
    assert not line.after.vetoed and line.after.rank == 1
    assert line.text == (
        "孟州市“重大安全事故”改为否：综合得分由100.00分变为100.00分，位次由第3位变为第1位"
    )


def test_a_veto_item_supposed_set_places_the_unit_last():
    line = suppose(WITH_VETO, VETOED, parse_change("温县:重大安全事故=是"))
    assert line.before.rank == 1 and line.after.rank == 3 and line.after.vetoed
    assert line.text.startswith("温县“重大安全事故”改为是：")


def test_是_or_否_for_an_indicator_is_refused_once_and_plainly():
    with pytest.raises(ValueError, match="数值“否”不是数；只有一票否决事项填“是”或“否”"):
        suppose(WITH_VETO, VETOED, parse_change("温县:营商环境评价=否"))
    with pytest.raises(ValueError, match="数值“很多”不是数"):
        parse_change("温县:重大安全事故=很多")


def test_the_command_supposes_a_veto_lifted(sheets):  # noqa: F811
    """`guanmo assess --what-if '乙县:重大安全事故=否'` on the command's sheets (乙县 vetoed,
    排在末位)."""
    out = StringIO()
    call_command(
        "assess", *arguments(sheets), "--runs", "0", "--what-if", "乙县:重大安全事故=否",
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    said = next(line for line in out.getvalue().splitlines() if "“重大安全事故”改为" in line)
    assert said.startswith("乙县“重大安全事故”改为否：") and "不是数" not in said


def test_a_what_if_on_an_exempt_unit_is_refused_saying_it_is_not_rated():
    """Tryout 30: 城乡一体化示范区“固投增速”改为5：综合得分由无得分变为无得分，位次仍为不排名."""
    values = {**INPUTS.values, "孟州市": {"营商环境评价": None}}
    exempt = Inputs(values, exempt=frozenset({"孟州市"}))
    with pytest.raises(ValueError, match=r"^孟州市不参评，没有得分和位次$"):
        suppose(DEFINITION, exempt, parse_change("孟州市:营商环境评价=90"))
