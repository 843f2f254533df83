"""Knowing a column by what the sheet calls it, and finding the header wherever it stands."""

from decimal import Decimal

import pytest

from guanmo.sheets.header import Field, find_header, read_label


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("项目名称", Field.NAME),
        ("项目\n名称", Field.NAME),
        ("项目代码", Field.CODE),
        ("建设单位", Field.OWNER),
        ("项目业主", Field.OWNER),
        ("项目单位", Field.OWNER),
        ("所在县区", Field.COUNTY),
        ("县（市、区）", Field.COUNTY),
        ("县(市、区)", Field.COUNTY),
        ("所属地区", Field.COUNTY),
        ("建设地点", Field.LOCATION),
        ("建设性质", Field.STAGE),
        ("项目类型", Field.CATEGORY),
        ("产业类别", Field.INDUSTRY),
        ("所属产业", Field.INDUSTRY),
        ("行业", Field.INDUSTRY),
        ("重点级别", Field.LEVELS),
        ("级别", Field.LEVELS),
        ("建设规模及主要内容", Field.SCOPE),
        ("建设内容", Field.SCOPE),
        ("起止年限", Field.YEARS),
        ("建设年限", Field.YEARS),
        ("总投资", Field.TOTAL_INVESTMENT),
        ("总投资（万元）", Field.TOTAL_INVESTMENT),
        ("总投资(亿元)", Field.TOTAL_INVESTMENT),
        ("年度计划投资", Field.ANNUAL_PLAN),
        ("2025年计划投资", Field.ANNUAL_PLAN),
        ("2025年度计划投资（万元）", Field.ANNUAL_PLAN),
        ("本年计划投资", Field.ANNUAL_PLAN),
        ("责任单位", Field.RESPONSIBLE_UNIT),
        ("包抓领导", Field.LEADER_IN_CHARGE),
        ("包抓市领导", Field.LEADER_IN_CHARGE),
        ("分包领导", Field.LEADER_IN_CHARGE),
        ("驻工地专员", Field.SITE_COMMISSIONER),
        ("本月完成投资", Field.COMPLETED_THIS_MONTH),
        ("4月份完成投资", Field.COMPLETED_THIS_MONTH),
        ("累计完成投资", Field.CUMULATIVE_COMPLETED),
        ("1-4月完成投资", Field.CUMULATIVE_COMPLETED),
        ("1—4月累计完成投资", Field.CUMULATIVE_COMPLETED),
        ("1–4月累计完成投资", Field.CUMULATIVE_COMPLETED),
        ("1~4月完成投资（万元）", Field.CUMULATIVE_COMPLETED),
        ("1至4月累计完成投资", Field.CUMULATIVE_COMPLETED),
        ("2025年1－4月完成投资", Field.CUMULATIVE_COMPLETED),
        ("形象进度", Field.VISIBLE_PROGRESS),
        ("存在问题", Field.PROBLEMS),
        ("序号", Field.SERIAL),
    ],
)
def test_columns_are_known_by_their_synonyms_and_variants(typed, field):
    assert read_label(typed).field == field


def test_unknown_column_has_no_field_but_keeps_its_text():
    label = read_label("联系 电话")
    assert (label.field, label.text) == (None, "联系 电话")


def test_yi_in_a_header_is_its_unit():
    assert read_label("总投资（亿元）").unit == Decimal(10000)
    assert read_label("总投资（万元）").unit == Decimal(1)
    assert read_label("总投资").unit is None


TITLE = ["2025年焦作市重点项目台账", None, None, None]
UNITS = [None, None, None, "单位：万元"]


def test_header_below_title_and_units_lines_is_found():
    header = find_header(
        [TITLE, UNITS, ["序号", "项目名称", "所在县区", "总投资"], [1, "甲", "温县", 5]]
    )
    assert header.rows == (3,)
    assert header.columns == {
        0: Field.SERIAL,
        1: Field.NAME,
        2: Field.COUNTY,
        3: Field.TOTAL_INVESTMENT,
    }
    assert header.units == {3: Decimal(1)}


def test_header_need_not_start_in_the_first_column():
    header = find_header([[], [None, None, "项目名称", "总投资"]])
    assert header.rows == (2,)
    assert header.columns == {2: Field.NAME, 3: Field.TOTAL_INVESTMENT}


def test_two_row_header_takes_the_lower_cell_else_the_upper():
    # As openpyxl's read-only mode shows merged cells: a value in the first cell, None elsewhere.
    header = find_header(
        [
            TITLE,
            ["项目名称", "所在县区", "投资情况", None, "责任单位"],
            [None, None, "总投资", "2025年计划投资", None],
        ]
    )
    assert header.rows == (2, 3)
    assert header.columns == {
        0: Field.NAME,
        1: Field.COUNTY,
        2: Field.TOTAL_INVESTMENT,
        3: Field.ANNUAL_PLAN,
        4: Field.RESPONSIBLE_UNIT,
    }


def test_group_row_above_the_header_fills_its_vertically_merged_cells():
    header = find_header(
        [
            ["序号", "项目名称", "基本情况", None, None],
            [None, None, "所在县区", "建设单位", "总投资"],
        ]
    )
    assert header.rows == (1, 2)
    assert header.columns[1] == Field.NAME
    assert header.columns[4] == Field.TOTAL_INVESTMENT


def test_units_line_in_yi_puts_every_money_column_in_yi():
    header = find_header(
        [["单位：亿元"], ["项目名称", "总投资", "年度计划投资（万元）", "所在县区"]]
    )
    assert header.units == {1: Decimal(10000), 2: Decimal(1)}
    assert header.in_yi == [Field.TOTAL_INVESTMENT]


def test_group_cell_in_yi_puts_the_columns_under_it_in_yi():
    header = find_header(
        [
            ["项目名称", "所在县区", "投资情况（亿元）", None, "责任单位"],
            [None, None, "总投资", "2025年计划投资", None],
        ]
    )
    assert header.units == {2: Decimal(10000), 3: Decimal(10000)}


def test_units_cell_beside_the_header_counts_as_the_units_line():
    header = find_header([["项目名称", "所在县区", "总投资", None, "单位：亿元"]])
    assert header.units == {2: Decimal(10000)}
    assert header.unknown == []


def test_unknown_and_repeated_columns_are_listed():
    header = find_header([["项目名称", "所属地区", "总投资", "备注", "所在县区"]])
    assert header.unknown == ["备注"]
    assert header.repeated == ["所在县区"]
    assert header.columns[1] == Field.COUNTY


def test_no_header_in_a_sheet_of_prose():
    assert find_header([["说明"], ["本表由各县区填报"], ["项目名称请写全称"]]) is None


def test_lower_labels_that_mean_nothing_alone_are_read_with_their_group():
    header = find_header(
        [
            ["项目名称", "所在县区", "完成投资（亿元）", None, "形象进度"],
            [None, None, "本月", "1—4月累计", None],
        ]
    )
    assert header.rows == (1, 2)
    assert header.columns[2] == Field.COMPLETED_THIS_MONTH
    assert header.columns[3] == Field.CUMULATIVE_COMPLETED
    assert header.units == {2: Decimal(10000), 3: Decimal(10000)}
