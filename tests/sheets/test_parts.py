"""A figure split into columns, read row by row (guanmo.sheets.parts): the exact sum of its
parts, or its whole checked against them; never a part taken for the whole."""

from decimal import Decimal
from enum import StrEnum

from guanmo.sheets.parts import Parts, completed_quarter, planned_quarter, read_parts


class Column(StrEnum):
    TOTAL = "总投资"
    CUMULATIVE = "累计完成投资"


YEARS = Parts(Column.TOTAL, "年度", ((1, "2024年"), (2, "2025年"), (3, "2026年以后")))
UNITS = {index: Decimal(1) for index in range(6)}


def test_parts_typed_as_floats_add_up_exactly():
    read = read_parts(YEARS, ["甲", 0.1, 0.2, 1234.57], UNITS, 3, None)
    assert (read.value, read.faults) == (Decimal("1234.87"), [])


def test_blank_parts_count_nothing_and_all_blank_gives_no_figure():
    assert read_parts(YEARS, ["甲", None, 500, "—"], UNITS, 3, None).value == Decimal(500)
    assert read_parts(YEARS, ["甲", None, None, None], UNITS, 3, None).value is None


def test_parts_in_yi_are_converted_before_they_are_added():
    units = {**UNITS, 2: Decimal(10000)}
    assert read_parts(YEARS, ["甲", 100, 1.25, 0], units, 3, None).value == Decimal(12600)


def test_a_part_that_cannot_be_read_is_a_fault_naming_its_cell_and_gives_no_figure():
    read = read_parts(YEARS, ["甲", 100, "#REF!", 300], UNITS, 7, None)
    assert read.value is None
    assert read.faults == [(2, "单元格C7是错误值 #REF!，无法相加得出总投资")]


def test_a_whole_that_its_filled_parts_do_not_add_up_to_is_a_fault_on_the_whole():
    parts = Parts(Column.TOTAL, "年度", YEARS.columns, whole=4, whole_text="总投资／合计")
    read = read_parts(parts, ["甲", 100, 200, 300, 700], UNITS, 5, Decimal(700))
    assert read.value is None
    assert read.faults == [
        (
            4,
            "「总投资／合计」700万元不等于分年度各列（2024年、2025年、2026年以后）之和600万元，未导入",
        )
    ]
    assert read_parts(parts, ["甲", 100, 200, 400, 700], UNITS, 5, Decimal(700)).faults == []


def test_a_later_quarter_with_a_figure_is_a_fault_naming_its_cell():
    parts = Parts(
        Column.CUMULATIVE,
        "季度",
        ((1, "一季度完成"), (2, "二季度完成")),
        later=((3, "三季度"),),
        until=6,
    )
    read = read_parts(parts, ["甲", 100, 200, 0], UNITS, 4, None)
    assert read.faults == [
        (3, "单元格D4填有三季度的完成投资，晚于本次导入的6月，是另一时期的数，未导入")
    ]
    assert read_parts(parts, ["甲", 100, 200, None], UNITS, 4, None).value == Decimal(300)


def test_quarter_columns_are_known_by_what_follows_the_quarter():
    assert [planned_quarter(key) for key in ("一季度", "第四季度", "3季度计划", "一季度完成")] == [
        1,
        4,
        3,
        None,
    ]
    assert completed_quarter("第二季度完成投资", "") == 2
    assert completed_quarter("二季度", "完成投资(万元)") == 2
    assert completed_quarter("二季度", "计划投资") is None
