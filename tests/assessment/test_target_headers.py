"""The 目标 column of a 目标完成 indicator under the headers offices write (tryout 27, item 3):
「按期开工率目标」 and 「按期开工率目标（%）」 were refused for 「按期开工率（%）」, with advice to
put the unit in the middle of the name. The unit may stand before or after 目标, or not at all."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.sheet_reading import read_scheme
from guanmo.assessment.values_sheet import read_values
from tests.assessment.test_sheet_reading import HEADER, save


def scheme(tmp_path, indicator: str):
    rows = [
        ["项目建设", 100, "投资完成率（%）", 50, "正向", None, None],
        ["项目建设", 100, indicator, 50, "正向", "目标完成", None],
    ]
    definition, _ = read_scheme(save(tmp_path / "办法.xlsx", HEADER, rows))
    return definition


@pytest.mark.parametrize(
    ("indicator", "target_header"),
    [
        ("按期开工率（%）", "按期开工率目标"),
        ("按期开工率（%）", "按期开工率目标（%）"),
        ("按期开工率（%）", "按期开工率（%）目标"),
        ("按期开工率（%）", "按期开工率(%)目标"),
        ("按期开工率", "按期开工率目标"),
        ("按期开工率", "按期开工率目标（%）"),
        ("按期开工率", "按期开工率（%）目标"),
    ],
)
def test_the_target_column_is_read_with_its_unit_before_or_after_目标_or_none(
    tmp_path, indicator, target_header
):
    definition = scheme(tmp_path, indicator)
    values = save(
        tmp_path / "数值.xlsx",
        ["单位", "投资完成率（%）", indicator, target_header],
        [["甲县", 95, 70, 85], ["乙县", 90, 80, 80]],
    )
    inputs, _ = read_values(values, definition)
    assert inputs.targets == {"甲县": {indicator: D(85)}, "乙县": {indicator: D(80)}}
    assert inputs.values["甲县"][indicator] == D(70)
