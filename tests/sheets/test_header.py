"""Knowing a column by what the sheet calls it, and finding the header wherever it stands."""

from decimal import Decimal

import pytest

from guanmo.ledger.columns import Field, find_header, parse_mapping, read_label
from guanmo.sheets.header import Expected


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


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("区域", Field.COUNTY),
        ("所属区域", Field.COUNTY),
        ("县（市、区）", Field.COUNTY),
        ("地区", Field.COUNTY),
        ("建设起止时间", Field.YEARS),
        ("建设工期", Field.YEARS),
        ("项目工期", Field.YEARS),
        ("挂钩领导", Field.LEADER_IN_CHARGE),
        ("挂钩市领导", Field.LEADER_IN_CHARGE),
        ("联系领导", Field.LEADER_IN_CHARGE),
        ("挂钩责任单位", Field.RESPONSIBLE_UNIT),
        ("当年计划投资", Field.ANNUAL_PLAN),
        ("本年度计划", Field.ANNUAL_PLAN),
        ("主要规模和内容", Field.SCOPE),
        ("当月投资", Field.COMPLETED_THIS_MONTH),
        ("当月完成投资", Field.COMPLETED_THIS_MONTH),
        ("本月完成", Field.COMPLETED_THIS_MONTH),
        ("年初至报告期累计完成投资", Field.CUMULATIVE_COMPLETED),
        ("本年累计", Field.CUMULATIVE_COMPLETED),
        ("当年累计", Field.CUMULATIVE_COMPLETED),
        ("1—6月累计", Field.CUMULATIVE_COMPLETED),
        ("开累", Field.CUMULATIVE_SINCE_START),
        ("自开工累计完成投资", Field.CUMULATIVE_SINCE_START),
        ("开工至报告期累计完成投资", Field.CUMULATIVE_SINCE_START),
        ("项目累计完成投资", Field.CUMULATIVE_SINCE_START),
        ("至上年底累计完成投资", Field.PREVIOUS_YEAR_END),
        ("至2024年底累计完成投资（万元）", Field.PREVIOUS_YEAR_END),
    ],
)
def test_words_real_sheets_use(typed, field):
    assert read_label(typed).field == field


@pytest.mark.parametrize(
    ("typed", "year", "months"),
    [
        ("2024年计划投资", 2024, None),
        ("2025年1-6月完成投资（万元）", 2025, (1, 6)),
        ("6月份完成投资", None, (6, 6)),
        ("截至6月底累计完成投资", None, (1, 6)),
        ("至2024年底累计完成投资", 2024, None),
        ("累计完成投资", None, None),
    ],
)
def test_a_label_keeps_the_year_and_months_it_names(typed, year, months):
    label = read_label(typed)
    assert (label.year, label.months) == (year, months)


def test_yuan_in_a_header_is_its_unit():
    assert read_label("年度计划投资（元）").unit == Decimal("0.0001")


def test_a_cumulative_of_another_year_is_set_aside_with_a_note():
    header = find_header(
        [["项目名称", "所在县区", "2024年1-6月完成投资", "2025年1-6月完成投资"]],
        Expected(year=2025, month=6),
    )
    assert header.columns == {0: Field.NAME, 1: Field.COUNTY, 3: Field.CUMULATIVE_COMPLETED}
    assert header.notes == ["「2024年1-6月完成投资」写明2024年，不是2025年的数，未读取"]


def test_a_hidden_plan_column_is_never_read():
    header = find_header(
        [["项目名称", "所在县区", "2025年计划投资", "年度计划投资"]],
        Expected(year=2025),
        hidden_columns={2},
    )
    assert header.columns[3] == Field.ANNUAL_PLAN
    assert 2 not in header.columns
    assert header.notes == ["「2025年计划投资」所在的C列为隐藏列，未读取"]


def test_sub_columns_of_a_merged_text_group_take_the_groups_field_first():
    header = find_header(
        [
            ["项目名称", "区域", "项目业主单位", None, None, "挂钩领导"],
            [None, None, "业主名称", "负责人", "电话", None],
        ]
    )
    assert header.rows == (1, 2)
    assert header.columns == {
        0: Field.NAME,
        1: Field.COUNTY,
        2: Field.OWNER,
        5: Field.LEADER_IN_CHARGE,
    }
    assert [reading.text for reading in header.readings if reading.field is None] == [
        "项目业主单位／负责人",
        "项目业主单位／电话",
    ]


def test_a_user_mapping_names_a_column_and_may_make_the_header():
    mapping = parse_mapping(["片区=所在县区", "盘子=年度计划投资", "备注=忽略"])
    header = find_header(
        [["标题"], ["项目名称", "片区", "盘子", "备注"]], Expected(mapping=mapping)
    )
    assert header.columns == {0: Field.NAME, 1: Field.COUNTY, 2: Field.ANNUAL_PLAN}
    assert [reading.why for reading in header.readings] == [
        "",
        "用户指定",
        "用户指定",
        "用户指定忽略",
    ]
    assert header.unknown == []


def test_a_three_row_header_reads_each_column_under_all_its_groups():
    """Tryout 4 L05: 投资情况（亿元） over [总投资↓ | 2025年 → 计划投资, 其中：一季度]: the plan is
    2025's, in the top group's 亿元; the header spans three rows."""
    header = find_header(
        [
            ["序号", "项目名称", "所在县区", "投资情况（亿元）", None, None, None, "责任单位"],
            [None, None, None, "总投资", "截至2024年底累计完成", "2025年", None, None],
            [None, None, None, None, None, "计划投资", "其中：一季度", None],
            [1, "甲", "温县", 3, 0.6, 1.2, 0.3, "县发改委"],
        ],
        Expected(year=2025),
    )
    assert header.rows == (1, 2, 3)
    assert header.columns == {
        0: Field.SERIAL,
        1: Field.NAME,
        2: Field.COUNTY,
        3: Field.TOTAL_INVESTMENT,
        4: Field.PREVIOUS_YEAR_END,
        5: Field.ANNUAL_PLAN,
        7: Field.RESPONSIBLE_UNIT,
    }
    assert header.units == {3: Decimal(10000), 4: Decimal(10000), 5: Decimal(10000)}


def test_a_three_row_progress_header_takes_the_period_of_its_top_group():
    """Tryout 4 P09: 2025年7月 over 完成投资（万元）[本月 | 1-7月累计] and 形象进度↓."""
    rows = [
        ["序号", "项目名称", "所在县区", "2025年7月", None, None],
        [None, None, None, "完成投资（万元）", None, "形象进度"],
        [None, None, None, "本月", "1-7月累计", None],
    ]
    header = find_header(rows, Expected(year=2025, month=7))
    assert header.rows == (1, 2, 3)
    assert header.columns == {
        0: Field.SERIAL,
        1: Field.NAME,
        2: Field.COUNTY,
        3: Field.COMPLETED_THIS_MONTH,
        4: Field.CUMULATIVE_COMPLETED,
        5: Field.VISIBLE_PROGRESS,
    }
    assert header.faults == []
    june = find_header(rows, Expected(year=2025, month=6))
    assert june.faults, "7月 in the top group is not June"
