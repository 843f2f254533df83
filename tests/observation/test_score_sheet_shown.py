"""A paper tour's score sheet read as it shows: a score in a percent format is refused naming
its cell, never read as the fraction held (issue 9, tryout 8: the shown-value rule)."""

import io
from decimal import Decimal

from guanmo.observation.score_sheet import read_score_sheet
from tests.sheets.files import formatted_xlsx

HEADER = [
    "评委",
    "评委所属县区",
    "观摩点",
    "观摩点所属县区",
    "比规模",
    "比进度",
    "比质量",
    "比效益",
]


def _read(rows, formats):
    rows = [["2025年第二次重点项目观摩评分表"], HEADER, *rows]
    file = io.BytesIO(formatted_xlsx(rows, formats))
    return read_score_sheet(file)


def test_a_score_in_a_percent_format_is_refused_naming_its_cell():
    sheet = _read(
        [["张三", "市发改委", "武陟县产业园", "武陟县", 0.28, 18, 20, 22]], {(3, 4): "0%"}
    )

    assert sheet.cards == []
    assert [str(fault) for fault in sheet.faults] == [
        "第3行「比规模」：单元格E3设置为百分比格式，显示为28%，但该列不是百分数；"
        "请按表头写明的单位填写数值（或将格式改为常规）后再导入"
    ]


def test_a_score_in_a_format_showing_it_as_held_is_read():
    sheet = _read(
        [["张三", "市发改委", "武陟县产业园", "武陟县", 20.5, 18, 20, 22]], {(3, 4): '0.0"分"'}
    )

    assert sheet.faults == []
    assert sheet.cards[0].scores["比规模"] == Decimal("20.5")
